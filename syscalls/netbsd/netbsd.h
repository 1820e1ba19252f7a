/*
 * The NetBSD personality's own pieces; the shared handlers are declared in
 * syscalls/bsd/bsd.h, NetBSD's own handlers in the prototypes generated
 * from syscalls.master (netbsd_sysproto.h).  Group by the file that
 * defines them.
 */
#ifndef XENO_SYSCALLS_NETBSD_H
#define XENO_SYSCALLS_NETBSD_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/personality.h"
#include "netbsd_sysproto.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_personality netbsd_personality;
extern const struct xeno_calltable netbsd_systable;

/* ---- the process (syscalls/netbsd/stack.c) ---- */
/* Maps and fills a NetBSD process's initial stack: 0 or -errno. */
int netbsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		       struct xeno_entry *entry);

/* ---- signals (syscalls/netbsd/sigframe.c) ---- */
struct xeno_sigaction;
struct netbsd_ucontext;
void netbsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			   const struct xeno_sigaction *act, const sigset_t *old_mask);
/* The trampoline __sigaction_sigtramp registered for host signal sig. */
uint64_t netbsd_sigtramp_of(int sig);
/* cpu_mcontext_validate: whether the registers of uc may be loaded (0 or
 * -EINVAL); g is the current frame, whose flags the checks compare with. */
int netbsd_mcontext_check(const struct netbsd_ucontext *uc, const greg_t *g);

/* ---- system (syscalls/netbsd/sysctl.c) ---- */
struct bsd_sysctl_req;
/* Runs a request on the MIB name[0..namelen), CTL_QUERY included: 0 or a
 * positive error (ENOENT, ENOTDIR, EINVAL for a node asked as a value,
 * EPERM, ENOMEM with a partial answer). */
int netbsd_sysctl(const int *name, unsigned namelen, struct bsd_sysctl_req *req);

#endif
