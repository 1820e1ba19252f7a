/*
 * illumos <-> Linux signal numbers, sets and siginfo.  illumos numbers:
 * usr/src/uts/common/sys/iso/signal_iso.h.  The signals Linux lacks ride
 * on host signals no program of ours uses: SIGEMT on SIGSTKFLT, the ten
 * illumos signals 32..41 (SIGWAITING..SIGINFO) on Linux real-time signals
 * 34..43 (above the two glibc keeps), illumos's real-time signals 42.. on
 * Linux's 44..64 (the 21 that fit).
 */
#include "abi/illumos/signal.h"

#include <string.h>

#include "core/sigstate.h"

#define HOST_EXTRA_BASE 34 /* illumos SIGWAITING rides here */
#define HOST_RT_BASE	44 /* illumos _SIGRTMIN rides here */

static const struct {
	int illumos, host;
	const char *name;
} signals[] = {
    {ILLUMOS_SIGHUP, SIGHUP, "SIGHUP"},	   {ILLUMOS_SIGINT, SIGINT, "SIGINT"},
    {ILLUMOS_SIGQUIT, SIGQUIT, "SIGQUIT"}, {ILLUMOS_SIGILL, SIGILL, "SIGILL"},
    {ILLUMOS_SIGTRAP, SIGTRAP, "SIGTRAP"}, {ILLUMOS_SIGABRT, SIGABRT, "SIGABRT"},
    {ILLUMOS_SIGEMT, SIGSTKFLT, "SIGEMT"}, {ILLUMOS_SIGFPE, SIGFPE, "SIGFPE"},
    {ILLUMOS_SIGKILL, SIGKILL, "SIGKILL"}, {ILLUMOS_SIGBUS, SIGBUS, "SIGBUS"},
    {ILLUMOS_SIGSEGV, SIGSEGV, "SIGSEGV"}, {ILLUMOS_SIGSYS, SIGSYS, "SIGSYS"},
    {ILLUMOS_SIGPIPE, SIGPIPE, "SIGPIPE"}, {ILLUMOS_SIGALRM, SIGALRM, "SIGALRM"},
    {ILLUMOS_SIGTERM, SIGTERM, "SIGTERM"}, {ILLUMOS_SIGUSR1, SIGUSR1, "SIGUSR1"},
    {ILLUMOS_SIGUSR2, SIGUSR2, "SIGUSR2"}, {ILLUMOS_SIGCHLD, SIGCHLD, "SIGCHLD"},
    {ILLUMOS_SIGPWR, SIGPWR, "SIGPWR"},	   {ILLUMOS_SIGWINCH, SIGWINCH, "SIGWINCH"},
    {ILLUMOS_SIGURG, SIGURG, "SIGURG"},	   {ILLUMOS_SIGPOLL, SIGIO, "SIGPOLL"},
    {ILLUMOS_SIGSTOP, SIGSTOP, "SIGSTOP"}, {ILLUMOS_SIGTSTP, SIGTSTP, "SIGTSTP"},
    {ILLUMOS_SIGCONT, SIGCONT, "SIGCONT"}, {ILLUMOS_SIGTTIN, SIGTTIN, "SIGTTIN"},
    {ILLUMOS_SIGTTOU, SIGTTOU, "SIGTTOU"}, {ILLUMOS_SIGVTALRM, SIGVTALRM, "SIGVTALRM"},
    {ILLUMOS_SIGPROF, SIGPROF, "SIGPROF"}, {ILLUMOS_SIGXCPU, SIGXCPU, "SIGXCPU"},
    {ILLUMOS_SIGXFSZ, SIGXFSZ, "SIGXFSZ"},
};

static const char *const extra_names[] = {
    "SIGWAITING", "SIGLWP",  "SIGFREEZE", "SIGTHAW", "SIGCANCEL",
    "SIGLOST",	  "SIGXRES", "SIGJVM1",	  "SIGJVM2", "SIGINFO",
};

#define NSIGNALS (sizeof signals / sizeof signals[0])
#define NEXTRA	 (ILLUMOS_SIGINFO - ILLUMOS_SIGWAITING + 1)
#define RT_COUNT (64 - HOST_RT_BASE + 1)
_Static_assert(NEXTRA == sizeof extra_names / sizeof extra_names[0], "extra signals");
_Static_assert(HOST_EXTRA_BASE + NEXTRA == HOST_RT_BASE, "host ranges");

int illumos_signal_to_host(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].illumos == sig)
			return signals[i].host;
	if (sig >= ILLUMOS_SIGWAITING && sig <= ILLUMOS_SIGINFO)
		return HOST_EXTRA_BASE + (sig - ILLUMOS_SIGWAITING);
	if (sig >= ILLUMOS_SIGRTMIN && sig < ILLUMOS_SIGRTMIN + RT_COUNT)
		return HOST_RT_BASE + (sig - ILLUMOS_SIGRTMIN);
	return 0;
}

int illumos_signal_from_host(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].host == sig)
			return signals[i].illumos;
	if (sig >= HOST_EXTRA_BASE && sig < HOST_RT_BASE)
		return ILLUMOS_SIGWAITING + (sig - HOST_EXTRA_BASE);
	if (sig >= HOST_RT_BASE && sig <= 64)
		return ILLUMOS_SIGRTMIN + (sig - HOST_RT_BASE);
	return 0;
}

