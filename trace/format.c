/* Trace events as strace-style lines (core/trace_format.h). */
#include "trace/format.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/library.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/xlat.h"

#define AT_FDCWD_VALUE (-100) /* the same on the BSDs and Linux */

const struct xeno_flagset *xt_find_flagset(const struct xeno_personality *os, const char *name)
{
	for (const struct xeno_flagset *const *s = os->flagsets; s && *s; s++)
		if (strcmp((*s)->name, name) == 0)
			return *s;
	return NULL;
}

const struct xeno_trace_decoder *xt_find_decoder(const struct xeno_personality *os,
						 const char *name)
{
	for (const struct xeno_trace_decoder *const *d = os->trace_decoders; d && *d; d++)
		if (strcmp((*d)->name, name) == 0)
			return *d;
	return NULL;
}

static const struct xeno_sysent *entry_of(const struct xeno_personality *os, uint64_t nr)
{
	const struct xeno_calltable *tab = os ? os->syscalls : NULL;
	if (!tab || nr >= tab->n || !tab->sysent[nr].name[0])
		return NULL;
	return &tab->sysent[nr];
}

/* Structures: one, or an array of them, from the captured bytes. */
static void put_structs(struct xeno_tline *l, const struct xeno_argdesc *d,
			const struct xeno_trace_decoder *dec, const struct xt_blob *b)
{
	bool array = (d->len_arg != XENO_NOARG || d->count > 0) && !dec->len_in_bytes;
	if (!array) {
		dec->format(l, b->data, b->len);
		return;
	}
	tl_puts(l, "[");
	size_t n = b->len / dec->size;
	for (size_t i = 0; i < n; i++) {
		if (i)
			tl_puts(l, ", ");
		dec->format(l, b->data + i * dec->size, dec->size);
	}
	tl_puts(l, b->more ? (n ? ", ...]" : "...]") : "]");
}

/* An argument whose value lies in guest memory: from its blob if captured. */
static void put_memory(struct xeno_tline *l, const struct xt_event *ev, unsigned i,
		       const struct xeno_argdesc *d)
{
	uint64_t v = ev->args[i];
	const struct xt_blob *b = xt_blob_of(ev, i);
	if (!b || b->state != XT_CAP_OK) {
		tl_addr(l, v);
		return;
	}
	if (d->kind == XA_IN || d->kind == XA_OUT || d->kind == XA_INOUT) {
		const struct xeno_trace_decoder *dec = xt_find_decoder(l->os, d->decoder);
		if (dec && b->len >= (dec->min_size ? dec->min_size : dec->size))
			put_structs(l, d, dec, b);
		else
			tl_addr(l, v);
		return;
	}
	tl_bytes(l, b->data, b->len, b->more);
}

static void put_arg(struct xeno_tline *l, const struct xt_event *ev, unsigned i,
		    const struct xeno_argdesc *d)
{
	uint64_t v = ev->args[i];
	switch (d->kind) {
	case XA_INT:
		tl_printf(l, "%d", (int)v);
		break;
	case XA_UINT:
		tl_printf(l, "%u", (unsigned)v);
		break;
	case XA_LONG:
		tl_printf(l, "%lld", (long long)v);
		break;
	case XA_ULONG:
		tl_printf(l, "%llu", (unsigned long long)v);
		break;
	case XA_HEX:
		tl_printf(l, "%#llx", (unsigned long long)v);
		break;
	case XA_HEX32:
		tl_printf(l, "%#x", (unsigned)v);
		break;
	case XA_OCTAL:
		tl_printf(l, "%#o", (unsigned)v);
		break;
	case XA_FD:
		tl_fd(l, (int)v);
		break;
	case XA_ATFD:
		if ((int)v == AT_FDCWD_VALUE)
			tl_puts(l, "AT_FDCWD");
		else
			tl_fd(l, (int)v);
		break;
	case XA_PID:
		tl_pid(l, (int)v);
		break;
	case XA_TID:
		tl_tid(l, (long)v);
		break;
	case XA_SIG:
		tl_signal(l, (int)v);
		break;
	case XA_FLAGS:
	case XA_LFLAGS: {
		const struct xeno_flagset *s =
		    d->decoder[0] ? xt_find_flagset(l->os, d->decoder) : NULL;
		uint64_t w = d->kind == XA_FLAGS ? (uint32_t)v : v;
		if (s)
			tl_flags(l, s, w);
		else
			tl_printf(l, "%#llx", (unsigned long long)w);
		break;
	}
	case XA_STR:
	case XA_IBUF:
	case XA_OBUF:
	case XA_IN:
	case XA_OUT:
	case XA_INOUT:
		put_memory(l, ev, i, d);
		break;
	default:
		tl_addr(l, v);
	}
}

