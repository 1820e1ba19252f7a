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

BSD_TRACE_STAT_FORMATTER(format_stat, struct freebsd12_stat)
BSD_TRACE_STAT_FORMATTER(format_stat11, struct freebsd11_stat)

BSD_TRACE_KEVENT_FORMATTER(format_kevent, struct freebsd_kevent, &freebsd_kevent_facts)
BSD_TRACE_KEVENT_FORMATTER(format_kevent11, struct bsd_kevent32, &freebsd_kevent_facts)

#define DECODER BSD_DECODER

DECODER("stat", struct freebsd12_stat, format_stat);
DECODER("freebsd11_stat", struct freebsd11_stat, format_stat11);
DECODER("kevent", struct freebsd_kevent, format_kevent);
DECODER("kevent11", struct bsd_kevent32, format_kevent11);
DECODER("siginfo", struct freebsd_siginfo, bsd_trace_format_siginfo);

const struct xeno_trace_decoder *const freebsd_trace_decoders[] = {
    BSD_TRACE_DECODERS,
    &dec_format_stat,
    &dec_format_stat11,
    &bsd_dec_tid,
    &dec_format_kevent,
    &dec_format_kevent11,
    &dec_bsd_trace_format_siginfo,
    NULL,
};
