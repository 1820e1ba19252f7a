/*
 * macOS: the personality (libs/darwin/personality.c) and its shim
 * libraries (libs/darwin/<library>.spec: libSystem.B.dylib, and the
 * CoreFoundation and Security frameworks).  The guest owns %gs: each thread's
 * GS base is its TSD block, as libpthread keeps it (xnu libsyscall/os/tsd.h:
 * slot 0 the thread itself, slot 6 Go's g).
 */
#ifndef XENO_LIBS_DARWIN_H
#define XENO_LIBS_DARWIN_H

#include <signal.h>
#include <stdint.h>
#include <sys/types.h>
#include <ucontext.h>

#include "core/library.h"
#include "core/personality.h"

struct xeno_thread;
struct xeno_sigaction;

extern const struct xeno_personality darwin_personality;
extern const struct xeno_library *const darwin_libraries[];

/* Exported data: mach_task_self_ (a port name; nothing reads it but Go's
 * mach_vm_region call, which fails). */
extern uint32_t darwin_mach_task_self;

/* A thread's TSD block: its GS base and its pthread_t. */
#define DARWIN_TSD_SIZE 8192
uint64_t darwin_tsd_new(void);
void darwin_tsd_free(uint64_t tsd);
/* Records that host thread tid runs on tsd (pthread_self, pthread_kill). */
void darwin_thread_register(uint64_t tsd, pid_t tid);
/* The host thread of a pthread_t: its tid, or 0. */
pid_t darwin_thread_tid(uint64_t tsd);

int darwin_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
		       struct xeno_entry *entry);
void darwin_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			   const struct xeno_sigaction *act, const sigset_t *old_mask);

#endif
