/*
 * How NetBSD's own structures look in a trace: struct stat of __stat50,
 * the 40-byte struct kevent, _lwp_create's 32-bit thread id and its
 * 128-byte siginfo_t; the decoders the BSDs share are
 * abi/bsd/trace_decode.c's.
 */
#include "abi/netbsd/trace_decode.h"

#include "abi/bsd/trace_decode.h"
#include "abi/netbsd/event.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/stat.h"
#include "trace/line.h"

#define LOAD BSD_LOAD

static void format_stat(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct netbsd_stat st = LOAD(struct netbsd_stat, p);
	bsd_trace_put_stat(l,
			   &(struct bsd_stat_view){st.st_dev, st.st_ino, st.st_nlink, st.st_mode,
						   st.st_uid, st.st_gid, st.st_size, st.st_blocks,
						   st.st_mtim.tv_sec, st.st_mtim.tv_nsec});
}

/* An lwpid_t written by _lwp_create. */
static void format_lwpid(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	tl_puts(l, "[");
	tl_tid(l, LOAD(int32_t, p));
	tl_puts(l, "]");
}

static void format_kevent(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct netbsd_kevent k = LOAD(struct netbsd_kevent, p);
	bsd_trace_put_kevent(
	    l, &netbsd_kevent_facts,
	    &(struct bsd_kevent_fields){k.ident, k.filter, k.flags, k.fflags, k.data, k.udata});
}

#define DECODER(dname, type, fn)                                                                   \
	static const struct xeno_trace_decoder dec_##fn = {dname, sizeof(type), 0, false, fn}

DECODER("stat", struct netbsd_stat, format_stat);
DECODER("lwpid", int32_t, format_lwpid);
DECODER("kevent", struct netbsd_kevent, format_kevent);
DECODER("siginfo", struct netbsd_siginfo, bsd_trace_format_siginfo);

const struct xeno_trace_decoder *const netbsd_trace_decoders[] = {
    BSD_TRACE_DECODERS, &dec_format_stat, &dec_format_lwpid, &dec_format_kevent,
    &dec_bsd_trace_format_siginfo, NULL,
};
