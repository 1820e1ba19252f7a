/*
 * How FreeBSD's structures look in a trace: the decoders syscalls.master's
 * in(S)/out(S)/inout(S) kinds name, and "siginfo" for signal lines.  The
 * layouts are the fixed-width ones of abi/freebsd/ (each header cites its
 * FreeBSD source); the style is strace's.
 */
#include "abi/freebsd/trace_decode.h"

#include <string.h>

#include "abi/freebsd/event.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/socket.h"
#include "abi/freebsd/stat.h"
#include "abi/freebsd/timespec.h"
#include "abi/freebsd/wait.h"
#include "trace/line.h"

/* Decoders read their bytes through memcpy: the captured bytes carry no
 * alignment. */
#define LOAD(type, p)                                                                              \
	({                                                                                         \
		type v_;                                                                           \
		memcpy(&v_, (p), sizeof v_);                                                       \
		v_;                                                                                \
	})

static void put_timespec(struct xeno_tline *l, const struct freebsd_timespec *ts, bool moment)
{
	if (moment) {
		tl_time(l, ts->tv_sec, ts->tv_nsec, 9);
		return;
	}
	tl_printf(l, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts->tv_sec, (long long)ts->tv_nsec);
}

/* ---- time ---- */

/* A timespec a call reads is a duration or a deadline the program chose;
 * one it fills is a clock reading, which differs from run to run. */
static void format_timespec(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_timespec ts = LOAD(struct freebsd_timespec, p);
	put_timespec(l, &ts, false);
}

static void format_timespec_now(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_timespec ts = LOAD(struct freebsd_timespec, p);
	tl_puts(l, "{");
	tl_time(l, ts.tv_sec, ts.tv_nsec, 9);
	tl_puts(l, "}");
}

static void format_timeval(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_timeval tv = LOAD(struct freebsd_timeval, p);
	tl_printf(l, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv.tv_sec, (long long)tv.tv_usec);
}

