/* Library calls in traces: trace numbers and the tables they lead to, the
 * lines of library calls (library:name, the errno conventions), filters
 * over libraries, and recordings that name the functions they hold
 * (format version 2; version 1 still read). */
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "core/library.h"
#include "core/personality.h"
#include "trace/codec.h"
#include "trace/diff.h"
#include "trace/filter.h"
#include "trace/format.h"
#include "trace/read.h"
#include "freebsd_sysnums.h"

static const struct xeno_personality *fbsd(void)
{
	return xeno_personality_named("freebsd");
}

static const struct xeno_library *libc7(void)
{
	for (const struct xeno_library *const *l = fbsd()->libraries; *l; l++)
		if (strcmp((*l)->soname, "libc.so.7") == 0)
			return *l;
	fail_msg("freebsd has no libc.so.7");
	return NULL;
}

/* The number of function name in libc.so.7's table. */
static uint32_t fn_index(const char *name)
{
	const struct xeno_calltable *tab = libc7()->calls;
	for (uint32_t i = 0; i < tab->n; i++)
		if (strcmp(tab->sysent[i].name, name) == 0)
			return i;
	fail_msg("libc.so.7 has no %s", name);
	return 0;
}

static uint64_t libc_nr(const char *name)
{
	return XENO_LIBCALL_NR(libc7()->id, fn_index(name));
}

/* ---- trace numbers and tables ---- */

static void trace_numbers_find_tables(void **state)
{
	(void)state;
	const struct xeno_personality *os = fbsd();
	const struct xeno_calltable *tab;
	/* a system call is its own number; a huge one is clamped, never a library's */
	assert_int_equal(xeno_trace_number(os->syscalls, FREEBSD_SYS_read), FREEBSD_SYS_read);
	assert_int_equal(xeno_trace_number(os->syscalls, 1ULL << 40), XENO_SYSCALL_NR_MAX);
	assert_int_equal(XENO_LIBCALL_ID(xeno_trace_number(os->syscalls, ~0ULL)), 0);
	const struct xeno_sysent *e = xeno_call_entry(os, FREEBSD_SYS_read, &tab);
	assert_string_equal(e->name, "read");
	assert_ptr_equal(tab, os->syscalls);
	/* a library function: its library's id and its place in the table */
	uint64_t tnr = xeno_trace_number(libc7()->calls, fn_index("read"));
	assert_int_equal(tnr, libc_nr("read"));
	e = xeno_call_entry(os, tnr, &tab);
	assert_string_equal(e->name, "read");
	assert_string_equal(tab->library, "libc.so.7");
	assert_int_equal(e->conv, XENO_CONV_ERRNO);
	assert_null(xeno_call_entry(os, XENO_LIBCALL_NR(libc7()->id, 60000), NULL));
	assert_null(xeno_call_entry(os, XENO_LIBCALL_NR(0x1234, 0), &tab));
	assert_null(tab);
}

static void runtime_tables_get_their_own_ids(void **state)
{
	(void)state;
	static struct xeno_sysent ent[2] = {{.name = "one"}, {.name = "two"}};
	static struct xeno_syscall calls[2];
	static struct xeno_runtime_table rt[2] = {
	    {.table = {"libc.so.7", 0, &calls[0], &ent[0], 1}},
	    {.table = {"libm.so.5", 0, &calls[1], &ent[1], 1}},
	};
	xeno_runtime_table_add(&rt[0]);
	xeno_runtime_table_add(&rt[1]);
	assert_true(rt[0].table.id >= XENO_LIBID_RUNTIME);
	assert_int_not_equal(rt[0].table.id, rt[1].table.id);
	const struct xeno_calltable *tab;
	const struct xeno_sysent *e =
	    xeno_call_entry(fbsd(), xeno_trace_number(&rt[1].table, 0), &tab);
	assert_ptr_equal(tab, &rt[1].table);
	assert_string_equal(e->name, "two");
	assert_ptr_equal(xeno_runtime_tables(), &rt[1]);
	xeno_runtime_tables_forget();
	assert_null(xeno_calltable_of(fbsd(), rt[0].table.id));
}

/* ---- lines ---- */

static const char *line_of(const struct xt_event *ev)
{
	static struct xeno_tline l;
	tl_init(&l, fbsd(), NULL);
	xt_format_call(&l, ev);
	return l.buf;
}

