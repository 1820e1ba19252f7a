/*
 * A personality: everything the process VM needs to know to run the programs
 * of one foreign operating system (FreeBSD's struct sysentvec is the model).
 * Each OS defines one in its folder; its brand record (core/brand.h) points
 * at it.
 */
#ifndef XENO_CORE_PERSONALITY_H
#define XENO_CORE_PERSONALITY_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/syscall.h"

struct xeno_thread;
struct xeno_image;
struct xeno_flagset;
struct xeno_sigaction;
struct xeno_trace_decoder;
struct xeno_callrec;
struct xeno_library;

/* Where the guest starts: registers (the ones not named are zero, unless a
 * thread call hands over a whole register set, as NetBSD's _lwp_create
 * does), and the base of the segment register it owns (fs or gs,
 * core/gate.h; the other is ignored). */
struct xeno_entry {
	uint64_t rip, rsp, rdi, rsi, rdx, rbx;
	uint64_t rax, rcx, rbp, r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t fs, gs;
};

/* Which segment register the guest's programs own; xeno finds its own
 * thread state through the other one (core/thread.h). */
enum xeno_guest_segment {
	XENO_GUEST_OWNS_FS, /* the BSDs, illumos: TLS at %fs */
	XENO_GUEST_OWNS_GS, /* macOS (pthread TSD), Windows (TEB) at %gs */
};

struct xeno_personality {
	const char *name; /* "freebsd": used in messages and traces */
	enum xeno_guest_segment segment;
	uint64_t pie_base;		       /* where a position-independent program is placed */
	const struct xeno_calltable *syscalls; /* NULL: none (a library OS) */

	/* Fills a trapped call's number and arguments from the guest
	 * registers (indirect syscalls and stack-passed arguments are the
	 * personality's business). */
	void (*decode_trap)(const greg_t *gregs, struct xeno_call *call);
	/* Writes a handler's result into the guest registers. */
	void (*set_result)(struct xeno_thread *t, greg_t *gregs, long ret);
	/* A call made at a patched site (core/sitecall.h) that the personality
	 * answers at once, without the dispatcher (clock reads from the
	 * host's vDSO, core/vdso.h): true when done, its result in gregs and
	 * the call, as the flight recorder keeps it, in *rec.  Runs before
	 * the FP state is saved: built general-regs-only, and it uses no
	 * glibc.  NULL: none. */
	bool (*sitecall_fast)(struct xeno_thread *t, greg_t *gregs, struct xeno_callrec *rec);
	/* Foreign errno for a host errno, and the foreign errno's name. */
	int (*errno_from_host)(int host_errno);
	const char *(*errno_name)(int foreign_errno);
	/* Foreign signal number's name (NULL if unknown). */
	const char *(*signal_name)(int foreign_sig);
	/* Foreign signal number of host signal sig (0 if none). */
	int (*signal_from_host)(int sig);
	/* Whether the foreign OS ignores host signal sig by default. */
	bool (*signal_default_ignored)(int sig);
	/* Builds the foreign signal frame for a guest handler into uc: the guest
	 * resumes in its handler (core/sigstate.c decides when). */
	void (*deliver_signal)(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			       const struct xeno_sigaction *act, const sigset_t *old_mask);
	/* Flag-set tables the tracer decodes by name (NULL-terminated). */
	const struct xeno_flagset *const *flagsets;
	/* Structure decoders the tracer finds by name: in(S)/out(S) in the
	 * table, and "siginfo" for signals (NULL-terminated). */
	const struct xeno_trace_decoder *const *trace_decoders;
	/* The foreign siginfo of host signal sig, for traces: bytes written. */
	size_t (*trace_siginfo)(int sig, const siginfo_t *si, void *out, size_t size);

	/* Builds the initial stack for the loaded image; fills *entry. */
	int (*build_stack)(const struct xeno_image *img, char *const argv[], char *const envp[],
			   struct xeno_entry *entry);

	/* Dynamically linked programs (loader/link.h).  The shim libraries,
	 * NULL-terminated (NULL: none); the TLS layout, variant II (the
	 * thread pointer points at a TCB of tcb_size bytes, the static TLS
	 * blocks lie below it), and what a new TCB holds (init_tcb gets the
	 * thread pointer and its DTV); the function a dynamic program's entry
	 * is handed to run the finalisers at exit (an export of one of the
	 * libraries, e.g. FreeBSD's _start(ap, cleanup)), or NULL. */
	const struct xeno_library *const *libraries;
	size_t tcb_size;
	void (*init_tcb)(uint64_t tp, uint64_t dtv);
	const char *exit_hook;
	/* Records the foreign error of a shim function that failed by its
	 * convention (core/library.h: ERRNO, PTR, ZERO) where the guest reads
	 * it (Windows: the thread's TEB); NULL: t->lib_errno. */
	void (*set_lib_error)(struct xeno_thread *t, int foreign_errno);
	/* Sets the entry registers of a dynamically linked program where its
	 * entry finds the finaliser hook (FreeBSD: RSI, _start's cleanup), and
	 * says where argc, argv and envp are (for the initialisers). */
	void (*dynamic_entry)(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			      uint64_t *envp);

	/* Facts the personality's shared handlers are parameterised by (the
	 * BSDs: struct bsd_abi, abi/bsd/abi.h); core/ does not look inside. */
	const void *facts;
};

/* The personality that runs the programs of the brand called name
 * ("freebsd", as recordings name it), or NULL. */
const struct xeno_personality *xeno_personality_named(const char *name);

#endif
