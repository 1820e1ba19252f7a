/*
 * The BSDs' structures in a trace (abi/bsd/trace_decode.h): the decoders
 * syscalls.master's in(S)/out(S)/inout(S) kinds name, and "siginfo" for
 * signal lines.  The numbers that differ between the BSDs come from the
 * personality's facts (struct bsd_abi); the style is strace's.
 */
#include "abi/bsd/trace_decode.h"

#include "abi/bsd/abi.h"
#include "abi/bsd/signal.h"
#include "abi/bsd/socket.h"
#include "abi/bsd/sockopt.h"
#include "core/personality.h"
#include "trace/line.h"

#define LOAD BSD_LOAD

static const struct bsd_abi *facts(const struct xeno_tline *l)
{
	return (const struct bsd_abi *)l->os->facts;
}

/* ---- time ---- */

/* A timespec a call reads is a duration or a deadline the program chose;
 * one it fills is a clock reading, which differs from run to run. */
static void format_timespec(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_timespec ts = LOAD(struct bsd_timespec, p);
	tl_printf(l, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts.tv_sec, (long long)ts.tv_nsec);
}

static void format_timespec_now(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_timespec ts = LOAD(struct bsd_timespec, p);
	tl_puts(l, "{");
	tl_time(l, ts.tv_sec, ts.tv_nsec, 9);
	tl_puts(l, "}");
}

/* tv_usec is a long, or an int followed by padding (timeval_usec_32). */
static struct bsd_timeval load_timeval(const struct xeno_tline *l, const uint8_t *p)
{
	struct bsd_timeval tv = LOAD(struct bsd_timeval, p);
	if (facts(l)->timeval_usec_32)
		tv.tv_usec = (int32_t)tv.tv_usec;
	return tv;
}

static void format_timeval(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_timeval tv = load_timeval(l, p);
	tl_printf(l, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv.tv_sec, (long long)tv.tv_usec);
}

static void format_timeval_now(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_timeval tv = load_timeval(l, p);
	tl_puts(l, "{");
	tl_time(l, tv.tv_sec, tv.tv_usec, 6);
	tl_puts(l, "}");
}

/* ---- files ---- */

/* sys/sys/stat.h: S_IFMT and the file types. */
static const char *file_type(unsigned mode)
{
	switch (mode & 0170000) {
	case 0010000:
		return "S_IFIFO";
	case 0020000:
		return "S_IFCHR";
	case 0040000:
		return "S_IFDIR";
	case 0060000:
		return "S_IFBLK";
	case 0100000:
		return "S_IFREG";
	case 0120000:
		return "S_IFLNK";
	case 0140000:
		return "S_IFSOCK";
	case 0160000:
		return "S_IFWHT";
	}
	return NULL;
}

/* The fields a reader of a trace looks at.  A directory's size and link
 * count depend on the file system: masked. */
void bsd_trace_put_stat(struct xeno_tline *l, const struct bsd_stat_view *st)
{
	bool dir = (st->mode & 0170000) == 0040000;
	const char *type = file_type(st->mode);
	tl_puts(l, "{st_dev=");
	tl_varying(l, "%#llx", (long long)st->dev);
	tl_puts(l, ", st_ino=");
	tl_varying(l, "%llu", (long long)st->ino);
	if (type)
		tl_printf(l, ", st_mode=%s|%#o", type, st->mode & 07777);
	else
		tl_printf(l, ", st_mode=%#o", st->mode);
	tl_puts(l, ", st_nlink=");
	if (dir)
		tl_varying(l, "%llu", (long long)st->nlink);
	else
		tl_printf(l, "%llu", (unsigned long long)st->nlink);
	tl_puts(l, ", st_uid=");
	tl_varying(l, "%lld", (long long)st->uid);
	tl_puts(l, ", st_gid=");
	tl_varying(l, "%lld", (long long)st->gid);
	tl_puts(l, ", st_size=");
	if (dir)
		tl_varying(l, "%lld", (long long)st->size);
	else
		tl_printf(l, "%lld", (long long)st->size);
	tl_puts(l, ", st_blocks=");
	tl_varying(l, "%lld", (long long)st->blocks);
	tl_puts(l, ", st_mtim=");
	tl_time(l, st->mtim_sec, st->mtim_nsec, 9);
	tl_puts(l, ", ...}");
}

