/*
 * Per-thread state of the process VM.  One struct xeno_thread per host thread
 * that runs guest code, found through the locator (core/gate.h): the GS base
 * where the guest owns FS, a thread-local variable where it owns GS.
 */
#ifndef XENO_CORE_THREAD_H
#define XENO_CORE_THREAD_H

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <ucontext.h>

#include "core/sitecallframe.h"
#include "core/flight.h"
#include "core/gate.h"
#include "core/guestjump.h"

struct xeno_personality;
struct xeno_call;
struct xeno_sysent;

#define XENO_SCRATCH_SIZE (32 * 1024)

/* The guest's alternate signal stack (emulated: the host's is xeno's). */
struct xeno_altstack {
	uint64_t sp, size;
	bool enabled;
};

#define XENO_TRACE_HOST_CALLS 32 /* host calls kept for one traced foreign call */

struct xeno_thread {
	/* Read by the gate and core/blocking.S: see core/gate.h. */
	struct xeno_thread *self;
	uint8_t selector;
	volatile uint8_t sigpending;
	volatile uint8_t host_tls; /* XT_HOST_TLS: glibc's FS base is loaded */
	uint8_t direct;		   /* XT_DIRECT: in a direct call (core/libgate.S) */
	uint8_t pad_[4];
	uint64_t host_fs;
	uint64_t guest_fs;
	uint64_t wait_mask; /* kernel sigset: the guest's, made safe */
	/* In a direct call through the Microsoft-convention entry: its frame
	 * on the guest's stack, where the guest's registers are saved
	 * (core/libgate_ms.h); 0 otherwise. */
	uint64_t direct_frame;
	/* a patched site's call: read and written by core/sitecall.S */
	struct xeno_sitecall sitecall;

	/* Everything below is private to C. */
	pid_t tid;	/* host thread id = the guest's thread id */
	void *altstack; /* xeno's own signal stack */
	size_t altstack_size;
	size_t map_size; /* size of the mapping holding this struct */
	const struct xeno_personality *os;
	ucontext_t *uc;		  /* the trap being handled */
	uint64_t rval2;		  /* second result of a syscall (RDX) */
	int lib_errno;		  /* the guest's errno, for shim libraries (foreign value) */
	const uint64_t *lib_regs; /* the direct call's registers (core/libcall.h) */
	/* the direct call's arguments on the guest's stack (System V: from the
	 * seventh, Microsoft x64: from the fifth), for those beyond the eight
	 * a table entry holds */
	const uint64_t *lib_stack;
	int have_rval2;
	/* where the guest goes on when the direct call ends, if lib_resuming
	 * (xeno_lib_resume) */
	struct xeno_guest_jump lib_jump;
	bool lib_resuming;

	/* signals (core/sigstate.c) */
	sigset_t sigmask; /* the guest's mask, host numbering */
	struct xeno_altstack sigstack;
	sigset_t pending;    /* caught while xeno ran, for the guest */
	sigset_t saved_mask; /* to restore after a temporary mask */
	bool has_saved_mask; /* (sigsuspend, ppoll, pselect) */

	/* life (core/threads.c) */
	bool is_main;
	sigjmp_buf exit_jmp;	  /* where thread exit returns to */
	struct xeno_thread *next; /* in the process's thread list */
	uint32_t suspend_word;	  /* futex for thr_suspend/thr_wake */
	/* Where a 32-bit 1 is stored and woken (a private futex) once the
	 * thread has left the guest's stack and TLS for good, so that whoever
	 * joins it may free them: a shim's thread exit sets it (0: nowhere). */
	uint64_t exit_state;
	/* suspension by another thread (core/suspend.h) */
	uint32_t suspend_count;	  /* runs again when 0 */
	uint32_t suspend_seq;	  /* futex: moves on at every suspension and resumption */
	uint32_t suspend_stopped; /* futex: 1 once suspend_regs holds where it stands */
	bool suspend_dirty;	  /* suspend_regs changed: resume with them */
	bool suspend_in_xeno;	  /* it stands at a call site inside xeno */

	/* the flight recorder (core/flight.h): always on */
	struct xeno_flight flight;

	/* tracing (core/trace.c): the foreign call being traced, and the host
	 * calls it made so far (--trace=host, --record) */
	const struct xeno_call *trace_trap;
	const struct xeno_sysent *trace_entry;
	int64_t trace_start; /* ns since the trace began */
	bool trace_in_call;
	uint16_t trace_nhost;
	uint32_t trace_host_dropped;

