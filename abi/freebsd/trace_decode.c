/*
 * How FreeBSD's own structures look in a trace: its two struct stat and
 * struct kevent forms, thr_self's long thread id and its siginfo_t size;
 * the decoders the BSDs share are abi/bsd/trace_decode.c's.
 */
#include "abi/freebsd/trace_decode.h"

#include "abi/bsd/trace_decode.h"
#include "abi/freebsd/event.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/stat.h"
#include "trace/line.h"

#define LOAD BSD_LOAD

static void format_stat(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd12_stat st = LOAD(struct freebsd12_stat, p);
	bsd_trace_put_stat(l,
			   &(struct bsd_stat_view){st.st_dev, st.st_ino, st.st_nlink, st.st_mode,
						   st.st_uid, st.st_gid, st.st_size, st.st_blocks,
						   st.st_mtim.tv_sec, st.st_mtim.tv_nsec});
}

static void format_stat11(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd11_stat st = LOAD(struct freebsd11_stat, p);
	bsd_trace_put_stat(l,
			   &(struct bsd_stat_view){st.st_dev, st.st_ino, st.st_nlink, st.st_mode,
						   st.st_uid, st.st_gid, st.st_size, st.st_blocks,
						   st.st_mtim.tv_sec, st.st_mtim.tv_nsec});
}

/* A long thread id written by thr_self. */
static void format_tid(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	tl_puts(l, "[");
	tl_tid(l, LOAD(int64_t, p));
	tl_puts(l, "]");
}

static void format_kevent(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd_kevent k = LOAD(struct freebsd_kevent, p);
	bsd_trace_put_kevent(
	    l, &freebsd_kevent_facts,
	    &(struct bsd_kevent_fields){k.ident, k.filter, k.flags, k.fflags, k.data, k.udata});
}

static void format_kevent11(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct freebsd11_kevent k = LOAD(struct freebsd11_kevent, p);
	bsd_trace_put_kevent(
	    l, &freebsd_kevent_facts,
	    &(struct bsd_kevent_fields){k.ident, k.filter, k.flags, k.fflags, k.data, k.udata});
}

#define DECODER(dname, type, fn)                                                                   \
	static const struct xeno_trace_decoder dec_##fn = {dname, sizeof(type), 0, false, fn}

DECODER("stat", struct freebsd12_stat, format_stat);
DECODER("freebsd11_stat", struct freebsd11_stat, format_stat11);
DECODER("tid", int64_t, format_tid);
DECODER("kevent", struct freebsd_kevent, format_kevent);
DECODER("kevent11", struct freebsd11_kevent, format_kevent11);
DECODER("siginfo", struct freebsd_siginfo, bsd_trace_format_siginfo);

const struct xeno_trace_decoder *const freebsd_trace_decoders[] = {
    BSD_TRACE_DECODERS,
    &dec_format_stat,
    &dec_format_stat11,
    &dec_format_tid,
    &dec_format_kevent,
    &dec_format_kevent11,
    &dec_bsd_trace_format_siginfo,
    NULL,
};
