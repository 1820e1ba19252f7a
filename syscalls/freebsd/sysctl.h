/*
 * FreeBSD's sysctl MIB as xeno answers it: its node table
 * (syscalls/freebsd/sysctl_table.c) on the shared engine
 * (syscalls/bsd/sysctl.h), with FreeBSD's dispatch and its sysctl.* nodes
 * (sys/kern/kern_sysctl.c sysctl_root, name2oid, sysctl_sysctl_name,
 * sysctl_sysctl_oidfmt).
 */
#ifndef XENO_SYSCALLS_FREEBSD_SYSCTL_H
#define XENO_SYSCALLS_FREEBSD_SYSCTL_H

#include <stddef.h>

#include "syscalls/bsd/sysctl.h"

extern const struct bsd_sysctl_tree freebsd_sysctl_tree;

/* The sysctl.* nodes' handlers (sysctl.c): sysctl.name (MIB -> dotted
 * name), sysctl.name2oid (name in the new buffer -> MIB), sysctl.oidfmt. */
int freebsd_sysctl_name(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
			struct bsd_sysctl_req *req);
int freebsd_sysctl_name2oid_node(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
				 struct bsd_sysctl_req *req);
int freebsd_sysctl_oidfmt(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
			  struct bsd_sysctl_req *req);

/* Runs a request on the MIB name[0..namelen): 0 or a positive FreeBSD-style
 * error taken from the host's errno names (ENOENT, ENOTDIR, EISDIR, EPERM,
 * ENOMEM with a partial answer, EINVAL, ...). */
int freebsd_sysctl(const int *name, unsigned namelen, struct bsd_sysctl_req *req);
/* What *oldlenp becomes afterwards (kern_sysctl.c userland_sysctl). */
size_t freebsd_sysctl_retval(const struct bsd_sysctl_req *req);
/* The MIB of a dotted name: 0 or ENOENT. */
int freebsd_sysctl_name2oid(const char *name, int *oid, unsigned *len);

#endif
