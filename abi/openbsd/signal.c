/*
 * OpenBSD <-> Linux signals: the shared 4.4BSD numbering (abi/bsd/signal.c)
 * and SIGTHR 32, which rides on Linux real-time signal 34.  OpenBSD has no
 * real-time signals.  SIGTHR is ignored by default (sys/kern/kern_sig.c
 * sigprop: SA_IGNORE).
 */
#include "abi/openbsd/signal.h"

#include <string.h>

#include "core/sigstate.h"

static const struct bsd_signal own[] = {
    {OPENBSD_SIGTHR, 34, "SIGTHR"},
};
static const int ignored[] = {OPENBSD_SIGTHR};

const struct bsd_signals openbsd_signals = {
    .extra = own,
    .nextra = sizeof own / sizeof own[0],
    .rtmin = 1, /* none: an empty range */
    .rtmax = 0,
    .host_rtbase = 64,
    .nsig = OPENBSD_NSIG - 1,
    .ignored = ignored,
    .nignored = sizeof ignored / sizeof ignored[0],
};

/* OpenBSD has no SI_KERNEL, SI_MESGQ or SI_ASYNCIO: those carry no
 * information.  FPE codes are numbered as Linux's. */
static const struct bsd_si_codes si_codes = {
    .user = OPENBSD_SI_USER,
    .queue = OPENBSD_SI_QUEUE,
    .timer = OPENBSD_SI_TIMER,
    .mesgq = OPENBSD_SI_NOINFO,
    .asyncio = OPENBSD_SI_NOINFO,
    .lwp = OPENBSD_SI_LWP,
    .kernel = OPENBSD_SI_NOINFO,
    .noinfo = OPENBSD_SI_NOINFO,
    .fpe_int_swapped = 0,
};

static const struct xeno_flag sa_flags[] = {BSD_SIGACTION_FLAGS};
const struct xeno_flagset openbsd_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

int openbsd_signal_to_host(int sig)
{
	return bsd_signal_to_host(&openbsd_signals, sig);
}

int openbsd_signal_from_host(int sig)
{
	return bsd_signal_from_host(&openbsd_signals, sig);
}

const char *openbsd_signal_name(int sig)
{
	return bsd_signal_name(&openbsd_signals, sig);
}

int openbsd_signal_default_ignored(int sig)
{
	return bsd_signal_default_ignored(&openbsd_signals, sig);
}

void openbsd_sigset_to_host(openbsd_sigset set, sigset_t *host)
{
	struct bsd_sigset s = {{set, 0, 0, 0}};
	bsd_sigset_to_host(&openbsd_signals, &s, host);
}

openbsd_sigset openbsd_sigset_from_host(const sigset_t *host)
{
	struct bsd_sigset s;
	bsd_sigset_from_host(&openbsd_signals, host, &s);
	return s.bits[0];
}

static void sigaction_in(const void *foreign, struct bsd_sigaction *sa)
{
	const struct openbsd_sigaction *oa = foreign;
	*sa = (struct bsd_sigaction){oa->handler, (uint32_t)oa->flags, {{oa->mask, 0, 0, 0}}};
}

static void sigaction_out(const struct bsd_sigaction *sa, void *foreign)
{
	struct openbsd_sigaction *oa = foreign;
	*oa = (struct openbsd_sigaction){sa->handler, sa->mask.bits[0], (int32_t)sa->flags};
}

static void siginfo_in(const void *foreign, struct bsd_siginfo *si)
{
	const struct openbsd_siginfo *o = foreign;
	*si = (struct bsd_siginfo){o->signo,
				   o->code,
				   o->err,
				   o->data.proc.pid,
				   o->data.proc.pdata.kill.uid,
				   o->data.proc.pdata.cld.status,
				   o->data.fault.addr,
				   o->data.proc.pdata.kill.value};
}

/* What OpenBSD's handler sees (sys/kern/kern_sig.c postsig, initsiginfo):
 * a fault trapsignal raised (si_code > 0 for SIGSEGV, SIGILL, SIGBUS, SIGFPE
 * and SIGTRAP) keeps its code and, but for SIGTRAP, its address; any other
 * signal, sent by kill or thrkill, a timer or the kernel (SIGCHLD, SIGPIPE),
 * is SI_USER with nothing else: no sender's pid or uid, no child's status. */
static bool from_trap(const struct bsd_siginfo *si)
{
	switch (si->signo) {
	case BSD_SIGSEGV:
	case BSD_SIGILL:
	case BSD_SIGBUS:
	case BSD_SIGFPE:
	case BSD_SIGTRAP:
		return si->code > 0;
	}
	return false;
}

static void siginfo_out(const struct bsd_siginfo *si, void *foreign)
{
	struct openbsd_siginfo *o = foreign;
	memset(o, 0, sizeof *o);
	o->signo = si->signo;
	if (!from_trap(si)) {
		o->code = OPENBSD_SI_USER;
		return;
	}
	o->code = si->code;
	if (si->signo != BSD_SIGTRAP)
		o->data.fault.addr = si->addr;
}

/* sys/kern/kern_sig.c sys_sigaction: SIGKILL and SIGSTOP take no handler
 * (sigprop SA_CANTMASK), SIG_DFL is accepted */
const struct bsd_signal_facts openbsd_signal_facts = {
    .signals = &openbsd_signals,
    .si_codes = &si_codes,
    .sigaction_flags = &openbsd_sigaction_flags,
    .minsigstksz = OPENBSD_MINSIGSTKSZ,
    .ss_flags_allowed = OPENBSD_SS_ALLBITS,
    .kill_stop_any_action_refused = 0,
    .sigset_size = sizeof(openbsd_sigset),
    .sigaction_size = sizeof(struct openbsd_sigaction),
    .sigaction_in = sigaction_in,
    .sigaction_out = sigaction_out,
    .siginfo_size = sizeof(struct openbsd_siginfo),
    .siginfo_in = siginfo_in,
    .siginfo_out = siginfo_out,
};
