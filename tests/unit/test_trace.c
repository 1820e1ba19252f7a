/* The tracer's pieces: the table's decoders, lines, filters, recordings
 * both ways (and damaged ones), normalisation and diffs. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "abi/freebsd/signal.h"
#include "abi/freebsd/socket.h"
#include "core/library.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "trace/codec.h"
#include "trace/diff.h"
#include "trace/filter.h"
#include "trace/format.h"
#include "trace/norm.h"
#include "trace/read.h"
#include "core/xlat.h"
#include "freebsd_sysnums.h"
#include "loader/image.h"

static const struct xeno_personality *fbsd(void)
{
	return xeno_personality_named("freebsd");
}

/* Checks one table's flags(SET) and in/out/inout(S): each names a flag set
 * or decoder the personality registers, and each decoder prints something
 * for an all-zero structure.  Counts them into *flags and *structs. */
static void check_table_decoders(const struct xeno_personality *os,
				 const struct xeno_calltable *tab, int *flags, int *structs)
{
	uint8_t zero[256] = {0};
	for (unsigned nr = 0; nr < tab->n; nr++) {
		const struct xeno_sysent *e = &tab->sysent[nr];
		for (unsigned i = 0; e->name[0] && i < e->nargs; i++) {
			const struct xeno_argdesc *d = &e->args[i];
			if (d->kind == XA_FLAGS || d->kind == XA_LFLAGS) {
				const struct xeno_flagset *s = xt_find_flagset(os, d->decoder);
				if (!s)
					fail_msg("%s: %s: flag set %s is not registered", os->name,
						 e->name, d->decoder);
				/* and decodes: its first named value comes back by name */
				const struct xeno_flag *f = &s->flags[0];
				char buf[256];
				xeno_flags_format(s, f->fval, buf, sizeof buf);
				if (f->fval != 0 && !strstr(buf, f->name))
					fail_msg("%s: %s formats %#llx as %s, not %s", e->name,
						 s->name, (unsigned long long)f->fval, buf,
						 f->name);
				(*flags)++;
			} else if (d->kind == XA_IN || d->kind == XA_OUT || d->kind == XA_INOUT) {
				const struct xeno_trace_decoder *dec =
				    xt_find_decoder(os, d->decoder);
				if (!dec)
					fail_msg("%s: %s: decoder %s is not registered", os->name,
						 e->name, d->decoder);
				assert_true(dec->size <= sizeof zero);
				struct xeno_tline l;
				tl_init(&l, os, NULL);
				dec->format(&l, zero, dec->size);
				assert_true(l.n > 0);
				(*structs)++;
			}
		}
	}
}

/* Every table of the personalities that trace (system calls, shim
 * libraries) names only flag sets and decoders they register. */
static void every_table_decoder_is_registered(void **state)
{
	(void)state;
	static const char *const oses[] = {"freebsd", "illumos"};
	for (size_t o = 0; o < sizeof oses / sizeof oses[0]; o++) {
		const struct xeno_personality *os = xeno_personality_named(oses[o]);
		assert_non_null(os);
		int flags = 0, structs = 0;
		check_table_decoders(os, os->syscalls, &flags, &structs);
		for (const struct xeno_library *const *lib = os->libraries; lib && *lib; lib++)
			check_table_decoders(os, (*lib)->calls, &flags, &structs);
		assert_true(flags > 20);
		assert_true(structs > 20);
		assert_non_null(xt_find_decoder(os, "siginfo"));
	}
}

