/* Trap dispatch: a trapped guest system call, through its personality's table. */
#ifndef XENO_CORE_DISPATCH_H
#define XENO_CORE_DISPATCH_H

#include <stdbool.h>
#include <ucontext.h>

struct xeno_thread;

/* --strict: an unimplemented system call ends the program (by SIGSYS). */
extern bool xeno_strict;

/* Runs the system call the guest trapped with, and writes its result into uc. */
void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc);

#endif
