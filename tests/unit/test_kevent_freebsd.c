/* FreeBSD struct kevent (both layouts) <-> the engine's neutral form. */
#include "unit.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>

#include "abi/freebsd/event.h"

/* sys/sys/event.h values, written out here so the tables are checked
 * against the header rather than against themselves. */
static void layouts(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct freebsd_kevent), 64);
	assert_int_equal(offsetof(struct freebsd_kevent, ext), 32);
	assert_int_equal(sizeof(struct bsd_kevent32), 32);
	assert_int_equal(freebsd_kevent_codec.size, 64);
	assert_int_equal(freebsd11_kevent_codec.size, 32);
}

static void filters_to_host(void **state)
{
	(void)state;
	static const struct {
		int16_t freebsd;
		int32_t host;
	} known[] = {
	    {-1, KQ_FILTER_READ},   {-2, KQ_FILTER_WRITE},    {-3, KQ_FILTER_AIO},
	    {-4, KQ_FILTER_VNODE},  {-5, KQ_FILTER_PROC},     {-6, KQ_FILTER_SIGNAL},
	    {-7, KQ_FILTER_TIMER},  {-8, KQ_FILTER_PROCDESC}, {-9, KQ_FILTER_FS},
	    {-10, KQ_FILTER_LIO},   {-11, KQ_FILTER_USER},    {-12, KQ_FILTER_SENDFILE},
	    {-13, KQ_FILTER_EMPTY},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		struct freebsd_kevent f = {.ident = 3, .filter = known[i].freebsd};
		struct kq_kevent k;
		assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
		assert_int_equal(k.filter, known[i].host);
		struct freebsd_kevent back;
		assert_int_equal(freebsd_kevent_from_host(&k, &back), 0);
		assert_int_equal(back.filter, known[i].freebsd);
	}
	/* no such filter */
	struct freebsd_kevent bad = {.filter = -14};
	struct kq_kevent k;
	assert_int_equal(freebsd_kevent_to_host(&bad, &k), -EINVAL);
	bad.filter = 1;
	assert_int_equal(freebsd_kevent_to_host(&bad, &k), -EINVAL);
	/* filter 0 is skipped by the kernel, whatever else the entry holds */
	struct freebsd_kevent skipped = {.filter = 0, .flags = 0x0c00, .fflags = 0xffffffff};
	assert_int_equal(freebsd_kevent_to_host(&skipped, &k), 0);
	assert_int_equal(k.filter, KQ_FILTER_NONE);
}

static void flags_both_ways(void **state)
{
	(void)state;
	static const struct {
		uint16_t freebsd;
		uint32_t host;
	} known[] = {
	    {0x0001, KQ_EV_ADD},      {0x0002, KQ_EV_DELETE},	    {0x0004, KQ_EV_ENABLE},
	    {0x0008, KQ_EV_DISABLE},  {0x0100, KQ_EV_FORCEONESHOT}, {0x0200, KQ_EV_KEEPUDATA},
	    {0x0010, KQ_EV_ONESHOT},  {0x0020, KQ_EV_CLEAR},	    {0x0040, KQ_EV_RECEIPT},
	    {0x0080, KQ_EV_DISPATCH},
	};
	uint16_t all = 0;
	uint32_t all_host = 0;
	struct kq_kevent k;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		struct freebsd_kevent f = {.filter = -11, .flags = known[i].freebsd};
		assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
		assert_int_equal(k.flags, known[i].host);
		all |= known[i].freebsd;
		all_host |= known[i].host;
	}
	struct freebsd_kevent f = {.filter = -11, .flags = all};
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.flags, all_host);
	/* results */
	k = (struct kq_kevent){.filter = KQ_FILTER_READ, .flags = KQ_EV_EOF | KQ_EV_CLEAR};
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.flags, 0x8000 | 0x0020);
	k.flags = KQ_EV_ERROR;
	k.data = ENOENT;
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.flags, 0x4000);
	assert_int_equal(f.data, 2);
	/* the engine's own flag never leaves it */
	k.flags = KQ_EV_DROP;
	assert_int_equal(freebsd_kevent_from_host(&k, &f), -EINVAL);
}

/* EV_SYSFLAGS are cleared from a change; bits FreeBSD does not define are
 * refused. */
static void unknown_flags(void **state)
{
	(void)state;
	struct kq_kevent k;
	struct freebsd_kevent f = {.filter = -11, .flags = 0x0001 | 0x8000 | 0x4000 | 0x1000};
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.flags, KQ_EV_ADD);
	f.flags = 0x0400;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);
	f.flags = 0x0800;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);
}

static void timer_and_proc_notes(void **state)
{
	(void)state;
	struct kq_kevent k;
	struct freebsd_kevent f = {.filter = -7, .fflags = 0x4 | 0x10}; /* USECONDS|ABSTIME */
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_USECONDS | KQ_NOTE_ABSTIME);
	f.fflags = 0x1;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_SECONDS);
	f.fflags = 0x8;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_NSECONDS);
	f.fflags = 0x20; /* not a timer flag */
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);

	f = (struct freebsd_kevent){.filter = -5, .fflags = 0x80000000u | 0x40000000u | 0x1};
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_EXIT | KQ_NOTE_FORK | KQ_NOTE_TRACK);
	f.fflags = 0x100;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);

	f = (struct freebsd_kevent){.filter = -1, .fflags = 0x1, .data = 100}; /* NOTE_LOWAT */
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_LOWAT);
	f.fflags = 0x2;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_FILE_POLL);
	f.fflags = 0x4;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);
}

/* EVFILT_USER: control bits and trigger translated, the program's 24 bits
 * untouched, the reserved bits between them refused. */
