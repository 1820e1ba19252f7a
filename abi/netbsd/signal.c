/*
 * NetBSD <-> Linux signals: the shared 4.4BSD numbering (abi/bsd/signal.c)
 * with NetBSD's own above it (sys/sys/signal.h).  SIGPWR rides on Linux
 * real-time signal 34, NetBSD's real-time signals 33..62 on Linux's 35..64
 * (SIGRTMAX, 63, cannot be sent).  SIGPWR is ignored by default
 * (sys/sys/signalvar.h sigprop).
 */
#include "abi/netbsd/signal.h"

#include <string.h>

#include "core/sigstate.h"

static const struct bsd_signal own[] = {
    {NETBSD_SIGPWR, 34, "SIGPWR"},
};
static const int ignored[] = {NETBSD_SIGPWR};

const struct bsd_signals netbsd_signals = {
    .extra = own,
    .nextra = sizeof own / sizeof own[0],
    .rtmin = NETBSD_SIGRTMIN,
    .rtmax = NETBSD_SIGRTMAX,
    .host_rtbase = 35,
    .nsig = NETBSD_NSIG - 1,
    .ignored = ignored,
    .nignored = sizeof ignored / sizeof ignored[0],
};

/* sys/sys/siginfo.h; NetBSD has no SI_KERNEL: a signal the kernel sends
 * of itself carries no information.  FPE codes are numbered as Linux's. */
const struct bsd_si_codes netbsd_si_codes = {
    .user = NETBSD_SI_USER,
    .queue = NETBSD_SI_QUEUE,
    .timer = NETBSD_SI_TIMER,
    .mesgq = NETBSD_SI_MESGQ,
    .asyncio = NETBSD_SI_ASYNCIO,
    .lwp = NETBSD_SI_LWP,
    .kernel = NETBSD_SI_NOINFO,
    .noinfo = NETBSD_SI_NOINFO,
    .fpe_int_swapped = 0,
};

/* SA_NOKERNINFO only concerns what the kernel prints on a tty: accepted. */
static const struct xeno_flag sa_flags[] = {
    BSD_SIGACTION_FLAGS,
    XENO_FLAG_FOREIGN("SA_NOKERNINFO", NETBSD_SA_NOKERNINFO),
};
const struct xeno_flagset netbsd_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

int netbsd_signal_to_host(int sig)
{
	return bsd_signal_to_host(&netbsd_signals, sig);
}

int netbsd_signal_from_host(int sig)
{
	return bsd_signal_from_host(&netbsd_signals, sig);
}

const char *netbsd_signal_name(int sig)
{
	return bsd_signal_name(&netbsd_signals, sig);
}

int netbsd_signal_default_ignored(int sig)
{
	return bsd_signal_default_ignored(&netbsd_signals, sig);
}

static void sigaction_in(const void *foreign, struct bsd_sigaction *sa)
{
	const struct netbsd_sigaction *na = foreign;
	*sa = (struct bsd_sigaction){na->handler, (uint32_t)na->flags, na->mask};
}

static void sigaction_out(const struct bsd_sigaction *sa, void *foreign)
{
	struct netbsd_sigaction *na = foreign;
	*na = (struct netbsd_sigaction){sa->handler, sa->mask, (int32_t)sa->flags, 0};
}

/* A fault's address, or who sent the signal (with a child's status). */
static void siginfo_in(const void *foreign, struct bsd_siginfo *si)
{
	const struct netbsd_siginfo *n = foreign;
	*si = (struct bsd_siginfo){n->signo,
				   n->code,
				   n->err,
				   n->reason.child.pid,
				   n->reason.child.uid,
				   n->reason.child.status,
				   n->reason.fault.addr,
				   n->reason.rt.value};
}

static void siginfo_out(const struct bsd_siginfo *si, void *foreign)
{
	struct netbsd_siginfo *n = foreign;
	memset(n, 0, sizeof *n);
	n->signo = si->signo;
	n->code = si->code;
	n->err = si->err;
	if (si->addr) {
		n->reason.fault.addr = si->addr;
		return;
	}
	n->reason.child.pid = si->pid;
	n->reason.child.uid = si->uid;
	if (si->signo == BSD_SIGCHLD)
		n->reason.child.status = si->status;
	else
		n->reason.rt.value = si->value;
}

const struct bsd_signal_facts netbsd_signal_facts = {
    .signals = &netbsd_signals,
    .si_codes = &netbsd_si_codes,
    .sigaction_flags = &netbsd_sigaction_flags,
    .minsigstksz = NETBSD_MINSIGSTKSZ,
    .ss_flags_allowed = NETBSD_SS_ALLBITS,
    .kill_stop_any_action_refused = 1,
    .sigaction_size = sizeof(struct netbsd_sigaction),
    .sigaction_in = sigaction_in,
    .sigaction_out = sigaction_out,
    .siginfo_size = sizeof(struct netbsd_siginfo),
    .siginfo_in = siginfo_in,
    .siginfo_out = siginfo_out,
};
