/*
 * FreeBSD <-> Linux signal numbers and sets.  FreeBSD numbers:
 * sys/sys/signal.h.  FreeBSD-only signals ride on Linux signals no Linux
 * program of ours needs: SIGEMT on SIGSTKFLT (unused on x86), SIGTHR and
 * SIGLIBRT and the first real-time signals on Linux real-time signals above
 * the two glibc keeps for itself (32, 33).
 */
#include "abi/freebsd/signal.h"

#include <string.h>

#include "core/sigstate.h"

#define HOST_RT_BASE 36 /* FreeBSD SIGRTMIN rides here */

static const struct {
	int freebsd, host;
	const char *name;
} signals[] = {
    {FREEBSD_SIGHUP, SIGHUP, "SIGHUP"},	   {FREEBSD_SIGINT, SIGINT, "SIGINT"},
    {FREEBSD_SIGQUIT, SIGQUIT, "SIGQUIT"}, {FREEBSD_SIGILL, SIGILL, "SIGILL"},
    {FREEBSD_SIGTRAP, SIGTRAP, "SIGTRAP"}, {FREEBSD_SIGABRT, SIGABRT, "SIGABRT"},
    {FREEBSD_SIGEMT, SIGSTKFLT, "SIGEMT"}, {FREEBSD_SIGFPE, SIGFPE, "SIGFPE"},
    {FREEBSD_SIGKILL, SIGKILL, "SIGKILL"}, {FREEBSD_SIGBUS, SIGBUS, "SIGBUS"},
    {FREEBSD_SIGSEGV, SIGSEGV, "SIGSEGV"}, {FREEBSD_SIGSYS, SIGSYS, "SIGSYS"},
    {FREEBSD_SIGPIPE, SIGPIPE, "SIGPIPE"}, {FREEBSD_SIGALRM, SIGALRM, "SIGALRM"},
    {FREEBSD_SIGTERM, SIGTERM, "SIGTERM"}, {FREEBSD_SIGURG, SIGURG, "SIGURG"},
    {FREEBSD_SIGSTOP, SIGSTOP, "SIGSTOP"}, {FREEBSD_SIGTSTP, SIGTSTP, "SIGTSTP"},
    {FREEBSD_SIGCONT, SIGCONT, "SIGCONT"}, {FREEBSD_SIGCHLD, SIGCHLD, "SIGCHLD"},
    {FREEBSD_SIGTTIN, SIGTTIN, "SIGTTIN"}, {FREEBSD_SIGTTOU, SIGTTOU, "SIGTTOU"},
    {FREEBSD_SIGIO, SIGIO, "SIGIO"},	   {FREEBSD_SIGXCPU, SIGXCPU, "SIGXCPU"},
    {FREEBSD_SIGXFSZ, SIGXFSZ, "SIGXFSZ"}, {FREEBSD_SIGVTALRM, SIGVTALRM, "SIGVTALRM"},
    {FREEBSD_SIGPROF, SIGPROF, "SIGPROF"}, {FREEBSD_SIGWINCH, SIGWINCH, "SIGWINCH"},
    {FREEBSD_SIGINFO, SIGPWR, "SIGINFO"},  {FREEBSD_SIGUSR1, SIGUSR1, "SIGUSR1"},
    {FREEBSD_SIGUSR2, SIGUSR2, "SIGUSR2"}, {FREEBSD_SIGTHR, 34, "SIGTHR"},
    {FREEBSD_SIGLIBRT, 35, "SIGLIBRT"},
};

#define NSIGNALS (sizeof signals / sizeof signals[0])
#define RT_COUNT (64 - HOST_RT_BASE + 1) /* FreeBSD SIGRTMIN.. that fit */

int freebsd_signal_to_host(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].freebsd == sig)
			return signals[i].host;
	if (sig >= FREEBSD_SIGRTMIN && sig < FREEBSD_SIGRTMIN + RT_COUNT)
		return HOST_RT_BASE + (sig - FREEBSD_SIGRTMIN);
	return 0;
}

int freebsd_signal_from_host(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].host == sig)
			return signals[i].freebsd;
	if (sig >= HOST_RT_BASE && sig <= 64)
		return FREEBSD_SIGRTMIN + (sig - HOST_RT_BASE);
	return 0;
}