/* A call event of libc.so.7's function name as live tracing makes it. */
static struct xt_event libc_call(const char *name, long ret)
{
	uint64_t nr = libc_nr(name);
	const struct xeno_sysent *e = xeno_call_entry(fbsd(), nr, NULL);
	return (struct xt_event){.type = XT_CALL,
				 .nr = nr,
				 .ret = ret,
				 .entry = e,
				 .library = "libc.so.7",
				 .function = e->name};
}

static void library_lines(void **state)
{
	(void)state;
	struct xt_event ev = libc_call("read", -EBADF);
	ev.args[0] = (uint64_t)-1, ev.args[1] = 0x1000, ev.args[2] = 8;
	assert_string_equal(line_of(&ev),
			    "libc.so.7:read(-1, 0x1000, 8) = -1 EBADF (Bad file descriptor)");
	ev.ret = 8;
	assert_string_equal(line_of(&ev), "libc.so.7:read(-1, 0x1000, 8) = 8");
	/* the same number as a system call is the system call */
	ev = (struct xt_event){.type = XT_CALL, .nr = FREEBSD_SYS_getpid, .ret = 7};
	assert_string_equal(line_of(&ev), "getpid() = 7");
	ev = libc_call("__libc_start1", 0);
	ev.flags = XT_UNFINISHED;
	ev.args[0] = 1;
	assert_string_equal(line_of(&ev), "libc.so.7:__libc_start1(1, NULL, NULL, NULL, NULL) = ?");
	ev = libc_call("__cxa_finalize", 0);
	assert_string_equal(line_of(&ev), "libc.so.7:__cxa_finalize(NULL) = <void>");
	/* a function made at run time: its name, arguments unknown, errno set */
	ev = (struct xt_event){.type = XT_CALL,
			       .nr = XENO_LIBCALL_NR(XENO_LIBID_RUNTIME + 3, 0),
			       .ret = -ENOSYS,
			       .library = "libc.so.7",
			       .function = "kqueuex"};
	assert_string_equal(line_of(&ev),
			    "libc.so.7:kqueuex(...) = -1 ENOSYS (Function not implemented)");
	/* a number nothing names */
	ev = (struct xt_event){.type = XT_CALL, .nr = XENO_LIBCALL_NR(1, 5), .ret = 0};
	ev.args[0] = 0x10;
	assert_string_equal(line_of(&ev), "libcall_1_5(0x10, 0, 0, 0, 0, 0) = 0");
}

/* Each way a function tells the guest it failed, as the line shows it. */
static void errno_conventions(void **state)
{
	(void)state;
	struct xeno_sysent e = {.name = "f", .ret_kind = XA_INT, .conv = XENO_CONV_ERRNO};
	struct xt_event ev = {.type = XT_CALL,
			      .nr = XENO_LIBCALL_NR(1, 0),
			      .ret = -ENOENT,
			      .entry = &e,
			      .library = "libc.so.7"};
	assert_string_equal(line_of(&ev), "libc.so.7:f() = -1 ENOENT (No such file or directory)");
	e.conv = XENO_CONV_PTR, e.ret_kind = XA_PTR, ev.ret = -ENOMEM;
	assert_string_equal(line_of(&ev), "libc.so.7:f() = NULL ENOMEM (Cannot allocate memory)");
	ev.ret = 0x5000;
	assert_string_equal(line_of(&ev), "libc.so.7:f() = 0x5000");
	e.conv = XENO_CONV_RET, e.ret_kind = XA_INT, ev.ret = -EAGAIN;
	assert_string_equal(line_of(&ev),
			    "libc.so.7:f() = EAGAIN (Resource temporarily unavailable)");
	e.conv = XENO_CONV_VALUE, ev.ret = -22;
	assert_string_equal(line_of(&ev), "libc.so.7:f() = -22");
}

/* ---- filters ---- */

static bool shows(const struct xt_filter *f, uint64_t nr)
{
	const struct xeno_sysent *e = xeno_call_entry(fbsd(), nr, NULL);
	return xt_filter_shows(f, nr, XENO_LIBCALL_ID(nr) ? "libc.so.7" : NULL, e ? e->name : NULL);
}

static void parse_ok(struct xt_filter *f, const char *expr)
{
	char err[256];
	if (xt_filter_parse(f, fbsd(), expr, false, err, sizeof err) != 0)
		fail_msg("%s: %s", expr, err);
}

