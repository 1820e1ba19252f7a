/*
 * Per-thread state of the process VM.  One struct xeno_thread per host thread
 * that runs guest code; its address is the thread's GS base.
 */
#ifndef XENO_CORE_THREAD_H
#define XENO_CORE_THREAD_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <ucontext.h>

#include "core/gate.h"

struct xeno_personality;

struct xeno_thread {
	/* Read by the gate through %gs: keep in step with core/gate.h. */
	struct xeno_thread *self;
	uint8_t selector;
	uint8_t pad_[7];
	uint64_t host_fs;
	uint64_t guest_fs;

	/* Everything below is private to C. */
	pid_t tid;                       /* host thread id */
	void *altstack;                  /* xeno's own signal stack */
	size_t altstack_size;
	size_t map_size;                 /* size of the mapping holding this struct */
	const struct xeno_personality *os;
	sigjmp_buf exit_jmp;             /* where thread exit returns to */
	ucontext_t *uc;                  /* the trap being handled */
	uint64_t rval2;                  /* second result of a syscall (RDX) */
	int have_rval2;
};

_Static_assert(offsetof(struct xeno_thread, self) == XT_SELF, "gate offset");
_Static_assert(offsetof(struct xeno_thread, selector) == XT_SELECTOR, "gate offset");
_Static_assert(offsetof(struct xeno_thread, host_fs) == XT_HOST_FS, "gate offset");
_Static_assert(offsetof(struct xeno_thread, guest_fs) == XT_GUEST_FS, "gate offset");

/* The calling thread's state (NULL before xeno_thread_attach). */
static inline struct xeno_thread *xeno_current(void)
{
	struct xeno_thread *t;
	__asm__ volatile("movq %%gs:%c1, %0" : "=r"(t) : "i"(XT_SELF));
	return t;
}

/* Allocates a thread state with its signal stack; NULL with errno on failure. */
struct xeno_thread *xeno_thread_new(const struct xeno_personality *os);
/* Makes t the calling thread's state: GS base, signal stack, SUD. 0 or -errno. */
int xeno_thread_attach(struct xeno_thread *t);
void xeno_thread_free(struct xeno_thread *t);

#endif
