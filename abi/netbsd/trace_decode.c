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

BSD_TRACE_STAT_FORMATTER(format_stat, struct netbsd_stat)

BSD_TRACE_KEVENT_FORMATTER(format_kevent, struct netbsd_kevent, &netbsd_kevent_facts)

#define DECODER BSD_DECODER

DECODER("stat", struct netbsd_stat, format_stat);
DECODER("kevent", struct netbsd_kevent, format_kevent);
DECODER("siginfo", struct netbsd_siginfo, bsd_trace_format_siginfo);

const struct xeno_trace_decoder *const netbsd_trace_decoders[] = {
    BSD_TRACE_DECODERS,
    &dec_format_stat,
    &bsd_dec_lwpid,
    &dec_format_kevent,
    &dec_bsd_trace_format_siginfo,
    NULL,
};