/* The decoders the issue asks for exist under the names the table uses. */
static void named_decoders_exist(void **state)
{
	(void)state;
	static const char *const names[] = {"stat",   "freebsd11_stat", "timespec", "sigaction",
					    "kevent", "kevent11",	"sockaddr", "rlimit"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_non_null(xt_find_decoder(fbsd(), names[i]));
}

/* A call event as the formatter shows it. */
static void format_open_with_flags(void **state)
{
	(void)state;
	static const uint8_t path[] = "a.txt";
	struct xt_event ev = {.type = XT_CALL, .tid = 7, .nr = FREEBSD_SYS_open, .ret = 3};
	ev.args[0] = 0x1000;
	ev.args[1] = 0x0001 | 0x0200 | 0x0400; /* O_WRONLY|O_CREAT|O_TRUNC */
	ev.args[2] = 0644;
	ev.nblobs = 1;
	ev.blobs[0] = (struct xt_blob){.arg = 0, .len = 5, .data = path};
	struct xeno_tline l;
	tl_init(&l, fbsd(), NULL);
	const struct xt_format f = {.show_tid = true};
	assert_true(xt_format_event(&l, &ev, &f));
	assert_string_equal(l.buf, "7 open(\"a.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3");
	/* A failure shows the foreign errno's name. */
	ev.ret = -2;
	tl_init(&l, fbsd(), NULL);
	xt_format_call(&l, &ev);
	assert_string_equal(l.buf, "open(\"a.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = -1 ENOENT "
				   "(No such file or directory)");
	/* Without a captured string the address is shown. */
	ev.nblobs = 0;
	ev.ret = 3;
	tl_init(&l, fbsd(), NULL);
	xt_format_call(&l, &ev);
	assert_string_equal(l.buf, "open(0x1000, O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3");
}

static void format_sockaddr_inet6_and_unix(void **state)
{
	(void)state;
	const struct xeno_trace_decoder *dec = xt_find_decoder(fbsd(), "sockaddr");
	struct bsd_sockaddr_in6 sin6 = {
	    .sin6_len = 28, .sin6_family = FREEBSD_AF_INET6, .sin6_port = __builtin_bswap16(8080)};
	sin6.sin6_addr[15] = 1;
	struct xeno_tline l;
	tl_init(&l, fbsd(), NULL);
	dec->format(&l, (const uint8_t *)&sin6, sizeof sin6);
	assert_string_equal(l.buf, "{sa_len=28, sa_family=AF_INET6, sin6_port=htons(8080), "
				   "sin6_addr=\"::1\", sin6_flowinfo=0, sin6_scope_id=0}");
	struct bsd_sockaddr_un sun = {.sun_len = 2 + 8, .sun_family = FREEBSD_AF_UNIX};
	memcpy(sun.sun_path, "/tmp/s.k", 8);
	tl_init(&l, fbsd(), NULL);
	dec->format(&l, (const uint8_t *)&sun, sun.sun_len);
	assert_string_equal(l.buf, "{sa_len=10, sa_family=AF_UNIX, sun_path=\"/tmp/s.k\"}");
}

static void format_sigset_and_signal_line(void **state)
{
	(void)state;
	struct freebsd_siginfo si = {.signo = BSD_SIGURG, .code = FREEBSD_SI_LWP, .pid = 42};
	struct xt_event ev = {.type = XT_SIGNAL, .tid = 42, .nr = SIGURG, .nblobs = 1};
	ev.blobs[0] = (struct xt_blob){
	    .arg = XT_BLOB_SIGINFO, .len = sizeof si, .data = (const uint8_t *)&si};
	struct xeno_tline l;
	tl_init(&l, fbsd(), NULL);
	const struct xt_format f = {0};
	assert_true(xt_format_event(&l, &ev, &f));
	assert_string_equal(
	    l.buf, "--- SIGURG {si_signo=SIGURG, si_code=SI_LWP, si_pid=42, si_uid=0} ---");
	uint32_t set[4] = {(1u << 1) | (1u << 14), 0, 0, 0}; /* SIGINT, SIGTERM */
	tl_init(&l, fbsd(), NULL);
	tl_sigset(&l, set, 4);
	assert_string_equal(l.buf, "[INT TERM]");
	uint32_t most[4] = {~((1u << 8) | (1u << 16)), ~0u, ~0u, ~0u}; /* all but KILL, STOP */
	tl_init(&l, fbsd(), NULL);
	tl_sigset(&l, most, 4);
	assert_string_equal(l.buf, "~[KILL STOP]");
	uint32_t all[4] = {~0u, ~0u, ~0u, ~0u};
	tl_init(&l, fbsd(), NULL);
	tl_sigset(&l, all, 4);
	assert_string_equal(l.buf, "~[]");
}

/* Normalised values: descriptors and ids by first appearance. */
static void normalised_values(void **state)
{
	(void)state;
	struct xt_norm n;
	xt_norm_init(&n);
	struct xeno_tline l;
	tl_init(&l, fbsd(), &n);
	tl_fd(&l, 7), tl_puts(&l, " "), tl_fd(&l, 1), tl_puts(&l, " "), tl_fd(&l, 9);
	tl_puts(&l, " "), tl_fd(&l, 7), tl_puts(&l, " "), tl_pid(&l, 4242), tl_puts(&l, " ");
	tl_addr(&l, 0x7fff0000), tl_puts(&l, " "), tl_addr(&l, 0), tl_puts(&l, " ");
	tl_time(&l, 12, 34, 9);
	assert_string_equal(l.buf, "F1 1 F2 F1 P1 ADDR NULL TIME");
	for (int i = 0; i < 1000; i++) /* the map grows */
		assert_int_equal(xt_idmap_number(&n.fds, 100 + i), (uint32_t)i + 3);
	xt_norm_free(&n);
}

static void filters(void **state)
{
	(void)state;
	struct xt_filter f;
	char err[256];
	assert_int_equal(xt_filter_parse(&f, fbsd(), "%file,write", false, err, sizeof err), 0);
	assert_true(xt_filter_shows(&f, FREEBSD_SYS_open, NULL, NULL));
	assert_true(xt_filter_shows(&f, FREEBSD_SYS_openat, NULL, NULL));
	assert_true(xt_filter_shows(&f, FREEBSD_SYS_write, NULL, NULL));
	assert_false(xt_filter_shows(&f, FREEBSD_SYS_read, NULL, NULL));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, fbsd(), "!%memory", false, err, sizeof err), 0);
	assert_false(xt_filter_shows(&f, FREEBSD_SYS_mmap, NULL, NULL));
	assert_true(xt_filter_shows(&f, FREEBSD_SYS_read, NULL, NULL));
	assert_true(xt_filter_shows(&f, 100000, NULL, NULL));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, fbsd(), "read,?nosuchcall", false, err, sizeof err),
			 0);
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, fbsd(), "read,nosuchcall", false, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "nosuchcall"));
	assert_int_equal(xt_filter_parse(&f, fbsd(), "%nosuchclass", false, err, sizeof err), -1);
	assert_null(xt_filter_shows(NULL, 3, NULL, NULL) ? NULL : "a NULL filter shows everything");
}