/* A failure (ret a negated host errno) as the guest sees it: a system call
 * and a function that sets errno show -1 and errno's name, as strace does;
 * one returning a pointer NULL and errno's; one returning the error (the
 * pthread functions) the error's name. */
static void put_failure(struct xeno_tline *l, long ret, uint8_t conv)
{
	int fe = l->os ? l->os->errno_from_host((int)-ret) : (int)-ret;
	const char *name = l->os ? l->os->errno_name(fe) : NULL;
	const char *shown = conv == XENO_CONV_PTR ? "NULL " : conv == XENO_CONV_RET ? "" : "-1 ";
	tl_printf(l, " = %s%s (%s)", shown, name ? name : "E?", strerror((int)-ret));
}

static void put_result(struct xeno_tline *l, const struct xt_event *ev, const struct xeno_sysent *e,
		       bool function)
{
	long ret = (long)ev->ret;
	if (ev->flags & XT_UNFINISHED) {
		tl_puts(l, " = ?");
		return;
	}
	if (ev->flags & XT_RESTART) {
		tl_puts(l, " = ? (interrupted, restarts)");
		return;
	}
	/* a function made at run time sets errno (loader/link_missing.c) */
	uint8_t conv = !function ? XENO_CONV_ERRNO : e ? e->conv : XENO_CONV_ERRNO;
	if (ev->flags & XT_RAW_RESULT) {
		tl_printf(l, " = %ld", ret);
	} else if (e && e->ret_kind == XA_NONE) {
		tl_puts(l, " = <void>");
	} else if (ret < 0 && ret >= -4095 && conv != XENO_CONV_VALUE) {
		put_failure(l, ret, conv);
	} else if (e && e->ret_kind == XA_FD) {
		tl_puts(l, " = ");
		tl_fd(l, (int)ret);
	} else if (e && e->ret_kind == XA_PID) {
		tl_puts(l, " = ");
		tl_pid(l, ret);
	} else if (e && (e->ret_kind == XA_PTR || e->ret_kind == XA_STR)) {
		tl_puts(l, " = ");
		tl_addr(l, (uint64_t)ret);
	} else if (e && e->ret_kind == XA_HEX) {
		tl_printf(l, " = %#llx", (unsigned long long)ret);
	} else if (e && e->ret_kind == XA_HEX32) {
		tl_printf(l, " = %#x", (unsigned)ret);
	} else {
		tl_printf(l, " = %ld", ret);
	}
	if (ev->flags & XT_RVAL2)
		tl_printf(l, " (second value %lld)", (long long)ev->rval2);
}

/* The raw arguments of a call xeno has no description of. */
static void put_raw_args(struct xeno_tline *l, const struct xt_event *ev)
{
	for (int i = 0; i < 6; i++)
		tl_printf(l, "%s%#llx", i ? ", " : "", (unsigned long long)ev->args[i]);
}

void xt_format_call(struct xeno_tline *l, const struct xt_event *ev)
{
	unsigned id = XENO_LIBCALL_ID(ev->nr);
	const struct xeno_sysent *e = id ? ev->entry : entry_of(l->os, ev->nr);
	const char *name = e ? e->name : ev->function;
	if (id && ev->library && name)
		tl_printf(l, "%s:%s(", ev->library, name);
	else if (id)
		tl_printf(l, "libcall_%u_%u(", id, (unsigned)XENO_LIBCALL_FN(ev->nr));
	else if (e)
		tl_printf(l, "%s(", e->name);
	else
		tl_printf(l, "syscall_%llu(", (unsigned long long)ev->nr);
	if (e) {
		for (unsigned i = 0; i < e->nargs && i < 8; i++) {
			if (i)
				tl_puts(l, ", ");
			put_arg(l, ev, i, &e->args[i]);
		}
	} else if (id && ev->library && name) {
		tl_puts(l, "..."); /* a function made at run time: its arguments are unknown */
	} else {
		put_raw_args(l, ev);
	}
	tl_puts(l, ")");
	put_result(l, ev, e, id != 0);
}

