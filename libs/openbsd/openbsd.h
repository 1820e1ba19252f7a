/*
 * OpenBSD: the personality (libs/openbsd/personality.c) and its shim
 * libraries (libs/openbsd/<library>.spec: libc.so, libpthread.so).  What
 * the generated tables need to see and what the handlers share.
 */
#ifndef XENO_LIBS_OPENBSD_H
#define XENO_LIBS_OPENBSD_H

#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/library.h"
#include "core/personality.h"

struct xeno_thread;
struct xeno_sigaction;

extern const struct xeno_personality openbsd_personality;
extern const struct xeno_calltable openbsd_systable;

int openbsd_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry);
void openbsd_init_tcb(uint64_t tp, uint64_t dtv);
void openbsd_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp);
void openbsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask);

#endif
