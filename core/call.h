/*
 * One call path for every way the guest reaches xeno.  xeno_call runs a
 * foreign call whatever way it arrived: it picks the handler from the call's
 * table, loads glibc's thread state when the handler needs it, keeps the
 * flight recorder, tells the tracer, and turns an interrupted call into a
 * restart or EINTR.  The adapters around it only move arguments and
 * results: the trap adapter (core/dispatch.c) from and to the registers of
 * a trapped `syscall`, the direct-call entry of the library layer from and
 * to a function call.
 */
#ifndef XENO_CORE_CALL_H
#define XENO_CORE_CALL_H

#include <stdbool.h>

#include "core/syscall.h"

struct xeno_thread;

/* --strict: an unimplemented call ends the program (by SIGSYS). */
extern bool xeno_strict;

/* Runs call c on thread t: a result, or a negated host errno, or
 * -XENO_ERESTART (the caller re-issues the call) or -XENO_EJUSTRETURN. */
long xeno_call(struct xeno_thread *t, const struct xeno_call *c);

/* For handlers: an operation of a multiplexing call (an _umtx_op op, an
 * ioctl) that xeno knows of but does not implement: -ENOSYS, and once per
 * (call, op) the message "xeno: <os> <call> operation <op> not implemented". */
long xeno_unimplemented_op(struct xeno_thread *t, const char *call, long op);

#endif
