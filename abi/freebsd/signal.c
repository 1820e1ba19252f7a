/*
 * FreeBSD <-> Linux signal numbers and sets: the shared 4.4BSD numbering
 * (abi/bsd/signal.c) with FreeBSD's own above it (sys/sys/signal.h).
 * SIGTHR and SIGLIBRT ride on Linux real-time signals 34 and 35, FreeBSD's
 * real-time signals 65.. on Linux's 36..64 (those above 93 cannot be sent).
 */
#include "abi/freebsd/signal.h"

#include <string.h>

static const struct bsd_signal own[] = {
    {FREEBSD_SIGTHR, 34, "SIGTHR"},
    {FREEBSD_SIGLIBRT, 35, "SIGLIBRT"},
};
static const int ignored[] = {FREEBSD_SIGTHR, FREEBSD_SIGLIBRT};

const struct bsd_signals freebsd_signals = {
    .extra = own,
    .nextra = sizeof own / sizeof own[0],
    .rtmin = FREEBSD_SIGRTMIN,
    .rtmax = FREEBSD_SIGRTMAX,
    .host_rtbase = 36,
    .nsig = FREEBSD_NSIG,
    .ignored = ignored,
    .nignored = sizeof ignored / sizeof ignored[0],
};

int freebsd_signal_to_host(int sig)
{
	return bsd_signal_to_host(&freebsd_signals, sig);
}

int freebsd_signal_from_host(int sig)
{
	return bsd_signal_from_host(&freebsd_signals, sig);
}

const char *freebsd_signal_name(int sig)
{
	return bsd_signal_name(&freebsd_signals, sig);
}

void freebsd_sigset_to_host(const struct bsd_sigset *s, sigset_t *host)
{
	bsd_sigset_to_host(&freebsd_signals, s, host);
}

void freebsd_sigset_from_host(const sigset_t *host, struct bsd_sigset *s)
{
	bsd_sigset_from_host(&freebsd_signals, host, s);
}

/* sys/sys/signal.h: the codes a process's sending leaves; FreeBSD's FPE
 * codes trade the integer ones (FPE_INTOVF 1, FPE_INTDIV 2). */
const struct bsd_si_codes freebsd_si_codes = {
    .user = FREEBSD_SI_USER,
    .queue = FREEBSD_SI_QUEUE,
    .timer = FREEBSD_SI_TIMER,
    .mesgq = FREEBSD_SI_MESGQ,
    .asyncio = FREEBSD_SI_ASYNCIO,
    .lwp = FREEBSD_SI_LWP,
    .kernel = FREEBSD_SI_KERNEL,
    .noinfo = FREEBSD_SI_NOINFO,
    .fpe_int_swapped = 1,
};

int freebsd_si_code_from_host(int host_sig, int code)
{
	return bsd_si_code_from_host(&freebsd_si_codes, host_sig, code);
}

int freebsd_signal_default_ignored(int sig)
{
	return bsd_signal_default_ignored(&freebsd_signals, sig);
}

static void sigaction_in(const void *foreign, struct bsd_sigaction *sa)
{
	const struct freebsd_sigaction *fa = foreign;
	*sa = (struct bsd_sigaction){fa->handler, (uint32_t)fa->flags, fa->mask};
}

static void sigaction_out(const struct bsd_sigaction *sa, void *foreign)
{
	struct freebsd_sigaction *fa = foreign;
	*fa = (struct freebsd_sigaction){sa->handler, (int32_t)sa->flags, sa->mask, 0};
}

static void siginfo_in(const void *foreign, struct bsd_siginfo *si)
{
	const struct freebsd_siginfo *f = foreign;
	*si = (struct bsd_siginfo){f->signo, f->code,	f->err,	 f->pid,
				   f->uid,   f->status, f->addr, f->value};
}

static void siginfo_out(const struct bsd_siginfo *si, void *foreign)
{
	struct freebsd_siginfo *f = foreign;
	memset(f, 0, sizeof *f);
	f->signo = si->signo;
	f->err = si->err;
	f->code = si->code;
	f->pid = si->pid;
	f->uid = si->uid;
	f->status = si->status;
	f->addr = si->addr;
	f->value = si->value;
}

const struct bsd_signal_facts freebsd_signal_facts = {
    .signals = &freebsd_signals,
    .si_codes = &freebsd_si_codes,
    .sigaction_flags = &bsd_sigaction_flags,
    .minsigstksz = FREEBSD_MINSIGSTKSZ,
    .ss_flags_allowed = BSD_SS_DISABLE,
    .kill_stop_any_action_refused = 0,
    .sigaction_size = sizeof(struct freebsd_sigaction),
    .sigaction_in = sigaction_in,
    .sigaction_out = sigaction_out,
    .siginfo_size = sizeof(struct freebsd_siginfo),
    .siginfo_in = siginfo_in,
    .siginfo_out = siginfo_out,
};