/* The shim library of os whose id is id. */
static const struct xeno_library *library_of(const struct xeno_personality *os, unsigned id)
{
	for (const struct xeno_library *const *lib = os->libraries; lib && *lib; lib++)
		if ((*lib)->id == id)
			return *lib;
	fail_msg("%s has no library %u", os->name, id);
	return NULL;
}

/* A call event of the function name of os's library id, as the tracer
 * captures it (trace/capture.c): its trace number, library and entry. */
static struct xt_event libcall_event(const struct xeno_personality *os, unsigned id,
				     const char *name)
{
	const struct xeno_library *lib = library_of(os, id);
	const struct xeno_calltable *tab = lib->calls;
	for (unsigned nr = 0; nr < tab->n; nr++)
		if (strcmp(tab->sysent[nr].name, name) == 0)
			return (struct xt_event){.type = XT_CALL,
						 .nr = xeno_trace_number(tab, nr),
						 .entry = &tab->sysent[nr],
						 .library = lib->soname,
						 .function = tab->sysent[nr].name};
	fail_msg("%s has no %s", lib->soname, name);
	return (struct xt_event){0};
}

/* Whether filter f shows event ev. */
static bool shows(const struct xt_filter *f, const struct xt_event *ev)
{
	return xt_filter_shows(f, ev->nr, ev->library, ev->function);
}

/* illumos's library functions in traces: by their names and argument kinds
 * (port_getn's inout nget shown even when it fails with ETIME), in filters
 * by name and class, an unknown one by its library and number. */
static void library_calls(void **state)
{
	(void)state;
	const struct xeno_personality *os = xeno_personality_named("illumos");
	struct xt_event getn = libcall_event(os, 1, "port_getn");
	struct xt_event create = libcall_event(os, 1, "port_create");
	struct xt_event sendfile = libcall_event(os, 3, "sendfile");
	static const uint8_t nget[4] = {0}, timeout[16] = {0};
	struct xt_event ev = getn;
	ev.tid = 7, ev.ret = -62 /* ETIME */;
	ev.args[0] = 3, ev.args[1] = 0x1000, ev.args[2] = 4, ev.args[3] = 0x2000;
	ev.args[4] = 0x3000;
	ev.nblobs = 2;
	ev.blobs[0] = (struct xt_blob){.arg = 3, .len = 4, .data = nget};
	ev.blobs[1] = (struct xt_blob){.arg = 4, .len = 16, .data = timeout};
	struct xeno_tline l;
	tl_init(&l, os, NULL);
	xt_format_call(&l, &ev);
	assert_string_equal(l.buf,
			    "libc.so.1:port_getn(3, 0x1000, 4, [0], {tv_sec=0, tv_nsec=0}) = "
			    "-1 ETIME (Timer expired)");
	ev = (struct xt_event){.type = XT_CALL, .nr = XENO_LIBCALL_NR(1, 0xfff0), .ret = 0};
	tl_init(&l, os, NULL);
	xt_format_call(&l, &ev);
	assert_string_equal(l.buf, "libcall_1_65520(0, 0, 0, 0, 0, 0) = 0");

	struct xt_filter f;
	char err[256];
	assert_int_equal(xt_filter_parse(&f, os, "port_getn", false, err, sizeof err), 0);
	assert_true(shows(&f, &getn));
	assert_false(shows(&f, &create));
	assert_false(shows(&f, &sendfile));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, os, "!%desc", false, err, sizeof err), 0);
	assert_false(shows(&f, &getn));
	assert_false(shows(&f, &create));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, os, "sendfile", false, err, sizeof err), 0);
	assert_true(shows(&f, &sendfile));
	assert_false(shows(&f, &getn));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, os, "libsendfile.so.1:", false, err, sizeof err), 0);
	assert_true(shows(&f, &sendfile));
	assert_false(shows(&f, &getn));
	xt_filter_free(&f);
}

