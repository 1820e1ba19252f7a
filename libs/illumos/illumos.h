/*
 * illumos: the personality (libs/illumos/personality.c) and its shim
 * libraries (libs/illumos/<library>.spec: libc.so.1, libsocket.so.1,
 * libsendfile.so.1).  What the generated tables need to see and what the
 * handlers share.
 */
#ifndef XENO_LIBS_ILLUMOS_H
#define XENO_LIBS_ILLUMOS_H

#include <signal.h>
#include <stdint.h>
#include <string.h> /* the host functions the specs bind directly (HOST) */
#include <ucontext.h>

#include "core/library.h"
#include "core/personality.h"

struct xeno_thread;
struct xeno_sigaction;
struct bsd_abi;

extern const struct xeno_personality illumos_personality;
extern const struct bsd_abi illumos_bsd_abi;
extern const struct xeno_flagset *const illumos_flagsets[];
extern const struct xeno_trace_decoder *const illumos_trace_decoders[];
extern const struct xeno_calltable illumos_systable;

/* Exported data (libs/illumos/start.c), read through its _at pointer. */
extern char **illumos_environ;
/* The guest address of the program's resolved path (AT_SUN_EXECNAME). */
extern uint64_t illumos_execname;

/* The personality's hooks. */
int illumos_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry);
void illumos_init_tcb(uint64_t tp, uint64_t dtv);
void illumos_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp);
void illumos_decode_trap(const greg_t *gregs, struct xeno_call *call);
void illumos_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask);
size_t illumos_trace_siginfo(int sig, const siginfo_t *si, void *out, size_t size);

/* The guest's stack pointer at the moment of the call being handled (a
 * trap's, or a direct call's). */
uint64_t illumos_guest_sp(const struct xeno_thread *t);

/* Writes the whole of buf to the guest's descriptor fd: 0 or -errno. */
long illumos_write_all(struct xeno_thread *t, int fd, const void *buf, size_t n);

/* A descriptor is about to be closed: an event port's own state goes. */
void illumos_port_closed(int fd);

#endif
