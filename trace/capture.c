/*
 * Capturing events from the running guest: the values of a call and the
 * guest bytes its arguments' kinds say the formatter will need (strings,
 * buffers, the structures of in(S)/out(S)), copied through core/uaccess.h so
 * a bad pointer is shown as an address, never a crash.
 */
#include "trace/capture.h"

#include <errno.h>
#include <string.h>
#include <ucontext.h>

#include "core/library.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "trace/format.h"
#include "core/uaccess.h"

void xt_capture_init(struct xt_capture *c, uint8_t type, uint32_t tid)
{
	memset(&c->ev, 0, sizeof c->ev);
	c->ev.type = type;
	c->ev.tid = tid;
	c->used = 0;
}

/* A blob of up to want bytes for argument arg, filled by the caller. */
static struct xt_blob *new_blob(struct xt_capture *c, uint8_t arg, size_t want, uint8_t **room)
{
	if (c->ev.nblobs >= XT_MAX_BLOBS || want > sizeof c->pool - c->used)
		return NULL;
	struct xt_blob *b = &c->ev.blobs[c->ev.nblobs++];
	memset(b, 0, sizeof *b);
	b->arg = arg;
	*room = c->pool + c->used;
	b->data = *room;
	return b;
}

static void commit(struct xt_capture *c, struct xt_blob *b, size_t len)
{
	b->len = (uint32_t)len;
	c->used += len;
}

static void capture_string(struct xt_capture *c, uint8_t arg, uint64_t addr)
{
	uint8_t *room;
	struct xt_blob *b = new_blob(c, arg, XT_STR_SHOWN + 1, &room);
	if (!b)
		return;
	long got = xeno_strncpy_in((char *)room, addr, XT_STR_SHOWN + 1);
	if (got == -ENAMETOOLONG) {
		b->more = 1;
		got = XT_STR_SHOWN;
	}
	if (got < 0) {
		b->state = XT_CAP_FAULT;
		got = 0;
	}
	commit(c, b, (size_t)got);
}

static void capture_bytes(struct xt_capture *c, uint8_t arg, uint64_t addr, uint64_t len)
{
	size_t want = len < XT_STR_SHOWN ? (size_t)len : XT_STR_SHOWN;
	uint8_t *room;
	struct xt_blob *b = new_blob(c, arg, want, &room);
	if (!b)
		return;
	b->more = len > XT_STR_SHOWN;
	if (xeno_copy_in(room, addr, want) < 0) {
		b->state = XT_CAP_FAULT;
		want = 0;
	}
	commit(c, b, want);
}

/* Structures: count elements of dec->size bytes (or `count` bytes when the
 * length is in bytes), at most XT_ELEMS_SHOWN of them. */
static void capture_structs(struct xt_capture *c, uint8_t arg, uint64_t addr,
			    const struct xeno_trace_decoder *dec, uint64_t count, bool bytes)
{
	size_t want;
	bool more;
	if (bytes) {
		want = count < dec->size ? (size_t)count : dec->size;
		more = false;
	} else {
		uint64_t n = count < XT_ELEMS_SHOWN ? count : XT_ELEMS_SHOWN;
		want = (size_t)n * dec->size;
		more = count > XT_ELEMS_SHOWN;
	}
	uint8_t *room;
	struct xt_blob *b = new_blob(c, arg, want, &room);
	if (!b)
		return;
	b->more = more;
	if (xeno_copy_in(room, addr, want) < 0) {
		/* A structure whose tail is optional (a sockaddr) may lie at
		 * the end of a mapping: settle for its smallest form. */
		size_t least = dec->min_size && !more && count <= 1 ? dec->min_size : 0;
		if (least && least < want && xeno_copy_in(room, addr, least) == 0) {
			want = least;
		} else {
			b->state = XT_CAP_FAULT;
			want = 0;
		}
	}
	commit(c, b, want);
}

/* The length of argument d's array when another argument points at it (an
 * inout(uint) the call leaves the number it filled in, as port_getn's
 * nget): read after the call; false if it cannot be. */
static bool count_in_memory(const struct xt_capture *c, const struct xeno_sysent *e,
			    const struct xeno_argdesc *d, uint64_t *count)
{
	if (d->len_arg >= 8 || d->len_arg >= e->nargs)
		return false;
	uint8_t k = e->args[d->len_arg].kind;
	uint32_t n;
	if ((k != XA_INOUT && k != XA_OUT) ||
	    xeno_copy_in(&n, c->ev.args[d->len_arg], sizeof n) < 0)
		return false;
	*count = n;
	return true;
}