/* ---- recordings ---- */

/* A small recording in memory: preamble, header, a thread, a call with a
 * string and host calls, an exit; compressed as the writer does. */
static size_t make_recording(uint8_t *out, size_t cap, bool finish)
{
	struct xt_buf b = {0};
	const char *argv[] = {"cat", "a.txt"};
	struct xt_header h = {.os = "freebsd",
			      .program = "/bin/cat",
			      .xeno_version = "0.1.0",
			      .argc = 2,
			      .argv = argv,
			      .wall_sec = 1700000000,
			      .pid = 99};
	xt_encode_header(&b, &h);
	struct xt_event th = {.type = XT_THREAD, .tid = 99};
	xt_encode_event(&b, &th);
	static const uint8_t path[] = "a.txt";
	struct xeno_callrec host[2] = {{.nr = 257, .args = {(uint64_t)-100, 0x1234}, .ret = 3},
				       {.nr = 1, .ret = -2}};
	struct xt_event call = {.type = XT_CALL,
				.tid = 99,
				.nr = FREEBSD_SYS_open,
				.ret = 3,
				.start = 1000,
				.end = 3000,
				.nblobs = 1,
				.nhost = 2,
				.host = host};
	call.args[0] = 0x1000;
	call.blobs[0] = (struct xt_blob){.arg = 0, .len = 5, .data = path};
	xt_encode_event(&b, &call);
	struct xt_event ex = {.type = XT_EXIT, .tid = 99, .nr = XT_EXITED, .ret = 0};
	xt_encode_event(&b, &ex);
	assert_false(b.failed);
	xt_preamble(out);
	size_t n = XT_PREAMBLE;
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit(&z, 6), Z_OK);
	z.next_in = b.p;
	z.avail_in = (uInt)b.n;
	z.next_out = out + n;
	z.avail_out = (uInt)(cap - n);
	int rc = deflate(&z, finish ? Z_FINISH : Z_SYNC_FLUSH);
	assert_true(rc == Z_STREAM_END || rc == Z_OK);
	n = cap - z.avail_out;
	deflateEnd(&z);
	xt_buf_free(&b);
	return n;
}

static void recording_round_trip(void **state)
{
	(void)state;
	uint8_t file[4096];
	size_t n = make_recording(file, sizeof file, true);
	struct xt_recording r;
	assert_int_equal(xt_load_memory(file, n, &r), 0);
	assert_string_equal(r.header.os, "freebsd");
	assert_string_equal(r.header.argv[1], "a.txt");
	assert_int_equal(r.header.pid, 99);
	struct xt_event ev;
	assert_int_equal(xt_next_event(&r, &ev), 1);
	assert_int_equal(ev.type, XT_THREAD);
	assert_int_equal(xt_next_event(&r, &ev), 1);
	assert_int_equal(ev.type, XT_CALL);
	assert_int_equal(ev.end - ev.start, 2000);
	assert_int_equal(ev.nhost, 2);
	assert_int_equal(ev.host[1].ret, -2);
	struct xeno_tline l;
	tl_init(&l, fbsd(), NULL);
	xt_format_call(&l, &ev);
	assert_string_equal(l.buf, "open(\"a.txt\", O_RDONLY, 0) = 3");
	tl_init(&l, fbsd(), NULL);
	xt_format_host(&l, &ev.host[0]);
	assert_string_equal(l.buf, "  > openat(-100, 4660) = 3");
	assert_int_equal(xt_next_event(&r, &ev), 1);
	assert_int_equal(ev.type, XT_EXIT);
	assert_int_equal(xt_next_event(&r, &ev), 0);
	assert_string_equal(r.error, "");
	xt_recording_free(&r);
}