static void user_notes(void **state)
{
	(void)state;
	struct kq_kevent k;
	struct freebsd_kevent f = {.filter = -11, .fflags = 0xc0000000u | 0x01000000u | 0xabcdef};
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_FFCOPY | KQ_NOTE_TRIGGER | 0xabcdef);
	f.fflags = 0x40000000u | 0x5;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_FFAND | 0x5);
	f.fflags = 0x80000000u;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.fflags, KQ_NOTE_FFOR);
	f.fflags = 0x02000000u;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), -EINVAL);
	k = (struct kq_kevent){.filter = KQ_FILTER_USER, .fflags = 0x123456};
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.fflags, 0x123456);
}

static void fields_and_ext(void **state)
{
	(void)state;
	struct freebsd_kevent f = {
	    .ident = 0xee1eb9f4,
	    .filter = -11,
	    .flags = 0x21,
	    .fflags = 7,
	    .data = -5,
	    .udata = 0x1234567890,
	    .ext = {1, 2, 3, 4},
	};
	struct kq_kevent k;
	assert_int_equal(freebsd_kevent_to_host(&f, &k), 0);
	assert_int_equal(k.ident, 0xee1eb9f4);
	assert_int_equal(k.data, -5);
	assert_int_equal(k.udata, 0x1234567890);
	assert_int_equal(k.ext[3], 4);
	struct freebsd_kevent back;
	assert_int_equal(freebsd_kevent_from_host(&k, &back), 0);
	assert_memory_equal(&f, &back, sizeof f);

	/* the old layout: no ext in, none out */
	struct bsd_kevent32 o = {.ident = 9, .filter = -2, .flags = 0x1, .data = 3, .udata = 77};
	assert_int_equal(freebsd11_kevent_to_host(&o, &k), 0);
	assert_int_equal(k.filter, KQ_FILTER_WRITE);
	assert_int_equal(k.udata, 77);
	assert_int_equal(k.ext[0], 0);
	k.ext[0] = 99;
	struct bsd_kevent32 o2;
	assert_int_equal(freebsd11_kevent_from_host(&k, &o2), 0);
	assert_memory_equal(&o, &o2, sizeof o);
	o.flags = 0x0400;
	assert_int_equal(freebsd11_kevent_to_host(&o, &k), -EINVAL);
}

/* Error numbers and wait statuses leave in FreeBSD's numbering. */
static void results_in_freebsd_terms(void **state)
{
	(void)state;
	struct freebsd_kevent f;
	struct kq_kevent k = {.filter = KQ_FILTER_READ, .flags = KQ_EV_EOF, .fflags = ECONNRESET};
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.fflags, 54); /* FreeBSD ECONNRESET */
	k = (struct kq_kevent){.filter = KQ_FILTER_PROC,
			       .flags = KQ_EV_EOF | KQ_EV_ONESHOT,
			       .fflags = KQ_NOTE_EXIT,
			       .data = 3 << 8};
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.fflags, 0x80000000u);
	assert_int_equal(f.data, 3 << 8);
	k.data = SIGUSR1; /* killed by SIGUSR1: 10 on Linux, 30 on FreeBSD */
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.data, 30);
	k.data = SIGSEGV | 0x80;
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.data, 11 | 0x80);
	k = (struct kq_kevent){.filter = KQ_FILTER_USER, .flags = KQ_EV_ERROR, .data = EAGAIN};
	assert_int_equal(freebsd_kevent_from_host(&k, &f), 0);
	assert_int_equal(f.data, 35);
}

static void set_error(void **state)
{
	(void)state;
	struct freebsd_kevent f = {.ident = 5, .filter = -1, .flags = 0x41, .udata = 8};
	freebsd_kevent_codec.set_error(&f, EBADF);
	assert_int_equal(f.flags, 0x4000);
	assert_int_equal(f.data, 9);
	assert_int_equal(f.ident, 5);
	assert_int_equal(f.udata, 8);
	freebsd_kevent_codec.set_error(&f, 0); /* a receipt */
	assert_int_equal(f.data, 0);
	struct bsd_kevent32 o = {.ident = 5, .filter = -1};
	freebsd11_kevent_codec.set_error(&o, EAGAIN);
	assert_int_equal(o.flags, 0x4000);
	assert_int_equal(o.data, 35);
}

static void kqueuex_flags(void **state)
{
	(void)state;
	uint64_t host;
	assert_int_equal(xeno_flags_to_host(&freebsd_kqueuex_flags, 1, &host), 0);
	assert_int_equal(host, EPOLL_CLOEXEC);
	assert_int_equal(xeno_flags_to_host(&freebsd_kqueuex_flags, 0, &host), 0);
	assert_int_equal(host, 0);
	assert_int_equal(xeno_flags_to_host(&freebsd_kqueuex_flags, 2, &host), -EINVAL);
	char buf[64];
	xeno_flags_format(&freebsd_kevent_flags, 0x0021, buf, sizeof buf);
	assert_string_equal(buf, "EV_ADD|EV_CLEAR");
	xeno_flags_format(&freebsd_kevent_filters, (uint64_t)(int64_t)-11, buf, sizeof buf);
	assert_string_equal(buf, "EVFILT_USER");
}

int main(void)
{
	RUN(cmocka_unit_test(layouts), cmocka_unit_test(filters_to_host),
	    cmocka_unit_test(flags_both_ways), cmocka_unit_test(unknown_flags),
	    cmocka_unit_test(timer_and_proc_notes), cmocka_unit_test(user_notes),
	    cmocka_unit_test(fields_and_ext), cmocka_unit_test(results_in_freebsd_terms),
	    cmocka_unit_test(set_error), cmocka_unit_test(kqueuex_flags));
}