static void put_prefix(struct xeno_tline *l, const struct xt_event *ev, const struct xt_format *f)
{
	if (f->show_tid)
		tl_printf(l, "%u ", ev->tid);
	if (f->time == XT_TIME_ELAPSED) {
		tl_printf(l, "%lld.%06lld ", (long long)(ev->start / 1000000000),
			  (long long)(ev->start % 1000000000 / 1000));
	} else if (f->time == XT_TIME_WALL) {
		/* Both parts are checked by the reader (start >= 0, nsec < 1e9,
		 * sec < 2^40): no overflow here. */
		int64_t ns = f->wall_nsec + ev->start % 1000000000;
		time_t sec = (time_t)(f->wall_sec + ev->start / 1000000000 + ns / 1000000000);
		struct tm tm;
		if (localtime_r(&sec, &tm))
			tl_printf(l, "%02d:%02d:%02d.%06lld ", tm.tm_hour, tm.tm_min, tm.tm_sec,
				  (long long)(ns % 1000000000 / 1000));
		else
			tl_puts(l, "??:??:??.?????? ");
	}
}

static void put_signal(struct xeno_tline *l, const struct xt_event *ev)
{
	int fsig =
	    l->os && l->os->signal_from_host ? l->os->signal_from_host((int)ev->nr) : (int)ev->nr;
	tl_puts(l, "--- ");
	tl_signal(l, fsig);
	const struct xt_blob *b = xt_blob_of(ev, XT_BLOB_SIGINFO);
	const struct xeno_trace_decoder *dec = l->os ? xt_find_decoder(l->os, "siginfo") : NULL;
	if (b && b->state == XT_CAP_OK && dec && b->len >= dec->size) {
		tl_puts(l, " ");
		dec->format(l, b->data, b->len);
	}
	tl_puts(l, " ---");
}

bool xt_format_event(struct xeno_tline *l, const struct xt_event *ev, const struct xt_format *f)
{
	switch (ev->type) {
	case XT_CALL:
		put_prefix(l, ev, f);
		xt_format_call(l, ev);
		if (f->durations && !(ev->flags & XT_UNFINISHED) && ev->end >= ev->start) {
			int64_t d = ev->end - ev->start;
			tl_printf(l, " <%lld.%06lld>", (long long)(d / 1000000000),
				  (long long)(d % 1000000000 / 1000));
		}
		return true;
	case XT_SIGNAL:
		put_prefix(l, ev, f);
		put_signal(l, ev);
		return true;
	case XT_EXIT:
		put_prefix(l, ev, f);
		if (ev->nr == XT_KILLED) {
			tl_puts(l, "+++ killed by ");
			int fsig = l->os && l->os->signal_from_host
				       ? l->os->signal_from_host((int)ev->ret)
				       : (int)ev->ret;
			tl_signal(l, fsig);
			tl_puts(l, " +++");
		} else {
			tl_printf(l, "+++ exited with %lld +++", (long long)ev->ret);
		}
		return true;
	default:
		return false;
	}
}

/* A host argument: small values in decimal, the rest (addresses) in hex. */
static void put_host_value(struct xeno_tline *l, uint64_t v)
{
	if ((int64_t)v > -65536 && (int64_t)v < 65536)
		tl_printf(l, "%lld", (long long)v);
	else
		tl_printf(l, "%#llx", (unsigned long long)v);
}

void xt_format_host(struct xeno_tline *l, const struct xeno_callrec *h)
{
	const char *name = xt_linux_syscall_name(h->nr);
	tl_puts(l, "  > ");
	if (name)
		tl_printf(l, "%s(", name);
	else
		tl_printf(l, "linux_syscall_%llu(", (unsigned long long)h->nr);
	/* The table has no argument counts: show up to the last non-zero one. */
	int last = 5;
	while (last >= 0 && h->args[last] == 0)
		last--;
	for (int i = 0; i <= last; i++) {
		if (i)
			tl_puts(l, ", ");
		put_host_value(l, h->args[i]);
	}
	tl_puts(l, ")");
	if (h->ret == XENO_CALL_PENDING) {
		tl_puts(l, " = ?");
	} else if (h->ret < 0 && h->ret >= -4095) {
		const char *en = strerrorname_np((int)-h->ret);
		tl_printf(l, " = -1 %s (%s)", en ? en : "E?", strerror((int)-h->ret));
	} else {
		tl_puts(l, " = ");
		put_host_value(l, (uint64_t)h->ret);
	}
}
