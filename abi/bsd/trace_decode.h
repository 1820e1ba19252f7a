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
/* Thread ids a call writes: "tid", a long; "lwpid", an int. */
extern const struct xeno_trace_decoder bsd_dec_tid, bsd_dec_lwpid;

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

/* Defines decoder dec_FN: the structure called dname, of type's size,
 * shown by fn. */
#define BSD_DECODER(dname, type, fn)                                                               \
	static const struct xeno_trace_decoder dec_##fn = {dname, sizeof(type), 0, false, fn}

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
/* Defines decoder function fn for the struct stat layout type (the field
 * names every BSD gives them). */
#define BSD_TRACE_STAT_FORMATTER(fn, type)                                                         \
	static void fn(struct xeno_tline *l, const uint8_t *p, size_t n)                           \
	{                                                                                          \
		(void)n;                                                                           \
		type st = BSD_LOAD(type, p);                                                       \
		bsd_trace_put_stat(                                                                \
		    l, &(struct bsd_stat_view){st.st_dev, st.st_ino, st.st_nlink, st.st_mode,      \
					       st.st_uid, st.st_gid, st.st_size, st.st_blocks,     \
					       st.st_mtim.tv_sec, st.st_mtim.tv_nsec});            \
	}

/* A struct kevent's fields (abi/bsd/kevent.h), named by the OS's tables. */
void bsd_trace_put_kevent(struct xeno_tline *l, const struct bsd_kevent_facts *f,
			  const struct bsd_kevent_fields *k);
/* Defines decoder function fn for the struct kevent layout type, named by
 * the OS's facts. */
#define BSD_TRACE_KEVENT_FORMATTER(fn, type, facts)                                                \
	static void fn(struct xeno_tline *l, const uint8_t *p, size_t n)                           \
	{                                                                                          \
		(void)n;                                                                           \
		type k = BSD_LOAD(type, p);                                                        \
		bsd_trace_put_kevent(l, (facts),                                                   \
				     &(struct bsd_kevent_fields){k.ident, k.filter, k.flags,       \
								 k.fflags, k.data, k.udata});      \
	}

#endif
