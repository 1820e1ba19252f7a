/* NetBSD's structure decoders for traces (the personality registers them). */
#ifndef XENO_ABI_NETBSD_TRACE_DECODE_H
#define XENO_ABI_NETBSD_TRACE_DECODE_H

struct xeno_trace_decoder;

/* NULL-terminated, found by name (core/trace_line.h). */
extern const struct xeno_trace_decoder *const netbsd_trace_decoders[];

#endif
