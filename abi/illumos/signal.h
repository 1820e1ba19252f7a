/*
 * illumos signals (amd64, LP64): numbers (usr/src/uts/common/sys/iso/
 * signal_iso.h), sigset_t, struct sigaction and stack_t
 * (usr/src/uts/common/sys/signal.h), siginfo_t (usr/src/uts/common/sys/
 * siginfo.h, SI_MAXSZ 256), the machine context (usr/src/uts/intel/sys/
 * mcontext.h: gregset_t of 28 registers in the order of regset.h's REG_*,
 * the FXSAVE image in fpregset_t) and ucontext_t (usr/src/uts/common/sys/
 * ucontext.h).  System V numbering: SIGUSR1 is 16, SIGCHLD 18, SIGURG 21.
 */
#ifndef XENO_ABI_ILLUMOS_SIGNAL_H
#define XENO_ABI_ILLUMOS_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

enum {
	ILLUMOS_SIGHUP = 1,
	ILLUMOS_SIGINT = 2,
	ILLUMOS_SIGQUIT = 3,
	ILLUMOS_SIGILL = 4,
	ILLUMOS_SIGTRAP = 5,
	ILLUMOS_SIGABRT = 6,
	ILLUMOS_SIGEMT = 7,
	ILLUMOS_SIGFPE = 8,
	ILLUMOS_SIGKILL = 9,
	ILLUMOS_SIGBUS = 10,
	ILLUMOS_SIGSEGV = 11,
	ILLUMOS_SIGSYS = 12,
	ILLUMOS_SIGPIPE = 13,
	ILLUMOS_SIGALRM = 14,
	ILLUMOS_SIGTERM = 15,
	ILLUMOS_SIGUSR1 = 16,
	ILLUMOS_SIGUSR2 = 17,
	ILLUMOS_SIGCHLD = 18,
	ILLUMOS_SIGPWR = 19,
	ILLUMOS_SIGWINCH = 20,
	ILLUMOS_SIGURG = 21,
	ILLUMOS_SIGPOLL = 22, /* SIGIO */
	ILLUMOS_SIGSTOP = 23,
	ILLUMOS_SIGTSTP = 24,
	ILLUMOS_SIGCONT = 25,
	ILLUMOS_SIGTTIN = 26,
	ILLUMOS_SIGTTOU = 27,
	ILLUMOS_SIGVTALRM = 28,
	ILLUMOS_SIGPROF = 29,
	ILLUMOS_SIGXCPU = 30,
	ILLUMOS_SIGXFSZ = 31,
	ILLUMOS_SIGWAITING = 32,
	ILLUMOS_SIGLWP = 33,
	ILLUMOS_SIGFREEZE = 34,
	ILLUMOS_SIGTHAW = 35,
	ILLUMOS_SIGCANCEL = 36,
	ILLUMOS_SIGLOST = 37,
	ILLUMOS_SIGXRES = 38,
	ILLUMOS_SIGJVM1 = 39,
	ILLUMOS_SIGJVM2 = 40,
	ILLUMOS_SIGINFO = 41,
	ILLUMOS_SIGRTMIN = 42, /* _SIGRTMIN */
	ILLUMOS_SIGRTMAX = 73, /* _SIGRTMAX */
	ILLUMOS_NSIG = 128,    /* what sigset_t has room for */
};

#define ILLUMOS_SIG_DFL 0
#define ILLUMOS_SIG_IGN 1

#define ILLUMOS_SIG_BLOCK   1
#define ILLUMOS_SIG_UNBLOCK 2
#define ILLUMOS_SIG_SETMASK 3

/* sa_flags (sys/signal.h) */
#define ILLUMOS_SA_ONSTACK   0x00000001
#define ILLUMOS_SA_RESETHAND 0x00000002
#define ILLUMOS_SA_RESTART   0x00000004
#define ILLUMOS_SA_SIGINFO   0x00000008
#define ILLUMOS_SA_NODEFER   0x00000010
#define ILLUMOS_SA_NOCLDWAIT 0x00010000
#define ILLUMOS_SA_NOCLDSTOP 0x00020000

