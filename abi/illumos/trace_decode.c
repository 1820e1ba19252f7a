/*
 * How illumos's structures look in a trace: the decoders the specs'
 * in(S)/out(S)/inout(S) kinds name, "siginfo" for signal lines, and the
 * flag sets flags(SET) names.  The layouts are abi/illumos/'s; the style
 * is strace's (truss's names where illumos has its own).
 */
#include <string.h>

#include "abi/illumos/fcntl.h"
#include "abi/illumos/mman.h"
#include "abi/illumos/port.h"
#include "abi/illumos/resource.h"
#include "abi/illumos/signal.h"
#include "abi/illumos/socket.h"
#include "abi/illumos/stat.h"
#include "libs/illumos/illumos.h"
#include "trace/line.h"

#define LOAD(type, p)                                                                              \
	({                                                                                         \
		type v_;                                                                           \
		memcpy(&v_, (p), sizeof v_);                                                       \
		v_;                                                                                \
	})

/* A timespec a call reads is a duration the program chose; one it fills
 * is a clock reading, which differs from run to run. */
static void format_timespec(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_timespec ts = LOAD(struct illumos_timespec, p);
	tl_printf(l, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts.tv_sec, (long long)ts.tv_nsec);
}

static void format_timespec_now(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_timespec ts = LOAD(struct illumos_timespec, p);
	tl_puts(l, "{");
	tl_time(l, ts.tv_sec, ts.tv_nsec, 9);
	tl_puts(l, "}");
}

static const char *file_type(unsigned mode)
{
	static const char *const types[16] = {
	    [1] = "S_IFIFO",   [2] = "S_IFCHR",	  [4] = "S_IFDIR",
	    [6] = "S_IFBLK",   [8] = "S_IFREG",	  [10] = "S_IFLNK",
	    [12] = "S_IFSOCK", [13] = "S_IFDOOR", [14] = "S_IFPORT",
	};
	return types[(mode >> 12) & 15];
}

/* A directory's size and link count depend on the file system: masked. */
static void format_stat(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_stat st = LOAD(struct illumos_stat, p);
	bool dir = (st.st_mode & 0170000) == 0040000;
	const char *type = file_type(st.st_mode);
	tl_puts(l, "{st_dev=");
	tl_varying(l, "%#llx", (long long)st.st_dev);
	tl_puts(l, ", st_ino=");
	tl_varying(l, "%llu", (long long)st.st_ino);
	if (type)
		tl_printf(l, ", st_mode=%s|%#o", type, st.st_mode & 07777);
	else
		tl_printf(l, ", st_mode=%#o", st.st_mode);
	tl_puts(l, ", st_nlink=");
	if (dir)
		tl_varying(l, "%llu", (long long)st.st_nlink);
	else
		tl_printf(l, "%u", st.st_nlink);
	tl_puts(l, ", st_uid=");
	tl_varying(l, "%lld", (long long)st.st_uid);
	tl_puts(l, ", st_size=");
	if (dir)
		tl_varying(l, "%lld", (long long)st.st_size);
	else
		tl_printf(l, "%lld", (long long)st.st_size);
	tl_puts(l, ", st_mtim=");
	tl_time(l, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, 9);
	tl_puts(l, ", ...}");
}

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

static void put_rlim(struct xeno_tline *l, uint64_t v)
{
	if (v >= ILLUMOS_RLIM_INFINITY)
		tl_puts(l, "RLIM_INFINITY");
	else
		tl_printf(l, "%llu", (unsigned long long)v);
}

static void format_rlimit(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	uint64_t r[2];
	memcpy(r, p, sizeof r);
	tl_puts(l, "{rlim_cur=");
	put_rlim(l, r[0]);
	tl_puts(l, ", rlim_max=");
	put_rlim(l, r[1]);
	tl_puts(l, "}");
}

static void format_sigset(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_sigset s = LOAD(struct illumos_sigset, p);
	tl_sigset(l, s.bits, 4);
}

