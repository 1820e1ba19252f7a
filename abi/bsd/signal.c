/*
 * The 4.4BSD signal numbering onto Linux's (abi/bsd/signal.h).  The signals
 * Linux lacks ride on signals no program of ours uses: SIGEMT on SIGSTKFLT
 * (unused on x86), SIGINFO on SIGPWR; each BSD puts its own above 31 and its
 * real-time signals on Linux real-time signals above the two glibc keeps for
 * itself (32, 33).
 */
#include "abi/bsd/signal.h"

#include <string.h>

#include "core/sigstate.h"

static const struct bsd_signal shared[] = {
    {BSD_SIGHUP, SIGHUP, "SIGHUP"},    {BSD_SIGINT, SIGINT, "SIGINT"},
    {BSD_SIGQUIT, SIGQUIT, "SIGQUIT"}, {BSD_SIGILL, SIGILL, "SIGILL"},
    {BSD_SIGTRAP, SIGTRAP, "SIGTRAP"}, {BSD_SIGABRT, SIGABRT, "SIGABRT"},
    {BSD_SIGEMT, SIGSTKFLT, "SIGEMT"}, {BSD_SIGFPE, SIGFPE, "SIGFPE"},
    {BSD_SIGKILL, SIGKILL, "SIGKILL"}, {BSD_SIGBUS, SIGBUS, "SIGBUS"},
    {BSD_SIGSEGV, SIGSEGV, "SIGSEGV"}, {BSD_SIGSYS, SIGSYS, "SIGSYS"},
    {BSD_SIGPIPE, SIGPIPE, "SIGPIPE"}, {BSD_SIGALRM, SIGALRM, "SIGALRM"},
    {BSD_SIGTERM, SIGTERM, "SIGTERM"}, {BSD_SIGURG, SIGURG, "SIGURG"},
    {BSD_SIGSTOP, SIGSTOP, "SIGSTOP"}, {BSD_SIGTSTP, SIGTSTP, "SIGTSTP"},
    {BSD_SIGCONT, SIGCONT, "SIGCONT"}, {BSD_SIGCHLD, SIGCHLD, "SIGCHLD"},
    {BSD_SIGTTIN, SIGTTIN, "SIGTTIN"}, {BSD_SIGTTOU, SIGTTOU, "SIGTTOU"},
    {BSD_SIGIO, SIGIO, "SIGIO"},       {BSD_SIGXCPU, SIGXCPU, "SIGXCPU"},
    {BSD_SIGXFSZ, SIGXFSZ, "SIGXFSZ"}, {BSD_SIGVTALRM, SIGVTALRM, "SIGVTALRM"},
    {BSD_SIGPROF, SIGPROF, "SIGPROF"}, {BSD_SIGWINCH, SIGWINCH, "SIGWINCH"},
    {BSD_SIGINFO, SIGPWR, "SIGINFO"},  {BSD_SIGUSR1, SIGUSR1, "SIGUSR1"},
    {BSD_SIGUSR2, SIGUSR2, "SIGUSR2"},
};
#define NSHARED (sizeof shared / sizeof shared[0])

/* The one entry (shared or the OS's own) whose side `want_host` matches v.
 * The shared signals are 1..31 in order on the BSD side, so a foreign number
 * finds its entry at once: a signal set converts one number at a time (Go
 * gives every sigaction a full mask of 128), and a search each was the most
 * of xeno's own time in a FreeBSD program's start. */
static const struct bsd_signal *lookup(const struct bsd_signals *s, int v, int want_host)
{
	size_t first = 0;
	if (!want_host && v >= 1 && (size_t)v <= NSHARED && shared[v - 1].foreign == v)
		return &shared[v - 1];
	if (!want_host && v > (int)NSHARED)
		first = NSHARED; /* above every shared BSD number */
	for (size_t i = first; i < NSHARED + s->nextra; i++) {
		const struct bsd_signal *e = i < NSHARED ? &shared[i] : &s->extra[i - NSHARED];
		if ((want_host ? e->host : e->foreign) == v)
			return e;
	}
	return NULL;
}

/* How many of the OS's real-time signals have a host signal to ride on. */
static int rt_count(const struct bsd_signals *s)
{
	int room = 64 - s->host_rtbase + 1, n = s->rtmax - s->rtmin + 1;
	return n < room ? n : room;
}

int bsd_signal_to_host(const struct bsd_signals *s, int sig)
{
	const struct bsd_signal *e = lookup(s, sig, 0);
	if (e)
		return e->host;
	if (sig >= s->rtmin && sig < s->rtmin + rt_count(s))
		return s->host_rtbase + (sig - s->rtmin);
	return 0;
}

