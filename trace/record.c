/* Writing recordings (core/trace_record.h, docs/trace-format.md). */
#include "trace/record.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/fd.h"
#include "core/library.h"
#include "core/syscall.h"
#include "core/log.h"
#include "core/ownwrite.h"
#include "trace/codec.h"

#define FLUSH_AT (64 * 1024) /* encoded bytes buffered before deflating */

static struct {
	int fd;
	struct xeno_own_out out; /* on fd */
	bool on;
	bool in_stream; /* a zlib stream is open */
	bool failed;	/* a write failed: said once, then silent */
	z_stream z;
	struct xt_buf pending;
	pthread_mutex_t lock;
	/* the trace numbers of library functions named so far (0: free) */
	uint64_t *named;
	size_t nnamed, named_cap;
} rec = {.fd = -1, .lock = PTHREAD_MUTEX_INITIALIZER};

static void write_all(const uint8_t *p, size_t n)
{
	if (rec.failed)
		return;
	int r = xeno_own_write(&rec.out, p, n);
	if (r < 0) {
		rec.failed = true;
		xeno_msg("cannot write the recording: %s", strerror(-r));
	}
}

static bool begin_stream(void)
{
	memset(&rec.z, 0, sizeof rec.z);
	if (deflateInit(&rec.z, Z_DEFAULT_COMPRESSION) != Z_OK)
		return false;
	rec.in_stream = true;
	return true;
}

/* Deflates the pending bytes with the given flush mode. */
static void deflate_pending(int mode)
{
	if (!rec.in_stream && !begin_stream())
		return;
	uint8_t out[16384];
	rec.z.next_in = rec.pending.p;
	rec.z.avail_in = (uInt)rec.pending.n;
	int r;
	do {
		rec.z.next_out = out;
		rec.z.avail_out = sizeof out;
		r = deflate(&rec.z, mode);
		write_all(out, sizeof out - rec.z.avail_out);
	} while (r == Z_OK && (rec.z.avail_out == 0 || rec.z.avail_in > 0));
	rec.pending.n = 0;
	if (mode == Z_FINISH) {
		deflateEnd(&rec.z);
		rec.in_stream = false;
	}
}

int xt_record_open(const char *path, const struct xt_header *h)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	rec.fd = xeno_fd_move_high(fd);
	if (rec.fd < 0)
		return rec.fd;
	xeno_own_out_init(&rec.out, rec.fd);
	uint8_t pre[XT_PREAMBLE];
	xt_preamble(pre);
	write_all(pre, sizeof pre);
	xt_encode_header(&rec.pending, h);
	rec.on = !rec.failed;
	return rec.on ? 0 : -EIO;
}

/* Whether the library function nr was named already; if not, it is now. */
static bool named_before(uint64_t nr)
{
	if ((rec.nnamed + 1) * 2 > rec.named_cap) {
		size_t cap = rec.named_cap ? rec.named_cap * 2 : 256;
		uint64_t *t = calloc(cap, sizeof *t);
		if (!t)
			return false; /* named again: harmless */
		for (size_t i = 0; i < rec.named_cap; i++)
			for (size_t k = rec.named[i] * 0x9e3779b97f4a7c15ULL >> 20 & (cap - 1);
			     rec.named[i]; k = (k + 1) & (cap - 1))
				if (!t[k]) {
					t[k] = rec.named[i];
					break;
				}
		free(rec.named);
		rec.named = t;
		rec.named_cap = cap;
	}
	size_t k = nr * 0x9e3779b97f4a7c15ULL >> 20 & (rec.named_cap - 1);
	while (rec.named[k] && rec.named[k] != nr)
		k = (k + 1) & (rec.named_cap - 1);
	if (rec.named[k])
		return true;
	rec.named[k] = nr;
	rec.nnamed++;
	return false;
}

bool xt_recording(void)
{
	return rec.on;
}

void xt_record_event(const struct xt_event *ev)
{
	if (!rec.on)
		return;
	pthread_mutex_lock(&rec.lock);
	/* A library function is named before its first call (the number alone
	 * would not say which it is to another xeno). */
	const char *fn = ev->entry ? ev->entry->name : ev->function;
	if (ev->type == XT_CALL && XENO_LIBCALL_ID(ev->nr) && ev->library && fn &&
	    !named_before(ev->nr))
		xt_encode_function(&rec.pending, ev->nr, ev->library, fn);
	xt_encode_event(&rec.pending, ev);
	if (rec.pending.failed) {
		rec.pending.failed = false;
		rec.pending.n = 0;
		xeno_msg("out of memory: an event is missing from the recording");
	}
	if (rec.pending.n >= FLUSH_AT)
		deflate_pending(Z_NO_FLUSH);
	pthread_mutex_unlock(&rec.lock);
}

void xt_record_flush(bool finish)
{
	if (!rec.on)
		return;
	/* The process may be dying with the lock held by this very thread
	 * (an internal error inside the recorder): wait a while, then give up. */
	int tries = 0;
	while (pthread_mutex_trylock(&rec.lock) != 0)
		if (++tries > 20000)
			return;
		else
			sched_yield();
	if (finish || rec.pending.n > 0)
		deflate_pending(finish ? Z_FINISH : Z_SYNC_FLUSH);
	pthread_mutex_unlock(&rec.lock);
}

void xt_record_forget(void)
{
	if (!rec.on)
		return;
	rec.on = false;
	if (rec.in_stream)
		deflateEnd(&rec.z);
	rec.in_stream = false;
	xt_buf_free(&rec.pending);
	free(rec.named);
	rec.named = NULL;
	rec.nnamed = rec.named_cap = 0;
	close(rec.fd);
	rec.fd = -1;
	pthread_mutex_init(&rec.lock, NULL);
}