static void format_sigaction(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_sigaction sa = LOAD(struct illumos_sigaction, p);
	tl_puts(l, "{sa_handler=");
	if (sa.handler == ILLUMOS_SIG_DFL)
		tl_puts(l, "SIG_DFL");
	else if (sa.handler == ILLUMOS_SIG_IGN)
		tl_puts(l, "SIG_IGN");
	else
		tl_addr(l, sa.handler);
	tl_puts(l, ", sa_mask=");
	tl_sigset(l, sa.mask.bits, 4);
	tl_puts(l, ", sa_flags=");
	if (sa.flags)
		tl_flags(l, &illumos_sigaction_flags, (uint32_t)sa.flags);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

static const char *si_code_name(int code)
{
	switch (code) {
	case ILLUMOS_SI_USER:
		return "SI_USER";
	case ILLUMOS_SI_LWP:
		return "SI_LWP";
	case ILLUMOS_SI_QUEUE:
		return "SI_QUEUE";
	case ILLUMOS_SI_TIMER:
		return "SI_TIMER";
	case ILLUMOS_SI_ASYNCIO:
		return "SI_ASYNCIO";
	case ILLUMOS_SI_MESGQ:
		return "SI_MESGQ";
	case ILLUMOS_SI_NOINFO:
		return "SI_NOINFO";
	}
	return NULL;
}

static void format_siginfo(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_siginfo si = LOAD(struct illumos_siginfo, p);
	tl_puts(l, "{si_signo=");
	tl_signal(l, si.si_signo);
	const char *code = si_code_name(si.si_code);
	if (code)
		tl_printf(l, ", si_code=%s", code);
	else
		tl_printf(l, ", si_code=%d", si.si_code);
	if (si.si_code > 0 && si.si_code != ILLUMOS_SI_NOINFO) {
		tl_puts(l, ", si_addr=");
		tl_addr(l, si.data.fault.addr);
	} else if (si.si_code != ILLUMOS_SI_NOINFO) {
		tl_puts(l, ", si_pid=");
		tl_pid(l, si.data.proc.pid);
		tl_puts(l, ", si_uid=");
		tl_varying(l, "%lld", (long long)si.data.proc.pdata.kill.uid);
	}
	tl_puts(l, "}");
}

static void format_portev(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct illumos_port_event pe = LOAD(struct illumos_port_event, p);
	tl_puts(l, "{portev_events=");
	if (pe.portev_source == ILLUMOS_PORT_SOURCE_FD)
		tl_flags(l, &illumos_poll_events, (uint32_t)pe.portev_events);
	else
		tl_printf(l, "%#x", (unsigned)pe.portev_events);
	tl_puts(l, ", portev_source=");
	tl_flags(l, &illumos_port_sources, pe.portev_source);
	tl_puts(l, ", portev_object=");
	if (pe.portev_source == ILLUMOS_PORT_SOURCE_FD)
		tl_fd(l, (int)pe.portev_object);
	else
		tl_printf(l, "%llu", (unsigned long long)pe.portev_object);
	tl_puts(l, ", portev_user=");
	tl_addr(l, pe.portev_user);
	tl_puts(l, "}");
}

static void format_uint(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	tl_printf(l, "[%u]", LOAD(uint32_t, p));
}

static void put_inet6(struct xeno_tline *l, const uint8_t a[16])
{
	for (int i = 0; i < 16; i += 2)
		tl_printf(l, "%s%x", i ? ":" : "", (unsigned)(a[i] << 8 | a[i + 1]));
}

/* The n bytes of an illumos sockaddr: a 16-bit family first. */
static void format_sockaddr(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	uint16_t family = LOAD(uint16_t, p);
	tl_puts(l, "{sa_family=");
	tl_flags(l, &illumos_socket_domains, family);
	if (family == ILLUMOS_AF_INET && n >= 16) {
		tl_printf(l, ", sin_port=htons(%u), sin_addr=inet_addr(\"%u.%u.%u.%u\")",
			  (unsigned)(p[2] << 8 | p[3]), p[4], p[5], p[6], p[7]);
	} else if (family == ILLUMOS_AF_INET6 && n >= sizeof(struct illumos_sockaddr_in6)) {
		struct illumos_sockaddr_in6 s6 = LOAD(struct illumos_sockaddr_in6, p);
		tl_printf(l, ", sin6_port=htons(%u), sin6_addr=\"",
			  (unsigned)__builtin_bswap16(s6.sin6_port));
		put_inet6(l, s6.sin6_addr);
		tl_puts(l, "\"");
	} else if (family == ILLUMOS_AF_UNIX && n > 2) {
		const uint8_t *nul = memchr(p + 2, '\0', n - 2);
		tl_puts(l, ", sun_path=");
		tl_bytes(l, p + 2, nul ? (size_t)(nul - p - 2) : n - 2, false);
	}
	tl_puts(l, "}");
}

#define DECODER(dname, type, fn)                                                                   \
	static const struct xeno_trace_decoder dec_##fn = {dname, sizeof(type), 0, false, fn}

DECODER("timespec", struct illumos_timespec, format_timespec);
DECODER("timespec_now", struct illumos_timespec, format_timespec_now);
DECODER("stat", struct illumos_stat, format_stat);
DECODER("fdpair", int32_t[2], format_fdpair);
DECODER("rlimit", uint64_t[2], format_rlimit);
DECODER("sigset", struct illumos_sigset, format_sigset);
DECODER("sigaction", struct illumos_sigaction, format_sigaction);
DECODER("siginfo", struct illumos_siginfo, format_siginfo);
DECODER("portev", struct illumos_port_event, format_portev);
DECODER("uint", uint32_t, format_uint);

/* An address is as long as the call says (in(sockaddr,LEN) counts bytes). */
static const struct xeno_trace_decoder dec_sockaddr = {
    "sockaddr", 128, 2, true, format_sockaddr,
};

const struct xeno_trace_decoder *const illumos_trace_decoders[] = {
    &dec_format_timespec, &dec_format_timespec_now, &dec_format_stat,	   &dec_format_fdpair,
    &dec_format_rlimit,	  &dec_format_sigset,	    &dec_format_sigaction, &dec_format_siginfo,
    &dec_format_portev,	  &dec_format_uint,	    &dec_sockaddr,	   NULL,
};

extern const struct xeno_flagset illumos_getrandom_flags, illumos_wait_options;

const struct xeno_flagset *const illumos_flagsets[] = {
    &illumos_open_flagset,
    &illumos_at_flagset,
    &bsd_access_flagset,
    &illumos_whence_flagset,
    &illumos_fcntlcmd_flagset,
    &bsd_fdflags_flagset,
    &illumos_locktype_flagset,
    &illumos_prot_flags,
    &illumos_mmap_flags,
    &illumos_madv_advice,
    &illumos_sigaction_flags,
    &illumos_sigprocmask_how,
    &illumos_rlimit_resources,
    &illumos_clock_ids,
    &illumos_sysconf_names,
    &illumos_socket_domains,
    &illumos_socket_types,
    &illumos_msg_flags,
    &illumos_shutdown_how,
    &illumos_poll_events,
    &illumos_port_sources,
    &illumos_alert_flags,
    &illumos_getrandom_flags,
    &illumos_wait_options,
    NULL,
};