static void library_filters(void **state)
{
	(void)state;
	struct xt_filter f;
	char err[256];
	parse_ok(&f, "read");
	assert_true(shows(&f, FREEBSD_SYS_read));
	assert_true(shows(&f, libc_nr("read")));
	assert_false(shows(&f, libc_nr("write")));
	xt_filter_free(&f);
	parse_ok(&f, "libc.so.7:read");
	assert_false(shows(&f, FREEBSD_SYS_read));
	assert_true(shows(&f, libc_nr("read")));
	xt_filter_free(&f);
	parse_ok(&f, "libc.so.7:");
	assert_false(shows(&f, FREEBSD_SYS_write));
	assert_true(shows(&f, libc_nr("write")));
	assert_true(shows(&f, libc_nr("puts")));
	xt_filter_free(&f);
	parse_ok(&f, "!%lib");
	assert_true(shows(&f, FREEBSD_SYS_write));
	assert_false(shows(&f, libc_nr("write")));
	assert_false(xt_filter_shows(&f, XENO_LIBCALL_NR(XENO_LIBID_RUNTIME, 0), "libc.so.7", "x"));
	xt_filter_free(&f);
	/* classes reach library functions: the spec gives write %desc */
	parse_ok(&f, "%desc");
	assert_true(shows(&f, libc_nr("write")));
	assert_false(shows(&f, libc_nr("puts")));
	xt_filter_free(&f);
	/* a function made at run time is matched by its library and name */
	parse_ok(&f, "?kqueuex,?libm.so.5:");
	uint64_t rt = XENO_LIBCALL_NR(XENO_LIBID_RUNTIME + 9, 0);
	assert_true(xt_filter_shows(&f, rt, "libc.so.7", "kqueuex"));
	assert_true(xt_filter_shows(&f, rt, "libm.so.5", "cosf"));
	assert_false(xt_filter_shows(&f, rt, "libc.so.7", "other"));
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, fbsd(), "libnope.so.1:", false, err, sizeof err), -1);
	assert_non_null(strstr(err, "no library \"libnope.so.1\""));
	assert_int_equal(xt_filter_parse(&f, fbsd(), "libc.so.7:nosuch", false, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "libc.so.7 has no function \"nosuch\""));
	/* a recording's functions are not known in advance: LIB forms are taken */
	assert_int_equal(xt_filter_parse(&f, fbsd(), "libm.so.5:cosf", true, err, sizeof err), 0);
	xt_filter_free(&f);
	assert_int_equal(xt_filter_parse(&f, fbsd(), "nosuch", true, err, sizeof err), -1);
}

/* ---- recordings ---- */

/* A recording of records in b: preamble (version), one zlib stream. */
static size_t pack(uint8_t *out, size_t cap, struct xt_buf *b, unsigned version)
{
	xt_preamble(out);
	out[8] = (uint8_t)version;
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit(&z, 6), Z_OK);
	z.next_in = b->p;
	z.avail_in = (uInt)b->n;
	z.next_out = out + XT_PREAMBLE;
	z.avail_out = (uInt)(cap - XT_PREAMBLE);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t n = cap - z.avail_out;
	deflateEnd(&z);
	xt_buf_free(b);
	return n;
}

static void put_header(struct xt_buf *b)
{
	const char *argv[] = {"prog"};
	struct xt_header h = {.os = "freebsd", .program = "/prog", .argc = 1, .argv = argv};
	xt_encode_header(b, &h);
}

static void next_call(struct xt_recording *r, struct xt_event *ev)
{
	int rc = xt_next_event(r, ev);
	if (rc != 1)
		fail_msg("no next event: %s", r->error);
	assert_int_equal(ev->type, XT_CALL);
}