static void format_timeval_now(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_timeval tv = LOAD(struct freebsd_timeval, p);
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

/* The fields of both stat forms that a reader of a trace looks at.  A
 * directory's size and link count depend on the file system: masked. */
static void put_stat(struct xeno_tline *l, uint64_t dev, uint64_t ino, unsigned mode,
		     uint64_t nlink, unsigned uid, unsigned gid, int64_t size, int64_t blocks,
		     const struct freebsd_timespec *mtim)
{
	bool dir = (mode & 0170000) == 0040000;
	const char *type = file_type(mode);
	tl_puts(l, "{st_dev=");
	tl_varying(l, "%#llx", (long long)dev);
	tl_puts(l, ", st_ino=");
	tl_varying(l, "%llu", (long long)ino);
	if (type)
		tl_printf(l, ", st_mode=%s|%#o", type, mode & 07777);
	else
		tl_printf(l, ", st_mode=%#o", mode);
	tl_puts(l, ", st_nlink=");
	if (dir)
		tl_varying(l, "%llu", (long long)nlink);
	else
		tl_printf(l, "%llu", (unsigned long long)nlink);
	tl_puts(l, ", st_uid=");
	tl_varying(l, "%lld", (long long)uid);
	tl_puts(l, ", st_gid=");
	tl_varying(l, "%lld", (long long)gid);
	tl_puts(l, ", st_size=");
	if (dir)
		tl_varying(l, "%lld", (long long)size);
	else
		tl_printf(l, "%lld", (long long)size);
	tl_puts(l, ", st_blocks=");
	tl_varying(l, "%lld", (long long)blocks);
	tl_puts(l, ", st_mtim=");
	tl_time(l, mtim->tv_sec, mtim->tv_nsec, 9);
	tl_puts(l, ", ...}");
}

static void format_stat(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd12_stat st = LOAD(struct freebsd12_stat, p);
	put_stat(l, st.st_dev, st.st_ino, st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_size,
		 st.st_blocks, &st.st_mtim);
}

static void format_stat11(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd11_stat st = LOAD(struct freebsd11_stat, p);
	put_stat(l, st.st_dev, st.st_ino, st.st_mode, st.st_nlink, st.st_uid, st.st_gid, st.st_size,
		 st.st_blocks, &st.st_mtim);
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

/* struct iovec: the same 16 bytes on FreeBSD/amd64 as on Linux. */
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
	struct freebsd_rlimit r = LOAD(struct freebsd_rlimit, p);
	tl_puts(l, "{rlim_cur=");
	put_rlim(l, r.rlim_cur);
	tl_puts(l, ", rlim_max=");
	put_rlim(l, r.rlim_max);
	tl_puts(l, "}");
}

/* sys/sys/wait.h: _WSTATUS is the low 7 bits, 0177 for a stopped child,
 * 0 for an exit (status in bits 8-15), else the terminating signal with
 * WCOREFLAG 0200; 0x13 for a continued child. */
static void format_waitstatus(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	int32_t st = LOAD(int32_t, p);
	int low = st & 0177;
	tl_puts(l, "[{");
	if (st == FREEBSD_WCONTINUED_STATUS) {
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

/* A long thread id written by thr_self. */
static void format_tid(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	tl_puts(l, "[");
	tl_tid(l, LOAD(int64_t, p));
	tl_puts(l, "]");
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
	struct freebsd_sigset s = LOAD(struct freebsd_sigset, p);
	tl_sigset(l, s.bits, 4);
}

static void format_sigaction(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_sigaction sa = LOAD(struct freebsd_sigaction, p);
	tl_puts(l, "{sa_handler=");
	if (sa.handler == FREEBSD_SIG_DFL)
		tl_puts(l, "SIG_DFL");
	else if (sa.handler == FREEBSD_SIG_IGN)
		tl_puts(l, "SIG_IGN");
	else
		tl_addr(l, sa.handler);
	tl_puts(l, ", sa_mask=");
	tl_sigset(l, sa.mask.bits, 4);
	tl_puts(l, ", sa_flags=");
	if (sa.flags)
		tl_flags(l, &freebsd_sigaction_flags, (uint32_t)sa.flags);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

/* sys/sys/signal.h: the si_code values a process's sending leaves. */
static const char *si_code_name(int sig, int code)
{
	switch (code) {
	case FREEBSD_SI_NOINFO:
		return "SI_NOINFO";
	case FREEBSD_SI_USER:
		return "SI_USER";
	case FREEBSD_SI_QUEUE:
		return "SI_QUEUE";
	case FREEBSD_SI_TIMER:
		return "SI_TIMER";
	case FREEBSD_SI_ASYNCIO:
		return "SI_ASYNCIO";
	case FREEBSD_SI_MESGQ:
		return "SI_MESGQ";
	case FREEBSD_SI_KERNEL:
		return "SI_KERNEL";
	case FREEBSD_SI_LWP:
		return "SI_LWP";
	}
	/* Fault codes: numbered as Linux numbers them (abi/freebsd/signal.c). */
	if (sig == FREEBSD_SIGSEGV && (code == 1 || code == 2))
		return code == 1 ? "SEGV_MAPERR" : "SEGV_ACCERR";
	if (sig == FREEBSD_SIGBUS && code >= 1 && code <= 3)
		return (const char *[]){"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"}[code - 1];
	return NULL;
}

static void format_siginfo(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_siginfo si = LOAD(struct freebsd_siginfo, p);
	tl_puts(l, "{si_signo=");
	tl_signal(l, si.signo);
	const char *code = si_code_name(si.signo, si.code);
	if (code)
		tl_printf(l, ", si_code=%s", code);
	else
		tl_printf(l, ", si_code=%d", si.code);
	bool fault = si.code > 0 && si.code < 0x10000;
	if (fault) {
		tl_puts(l, ", si_addr=");
		tl_addr(l, si.addr);
	} else if (si.code != FREEBSD_SI_NOINFO) {
		tl_puts(l, ", si_pid=");
		tl_pid(l, si.pid);
		tl_puts(l, ", si_uid=");
		tl_varying(l, "%lld", si.uid);
		if (si.signo == FREEBSD_SIGCHLD)
			tl_printf(l, ", si_status=%d", si.status);
	}
	tl_puts(l, "}");
}

/* ---- kqueue ---- */

/* The fflags of a filter xeno interprets, by that filter's names. */
static void put_fflags(struct xeno_tline *l, int filter, uint32_t fflags)
{
	const struct xeno_flagset *s = NULL;
	switch (filter) {
	case FREEBSD_EVFILT_READ:
	case FREEBSD_EVFILT_WRITE:
		s = &freebsd_note_rw_flags;
		break;
	case FREEBSD_EVFILT_TIMER:
		s = &freebsd_note_timer_flags;
		break;
	case FREEBSD_EVFILT_PROC:
		s = &freebsd_note_proc_flags;
		break;
	case FREEBSD_EVFILT_USER:
		s = &freebsd_note_user_flags;
		break;
	}
	if (s && fflags)
		tl_flags(l, s, fflags);
	else
		tl_printf(l, "%#x", fflags);
}

/* The fields both kevent forms share; ident is a descriptor for the
 * filters that watch one. */
static void put_kevent(struct xeno_tline *l, uint64_t ident, int16_t filter, uint16_t flags,
		       uint32_t fflags, int64_t data, uint64_t udata)
{
	tl_puts(l, "{ident=");
	if (filter == FREEBSD_EVFILT_READ || filter == FREEBSD_EVFILT_WRITE ||
	    filter == FREEBSD_EVFILT_VNODE || filter == FREEBSD_EVFILT_EMPTY)
		tl_fd(l, (int)ident);
	else if (filter == FREEBSD_EVFILT_PROC)
		tl_pid(l, (long)ident);
	else if (filter == FREEBSD_EVFILT_SIGNAL)
		tl_signal(l, (int)ident);
	else
		tl_printf(l, "%llu", (unsigned long long)ident);
	tl_puts(l, ", filter=");
	tl_flags(l, &freebsd_kevent_filters, (uint64_t)(int64_t)filter);
	tl_puts(l, ", flags=");
	if (flags)
		tl_flags(l, &freebsd_kevent_flags, flags);
	else
		tl_puts(l, "0");
	tl_puts(l, ", fflags=");
	put_fflags(l, filter, fflags);
	tl_printf(l, ", data=%lld, udata=", (long long)data);
	tl_addr(l, udata);
	tl_puts(l, "}");
}

static void format_kevent(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_kevent k = LOAD(struct freebsd_kevent, p);
	put_kevent(l, k.ident, k.filter, k.flags, k.fflags, k.data, k.udata);
}

static void format_kevent11(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd11_kevent k = LOAD(struct freebsd11_kevent, p);
	put_kevent(l, k.ident, k.filter, k.flags, k.fflags, k.data, k.udata);
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

/* The n bytes of a FreeBSD sockaddr (sa_len first, then sa_family). */
static void format_sockaddr(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	uint8_t len = p[0], family = p[1];
	if (len > n || len < 2)
		len = (uint8_t)(n < 255 ? n : 255);
	tl_puts(l, "{sa_len=");
	tl_printf(l, "%u, sa_family=", p[0]);
	tl_flags(l, &freebsd_socket_domains, family);
	if (family == FREEBSD_AF_INET && len >= sizeof(struct freebsd_sockaddr_in)) {
		struct freebsd_sockaddr_in sin = LOAD(struct freebsd_sockaddr_in, p);
		const uint8_t *a = (const uint8_t *)&sin.sin_addr;
		tl_printf(l, ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
			  (unsigned)__builtin_bswap16(sin.sin_port), a[0], a[1], a[2], a[3]);
	} else if (family == FREEBSD_AF_INET6 && len >= sizeof(struct freebsd_sockaddr_in6)) {
		struct freebsd_sockaddr_in6 sin6 = LOAD(struct freebsd_sockaddr_in6, p);
		tl_printf(l, ", sin6_port=htons(%u), sin6_addr=\"",
			  (unsigned)__builtin_bswap16(sin6.sin6_port));
		put_inet6(l, sin6.sin6_addr);
		tl_printf(l, "\", sin6_flowinfo=%u, sin6_scope_id=%u", sin6.sin6_flowinfo,
			  sin6.sin6_scope_id);
	} else if (family == FREEBSD_AF_UNIX) {
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
	struct freebsd_pollfd pfd = LOAD(struct freebsd_pollfd, p);
	tl_puts(l, "{fd=");
	tl_fd(l, pfd.fd);
	tl_puts(l, ", events=");
	tl_flags(l, &freebsd_poll_events, (uint16_t)pfd.events);
	tl_puts(l, ", revents=");
	if (pfd.revents)
		tl_flags(l, &freebsd_poll_events, (uint16_t)pfd.revents);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

#define DECODER(dname, type, fn)                                                                   \
	static const struct xeno_trace_decoder dec_##fn = {dname, sizeof(type), 0, false, fn}

DECODER("timespec", struct freebsd_timespec, format_timespec);
DECODER("timespec_now", struct freebsd_timespec, format_timespec_now);
DECODER("timeval", struct freebsd_timeval, format_timeval);
DECODER("timeval_now", struct freebsd_timeval, format_timeval_now);
DECODER("stat", struct freebsd12_stat, format_stat);
DECODER("freebsd11_stat", struct freebsd11_stat, format_stat11);
DECODER("fdpair", int32_t[2], format_fdpair);
DECODER("iovec", uint64_t[2], format_iovec);
DECODER("rlimit", struct freebsd_rlimit, format_rlimit);
DECODER("waitstatus", int32_t, format_waitstatus);
DECODER("tid", int64_t, format_tid);
DECODER("mib", int32_t, format_mib);
DECODER("sigset", struct freebsd_sigset, format_sigset);
DECODER("sigaction", struct freebsd_sigaction, format_sigaction);
DECODER("siginfo", struct freebsd_siginfo, format_siginfo);
DECODER("kevent", struct freebsd_kevent, format_kevent);
DECODER("kevent11", struct freebsd11_kevent, format_kevent11);
DECODER("pollfd", struct freebsd_pollfd, format_pollfd);

/* sa_len says how long an address is: read as much as the guest has, at
 * least the two bytes of sa_len and sa_family; FreeBSD's largest address
 * (sys/sys/socket.h SOCK_MAXADDRLEN) is 255 bytes. */
static const struct xeno_trace_decoder dec_sockaddr = {
    "sockaddr", 128, 2, true, format_sockaddr,
};

const struct xeno_trace_decoder *const freebsd_trace_decoders[] = {
    &dec_format_timespec, &dec_format_timespec_now, &dec_format_timeval, &dec_format_timeval_now,
    &dec_format_stat,	  &dec_format_stat11,	    &dec_format_fdpair,	 &dec_format_iovec,
    &dec_format_rlimit,	  &dec_format_waitstatus,   &dec_format_tid,	 &dec_format_mib,
    &dec_format_sigset,	  &dec_format_sigaction,    &dec_format_siginfo, &dec_format_kevent,
    &dec_format_kevent11, &dec_format_pollfd,	    &dec_sockaddr,	 NULL,
};
