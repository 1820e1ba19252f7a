/*
 * Signals as the 4.4BSD family numbers them: 1..31 (SIGEMT 7, SIGINFO 29,
 * SIGUSR1 30...), the sigaction flags, sigprocmask's how, the alternate
 * stack flags, the 128-bit sigset_t and stack_t are the same on FreeBSD
 * (sys/sys/signal.h, sys/sys/_sigset.h) and NetBSD (sys/sys/signal.h rev
 * 1.69, sys/sys/sigtypes.h).  Above 31 each BSD has its own signals and
 * real-time range: a struct bsd_signals per OS says which.
 */
#ifndef XENO_ABI_BSD_SIGNAL_H
#define XENO_ABI_BSD_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

enum {
	BSD_SIGHUP = 1,
	BSD_SIGINT = 2,
	BSD_SIGQUIT = 3,
	BSD_SIGILL = 4,
	BSD_SIGTRAP = 5,
	BSD_SIGABRT = 6,
	BSD_SIGEMT = 7,
	BSD_SIGFPE = 8,
	BSD_SIGKILL = 9,
	BSD_SIGBUS = 10,
	BSD_SIGSEGV = 11,
	BSD_SIGSYS = 12,
	BSD_SIGPIPE = 13,
	BSD_SIGALRM = 14,
	BSD_SIGTERM = 15,
	BSD_SIGURG = 16,
	BSD_SIGSTOP = 17,
	BSD_SIGTSTP = 18,
	BSD_SIGCONT = 19,
	BSD_SIGCHLD = 20,
	BSD_SIGTTIN = 21,
	BSD_SIGTTOU = 22,
	BSD_SIGIO = 23,
	BSD_SIGXCPU = 24,
	BSD_SIGXFSZ = 25,
	BSD_SIGVTALRM = 26,
	BSD_SIGPROF = 27,
	BSD_SIGWINCH = 28,
	BSD_SIGINFO = 29,
	BSD_SIGUSR1 = 30,
	BSD_SIGUSR2 = 31,
};

/* sigaction flags */
#define BSD_SA_ONSTACK	 0x0001
#define BSD_SA_RESTART	 0x0002
#define BSD_SA_RESETHAND 0x0004
#define BSD_SA_NOCLDSTOP 0x0008
#define BSD_SA_NODEFER	 0x0010
#define BSD_SA_NOCLDWAIT 0x0020
#define BSD_SA_SIGINFO	 0x0040

#define BSD_SIG_DFL 0
#define BSD_SIG_IGN 1

#define BSD_SIG_BLOCK	1
#define BSD_SIG_UNBLOCK 2
#define BSD_SIG_SETMASK 3

#define BSD_SS_ONSTACK 0x0001
#define BSD_SS_DISABLE 0x0004

/* sigset_t: bit n-1 of the 128-bit set is signal n */
struct bsd_sigset {
	uint32_t bits[4];
};
_Static_assert(sizeof(struct bsd_sigset) == 16, "sigset_t layout");

/* stack_t */
struct bsd_stack {
	uint64_t ss_sp;
	uint64_t ss_size;
	int32_t ss_flags;
	uint32_t pad_;
};
_Static_assert(sizeof(struct bsd_stack) == 24, "stack_t layout");

/* sa_flags <-> XENO_SA_* (core/sigstate.h), and sigprocmask's how <->
 * SIG_*: flag sets "sigaction" and "sigmaskhow" for the tracer too.  A BSD
 * with flags of its own builds its set from BSD_SIGACTION_FLAGS. */
#define BSD_SIGACTION_FLAGS                                                                        \
	XENO_FLAG("SA_ONSTACK", BSD_SA_ONSTACK, XENO_SA_ONSTACK),                                  \
	    XENO_FLAG("SA_RESTART", BSD_SA_RESTART, XENO_SA_RESTART),                              \
	    XENO_FLAG("SA_RESETHAND", BSD_SA_RESETHAND, XENO_SA_RESETHAND),                        \
	    XENO_FLAG("SA_NOCLDSTOP", BSD_SA_NOCLDSTOP, XENO_SA_NOCLDSTOP),                        \
	    XENO_FLAG("SA_NODEFER", BSD_SA_NODEFER, XENO_SA_NODEFER),                              \
	    XENO_FLAG("SA_NOCLDWAIT", BSD_SA_NOCLDWAIT, XENO_SA_NOCLDWAIT),                        \
	    XENO_FLAG("SA_SIGINFO", BSD_SA_SIGINFO, XENO_SA_SIGINFO)
