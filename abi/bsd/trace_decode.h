/*
 * How the BSDs' structures look in a trace, written once: the decoders for
 * the layouts they share (read through the calling personality's facts,
 * struct bsd_abi, for the numbers that differ), and printers for the
 * structures each lays out its own way but shows alike (struct stat,
 * struct kevent), which a personality's own decoder fills and calls.
 */
#ifndef XENO_ABI_BSD_TRACE_DECODE_H
#define XENO_ABI_BSD_TRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "abi/bsd/kevent.h"

struct xeno_tline;
struct xeno_trace_decoder;

extern const struct xeno_trace_decoder bsd_dec_timespec, bsd_dec_timespec_now, bsd_dec_timeval,
    bsd_dec_timeval_now, bsd_dec_fdpair, bsd_dec_iovec, bsd_dec_rlimit, bsd_dec_waitstatus,
    bsd_dec_mib, bsd_dec_sigset, bsd_dec_sigaction, bsd_dec_pollfd, bsd_dec_sockaddr;

/* The shared decoders, for a personality's NULL-terminated list. */
#define BSD_TRACE_DECODERS                                                                         \
	&bsd_dec_timespec, &bsd_dec_timespec_now, &bsd_dec_timeval, &bsd_dec_timeval_now,          \
	    &bsd_dec_fdpair, &bsd_dec_iovec, &bsd_dec_rlimit, &bsd_dec_waitstatus, &bsd_dec_mib,   \
	    &bsd_dec_sigset, &bsd_dec_sigaction, &bsd_dec_pollfd, &bsd_dec_sockaddr

/* Decoders read their bytes through memcpy: the captured bytes carry no
 * alignment. */
#define BSD_LOAD(type, p)                                                                          \
	({                                                                                         \
		type v_;                                                                           \
		memcpy(&v_, (p), sizeof v_);                                                       \
		v_;                                                                                \
	})

/* "siginfo", for signal lines: each OS registers it with the size of its
 * siginfo_t, which its facts read (struct bsd_signal_facts siginfo_in). */
void bsd_trace_format_siginfo(struct xeno_tline *l, const uint8_t *p, size_t n);

/* What a trace shows of a struct stat, whatever its layout. */
struct bsd_stat_view {
	uint64_t dev, ino, nlink;
	unsigned mode, uid, gid;
	int64_t size, blocks;
	int64_t mtim_sec, mtim_nsec;
};
void bsd_trace_put_stat(struct xeno_tline *l, const struct bsd_stat_view *st);

/* A struct kevent's fields (abi/bsd/kevent.h), named by the OS's tables. */
void bsd_trace_put_kevent(struct xeno_tline *l, const struct bsd_kevent_facts *f,
			  const struct bsd_kevent_fields *k);

#endif