int bsd_signal_from_host(const struct bsd_signals *s, int host)
{
	const struct bsd_signal *e = lookup(s, host, 1);
	if (e)
		return e->foreign;
	if (host >= s->host_rtbase && host < s->host_rtbase + rt_count(s))
		return s->rtmin + (host - s->host_rtbase);
	return 0;
}

const char *bsd_signal_name(const struct bsd_signals *s, int sig)
{
	static const char *const rt[] = {"SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+2", "SIGRTMIN+3"};
	const struct bsd_signal *e = lookup(s, sig, 0);
	if (e)
		return e->name;
	if (sig >= s->rtmin && sig < s->rtmin + 4)
		return rt[sig - s->rtmin];
	return NULL;
}

void bsd_sigset_to_host(const struct bsd_signals *s, const struct bsd_sigset *set, sigset_t *host)
{
	sigemptyset(host);
	for (int sig = 1; sig <= s->nsig; sig++) {
		if (!(set->bits[(sig - 1) / 32] & (1u << ((sig - 1) % 32))))
			continue;
		int h = bsd_signal_to_host(s, sig);
		if (h)
			sigaddset(host, h);
	}
}

void bsd_sigset_from_host(const struct bsd_signals *s, const sigset_t *host, struct bsd_sigset *set)
{
	memset(set, 0, sizeof *set);
	for (int h = 1; h <= 64; h++) {
		if (sigismember(host, h) != 1)
			continue;
		int sig = bsd_signal_from_host(s, h);
		if (sig)
			set->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
	}
}

int bsd_signal_default_ignored(const struct bsd_signals *s, int sig)
{
	switch (sig) {
	case BSD_SIGURG:
	case BSD_SIGCONT:
	case BSD_SIGCHLD:
	case BSD_SIGIO:
	case BSD_SIGWINCH:
	case BSD_SIGINFO:
		return 1;
	}
	for (size_t i = 0; i < s->nignored; i++)
		if (s->ignored[i] == sig)
			return 1;
	return 0;
}

/* Host si_code values that mean "sent by a process" (asm-generic/siginfo.h). */
int bsd_si_code_from_host(const struct bsd_si_codes *c, int host_sig, int code)
{
	switch (code) {
	case SI_USER:
		return c->user;
	case SI_QUEUE:
		return c->queue;
	case SI_TIMER:
		return c->timer;
	case SI_MESGQ:
		return c->mesgq;
	case SI_ASYNCIO:
		return c->asyncio;
	case SI_TKILL:
		return c->lwp;
	case SI_KERNEL:
		return c->kernel;
	}
	if (code <= 0)
		return c->noinfo;
	/* Fault codes are numbered as Linux numbers them, but for a BSD whose
	 * SIGFPE integer codes trade places (FreeBSD: FPE_INTOVF 1, FPE_INTDIV 2;
	 * Linux: INTDIV 1, INTOVF 2). */
	if (host_sig == SIGFPE && c->fpe_int_swapped && (code == FPE_INTDIV || code == FPE_INTOVF))
		return code == FPE_INTDIV ? 2 : 1;
	return code;
}

void bsd_siginfo_from_host(const struct bsd_signal_facts *f, int sig, const siginfo_t *si,
			   struct bsd_siginfo *out)
{
	memset(out, 0, sizeof *out);
	out->signo = bsd_signal_from_host(f->signals, sig);
	out->err = si->si_errno;
	out->code = bsd_si_code_from_host(f->si_codes, sig, si->si_code);
	if (si->si_code > 0 &&
	    (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP)) {
		out->addr = (uint64_t)si->si_addr;
	} else {
		out->pid = si->si_pid;
		out->uid = si->si_uid;
		out->value = (uint64_t)si->si_value.sival_ptr;
		if (sig == SIGCHLD)
			out->status = si->si_status;
	}
}

size_t bsd_siginfo_write(const struct bsd_signal_facts *f, int sig, const siginfo_t *si, void *out)
{
	struct bsd_siginfo b;
	bsd_siginfo_from_host(f, sig, si, &b);
	f->siginfo_out(&b, out);
	return f->siginfo_size;
}

/* sigaction flags, as generic XENO_SA_* bits (core/sigstate.h) */
static const struct xeno_flag sa_flags[] = {BSD_SIGACTION_FLAGS};
const struct xeno_flagset bsd_sigaction_flags = XENO_FLAGSET("sigaction", sa_flags, 0);

/* sigprocmask how */
static const struct xeno_flag how_values[] = {
    XENO_ENUM("SIG_BLOCK", BSD_SIG_BLOCK, SIG_BLOCK),
    XENO_ENUM("SIG_UNBLOCK", BSD_SIG_UNBLOCK, SIG_UNBLOCK),
    XENO_ENUM("SIG_SETMASK", BSD_SIG_SETMASK, SIG_SETMASK),
};
const struct xeno_flagset bsd_sigprocmask_how = XENO_FLAGSET("sigmaskhow", how_values, 1);