	/* Big and seldom used, last: the fields every thread touches at every
	 * call stay on the first pages of the mapping, and these pages are
	 * not touched (not faulted in) until needed. */
	siginfo_t pending_info[65]; /* with pending */
	greg_t suspend_regs[NGREG];
	/* Working space too big for the signal stack (a signal frame, an XSAVE
	 * image, a sysctl answer), used by one handler at a time and never by
	 * the queue-only path.  Not thread-local storage on purpose: glibc
	 * zeroes a new thread's TLS block, and these pages stay untouched
	 * until needed. */
	unsigned char scratch[XENO_SCRATCH_SIZE] __attribute__((aligned(64)));
	struct xeno_callrec trace_host[XENO_TRACE_HOST_CALLS];
};

_Static_assert(offsetof(struct xeno_thread, self) == XT_SELF, "gate offset");
_Static_assert(offsetof(struct xeno_thread, selector) == XT_SELECTOR, "gate offset");
_Static_assert(offsetof(struct xeno_thread, sigpending) == XT_SIGPENDING, "gate offset");
_Static_assert(offsetof(struct xeno_thread, host_tls) == XT_HOST_TLS, "gate offset");
_Static_assert(offsetof(struct xeno_thread, direct) == XT_DIRECT, "gate offset");
_Static_assert(offsetof(struct xeno_thread, host_fs) == XT_HOST_FS, "gate offset");
_Static_assert(offsetof(struct xeno_thread, guest_fs) == XT_GUEST_FS, "gate offset");
_Static_assert(offsetof(struct xeno_thread, wait_mask) == XT_WAIT_MASK, "gate offset");
_Static_assert(offsetof(struct xeno_thread, direct_frame) == XT_DIRECT_FRAME, "gate offset");
_Static_assert(offsetof(struct xeno_thread, sitecall) == XT_SITECALL, "gate offset");
_Static_assert(offsetof(struct xeno_sitecall, uc.uc_mcontext.gregs) == XS_GREGS, "gate offset");
_Static_assert(offsetof(struct xeno_sitecall, fpu) == XS_FPU, "gate offset");

/* The locator (core/gate.h): nonzero where the guest owns GS, so that the
 * thread's state is xeno_tls_self, reached through glibc's FS base. */
extern uint8_t xeno_state_via_fs;
extern __thread struct xeno_thread *xeno_tls_self;

/* The calling thread's state.  Only valid on threads xeno attached. */
static inline struct xeno_thread *xeno_current(void)
{
	if (__builtin_expect(xeno_state_via_fs, 0))
		return xeno_tls_self;
	struct xeno_thread *t;
	__asm__ volatile("movq %%gs:%c1, %0" : "=r"(t) : "i"(XT_SELF));
	return t;
}

/* Nonzero when rdfsbase/wrfsbase are usable (core/crossing.h). */
extern uint8_t xeno_have_fsgsbase;

/* Loads glibc's FS base for the calling thread if the entry left the guest's
 * in place (core/gate.h; a direct call's entry does, to stay cheap): every
 * path that uses glibc's thread state — stdio, malloc, pthread locks, errno —
 * calls this first.  Cheap when already done, and always done where the
 * guest leaves FS to glibc; a wrfsbase where the CPU allows it, else an
 * arch_prctl. */
static inline void xeno_host_tls(struct xeno_thread *t)
{
	if (t->host_tls)
		return;
	if (xeno_have_fsgsbase) {
		__asm__ volatile("wrfsbase %0" : : "r"(t->host_fs) : "memory");
	} else {
		long ret;
		__asm__ volatile("syscall"
				 : "=a"(ret)
				 : "a"((long)XENO_NR_ARCH_PRCTL), "D"((long)XENO_ARCH_SET_FS),
				   "S"(t->host_fs)
				 : "rcx", "r11", "memory");
		(void)ret;
	}
	t->host_tls = 1;
}

/* Gives the guest a new FS base, loaded when it resumes.  The gate reloads
 * the guest's FS base on the way out only if glibc's was loaded meanwhile
 * (core/gate.h), so this makes sure it was. */
static inline void xeno_set_guest_fs(struct xeno_thread *t, uint64_t base)
{
	xeno_host_tls(t);
	t->guest_fs = base;
}

/* Allocates a thread state with its signal stack; NULL with errno on failure. */
struct xeno_thread *xeno_thread_new(const struct xeno_personality *os);
/* Makes t the calling thread's state: GS base, signal stack, SUD. 0 or -errno. */
int xeno_thread_attach(struct xeno_thread *t);
void xeno_thread_free(struct xeno_thread *t);
/* Turns Syscall User Dispatch on for the calling thread, selector in t. */
int xeno_thread_enable_sud(struct xeno_thread *t);

#endif
