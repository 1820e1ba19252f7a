/*
 * FreeBSD/amd64 signals: numbers, sigaction, sigset, stack_t, siginfo
 * (sys/sys/signal.h, sys/sys/_sigset.h), the machine context
 * (sys/x86/include/ucontext.h), ucontext (sys/sys/_ucontext.h) and the
 * signal frame the kernel builds (sys/x86/include/sigframe.h, sendsig in
 * sys/amd64/amd64/exec_machdep.c).
 */
#ifndef XENO_ABI_FREEBSD_SIGNAL_H
#define XENO_ABI_FREEBSD_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/signal.h"
#include "core/xlat.h"

/* sys/sys/signal.h: FreeBSD's signals above the shared 1..31 */
enum {
	FREEBSD_SIGTHR = 32,
	FREEBSD_SIGLIBRT = 33,
	FREEBSD_SIGRTMIN = 65,
	FREEBSD_SIGRTMAX = 126,
	FREEBSD_NSIG = 128, /* _SIG_MAXSIG: sigset_t has room for 128 signals */
};

#define FREEBSD_MINSIGSTKSZ 2048 /* sys/x86/include/_limits.h __MINSIGSTKSZ (amd64) */

/* si_code values (sys/sys/signal.h) */
#define FREEBSD_SI_NOINFO  0
#define FREEBSD_SI_USER	   0x10001
#define FREEBSD_SI_QUEUE   0x10002
#define FREEBSD_SI_TIMER   0x10003
#define FREEBSD_SI_ASYNCIO 0x10004
#define FREEBSD_SI_MESGQ   0x10005
#define FREEBSD_SI_KERNEL  0x10006
#define FREEBSD_SI_LWP	   0x10007 /* sent by thr_kill/pthread_kill */

struct freebsd_sigaction {
	uint64_t handler; /* sa_handler / sa_sigaction */
	int32_t flags;
	struct bsd_sigset mask;
	uint32_t pad_;
};
_Static_assert(sizeof(struct freebsd_sigaction) == 32, "struct sigaction layout");
_Static_assert(offsetof(struct freebsd_sigaction, flags) == 8, "struct sigaction layout");
_Static_assert(offsetof(struct freebsd_sigaction, mask) == 12, "struct sigaction layout");

/* Fields without the si_ prefix: glibc's <signal.h> makes macros of those names. */
struct freebsd_siginfo {
	int32_t signo;
	int32_t err;
	int32_t code;
	int32_t pid;
	uint32_t uid;
	int32_t status;
	uint64_t addr;
	uint64_t value;
	union {
		int32_t trapno;
		struct {
			int32_t timerid, overrun;
		} timer;
		int64_t band;
		uint8_t spare[40];
	} reason;
};
_Static_assert(sizeof(struct freebsd_siginfo) == 80, "siginfo_t layout");
_Static_assert(offsetof(struct freebsd_siginfo, addr) == 24, "siginfo_t layout");
_Static_assert(offsetof(struct freebsd_siginfo, reason) == 40, "siginfo_t layout");

/* mc_flags */
#define FREEBSD_MC_HASSEGS     0x1
#define FREEBSD_MC_HASBASES    0x2
#define FREEBSD_MC_HASFPXSTATE 0x4
#define FREEBSD_MC_HASTLSBASE  0x8
#define FREEBSD_MC_FLAG_MASK   0xf
#define FREEBSD_MC_FPFMT_XMM   0x10002
#define FREEBSD_MC_FPOWNED_FPU 0x20001

struct freebsd_mcontext {
	uint64_t mc_onstack;
	uint64_t mc_rdi, mc_rsi, mc_rdx, mc_rcx, mc_r8, mc_r9, mc_rax, mc_rbx, mc_rbp;
	uint64_t mc_r10, mc_r11, mc_r12, mc_r13, mc_r14, mc_r15;
	uint32_t mc_trapno;
	uint16_t mc_fs, mc_gs;
	uint64_t mc_addr;
	uint32_t mc_flags;
	uint16_t mc_es, mc_ds;
	uint64_t mc_err;
	uint64_t mc_rip, mc_cs, mc_rflags, mc_rsp, mc_ss;
	int64_t mc_len;
	int64_t mc_fpformat;
	int64_t mc_ownedfp;
	uint8_t mc_fpstate[512] __attribute__((aligned(16))); /* FXSAVE image */
	uint64_t mc_fsbase, mc_gsbase;
	uint64_t mc_xfpustate, mc_xfpustate_len; /* XSAVE area beyond the FXSAVE one */
	uint64_t mc_tlsbase;
	int64_t mc_spare[3];
};
_Static_assert(sizeof(struct freebsd_mcontext) == 800, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_trapno) == 128, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_flags) == 144, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_rip) == 160, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_rflags) == 176, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_rsp) == 184, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_len) == 200, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_fpstate) == 224, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_fsbase) == 736, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_xfpustate) == 752, "mcontext_t layout");
_Static_assert(offsetof(struct freebsd_mcontext, mc_tlsbase) == 768, "mcontext_t layout");

struct freebsd_ucontext {
	struct bsd_sigset uc_sigmask;
	struct freebsd_mcontext uc_mcontext;
	uint64_t uc_link;
	struct bsd_stack uc_stack;
	int32_t uc_flags;
	int32_t spare[4];
} __attribute__((aligned(16)));
_Static_assert(sizeof(struct freebsd_ucontext) == 880, "ucontext_t layout");
_Static_assert(offsetof(struct freebsd_ucontext, uc_mcontext) == 16, "ucontext_t layout");
_Static_assert(offsetof(struct freebsd_ucontext, uc_link) == 816, "ucontext_t layout");
_Static_assert(offsetof(struct freebsd_ucontext, uc_stack) == 824, "ucontext_t layout");
_Static_assert(offsetof(struct freebsd_ucontext, uc_flags) == 848, "ucontext_t layout");

/* sys/x86/include/sigframe.h (amd64) */
struct freebsd_sigframe {
	uint64_t sf_ahu; /* the handler, called by the trampoline */
	uint64_t pad_;
	struct freebsd_ucontext sf_uc;
	struct freebsd_siginfo sf_si;
};
_Static_assert(sizeof(struct freebsd_sigframe) == 976, "struct sigframe layout");
_Static_assert(offsetof(struct freebsd_sigframe, sf_uc) == 16, "struct sigframe layout");
_Static_assert(offsetof(struct freebsd_sigframe, sf_si) == 896, "struct sigframe layout");

/* What FreeBSD adds to the shared numbering, and its layouts and rules for
 * the shared signal calls (abi/bsd/signal.h). */
extern const struct bsd_signals freebsd_signals;
extern const struct bsd_signal_facts freebsd_signal_facts;

/* Signal numbers: 0 when the other side has no such signal. */
int freebsd_signal_to_host(int sig);
int freebsd_signal_from_host(int sig);
const char *freebsd_signal_name(int sig);
/* Sets: signals with no twin are dropped (a set can always be translated). */
void freebsd_sigset_to_host(const struct bsd_sigset *s, sigset_t *host);
void freebsd_sigset_from_host(const sigset_t *host, struct bsd_sigset *s);
/* si_code: FreeBSD's for a host siginfo of host signal sig. */
extern const struct bsd_si_codes freebsd_si_codes;
int freebsd_si_code_from_host(int host_sig, int host_code);
/* Whether FreeBSD ignores signal sig (FreeBSD numbering) by default. */
int freebsd_signal_default_ignored(int sig);

#endif