/* Damage of every kind is one message, never a crash. */
static void damaged_recordings(void **state)
{
	(void)state;
	uint8_t file[4096];
	size_t n = make_recording(file, sizeof file, true);
	struct xt_recording r;
	assert_int_equal(xt_load_memory(file, 5, &r), -1);
	assert_non_null(strstr(r.error, "not a xeno recording"));
	xt_recording_free(&r);
	uint8_t v2[sizeof file];
	memcpy(v2, file, n);
	v2[8] = 3;
	assert_int_equal(xt_load_memory(v2, n, &r), -1);
	assert_non_null(strstr(r.error, "version 3"));
	xt_recording_free(&r);
	/* Every truncation, and every single-byte corruption, is survived. */
	for (size_t cut = 0; cut < n; cut++) {
		if (xt_load_memory(file, cut, &r) == 0) {
			struct xt_event ev;
			while (xt_next_event(&r, &ev) > 0)
				;
		}
		xt_recording_free(&r);
	}
	for (size_t at = XT_PREAMBLE; at < n; at++) {
		memcpy(v2, file, n);
		v2[at] ^= 0x5a;
		if (xt_load_memory(v2, n, &r) == 0) {
			struct xt_event ev;
			while (xt_next_event(&r, &ev) > 0)
				;
		}
		xt_recording_free(&r);
	}
	/* A stream that was flushed but not finished is a truncated one. */
	n = make_recording(file, sizeof file, false);
	assert_int_equal(xt_load_memory(file, n, &r), -1);
	assert_non_null(strstr(r.error, "truncated"));
	xt_recording_free(&r);
}

/* ---- diff ---- */

static void add_thread(struct xt_threads *th, const char *const *lines, size_t n)
{
	th->t = realloc(th->t, (th->n + 1) * sizeof *th->t);
	struct xt_lines *t = &th->t[th->n++];
	memset(t, 0, sizeof *t);
	t->v = calloc(n ? n : 1, sizeof *t->v);
	for (size_t i = 0; i < n; i++)
		t->v[i] = strdup(lines[i]);
	t->n = t->cap = n;
}

static void diffs(void **state)
{
	(void)state;
	static const char *const a[] = {"open(\"a\") = F1", "read(F1) = 3", "close(F1) = 0",
					"exit(0) = ?"};
	static const char *const b[] = {"open(\"a\") = F1", "read(F1) = 4", "close(F1) = 0",
					"exit(0) = ?"};
	struct xt_threads ta = {0}, tb = {0}, tc = {0};
	add_thread(&ta, a, 4);
	add_thread(&tb, b, 4);
	add_thread(&tc, a, 4);
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	assert_int_equal(xt_diff(&ta, &tc, "A", "C", 3, out), 0);
	assert_int_equal(xt_diff(&ta, &tb, "A", "B", 1, out), 1);
	fclose(out);
	assert_string_equal(text,
			    "--- A (thread 1)\n+++ B (thread 1)\n@@ -1,3 +1,3 @@\n"
			    " open(\"a\") = F1\n-read(F1) = 3\n+read(F1) = 4\n close(F1) = 0\n");
	free(text);
	/* A thread only one side has is all added. */
	add_thread(&tb, a, 1);
	out = open_memstream(&text, &size);
	assert_int_equal(xt_diff(&ta, &tb, "A", "B", 3, out), 1);
	fclose(out);
	assert_non_null(strstr(text, "+++ B (thread 2)\n@@ -0,0 +1,1 @@\n+open(\"a\") = F1\n"));
	free(text);
	xt_threads_free(&ta);
	xt_threads_free(&tb);
	xt_threads_free(&tc);
}

int main(void)
{
	RUN(cmocka_unit_test(every_table_decoder_is_registered),
	    cmocka_unit_test(named_decoders_exist), cmocka_unit_test(format_open_with_flags),
	    cmocka_unit_test(format_sockaddr_inet6_and_unix),
	    cmocka_unit_test(format_sigset_and_signal_line), cmocka_unit_test(normalised_values),
	    cmocka_unit_test(filters), cmocka_unit_test(library_calls),
	    cmocka_unit_test(recording_round_trip), cmocka_unit_test(damaged_recordings),
	    cmocka_unit_test(diffs));
}
