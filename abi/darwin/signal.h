/*
 * macOS signals as the user-level libSystem calls take them (xnu
 * bsd/sys/signal.h, bsd/sys/_types/_sigset_t.h, bsd/i386/_mcontext.h,
 * bsd/sys/_types/_ucontext.h; Go's runtime/defs_darwin_amd64.go agrees):
 * numbers 1..31 as 4.4BSD has them, a 32-bit sigset_t (bit sig - 1),
 * SIG_BLOCK 1, SIG_UNBLOCK 2, SIG_SETMASK 3.
 */
#ifndef XENO_ABI_DARWIN_SIGNAL_H
#define XENO_ABI_DARWIN_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

enum {
	DARWIN_SIGHUP = 1,
	DARWIN_SIGINT,
	DARWIN_SIGQUIT,
	DARWIN_SIGILL,
	DARWIN_SIGTRAP,
	DARWIN_SIGABRT,
	DARWIN_SIGEMT,
	DARWIN_SIGFPE,
	DARWIN_SIGKILL,
	DARWIN_SIGBUS,
	DARWIN_SIGSEGV,
	DARWIN_SIGSYS,
	DARWIN_SIGPIPE,
	DARWIN_SIGALRM,
	DARWIN_SIGTERM,
	DARWIN_SIGURG,
	DARWIN_SIGSTOP,
	DARWIN_SIGTSTP,
	DARWIN_SIGCONT,
	DARWIN_SIGCHLD,
	DARWIN_SIGTTIN,
	DARWIN_SIGTTOU,
	DARWIN_SIGIO,
	DARWIN_SIGXCPU,
	DARWIN_SIGXFSZ,
	DARWIN_SIGVTALRM,
	DARWIN_SIGPROF,
	DARWIN_SIGWINCH,
	DARWIN_SIGINFO,
	DARWIN_SIGUSR1,
	DARWIN_SIGUSR2,
	DARWIN_NSIG = 32,
};

enum { DARWIN_SIG_BLOCK = 1, DARWIN_SIG_UNBLOCK = 2, DARWIN_SIG_SETMASK = 3 };

/* sa_flags (bsd/sys/signal.h) */
enum {
	DARWIN_SA_ONSTACK = 0x1,
	DARWIN_SA_RESTART = 0x2,
	DARWIN_SA_RESETHAND = 0x4,
	DARWIN_SA_NOCLDSTOP = 0x8,
	DARWIN_SA_NODEFER = 0x10,
	DARWIN_SA_NOCLDWAIT = 0x20,
	DARWIN_SA_SIGINFO = 0x40,
};
extern const struct xeno_flagset darwin_sigaction_flags;

/* struct sigaction, the user form libSystem's sigaction takes. */
struct darwin_sigaction {
	uint64_t handler;
	uint32_t mask;
	int32_t flags;
};
_Static_assert(sizeof(struct darwin_sigaction) == 16, "struct sigaction (bsd/sys/signal.h)");

/* stack_t (bsd/sys/_types/_sigaltstack.h): SS_ONSTACK 1, SS_DISABLE 4 */
struct darwin_stack {
	uint64_t sp, size;
	int32_t flags, pad;
};
_Static_assert(sizeof(struct darwin_stack) == 24, "stack_t");
enum { DARWIN_SS_ONSTACK = 1, DARWIN_SS_DISABLE = 4 };

/* siginfo_t (bsd/sys/signal.h __siginfo) */
struct darwin_siginfo {
	int32_t signo, err, code, pid;
	uint32_t uid;
	int32_t status;
	uint64_t addr;
	uint64_t value;
	int64_t band;
	uint64_t pad[7];
};
_Static_assert(sizeof(struct darwin_siginfo) == 104 && offsetof(struct darwin_siginfo, addr) == 24,
	       "__siginfo");

/* __darwin_x86_thread_state64 (mach/i386/_structs.h): this order. */
struct darwin_thread_state {
	uint64_t rax, rbx, rcx, rdx, rdi, rsi, rbp, rsp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rip, rflags, cs, fs, gs;
};
_Static_assert(sizeof(struct darwin_thread_state) == 168, "x86_thread_state64");

/* __darwin_mcontext64 (bsd/i386/_mcontext.h): exception state, thread
 * state, then the float state (fxsave's 512 bytes inside 524). */
struct darwin_mcontext {
	uint16_t trapno, cpu;
	uint32_t err;
	uint64_t faultvaddr;
	struct darwin_thread_state ss;
	uint8_t fs[524];
	uint32_t pad;
};
_Static_assert(offsetof(struct darwin_mcontext, ss) == 16 &&
		   offsetof(struct darwin_mcontext, fs) == 184 &&
		   sizeof(struct darwin_mcontext) == 712,
	       "__darwin_mcontext64");

/* ucontext_t (bsd/sys/_types/_ucontext.h) */
struct darwin_ucontext {
	int32_t onstack;
	uint32_t sigmask;
	struct darwin_stack stack;
	uint64_t link;
	uint64_t mcsize;
	uint64_t mcontext;
};
_Static_assert(sizeof(struct darwin_ucontext) == 56 &&
		   offsetof(struct darwin_ucontext, mcontext) == 48,
	       "__darwin_ucontext");

/* Host signal of a macOS one (0: none); macOS one of a host one (0: none). */
int darwin_signal_to_host(int sig);
int darwin_signal_from_host(int sig);
const char *darwin_signal_name(int sig);
void darwin_sigset_to_host(uint32_t set, sigset_t *host);
uint32_t darwin_sigset_from_host(const sigset_t *host);
/* The macOS siginfo of host signal sig. */
void darwin_siginfo_from_host(int sig, const siginfo_t *si, struct darwin_siginfo *out);

#endif