const char *illumos_signal_name(int sig)
{
	static const char *const rt[] = {"SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3"};
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].illumos == sig)
			return signals[i].name;
	if (sig >= ILLUMOS_SIGWAITING && sig <= ILLUMOS_SIGINFO)
		return extra_names[sig - ILLUMOS_SIGWAITING];
	if (sig >= ILLUMOS_SIGRTMIN && sig < ILLUMOS_SIGRTMIN + 4)
		return rt[sig - ILLUMOS_SIGRTMIN];
	if (sig == ILLUMOS_SIGRTMAX)
		return "SIGRTMAX";
	return NULL;
}

/* The "Ignore" rows of signal.h(3HEAD)'s table of default actions. */
int illumos_signal_default_ignored(int sig)
{
	switch (sig) {
	case ILLUMOS_SIGCHLD:
	case ILLUMOS_SIGPWR:
	case ILLUMOS_SIGWINCH:
	case ILLUMOS_SIGURG:
	case ILLUMOS_SIGCONT:
	case ILLUMOS_SIGWAITING:
	case ILLUMOS_SIGLWP:
	case ILLUMOS_SIGFREEZE:
	case ILLUMOS_SIGTHAW:
	case ILLUMOS_SIGCANCEL:
	case ILLUMOS_SIGXRES:
	case ILLUMOS_SIGJVM1:
	case ILLUMOS_SIGJVM2:
	case ILLUMOS_SIGINFO:
		return 1;
	}
	return 0;
}

void illumos_sigset_to_host(const struct illumos_sigset *s, sigset_t *host)
{
	sigemptyset(host);
	for (int sig = 1; sig <= ILLUMOS_NSIG; sig++) {
		if (!(s->bits[(sig - 1) / 32] & (1u << ((sig - 1) % 32))))
			continue;
		int h = illumos_signal_to_host(sig);
		if (h)
			sigaddset(host, h);
	}
}

void illumos_sigset_from_host(const sigset_t *host, struct illumos_sigset *s)
{
	memset(s, 0, sizeof *s);
	for (int h = 1; h <= 64; h++) {
		if (sigismember(host, h) != 1)
			continue;
		int sig = illumos_signal_from_host(h);
		if (sig)
			s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
	}
}

/* Host si_code values that mean "sent by a process" (asm-generic/siginfo.h);
 * the fault codes of usr/src/uts/intel/sys/machsig.h are numbered as
 * Linux numbers them (ILL_*, FPE_*, SEGV_*, BUS_* from 1). */
int illumos_si_code_from_host(int host_sig, int code)
{
	(void)host_sig;
	switch (code) {
	case SI_USER:
		return ILLUMOS_SI_USER;
	case SI_QUEUE:
		return ILLUMOS_SI_QUEUE;
	case SI_TIMER:
		return ILLUMOS_SI_TIMER;
	case SI_MESGQ:
		return ILLUMOS_SI_MESGQ;
	case SI_ASYNCIO:
		return ILLUMOS_SI_ASYNCIO;
	case SI_TKILL:
		return ILLUMOS_SI_LWP;
	case SI_KERNEL:
		return ILLUMOS_SI_NOINFO;
	}
	return code <= 0 ? ILLUMOS_SI_NOINFO : code;
}

void illumos_siginfo_from_host(int sig, const siginfo_t *si, struct illumos_siginfo *isi)
{
	memset(isi, 0, sizeof *isi);
	isi->si_signo = illumos_signal_from_host(sig);
	isi->si_errno = si->si_errno;
	isi->si_code = illumos_si_code_from_host(sig, si->si_code);
	if (si->si_code > 0 &&
	    (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)) {
		isi->data.fault.addr = (uint64_t)si->si_addr;
		return;
	}
	isi->data.proc.pid = si->si_pid;
	if (sig == SIGCHLD && si->si_code > 0) {
		isi->data.proc.pdata.cld.status = si->si_status;
		return;
	}
	isi->data.proc.pdata.kill.uid = si->si_uid;
	isi->data.proc.pdata.kill.value = (uint64_t)si->si_value.sival_ptr;
}

/* sigaction flags, as generic XENO_SA_* bits (core/sigstate.h) */
static const struct xeno_flag sa_flags[] = {
    XENO_FLAG("SA_ONSTACK", ILLUMOS_SA_ONSTACK, XENO_SA_ONSTACK),
    XENO_FLAG("SA_RESETHAND", ILLUMOS_SA_RESETHAND, XENO_SA_RESETHAND),
    XENO_FLAG("SA_RESTART", ILLUMOS_SA_RESTART, XENO_SA_RESTART),
    XENO_FLAG("SA_SIGINFO", ILLUMOS_SA_SIGINFO, XENO_SA_SIGINFO),
    XENO_FLAG("SA_NODEFER", ILLUMOS_SA_NODEFER, XENO_SA_NODEFER),
    XENO_FLAG("SA_NOCLDWAIT", ILLUMOS_SA_NOCLDWAIT, XENO_SA_NOCLDWAIT),
    XENO_FLAG("SA_NOCLDSTOP", ILLUMOS_SA_NOCLDSTOP, XENO_SA_NOCLDSTOP),
};
const struct xeno_flagset illumos_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

static const struct xeno_flag how_values[] = {
    XENO_ENUM("SIG_BLOCK", ILLUMOS_SIG_BLOCK, SIG_BLOCK),
    XENO_ENUM("SIG_UNBLOCK", ILLUMOS_SIG_UNBLOCK, SIG_UNBLOCK),
    XENO_ENUM("SIG_SETMASK", ILLUMOS_SIG_SETMASK, SIG_SETMASK),
};
const struct xeno_flagset illumos_sigprocmask_how = XENO_FLAGSET("sigmaskhow", how_values, 1);