const char *freebsd_signal_name(int sig)
{
	static const char *const rt[] = {"SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3"};
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].freebsd == sig)
			return signals[i].name;
	if (sig >= FREEBSD_SIGRTMIN && sig < FREEBSD_SIGRTMIN + 4)
		return rt[sig - FREEBSD_SIGRTMIN];
	return NULL;
}

void freebsd_sigset_to_host(const struct freebsd_sigset *s, sigset_t *host)
{
	sigemptyset(host);
	for (int sig = 1; sig <= FREEBSD_NSIG; sig++) {
		if (!(s->bits[(sig - 1) / 32] & (1u << ((sig - 1) % 32))))
			continue;
		int h = freebsd_signal_to_host(sig);
		if (h)
			sigaddset(host, h);
	}
}

void freebsd_sigset_from_host(const sigset_t *host, struct freebsd_sigset *s)
{
	memset(s, 0, sizeof *s);
	for (int h = 1; h <= 64; h++) {
		if (sigismember(host, h) != 1)
			continue;
		int sig = freebsd_signal_from_host(h);
		if (sig)
			s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
	}
}

/* Host si_code values that mean "sent by a process" (asm-generic/siginfo.h). */
int freebsd_si_code_from_host(int host_sig, int code)
{
	switch (code) {
	case SI_USER:
		return FREEBSD_SI_USER;
	case SI_QUEUE:
		return FREEBSD_SI_QUEUE;
	case SI_TIMER:
		return FREEBSD_SI_TIMER;
	case SI_MESGQ:
		return FREEBSD_SI_MESGQ;
	case SI_ASYNCIO:
		return FREEBSD_SI_ASYNCIO;
	case SI_TKILL:
		return FREEBSD_SI_LWP;
	case SI_KERNEL:
		return FREEBSD_SI_KERNEL;
	}
	if (code <= 0)
		return FREEBSD_SI_NOINFO;
	/* Fault codes: FreeBSD numbers them as Linux does, but for SIGFPE, where
	 * the integer codes trade places (FPE_INTOVF 1, FPE_INTDIV 2) and the
	 * float ones shift by one (Linux: INTDIV 1, INTOVF 2, FLTDIV 3 ...). */
	if (host_sig == SIGFPE) {
		switch (code) {
		case FPE_INTDIV:
			return 2;
		case FPE_INTOVF:
			return 1;
		default:
			return code;
		}
	}
	return code;
}

int freebsd_signal_default_ignored(int sig)
{
	switch (sig) {
	case FREEBSD_SIGURG:
	case FREEBSD_SIGCONT:
	case FREEBSD_SIGCHLD:
	case FREEBSD_SIGIO:
	case FREEBSD_SIGWINCH:
	case FREEBSD_SIGINFO:
	case FREEBSD_SIGTHR:
	case FREEBSD_SIGLIBRT:
		return 1;
	}
	return 0;
}

/* sigaction flags, as generic XENO_SA_* bits (core/sigstate.h) */
static const struct xeno_flag sa_flags[] = {
    XENO_FLAG("SA_ONSTACK", FREEBSD_SA_ONSTACK, XENO_SA_ONSTACK),
    XENO_FLAG("SA_RESTART", FREEBSD_SA_RESTART, XENO_SA_RESTART),
    XENO_FLAG("SA_RESETHAND", FREEBSD_SA_RESETHAND, XENO_SA_RESETHAND),
    XENO_FLAG("SA_NOCLDSTOP", FREEBSD_SA_NOCLDSTOP, XENO_SA_NOCLDSTOP),
    XENO_FLAG("SA_NODEFER", FREEBSD_SA_NODEFER, XENO_SA_NODEFER),
    XENO_FLAG("SA_NOCLDWAIT", FREEBSD_SA_NOCLDWAIT, XENO_SA_NOCLDWAIT),
    XENO_FLAG("SA_SIGINFO", FREEBSD_SA_SIGINFO, XENO_SA_SIGINFO),
};
const struct xeno_flagset freebsd_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

/* sigprocmask how */
static const struct xeno_flag how_values[] = {
    XENO_ENUM("SIG_BLOCK", FREEBSD_SIG_BLOCK, SIG_BLOCK),
    XENO_ENUM("SIG_UNBLOCK", FREEBSD_SIG_UNBLOCK, SIG_UNBLOCK),
    XENO_ENUM("SIG_SETMASK", FREEBSD_SIG_SETMASK, SIG_SETMASK),
};
const struct xeno_flagset freebsd_sigprocmask_how = XENO_FLAGSET("sigmaskhow", how_values, 1);
