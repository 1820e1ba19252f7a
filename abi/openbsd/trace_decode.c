/*
 * How OpenBSD's own structures look in a trace: its 128-byte struct stat,
 * 32-byte struct kevent, 136-byte siginfo_t, and its one-word sigset_t
 * and the 16-byte struct sigaction that holds one; listed before the
 * shared decoders (abi/bsd/trace_decode.c), which are found by name after
 * them.
 */
#include "abi/bsd/trace_decode.h"

#include <stddef.h>

#include "abi/openbsd/abi.h"
#include "abi/openbsd/event.h"
#include "abi/openbsd/signal.h"
#include "abi/openbsd/stat.h"
#include "trace/line.h"

BSD_TRACE_STAT_FORMATTER(format_stat, struct openbsd_stat)

BSD_TRACE_KEVENT_FORMATTER(format_kevent, struct bsd_kevent32, &openbsd_kevent_facts)

static void format_sigset(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	uint32_t w = BSD_LOAD(uint32_t, p);
	tl_sigset(l, &w, 1);
}

static void format_sigaction(struct xeno_tline *l, const uint8_t *p, size_t n)
{
	(void)n;
	struct openbsd_sigaction sa = BSD_LOAD(struct openbsd_sigaction, p);
	tl_puts(l, "{sa_handler=");
	if (sa.handler == BSD_SIG_DFL)
		tl_puts(l, "SIG_DFL");
	else if (sa.handler == BSD_SIG_IGN)
		tl_puts(l, "SIG_IGN");
	else
		tl_addr(l, sa.handler);
	tl_puts(l, ", sa_mask=");
	tl_sigset(l, &sa.mask, 1);
	tl_puts(l, ", sa_flags=");
	if (sa.flags)
		tl_flags(l, &openbsd_sigaction_flags, (uint32_t)sa.flags);
	else
		tl_puts(l, "0");
	tl_puts(l, "}");
}

#define DECODER BSD_DECODER

DECODER("stat", struct openbsd_stat, format_stat);
DECODER("kevent", struct bsd_kevent32, format_kevent);
DECODER("siginfo", struct openbsd_siginfo, bsd_trace_format_siginfo);
DECODER("sigset", openbsd_sigset, format_sigset);
DECODER("sigaction", struct openbsd_sigaction, format_sigaction);

const struct xeno_trace_decoder *const openbsd_trace_decoders[] = {
    &dec_format_stat,
    &dec_format_kevent,
    &dec_bsd_trace_format_siginfo,
    &dec_format_sigset,
    &dec_format_sigaction,
    BSD_TRACE_DECODERS,
    &bsd_dec_tid,
    NULL,
};
