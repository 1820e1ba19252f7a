/*
 * Setting up the crossing: Syscall User Dispatch, the host signal handlers and
 * the entry into guest code (core/gate.S does the switching itself).
 */
#ifndef XENO_CORE_CROSSING_H
#define XENO_CORE_CROSSING_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "core/personality.h"

struct xeno_thread;

/* Nonzero when rdfsbase/wrfsbase are usable (read by the gate). */
extern uint8_t xeno_have_fsgsbase;

/* Process-wide set-up, once, before the first thread attaches: 0 or -errno. */
int xeno_crossing_init(void);

/* What every handler of xeno's blocks: all but the synchronous signals. */
extern uint64_t xeno_handler_mask;

/* Installs (or restores) xeno's host handler for one host signal; extra_flags
 * adds SA_NOCLDSTOP/SA_NOCLDWAIT for SIGCHLD. */
int xeno_catch_host_signal(int sig, unsigned long extra_flags);
/* Sets a host signal's disposition to SIG_DFL or SIG_IGN (handler 0 or 1). */
int xeno_set_host_disposition(int sig, uintptr_t handler);

/* Where the thread state is found (core/gate.h), for the whole process:
 * before the first thread attaches. */
void xeno_locator_init(enum xeno_guest_segment segment);

/* Enters guest code on the calling (attached) thread with all registers
 * zero except those in entry, the segment base its guest owns, and the host
 * signal mask. */
noreturn void xeno_enter_guest(const struct xeno_entry *entry, const sigset_t *mask);

#endif
