/*
 * NetBSD/amd64 signals: the numbers above the shared 1..31 and the layouts
 * of struct sigaction (sys/sys/signal.h rev 1.69), siginfo_t
 * (sys/sys/siginfo.h rev 1.25: a union padded to 128 bytes), ucontext_t
 * (sys/sys/ucontext.h rev 1.18), mcontext_t with NetBSD's register order
 * (sys/arch/amd64/include/mcontext.h rev 1.18, frame_regs.h rev 1.6) and
 * the frame sendsig_siginfo builds (sys/arch/amd64/include/frame.h rev
 * 1.17 struct sigframe_siginfo; sys/arch/amd64/amd64/machdep.c).
 */
#ifndef XENO_ABI_NETBSD_SIGNAL_H
#define XENO_ABI_NETBSD_SIGNAL_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/signal.h"

/* sys/sys/signal.h: NetBSD's signals above the shared 1..31 */
enum {
	NETBSD_SIGPWR = 32,
	NETBSD_SIGRTMIN = 33,
	NETBSD_SIGRTMAX = 63,
	NETBSD_NSIG = 64, /* _NSIG: signals are 1..63 */
};
#define NETBSD_SA_NOKERNINFO 0x0080 /* no kernel output from VSTATUS */
#define NETBSD_SS_ALLBITS    0x0005 /* SS_ONSTACK | SS_DISABLE */
#define NETBSD_MINSIGSTKSZ   8192

/* sys/sys/signal.h: the version of __sigaction_sigtramp's trampoline
 * (__SIGTRAMP_SIGINFO_VERSION); 0 and 1 are the sigcontext ones of compat
 * kernels. */
#define NETBSD_SIGTRAMP_SIGINFO_VERSION 2
#define NETBSD_SIGTRAMP_SIGINFO_MAX	3 /* sys/kern/sys_sig.c sigaction1 accepts 2 and 3 */

/* sys/sys/siginfo.h: si_code values */
#define NETBSD_SI_USER	  0
#define NETBSD_SI_QUEUE	  (-1)
#define NETBSD_SI_TIMER	  (-2)
#define NETBSD_SI_ASYNCIO (-3)
#define NETBSD_SI_MESGQ	  (-4)
#define NETBSD_SI_LWP	  (-5) /* sent by _lwp_kill */
#define NETBSD_SI_NOINFO  32767

/* sys/sys/signal.h: struct sigaction, the mask before the flags */
struct netbsd_sigaction {
	uint64_t handler;
	struct bsd_sigset mask;
	int32_t flags;
	uint32_t pad_;
};
_Static_assert(sizeof(struct netbsd_sigaction) == 32, "struct sigaction layout");
_Static_assert(offsetof(struct netbsd_sigaction, mask) == 8, "struct sigaction layout");
_Static_assert(offsetof(struct netbsd_sigaction, flags) == 24, "struct sigaction layout");

/* sys/sys/siginfo.h: struct _ksiginfo in union siginfo (LP64: _pad after
 * _errno, the reason union 8-aligned).  Fields without the si_ prefix:
 * glibc's <signal.h> makes macros of those names. */
struct netbsd_siginfo {
	int32_t signo;
	int32_t code;
	int32_t err;
	int32_t pad_;
	union {
		struct {
			int32_t pid;
			uint32_t uid;
			uint64_t value;
		} rt; /* also _child's pid, uid */
		struct {
			int32_t pid;
			uint32_t uid;
			int32_t status;
			int32_t pad_;
			int64_t utime, stime;
		} child;
		struct {
			uint64_t addr;
			int32_t trap, trap2, trap3;
		} fault;
		uint8_t spare[112];
	} reason;
};
_Static_assert(sizeof(struct netbsd_siginfo) == 128, "siginfo_t layout");
_Static_assert(offsetof(struct netbsd_siginfo, code) == 4, "siginfo_t layout");
_Static_assert(offsetof(struct netbsd_siginfo, reason) == 16, "siginfo_t layout");
_Static_assert(offsetof(struct netbsd_siginfo, reason.child.status) == 24, "siginfo_t layout");