/* int[2] of pipe2 and socketpair. */
static void format_fdpair(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	int32_t fds[2];
	memcpy(fds, p, sizeof fds);
	tl_puts(l, "[");
	tl_fd(l, fds[0]);
	tl_puts(l, ", ");
	tl_fd(l, fds[1]);
	tl_puts(l, "]");
}

/* struct iovec: the same 16 bytes on the BSDs for amd64 as on Linux. */
static void format_iovec(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	uint64_t iov[2];
	memcpy(iov, p, sizeof iov);
	tl_puts(l, "{iov_base=");
	tl_addr(l, iov[0]);
	tl_printf(l, ", iov_len=%llu}", (unsigned long long)iov[1]);
}

/* ---- processes, resources ---- */

/* sys/sys/resource.h: RLIM_INFINITY is the largest positive 64-bit value. */
static void put_rlim(struct xeno_tline *l, int64_t v)
{
	if (v == INT64_MAX)
		tl_puts(l, "RLIM_INFINITY");
	else
		tl_printf(l, "%lld", (long long)v);
}

static void format_rlimit(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_rlimit r = LOAD(struct bsd_rlimit, p);
	tl_puts(l, "{rlim_cur=");
	put_rlim(l, (int64_t)r.cur);
	tl_puts(l, ", rlim_max=");
	put_rlim(l, (int64_t)r.max);
	tl_puts(l, "}");
}

/* sys/sys/wait.h: _WSTATUS is the low 7 bits, 0177 for a stopped child,
 * 0 for an exit (status in bits 8-15), else the terminating signal with
 * WCOREFLAG 0200; a continued child has the OS's own value. */
