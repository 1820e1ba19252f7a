/* Trap dispatch: a trapped guest system call, through its personality's table. */
#ifndef XENO_CORE_DISPATCH_H
#define XENO_CORE_DISPATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

struct xeno_thread;

/* --stats: count what crossed, and say so when the process exits. */
extern bool xeno_stats;
extern uint64_t xeno_stats_traps, xeno_stats_signals;
/* Prints "xeno: N system calls trapped, M signals delivered" if --stats. */
void xeno_stats_report(void);

/* --strict: an unimplemented system call ends the program (by SIGSYS). */
extern bool xeno_strict;

/* For handlers: an operation of a multiplexing call (an _umtx_op op, an
 * ioctl) that xeno knows of but does not implement: -ENOSYS, and once per
 * (call, op) the message "xeno: <os> <call> operation <op> not implemented". */
long xeno_unimplemented_op(struct xeno_thread *t, const char *call, long op);

/* Runs the system call the guest trapped with, and writes its result into uc. */
void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc);

#endif
