/*
 * Host calls that block on the guest's behalf (futex waits, reads of pipes,
 * sleeps) must be interruptible by the signals the guest has not blocked,
 * while xeno's own code runs with them blocked.  xeno_blocking_syscall opens
 * the guest's mask only around the call itself, and a signal that lands
 * after the mask opens but before the call starts turns the call into
 * -EINTR (core/signal.c moves the interrupted thread to the exit): no
 * wake-up is lost.
 */
#ifndef XENO_CORE_BLOCKING_H
#define XENO_CORE_BLOCKING_H

#include <stdbool.h>
#include <ucontext.h>

/* args: the host syscall number, then six arguments.  The raw result.
 * Like every host call a handler makes, it is shown by --trace=host. */
long xeno_host_blocking_syscall(const long args[7]);

#define host_blocking_syscall(nr, a, b, c, d, e, f)                                                \
	xeno_host_blocking_syscall((const long[7]){(nr), (long)(a), (long)(b), (long)(c),          \
						   (long)(d), (long)(e), (long)(f)})

/* For the signal handler: if uc was interrupted inside a blocking call
 * before the host call began, make the call return -EINTR.  */
bool xeno_blocking_interrupt(ucontext_t *uc);

#endif