static void format_waitstatus(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	int32_t st = LOAD(int32_t, p);
	int low = st & 0177;
	tl_puts(l, "[{");
	if (st == facts(l)->wait_continued_status) {
		tl_puts(l, "WIFCONTINUED(s)");
	} else if (low == 0) {
		tl_printf(l, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (st >> 8) & 0xff);
	} else if (low == 0177) {
		tl_puts(l, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		tl_signal(l, (st >> 8) & 0xff);
	} else {
		tl_puts(l, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		tl_signal(l, low);
		if (st & 0200)
			tl_puts(l, " && WCOREDUMP(s)");
	}
	tl_puts(l, "}]");
}

/* One int of a sysctl name (MIB). */
static void format_mib(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	tl_printf(l, "%d", LOAD(int32_t, p));
}

/* ---- signals ---- */

static void format_sigset(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct bsd_sigset s = LOAD(struct bsd_sigset, p);
	tl_sigset(l, s.bits, 4);
}

static void format_sigaction(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	const struct bsd_signal_facts *f = facts(l)->sig;
	struct bsd_sigaction sa;
	uint64_t raw[4]; /* aligned: the captured bytes are not */
	memcpy(raw, p, sizeof raw);
	f->sigaction_in(raw, &sa);
	tl_puts(l, "{sa_handler=");
	if (sa.handler == BSD_SIG_DFL)
		tl_puts(l, "SIG_DFL");
	else if (sa.handler == BSD_SIG_IGN)
		tl_puts(l, "SIG_IGN");
	else
		tl_addr(l, sa.handler);
	tl_puts(l, ", sa_mask=");
	tl_sigset(l, sa.mask.bits, 4);
	tl_puts(l, ", sa_flags=");
	if (sa.flags)
		tl_flags(l, f->sigaction_flags, sa.flags);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

/* The name of a si_code a process's sending leaves, or NULL. */
static const char *sent_code_name(const struct bsd_si_codes *c, int code)
{
	const struct {
		int code;
		const char *name;
	} names[] = {
	    {c->noinfo, "SI_NOINFO"}, {c->user, "SI_USER"},	  {c->queue, "SI_QUEUE"},
	    {c->timer, "SI_TIMER"},   {c->asyncio, "SI_ASYNCIO"}, {c->mesgq, "SI_MESGQ"},
	    {c->kernel, "SI_KERNEL"}, {c->lwp, "SI_LWP"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			return names[i].name;
	return NULL;
}

/* Fault codes: numbered as Linux numbers them (sys/sys/signal.h,
 * sys/sys/siginfo.h). */
static const char *fault_code_name(int sig, int code)
{
	if (sig == BSD_SIGSEGV && (code == 1 || code == 2))
		return code == 1 ? "SEGV_MAPERR" : "SEGV_ACCERR";
	if (sig == BSD_SIGBUS && code >= 1 && code <= 3)
		return (const char *[]){"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"}[code - 1];
	return NULL;
}

void bsd_trace_format_siginfo(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	const struct bsd_signal_facts *f = facts(l)->sig;
	struct bsd_siginfo si;
	uint64_t raw[16] = {0}; /* aligned: the captured bytes are not */
	memcpy(raw, p, f->siginfo_size < n ? f->siginfo_size : n);
	f->siginfo_in(raw, &si);
	tl_puts(l, "{si_signo=");
	tl_signal(l, si.signo);
	const char *sent = sent_code_name(f->si_codes, si.code);
	const char *code = sent ? sent : fault_code_name(si.signo, si.code);
	if (code)
		tl_printf(l, ", si_code=%s", code);
	else
		tl_printf(l, ", si_code=%d", si.code);
	if (si.code > 0 && !sent) {
		tl_puts(l, ", si_addr=");
		tl_addr(l, si.addr);
	} else if (si.code != f->si_codes->noinfo) {
		tl_puts(l, ", si_pid=");
		tl_pid(l, si.pid);
		tl_puts(l, ", si_uid=");
		tl_varying(l, "%lld", si.uid);
		if (si.signo == BSD_SIGCHLD)
			tl_printf(l, ", si_status=%d", si.status);
	}
	tl_puts(l, "}");
}

/* ---- kqueue ---- */

/* The fflags of a filter xeno interprets, by that filter's names. */
static void put_fflags(struct xeno_tline *l, const struct bsd_kevent_facts *f, int filter,
		       uint32_t fflags)
{
	const struct xeno_flagset *s = NULL;
	switch (filter) {
	case KQ_FILTER_READ:
	case KQ_FILTER_WRITE:
		s = f->note_rw;
		break;
	case KQ_FILTER_TIMER:
		s = f->note_timer;
		break;
	case KQ_FILTER_PROC:
		s = f->note_proc;
		break;
	case KQ_FILTER_USER:
		s = f->note_user;
		break;
	}
	if (s && fflags)
		tl_flags(l, s, fflags);
	else
		tl_printf(l, "%#x", fflags);
}

/* ident is a descriptor for the filters that watch one. */
void bsd_trace_put_kevent(struct xeno_tline *l, const struct bsd_kevent_facts *f,
			  const struct bsd_kevent_fields *k)
{
	uint64_t v;
	int filter = xeno_flags_to_host(f->filters, (uint64_t)k->filter, &v) == 0 ? (int)v : -1;
	tl_puts(l, "{ident=");
	if (filter == KQ_FILTER_READ || filter == KQ_FILTER_WRITE || filter == KQ_FILTER_VNODE ||
	    filter == KQ_FILTER_EMPTY)
		tl_fd(l, (int)k->ident);
	else if (filter == KQ_FILTER_PROC)
		tl_pid(l, (long)k->ident);
	else if (filter == KQ_FILTER_SIGNAL)
		tl_signal(l, (int)k->ident);
	else
		tl_printf(l, "%llu", (unsigned long long)k->ident);
	tl_puts(l, ", filter=");
	tl_flags(l, f->filters, (uint64_t)k->filter);
	tl_puts(l, ", flags=");
	if (k->flags)
		tl_flags(l, f->flags, k->flags);
	else
		tl_puts(l, "0");
	tl_puts(l, ", fflags=");
	put_fflags(l, f, filter, k->fflags);
	tl_printf(l, ", data=%lld, udata=", (long long)k->data);
	tl_addr(l, k->udata);
	tl_puts(l, "}");
}

/* ---- sockets ---- */

static void put_inet6(struct xeno_tline *l, const uint8_t a[16])
{
	/* Groups of 16 bits, the longest run of zero groups as "::". */
	uint16_t g[8];
	for (int i = 0; i < 8; i++)
		g[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
	int best = -1, best_len = 0;
	for (int i = 0; i < 8;) {
		int j = i;
		while (j < 8 && g[j] == 0)
			j++;
		if (j - i > best_len && j - i > 1)
			best = i, best_len = j - i;
		i = j > i ? j : i + 1;
	}
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			tl_puts(l, "::");
			i += best_len - 1;
			continue;
		}
		if (i && i != best + best_len)
			tl_puts(l, ":");
		tl_printf(l, "%x", g[i]);
	}
}

/* The n bytes of a BSD sockaddr (sa_len first, then sa_family). */
static void format_sockaddr(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	const struct bsd_families *af = facts(l)->families;
	uint8_t len = p[0], family = p[1];
	if (len > n || len < 2)
		len = (uint8_t)(n < 255 ? n : 255);
	tl_puts(l, "{sa_len=");
	tl_printf(l, "%u, sa_family=", p[0]);
	tl_flags(l, facts(l)->socket_domains, family);
	if (family == af->inet && len >= sizeof(struct bsd_sockaddr_in)) {
		struct bsd_sockaddr_in sin = LOAD(struct bsd_sockaddr_in, p);
		const uint8_t *a = (const uint8_t *)&sin.sin_addr;
		tl_printf(l, ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
			  (unsigned)__builtin_bswap16(sin.sin_port), a[0], a[1], a[2], a[3]);
	} else if (family == af->inet6 && len >= sizeof(struct bsd_sockaddr_in6)) {
		struct bsd_sockaddr_in6 sin6 = LOAD(struct bsd_sockaddr_in6, p);
		tl_printf(l, ", sin6_port=htons(%u), sin6_addr=\"",
			  (unsigned)__builtin_bswap16(sin6.sin6_port));
		put_inet6(l, sin6.sin6_addr);
		tl_printf(l, "\", sin6_flowinfo=%u, sin6_scope_id=%u", sin6.sin6_flowinfo,
			  sin6.sin6_scope_id);
	} else if (family == af->unix_) {
		size_t plen = len > 2 ? len - 2 : 0;
		const uint8_t *path = p + 2;
		const uint8_t *nul = memchr(path, '\0', plen);
		tl_puts(l, ", sun_path=");
		tl_bytes(l, path, nul ? (size_t)(nul - path) : plen, false);
	} else if (len > 2) {
		tl_puts(l, ", sa_data=");
		tl_bytes(l, p + 2, len - 2, false);
	}
	tl_puts(l, "}");
}

static void format_pollfd(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	const struct xeno_flagset *events = facts(l)->poll_events;
	struct bsd_pollfd pfd = LOAD(struct bsd_pollfd, p);
	tl_puts(l, "{fd=");
	tl_fd(l, pfd.fd);
	tl_puts(l, ", events=");
	tl_flags(l, events, (uint16_t)pfd.events);
	tl_puts(l, ", revents=");
	if (pfd.revents)
		tl_flags(l, events, (uint16_t)pfd.revents);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

/* A thread id a call wrote: a long (FreeBSD's thr_self) or an int
 * (NetBSD's lwpid_t), as the decoder's size says. */
static void format_tid(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	tl_puts(l, "[");
	tl_tid(l, n >= sizeof(int64_t) ? LOAD(int64_t, p) : LOAD(int32_t, p));
	tl_puts(l, "]");
}
#define format_lwpid format_tid

#define DECODER(dname, size, fn)                                                                   \
	const struct xeno_trace_decoder bsd_dec_##fn = {dname, size, 0, false, format_##fn}

DECODER("timespec", sizeof(struct bsd_timespec), timespec);
DECODER("timespec_now", sizeof(struct bsd_timespec), timespec_now);
DECODER("timeval", sizeof(struct bsd_timeval), timeval);
DECODER("timeval_now", sizeof(struct bsd_timeval), timeval_now);
DECODER("fdpair", 2 * sizeof(int32_t), fdpair);
DECODER("iovec", 2 * sizeof(uint64_t), iovec);
DECODER("rlimit", sizeof(struct bsd_rlimit), rlimit);
DECODER("waitstatus", sizeof(int32_t), waitstatus);
DECODER("mib", sizeof(int32_t), mib);
DECODER("sigset", sizeof(struct bsd_sigset), sigset);
/* struct sigaction: 32 bytes on every BSD, whatever the field order */
DECODER("sigaction", 32, sigaction);
DECODER("pollfd", sizeof(struct bsd_pollfd), pollfd);
DECODER("tid", sizeof(int64_t), tid);
DECODER("lwpid", sizeof(int32_t), lwpid);

/* sa_len says how long an address is: read as much as the guest has, at
 * least the two bytes of sa_len and sa_family; the largest address
 * (SOCK_MAXADDRLEN) is 255 bytes. */
const struct xeno_trace_decoder bsd_dec_sockaddr = {
    "sockaddr", 128, 2, true, format_sockaddr,
};