/* ss_flags */
#define ILLUMOS_SS_ONSTACK  1
#define ILLUMOS_SS_DISABLE  2
#define ILLUMOS_MINSIGSTKSZ 2048

struct illumos_sigset {
	uint32_t bits[4]; /* __sigbits: signal n is bit (n-1) % 32 of word (n-1) / 32 */
};
_Static_assert(sizeof(struct illumos_sigset) == 16, "sigset_t");

/* struct sigaction: on LP64 sa_flags comes first and sa_resv is gone. */
struct illumos_sigaction {
	int32_t flags; /* sa_flags */
	uint32_t pad_;
	uint64_t handler;	    /* _funcptr: sa_handler or sa_sigaction */
	struct illumos_sigset mask; /* sa_mask */
};
_Static_assert(sizeof(struct illumos_sigaction) == 32, "struct sigaction");
_Static_assert(offsetof(struct illumos_sigaction, handler) == 8, "sigaction");
_Static_assert(offsetof(struct illumos_sigaction, mask) == 16, "sigaction");

struct illumos_stack {
	uint64_t ss_sp;
	uint64_t ss_size;
	int32_t ss_flags;
	uint32_t pad_;
};
_Static_assert(sizeof(struct illumos_stack) == 24, "stack_t");

/* si_code values (sys/siginfo.h) */
#define ILLUMOS_SI_USER	   0
#define ILLUMOS_SI_LWP	   (-1)
#define ILLUMOS_SI_QUEUE   (-2)
#define ILLUMOS_SI_TIMER   (-3)
#define ILLUMOS_SI_ASYNCIO (-4)
#define ILLUMOS_SI_MESGQ   (-5)
#define ILLUMOS_SI_NOINFO  32767

/* siginfo_t: a 256-byte union after signo, code, errno and a pad; the
 * process part is pid, then (8-aligned) either uid and value (kill,
 * sigqueue) or utime, status, stime (SIGCHLD); the fault part addr,
 * trapno, pc. */
struct illumos_siginfo {
	int32_t si_signo;
	int32_t si_code;
	int32_t si_errno;
	int32_t si_pad;
	union {
		int32_t pad[60]; /* SI_PAD */
		struct {
			int32_t pid;
			int32_t pad_;
			union {
				struct {
					uint32_t uid;
					uint32_t pad_;
					uint64_t value;
				} kill;
				struct {
					int64_t utime;
					int32_t status;
					int32_t pad_;
					int64_t stime;
				} cld;
			} pdata;
			int32_t ctid, zoneid;
		} proc;
		struct {
			uint64_t addr;
			int32_t trapno;
			int32_t pad_;
			uint64_t pc;
		} fault;
	} data;
};
_Static_assert(sizeof(struct illumos_siginfo) == 256, "siginfo_t (SI_MAXSZ)");
_Static_assert(offsetof(struct illumos_siginfo, data.proc.pid) == 16, "si_pid");
_Static_assert(offsetof(struct illumos_siginfo, data.proc.pdata.kill.uid) == 24, "si_uid");
_Static_assert(offsetof(struct illumos_siginfo, data.proc.pdata.kill.value) == 32, "si_value");
_Static_assert(offsetof(struct illumos_siginfo, data.proc.pdata.cld.status) == 32, "si_status");
_Static_assert(offsetof(struct illumos_siginfo, data.fault.addr) == 16, "si_addr");

