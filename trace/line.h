/*
 * Building trace lines, for the formatter (core/trace_format.c) and the
 * personalities' structure decoders (abi/<os>/trace_decode.c).
 *
 * Values whose meaning depends on the run rather than on the program —
 * addresses, descriptors, process and thread ids, times, inode numbers —
 * go through their own tl_* function: when a trace is normalised for
 * comparison (`xeno trace diff`, the golden traces) they come out renumbered
 * or masked, so two runs of the same program give the same text.
 */
#ifndef XENO_TRACE_LINE_H
#define XENO_TRACE_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_personality;
struct xeno_flagset;
struct xt_norm;

struct xeno_tline {
	char buf[4096];
	size_t n;
	const struct xeno_personality *os;
	struct xt_norm *norm; /* NULL: values as they are */
};

void tl_init(struct xeno_tline *l, const struct xeno_personality *os, struct xt_norm *norm);
void tl_printf(struct xeno_tline *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_puts(struct xeno_tline *l, const char *s);
/* Bytes as a C string literal, escaped; "..." after it if more. */
void tl_bytes(struct xeno_tline *l, const uint8_t *p, size_t n, bool more);
/* A guest address (NULL for 0). */
void tl_addr(struct xeno_tline *l, uint64_t addr);
/* A descriptor, a process id, a thread id. */
void tl_fd(struct xeno_tline *l, int fd);
void tl_pid(struct xeno_tline *l, long pid);
void tl_tid(struct xeno_tline *l, long tid);
/* A point in time (not a duration): seconds and a fraction of `digits`
 * decimal digits. */
void tl_time(struct xeno_tline *l, int64_t sec, int64_t frac, int digits);
/* A value that differs from machine to machine or run to run (inode and
 * device numbers, user ids, block counts): printed with fmt, or masked. */
void tl_varying(struct xeno_tline *l, const char *fmt, long long v);
/* A flag word or enum value by the foreign names of set s. */
void tl_flags(struct xeno_tline *l, const struct xeno_flagset *s, uint64_t v);
/* A foreign signal number by name. */
void tl_signal(struct xeno_tline *l, int foreign_sig);
/* A foreign set of signals: [INT TERM]; one holding most signals by those
 * it lacks, as strace: ~[KILL STOP]. */
void tl_sigset(struct xeno_tline *l, const uint32_t *words, unsigned nwords);

/*
 * A decoder for a structure a call reads or fills: in(S)/out(S)/inout(S)
 * in syscalls.master name it.  The tracer copies `size` bytes per element
 * from the guest (at least min_size when the full size cannot be read) and
 * has format print one element from the n bytes it got.
 */
struct xeno_trace_decoder {
	const char *name;
	uint32_t size;
	uint32_t min_size; /* 0: the same as size */
	bool len_in_bytes; /* in(S,LEN): LEN counts bytes, not elements */
	void (*format)(struct xeno_tline *l, const uint8_t *p, size_t n);
};

#endif