extern const struct xeno_flagset bsd_sigaction_flags;
extern const struct xeno_flagset bsd_sigprocmask_how;

/* A signal one BSD has beyond the shared 1..31, and its host twin. */
struct bsd_signal {
	int foreign, host;
	const char *name;
};

/* What one BSD adds to the shared numbering. */
struct bsd_signals {
	const struct bsd_signal *extra; /* its own signals above 31 */
	size_t nextra;
	int rtmin, rtmax; /* its real-time signals */
	int host_rtbase;  /* the host signal its rtmin rides on (up to host 64) */
	int nsig;	  /* the highest signal number a set may hold */
	/* its signals ignored by default besides SIGURG, SIGCONT, SIGCHLD,
	 * SIGIO, SIGWINCH and SIGINFO (sys/kern/kern_sig.c sigproptbl) */
	const int *ignored;
	size_t nignored;
};

/* Signal numbers: 0 when the other side has no such signal. */
int bsd_signal_to_host(const struct bsd_signals *s, int sig);
int bsd_signal_from_host(const struct bsd_signals *s, int host);
const char *bsd_signal_name(const struct bsd_signals *s, int sig);
/* Sets: signals with no twin are dropped (a set can always be translated). */
void bsd_sigset_to_host(const struct bsd_signals *s, const struct bsd_sigset *set, sigset_t *host);
void bsd_sigset_from_host(const struct bsd_signals *s, const sigset_t *host,
			  struct bsd_sigset *set);
/* The si_code values one BSD gives the ways a process sends a signal. */
struct bsd_si_codes {
	int user, queue, timer, mesgq, asyncio, lwp, kernel, noinfo;
	uint8_t fpe_int_swapped; /* FPE_INTOVF 1 and FPE_INTDIV 2 */
};
/* The foreign si_code of a host siginfo's code for host signal host_sig. */
int bsd_si_code_from_host(const struct bsd_si_codes *c, int host_sig, int code);

/* Whether the OS ignores its signal sig by default. */
int bsd_signal_default_ignored(const struct bsd_signals *s, int sig);

/* struct sigaction in the BSDs' own terms, whatever the field order of the
 * OS's layout (FreeBSD: handler, flags, mask; NetBSD: handler, mask, flags). */
struct bsd_sigaction {
	uint64_t handler;
	uint32_t flags;
	struct bsd_sigset mask;
};

/* siginfo_t in the BSDs' own terms (their numbers), whatever the layout. */
struct bsd_siginfo {
	int32_t signo, code, err;
	int32_t pid;
	uint32_t uid;
	int32_t status;
	uint64_t addr;
	uint64_t value;
};

/* One BSD's signal facts beyond the numbering: its layouts of struct
 * sigaction and siginfo_t, its si_code values and its rules. */
struct bsd_signal_facts {
	const struct bsd_signals *signals;
	const struct bsd_si_codes *si_codes;
	const struct xeno_flagset *sigaction_flags; /* "sigaction" */
	size_t minsigstksz;			    /* MINSIGSTKSZ */
	int ss_flags_allowed;			    /* stack_t flags sigaltstack accepts */
	/* sigaction of SIGKILL or SIGSTOP: FreeBSD refuses a handler, NetBSD
	 * any new action (sigprop SA_CANTMASK) */
	uint8_t kill_stop_any_action_refused;
	/* bytes of a sigset_t in memory: 0 for the 128-bit one; OpenBSD's is
	 * one 32-bit word (signals 1..32), the low word of struct bsd_sigset */
	size_t sigset_size;
	size_t sigaction_size;
	void (*sigaction_in)(const void *foreign, struct bsd_sigaction *sa);
	void (*sigaction_out)(const struct bsd_sigaction *sa, void *foreign);
	size_t siginfo_size;
	void (*siginfo_in)(const void *foreign, struct bsd_siginfo *si);
	void (*siginfo_out)(const struct bsd_siginfo *si, void *foreign);
};

/* The foreign siginfo a handler of host signal sig is given, in the BSDs'
 * terms, and in the OS's layout at out (room for f->siginfo_size bytes;
 * returns that size). */
void bsd_siginfo_from_host(const struct bsd_signal_facts *f, int sig, const siginfo_t *si,
			   struct bsd_siginfo *out);
size_t bsd_siginfo_write(const struct bsd_signal_facts *f, int sig, const siginfo_t *si, void *out);

#endif