/* sys/arch/amd64/include/frame_regs.h: the order of __gregs */
enum {
	NETBSD_REG_RDI = 0,
	NETBSD_REG_RSI = 1,
	NETBSD_REG_RDX = 2,
	NETBSD_REG_RCX = 3,
	NETBSD_REG_R8 = 4,
	NETBSD_REG_R9 = 5,
	NETBSD_REG_R10 = 6,
	NETBSD_REG_R11 = 7,
	NETBSD_REG_R12 = 8,
	NETBSD_REG_R13 = 9,
	NETBSD_REG_R14 = 10,
	NETBSD_REG_R15 = 11,
	NETBSD_REG_RBP = 12,
	NETBSD_REG_RBX = 13,
	NETBSD_REG_RAX = 14,
	NETBSD_REG_GS = 15,
	NETBSD_REG_FS = 16,
	NETBSD_REG_ES = 17,
	NETBSD_REG_DS = 18,
	NETBSD_REG_TRAPNO = 19,
	NETBSD_REG_ERR = 20,
	NETBSD_REG_RIP = 21,
	NETBSD_REG_CS = 22,
	NETBSD_REG_RFLAGS = 23,
	NETBSD_REG_RSP = 24,
	NETBSD_REG_SS = 25,
	NETBSD_NGREG = 26,
};

/* sys/arch/amd64/include/mcontext.h */
struct netbsd_mcontext {
	uint64_t gregs[NETBSD_NGREG];
	uint64_t mc_tlsbase;
	uint8_t fpregs[512]; /* FXSAVE image */
};
_Static_assert(sizeof(struct netbsd_mcontext) == 26 * 8 + 8 + 512, "mcontext_t layout");
_Static_assert(offsetof(struct netbsd_mcontext, mc_tlsbase) == 208, "mcontext_t layout");

/* sys/sys/ucontext.h, sys/arch/amd64/include/mcontext.h: uc_flags */
#define NETBSD_UC_SIGMASK  0x01
#define NETBSD_UC_STACK	   0x02
#define NETBSD_UC_CPU	   0x04
#define NETBSD_UC_FPU	   0x08
#define NETBSD_UC_SETSTACK 0x00010000
#define NETBSD_UC_CLRSTACK 0x00020000
#define NETBSD_UC_TLSBASE  0x00080000

struct netbsd_ucontext {
	uint32_t uc_flags;
	uint32_t pad_;
	uint64_t uc_link;
	struct bsd_sigset uc_sigmask;
	struct bsd_stack uc_stack;
	struct netbsd_mcontext uc_mcontext;
};
_Static_assert(sizeof(struct netbsd_ucontext) == 784, "ucontext_t layout (__UCONTEXT_SIZE)");
_Static_assert(offsetof(struct netbsd_ucontext, uc_sigmask) == 16, "ucontext_t layout");
_Static_assert(offsetof(struct netbsd_ucontext, uc_stack) == 32, "ucontext_t layout");
_Static_assert(offsetof(struct netbsd_ucontext, uc_mcontext) == 56, "ucontext_t layout");
_Static_assert(offsetof(struct netbsd_ucontext, uc_mcontext.gregs[NETBSD_REG_RIP]) == 224,
	       "ucontext_t layout");
_Static_assert(offsetof(struct netbsd_ucontext, uc_mcontext.mc_tlsbase) == 264,
	       "ucontext_t layout");
_Static_assert(offsetof(struct netbsd_ucontext, uc_mcontext.fpregs) == 272, "ucontext_t layout");

/* sys/arch/amd64/include/frame.h: what the handler finds above its stack
 * pointer, starting with the return address (the program's trampoline). */
struct netbsd_sigframe_siginfo {
	uint64_t sf_ra;
	struct netbsd_siginfo sf_si;
	struct netbsd_ucontext sf_uc;
};
_Static_assert(sizeof(struct netbsd_sigframe_siginfo) == 920, "struct sigframe_siginfo");
_Static_assert(offsetof(struct netbsd_sigframe_siginfo, sf_uc) == 136, "struct sigframe_siginfo");

/* NetBSD/amd64 user selectors (sys/arch/amd64/include/segments.h): the
 * GDT's GUCODE_SEL 3 and GUDATA_SEL 4, as sendsig's buildcontext sets them,
 * and the LDT's LUCODE_SEL 64, LUDATA_SEL 56, as exec's setregs does; at
 * privilege level 3. */
#define NETBSD_GUCODE_SEL 0x1b
#define NETBSD_GUDATA_SEL 0x23
#define NETBSD_LUCODE_SEL 0x47
#define NETBSD_LUDATA_SEL 0x3f

/* What NetBSD adds to the shared numbering, and its layouts and rules for
 * the shared signal calls (abi/bsd/signal.h). */
extern const struct bsd_signals netbsd_signals;
extern const struct bsd_si_codes netbsd_si_codes;
extern const struct bsd_signal_facts netbsd_signal_facts;
extern const struct xeno_flagset netbsd_sigaction_flags; /* "sigaction" */

int netbsd_signal_to_host(int sig);
int netbsd_signal_from_host(int sig);
const char *netbsd_signal_name(int sig);
int netbsd_signal_default_ignored(int sig);

#endif