static void recordings_name_their_functions(void **state)
{
	(void)state;
	/* the numbers are made up: the names decide what the reader shows */
	uint64_t a = XENO_LIBCALL_NR(1, 900), b = XENO_LIBCALL_NR(XENO_LIBID_RUNTIME + 1, 0);
	struct xt_buf buf = {0};
	put_header(&buf);
	xt_encode_function(&buf, a, "libc.so.7", "read");
	xt_encode_function(&buf, b, "libc.so.7", "kqueuex");
	struct xt_event call = {.type = XT_CALL, .tid = 1, .nr = a, .ret = -EBADF};
	call.args[0] = (uint64_t)-1, call.args[2] = 8;
	xt_encode_event(&buf, &call);
	call.nr = b, call.ret = -ENOSYS;
	xt_encode_event(&buf, &call);
	/* after an execve a number may name another function */
	xt_encode_function(&buf, a, "libc.so.7", "getpid");
	call.nr = a, call.ret = 42;
	xt_encode_event(&buf, &call);
	call.nr = XENO_LIBCALL_NR(2, 1); /* never named */
	xt_encode_event(&buf, &call);
	uint8_t file[4096];
	size_t n = pack(file, sizeof file, &buf, XT_VERSION);
	struct xt_recording r;
	assert_int_equal(xt_load_memory(file, n, &r), 0);
	struct xt_event ev;
	next_call(&r, &ev);
	assert_string_equal(line_of(&ev),
			    "libc.so.7:read(-1, NULL, 8) = -1 EBADF (Bad file descriptor)");
	next_call(&r, &ev);
	assert_null(ev.entry);
	assert_string_equal(line_of(&ev),
			    "libc.so.7:kqueuex(...) = -1 ENOSYS (Function not implemented)");
	next_call(&r, &ev);
	assert_string_equal(line_of(&ev), "libc.so.7:getpid() = 42");
	next_call(&r, &ev);
	assert_string_equal(line_of(&ev), "libcall_2_1(0xffffffffffffffff, 0, 0x8, 0, 0, 0) = 42");
	assert_int_equal(xt_next_event(&r, &ev), 0);
	/* filters and normalisation see the names too */
	struct xt_filter f;
	char err[256];
	assert_int_equal(xt_filter_parse(&f, fbsd(), "libc.so.7:kqueuex", true, err, sizeof err),
			 0);
	struct xt_threads th;
	assert_int_equal(xt_normalise(&r, &f, &th, err, sizeof err), 0);
	assert_int_equal(th.n, 1);
	assert_int_equal(th.t[0].n, 1);
	assert_string_equal(th.t[0].v[0],
			    "libc.so.7:kqueuex(...) = -1 ENOSYS (Function not implemented)");
	xt_threads_free(&th);
	xt_filter_free(&f);
	xt_recording_free(&r);
}

static void function_records_are_checked(void **state)
{
	(void)state;
	static const struct {
		uint64_t nr;
		const char *library, *name, *why;
	} bad[] = {
	    {FREEBSD_SYS_read, "libc.so.7", "read", "names a system call's number"},
	    {XENO_LIBCALL_NR(1, 0), "", "read", "empty"},
	    {XENO_LIBCALL_NR(1, 0), "libc.so.7", "", "empty"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct xt_buf buf = {0};
		put_header(&buf);
		xt_encode_function(&buf, bad[i].nr, bad[i].library, bad[i].name);
		uint8_t file[4096];
		size_t n = pack(file, sizeof file, &buf, XT_VERSION);
		struct xt_recording r;
		assert_int_equal(xt_load_memory(file, n, &r), 0);
		struct xt_event ev;
		assert_int_equal(xt_next_event(&r, &ev), -1);
		assert_non_null(strstr(r.error, bad[i].why));
		xt_recording_free(&r);
	}
	/* a name longer than any kept */
	char longname[XT_MAX_NAME + 2];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	struct xt_buf buf = {0};
	put_header(&buf);
	xt_encode_function(&buf, XENO_LIBCALL_NR(1, 0), "libc.so.7", longname);
	uint8_t file[4096];
	size_t n = pack(file, sizeof file, &buf, XT_VERSION);
	struct xt_recording r;
	assert_int_equal(xt_load_memory(file, n, &r), 0);
	struct xt_event ev;
	assert_int_equal(xt_next_event(&r, &ev), -1);
	assert_non_null(strstr(r.error, "too long"));
	xt_recording_free(&r);
}

/* Recordings of format version 1 (system calls only) are still read. */
static void version_one_is_read(void **state)
{
	(void)state;
	struct xt_buf buf = {0};
	put_header(&buf);
	struct xt_event call = {.type = XT_CALL, .tid = 1, .nr = FREEBSD_SYS_getpid, .ret = 5};
	xt_encode_event(&buf, &call);
	uint8_t file[4096];
	size_t n = pack(file, sizeof file, &buf, 1);
	struct xt_recording r;
	assert_int_equal(xt_load_memory(file, n, &r), 0);
	struct xt_event ev;
	next_call(&r, &ev);
	assert_string_equal(line_of(&ev), "getpid() = 5");
	xt_recording_free(&r);
}

int main(void)
{
	RUN(cmocka_unit_test(trace_numbers_find_tables),
	    cmocka_unit_test(runtime_tables_get_their_own_ids), cmocka_unit_test(library_lines),
	    cmocka_unit_test(errno_conventions), cmocka_unit_test(library_filters),
	    cmocka_unit_test(recordings_name_their_functions),
	    cmocka_unit_test(function_records_are_checked), cmocka_unit_test(version_one_is_read));
}
