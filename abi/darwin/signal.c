/* macOS signals <-> Linux's (xnu bsd/sys/signal.h). */
#include "abi/darwin/signal.h"

#include <string.h>

#include "core/sigstate.h"

static const struct {
	int host;
	const char *name;
} signals[DARWIN_NSIG] = {
    [DARWIN_SIGHUP] = {SIGHUP, "SIGHUP"},    [DARWIN_SIGINT] = {SIGINT, "SIGINT"},
    [DARWIN_SIGQUIT] = {SIGQUIT, "SIGQUIT"}, [DARWIN_SIGILL] = {SIGILL, "SIGILL"},
    [DARWIN_SIGTRAP] = {SIGTRAP, "SIGTRAP"}, [DARWIN_SIGABRT] = {SIGABRT, "SIGABRT"},
    [DARWIN_SIGEMT] = {0, "SIGEMT"},	     [DARWIN_SIGFPE] = {SIGFPE, "SIGFPE"},
    [DARWIN_SIGKILL] = {SIGKILL, "SIGKILL"}, [DARWIN_SIGBUS] = {SIGBUS, "SIGBUS"},
    [DARWIN_SIGSEGV] = {SIGSEGV, "SIGSEGV"}, [DARWIN_SIGSYS] = {SIGSYS, "SIGSYS"},
    [DARWIN_SIGPIPE] = {SIGPIPE, "SIGPIPE"}, [DARWIN_SIGALRM] = {SIGALRM, "SIGALRM"},
    [DARWIN_SIGTERM] = {SIGTERM, "SIGTERM"}, [DARWIN_SIGURG] = {SIGURG, "SIGURG"},
    [DARWIN_SIGSTOP] = {SIGSTOP, "SIGSTOP"}, [DARWIN_SIGTSTP] = {SIGTSTP, "SIGTSTP"},
    [DARWIN_SIGCONT] = {SIGCONT, "SIGCONT"}, [DARWIN_SIGCHLD] = {SIGCHLD, "SIGCHLD"},
    [DARWIN_SIGTTIN] = {SIGTTIN, "SIGTTIN"}, [DARWIN_SIGTTOU] = {SIGTTOU, "SIGTTOU"},
    [DARWIN_SIGIO] = {SIGIO, "SIGIO"},	     [DARWIN_SIGXCPU] = {SIGXCPU, "SIGXCPU"},
    [DARWIN_SIGXFSZ] = {SIGXFSZ, "SIGXFSZ"}, [DARWIN_SIGVTALRM] = {SIGVTALRM, "SIGVTALRM"},
    [DARWIN_SIGPROF] = {SIGPROF, "SIGPROF"}, [DARWIN_SIGWINCH] = {SIGWINCH, "SIGWINCH"},
    [DARWIN_SIGINFO] = {SIGPWR, "SIGINFO"},  [DARWIN_SIGUSR1] = {SIGUSR1, "SIGUSR1"},
    [DARWIN_SIGUSR2] = {SIGUSR2, "SIGUSR2"},
};

int darwin_signal_to_host(int sig)
{
	return sig > 0 && sig < DARWIN_NSIG ? signals[sig].host : 0;
}

int darwin_signal_from_host(int sig)
{
	for (int i = 1; i < DARWIN_NSIG; i++)
		if (signals[i].host == sig)
			return i;
	return 0;
}

const char *darwin_signal_name(int sig)
{
	return sig > 0 && sig < DARWIN_NSIG ? signals[sig].name : NULL;
}

void darwin_sigset_to_host(uint32_t set, sigset_t *host)
{
	sigemptyset(host);
	for (int i = 1; i < DARWIN_NSIG; i++)
		if (set & (1u << (i - 1)) && signals[i].host)
			sigaddset(host, signals[i].host);
}

uint32_t darwin_sigset_from_host(const sigset_t *host)
{
	uint32_t set = 0;
	for (int i = 1; i < DARWIN_NSIG; i++)
		if (signals[i].host && sigismember(host, signals[i].host) == 1)
			set |= 1u << (i - 1);
	return set;
}

static const struct xeno_flag sa_flags[] = {
    XENO_FLAG("SA_ONSTACK", DARWIN_SA_ONSTACK, XENO_SA_ONSTACK),
    XENO_FLAG("SA_RESTART", DARWIN_SA_RESTART, XENO_SA_RESTART),
    XENO_FLAG("SA_RESETHAND", DARWIN_SA_RESETHAND, XENO_SA_RESETHAND),
    XENO_FLAG("SA_NOCLDSTOP", DARWIN_SA_NOCLDSTOP, XENO_SA_NOCLDSTOP),
    XENO_FLAG("SA_NODEFER", DARWIN_SA_NODEFER, XENO_SA_NODEFER),
    XENO_FLAG("SA_NOCLDWAIT", DARWIN_SA_NOCLDWAIT, XENO_SA_NOCLDWAIT),
    XENO_FLAG("SA_SIGINFO", DARWIN_SA_SIGINFO, XENO_SA_SIGINFO),
};
const struct xeno_flagset darwin_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

/* si_code: Linux's FPE codes in macOS's order (FPE_FLTDIV 1 .. FPE_INTOVF 8);
 * a kernel-made SIGSEGV without a fault (SI_KERNEL) as macOS reports a
 * general protection fault, code 0 address 0; sent signals code 0, which
 * is what Go's runtime finds on macOS (its _SI_USER). */
void darwin_siginfo_from_host(int sig, const siginfo_t *si, struct darwin_siginfo *out)
{
	memset(out, 0, sizeof *out);
	out->signo = darwin_signal_from_host(sig);
	if (!si)
		return;
	out->err = 0;
	out->pid = si->si_pid;
	out->uid = si->si_uid;
	if (si->si_code <= 0) {
		out->code = 0;
		return;
	}
	out->code = si->si_code;
	if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)
		out->addr = (uint64_t)si->si_addr;
	if (sig == SIGFPE) {
		static const int fpe[] = {
		    [FPE_INTDIV] = 7, [FPE_INTOVF] = 8, [FPE_FLTDIV] = 1, [FPE_FLTOVF] = 2,
		    [FPE_FLTUND] = 3, [FPE_FLTRES] = 4, [FPE_FLTINV] = 5, [FPE_FLTSUB] = 6};
		out->code = si->si_code < 9 ? fpe[si->si_code] : 0;
	}
	if (sig == SIGSEGV && si->si_code == SI_KERNEL)
		out->code = 0, out->addr = 0;
}
