/*
 * The trap adapter: a guest `syscall` trapped by Syscall User Dispatch
 * becomes a xeno_call (core/call.h) with the arguments the personality reads
 * from the registers, and its result goes back into them.
 */
#ifndef XENO_CORE_DISPATCH_H
#define XENO_CORE_DISPATCH_H

#include <ucontext.h>

struct xeno_thread;

/* Runs the system call the guest trapped with, and writes its result into uc. */
void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc);

#endif