static void capture_arg(struct xt_capture *c, const struct xeno_personality *os,
			const struct xeno_sysent *e, unsigned i, long ret)
{
	const struct xeno_argdesc *d = &e->args[i];
	uint64_t v = c->ev.args[i];
	bool finished = !(c->ev.flags & (XT_RESTART | XT_UNFINISHED));
	bool ok = ret >= 0 && finished;
	if (v == 0)
		return;
	uint64_t filled;
	if (d->kind == XA_OUT && finished && count_in_memory(c, e, d, &filled)) {
		/* The number says what came, even with a failure (illumos's
		 * port_getn: ETIME with events). */
		const struct xeno_trace_decoder *dec = xt_find_decoder(os, d->decoder);
		if (dec && !dec->len_in_bytes && (ok || ret == -ETIME) && filled > 0)
			capture_structs(c, (uint8_t)i, v, dec, filled, false);
		return;
	}
	switch (d->kind) {
	case XA_STR:
		capture_string(c, (uint8_t)i, v);
		break;
	case XA_IBUF:
		if (d->len_arg < 8)
			capture_bytes(c, (uint8_t)i, v, c->ev.args[d->len_arg]);
		break;
	case XA_OBUF:
		if (ok)
			capture_bytes(c, (uint8_t)i, v, (uint64_t)ret);
		break;
	case XA_IN:
	case XA_OUT:
	case XA_INOUT: {
		/* an inout argument held a value before the call: shown as
		 * the call left it, whatever the result */
		if ((d->kind == XA_OUT && !ok) || (d->kind == XA_INOUT && !finished))
			break;
		const struct xeno_trace_decoder *dec = xt_find_decoder(os, d->decoder);
		if (!dec)
			break;
		uint64_t count = 1;
		if (d->count)
			count = d->count;
		else if (d->len_arg < 8)
			count = c->ev.args[d->len_arg];
		if (d->kind == XA_OUT && d->len_arg < 8 && !dec->len_in_bytes)
			count =
			    (uint64_t)ret < count ? (uint64_t)ret : count; /* as many as filled */
		if (dec->len_in_bytes && d->len_arg >= 8)
			count = dec->size; /* the structure says its own length */
		if (count > 0)
			capture_structs(c, (uint8_t)i, v, dec, count, dec->len_in_bytes);
		break;
	}
	default:
		break;
	}
}

void xt_capture_call(struct xt_capture *c, struct xeno_thread *t, const struct xeno_call *trap,
		     const struct xeno_sysent *e, long ret, bool unfinished)
{
	struct xt_event *ev = &c->ev;
	ev->nr = xeno_trace_number(trap->table, trap->nr);
	if (trap->table && trap->table->id) {
		ev->library = trap->table->library;
		ev->function = e ? e->name : NULL;
		ev->entry = trap->table->id < XENO_LIBID_RUNTIME ? e : NULL;
	}
	memcpy(ev->args, trap->args, sizeof ev->args);
	ev->start = t->trace_start;
	if (unfinished) {
		ev->flags |= XT_UNFINISHED;
		ret = 0;
	} else if (ret == -XENO_EJUSTRETURN && t->uc) {
		ev->flags |= XT_RAW_RESULT;
		ret = (long)t->uc->uc_mcontext.gregs[REG_RAX];
	} else if (ret == -XENO_ERESTART) {
		ev->flags |= XT_RESTART;
	}
	ev->ret = ret;
	if (t->have_rval2 && !unfinished) {
		ev->flags |= XT_RVAL2;
		ev->rval2 = t->rval2;
	}
	if (!e || !e->name[0])
		return;
	for (unsigned i = 0; i < e->nargs && i < 8; i++)
		capture_arg(c, t->os, e, i, ret);
}

void xt_capture_signal(struct xt_capture *c, struct xeno_thread *t, int sig, const siginfo_t *si)
{
	c->ev.nr = (uint64_t)sig;
	if (!t->os->trace_siginfo)
		return;
	uint8_t *room;
	struct xt_blob *b = new_blob(c, XT_BLOB_SIGINFO, 128, &room);
	if (b)
		commit(c, b, t->os->trace_siginfo(sig, si, room, 128));
}