/* gregset_t indices (usr/src/uts/intel/sys/regset.h, amd64) */
enum {
	ILLUMOS_REG_R15,
	ILLUMOS_REG_R14,
	ILLUMOS_REG_R13,
	ILLUMOS_REG_R12,
	ILLUMOS_REG_R11,
	ILLUMOS_REG_R10,
	ILLUMOS_REG_R9,
	ILLUMOS_REG_R8,
	ILLUMOS_REG_RDI,
	ILLUMOS_REG_RSI,
	ILLUMOS_REG_RBP,
	ILLUMOS_REG_RBX,
	ILLUMOS_REG_RDX,
	ILLUMOS_REG_RCX,
	ILLUMOS_REG_RAX,
	ILLUMOS_REG_TRAPNO,
	ILLUMOS_REG_ERR,
	ILLUMOS_REG_RIP,
	ILLUMOS_REG_CS,
	ILLUMOS_REG_RFL,
	ILLUMOS_REG_RSP,
	ILLUMOS_REG_SS,
	ILLUMOS_REG_FS,
	ILLUMOS_REG_GS,
	ILLUMOS_REG_ES,
	ILLUMOS_REG_DS,
	ILLUMOS_REG_FSBASE,
	ILLUMOS_REG_GSBASE,
	ILLUMOS_NGREG, /* _NGREG 28 */
};

/* fpregset_t: the FXSAVE image, then status and xstatus (the x87 status
 * and MXCSR at the exception), 16-aligned. */
struct illumos_fpregset {
	uint8_t fxsave[512];
	uint32_t status, xstatus;
	uint8_t pad_[8];
} __attribute__((aligned(16)));
_Static_assert(sizeof(struct illumos_fpregset) == 528, "fpregset_t");

struct illumos_mcontext {
	int64_t gregs[ILLUMOS_NGREG];
	struct illumos_fpregset fpregs;
};
_Static_assert(sizeof(struct illumos_mcontext) == 752, "mcontext_t");
_Static_assert(offsetof(struct illumos_mcontext, fpregs) == 224, "mcontext_t");

/* uc_flags */
#define ILLUMOS_UC_SIGMASK 0x01
#define ILLUMOS_UC_STACK   0x02
#define ILLUMOS_UC_CPU	   0x04
#define ILLUMOS_UC_FPU	   0x08
#define ILLUMOS_UC_ALL	   0x0f

/* ucontext_t; what older headers call uc_filler[5] illumos now splits into
 * uc_brand_data[3], uc_xsave and one word of filler. */
struct illumos_ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct illumos_sigset uc_sigmask;
	struct illumos_stack uc_stack;
	uint64_t pad_;
	struct illumos_mcontext uc_mcontext;
	uint64_t uc_filler[5];
} __attribute__((aligned(16)));
_Static_assert(sizeof(struct illumos_ucontext) == 864, "ucontext_t");
_Static_assert(offsetof(struct illumos_ucontext, uc_sigmask) == 16, "ucontext_t");
_Static_assert(offsetof(struct illumos_ucontext, uc_stack) == 32, "ucontext_t");
_Static_assert(offsetof(struct illumos_ucontext, uc_mcontext) == 64, "ucontext_t");
_Static_assert(offsetof(struct illumos_ucontext, uc_mcontext.gregs[ILLUMOS_REG_RIP]) == 200,
	       "REG_RIP in ucontext_t");
_Static_assert(offsetof(struct illumos_ucontext, uc_mcontext.gregs[ILLUMOS_REG_RSP]) == 224,
	       "REG_RSP in ucontext_t");

int illumos_signal_to_host(int sig);
int illumos_signal_from_host(int sig);
const char *illumos_signal_name(int sig);
/* Whether illumos ignores sig (its own number) by default (signal.h(3HEAD)). */
int illumos_signal_default_ignored(int sig);
void illumos_sigset_to_host(const struct illumos_sigset *s, sigset_t *host);
void illumos_sigset_from_host(const sigset_t *host, struct illumos_sigset *s);
int illumos_si_code_from_host(int host_sig, int code);
/* The illumos siginfo of host signal sig. */
void illumos_siginfo_from_host(int sig, const siginfo_t *si, struct illumos_siginfo *isi);

extern const struct xeno_flagset illumos_sigaction_flags, illumos_sigprocmask_how;

#endif
