/*
 * FreeBSD's sysctl MIB as xeno answers it: a table of nodes (name, MIB,
 * type, value source: syscalls/freebsd/sysctl_table.c) and an engine that
 * follows sys/kern/kern_sysctl.c (sysctl_find_oid, sysctl_root,
 * sysctl_old_user, name2oid).  The engine works on host buffers only, so the
 * unit tests call it directly; the system call handlers (sysctl.c) copy
 * guest memory in and out around it.
 */
#ifndef XENO_SYSCALLS_FREEBSD_SYSCTL_H
#define XENO_SYSCALLS_FREEBSD_SYSCTL_H

#include <stddef.h>

/* No node answers more than this many bytes (a path is the longest). */
#define FREEBSD_SYSCTL_OUT_MAX 8192

/* One request (struct sysctl_req): what the caller offers and asks. */
struct freebsd_sysctl_req {
	void *old;	 /* NULL: the caller asks for the size only */
	size_t oldlen;	 /* room the caller has (its *oldlenp); the engine writes
			  * at most min(oldlen, FREEBSD_SYSCTL_OUT_MAX) bytes */
	size_t oldidx;	 /* out: the size of the whole answer */
	const void *new; /* NULL: nothing to set */
	size_t newlen;
	int new_fault; /* new points at unreadable guest memory */
};

struct sysctl_node;
/* A node's value source: writes its answer with freebsd_sysctl_out().
 * args/nargs are the MIB components after a node with a handler. */
typedef int (*sysctl_handler)(const struct sysctl_node *n, const int *args, unsigned nargs,
			      struct freebsd_sysctl_req *req);

struct sysctl_node {
	const char *name; /* dotted: "kern.ostype" */
	int mib[4];
	unsigned depth;		/* components in mib */
	unsigned kind;		/* CTLTYPE_* | CTLFLAG_* */
	const char *fmt;	/* sysctl's format string: "I", "A", "LU", "S,timeval" */
	sysctl_handler handler; /* NULL for a plain node */
	long value;		/* for constants */
	const char *string;	/* for constant strings */
};

extern const struct sysctl_node freebsd_sysctl_nodes[];
extern const unsigned freebsd_sysctl_nnodes;

/* SYSCTL_OUT: appends l bytes of the answer (p may be NULL when only the size
 * is asked); ENOMEM (positive) once the caller's room is exhausted. */
int freebsd_sysctl_out(struct freebsd_sysctl_req *req, const void *p, size_t l);
/* SYSCTL_IN: takes l bytes of the new value; EINVAL if fewer were given. */
int freebsd_sysctl_in(struct freebsd_sysctl_req *req, void *p, size_t l);

/* The sysctl.* nodes' handlers (sysctl.c): sysctl.name (MIB -> dotted
 * name), sysctl.name2oid (name in the new buffer -> MIB), sysctl.oidfmt. */
int freebsd_sysctl_name(const struct sysctl_node *n, const int *args, unsigned nargs,
			struct freebsd_sysctl_req *req);
int freebsd_sysctl_name2oid_node(const struct sysctl_node *n, const int *args, unsigned nargs,
				 struct freebsd_sysctl_req *req);
int freebsd_sysctl_oidfmt(const struct sysctl_node *n, const int *args, unsigned nargs,
			  struct freebsd_sysctl_req *req);

/* Runs a request on the MIB name[0..namelen): 0 or a positive FreeBSD-style
 * error taken from the host's errno names (ENOENT, ENOTDIR, EISDIR, EPERM,
 * ENOMEM with a partial answer, EINVAL, ...). */
int freebsd_sysctl(const int *name, unsigned namelen, struct freebsd_sysctl_req *req);
/* What *oldlenp becomes afterwards (kern_sysctl.c userland_sysctl). */
size_t freebsd_sysctl_retval(const struct freebsd_sysctl_req *req);
/* The MIB of a dotted name: 0 or ENOENT. */
int freebsd_sysctl_name2oid(const char *name, int *oid, unsigned *len);

#endif
