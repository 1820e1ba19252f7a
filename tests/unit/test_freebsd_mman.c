/* FreeBSD memory words (sys/sys/mman.h) and kern_mmap's rules. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abi/bsd/mman.h"
#include "abi/freebsd/mman.h"
#include "core/thread.h"
#include "syscalls/freebsd/freebsd.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static void prot_both_ways(void **state)
{
	(void)state;
	int h = -1, f = -1;
	assert_int_equal(freebsd_prot_to_host(0x1 | 0x2 | 0x4, &h), 0);
	assert_int_equal(h, PROT_READ | PROT_WRITE | PROT_EXEC);
	assert_int_equal(freebsd_prot_to_host(0, &h), 0);
	assert_int_equal(h, PROT_NONE);
	assert_int_equal(freebsd_prot_from_host(PROT_READ | PROT_WRITE, &f), 0);
	assert_int_equal(f, 0x3);
	assert_int_equal(freebsd_prot_from_host(PROT_NONE, &f), 0);
	assert_int_equal(f, 0);
	assert_int_equal(freebsd_prot_from_host(PROT_GROWSDOWN, &f), -EINVAL);
}

/* PROT_MAX(prot) = prot << 16: accepted when it covers the protection. */
static void prot_max(void **state)
{
	(void)state;
	int h = -1;
	assert_int_equal(freebsd_prot_to_host(0x1 | (0x3 << 16), &h), 0);
	assert_int_equal(h, PROT_READ);
	assert_int_equal(freebsd_prot_to_host(0x0 | (0x7 << 16), &h), 0);
	assert_int_equal(h, PROT_NONE);
	assert_int_equal(freebsd_prot_to_host(0x3 | (0x1 << 16), &h), -EINVAL); /* beyond its max */
	assert_int_equal(freebsd_prot_to_host(0x8, &h), -EINVAL);
	assert_int_equal(freebsd_prot_to_host(0x1 << 19, &h), -EINVAL);
}

static int plan(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
		struct bsd_mmap_plan *p)
{
	return freebsd_mmap_plan(addr, len, prot, flags, fd, pos, p);
}

static void mmap_anonymous(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	assert_int_equal(plan(0, 100, 3, 0x1000 | 0x2, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(p.prot, PROT_READ | PROT_WRITE);
	assert_int_equal(p.len, 4096);
	/* Anonymous without a sharing type is private; SHARED stays shared. */
	assert_int_equal(plan(0, 4096, 3, 0x1000, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(plan(0, 4096, 3, 0x1000 | 0x1, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_SHARED);
	/* MAP_ANON wants fd -1 and offset 0; a length of 0 is refused. */
	assert_int_equal(plan(0, 4096, 3, 0x1000, 3, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1000, -1, 4096, &p), -EINVAL);
	assert_int_equal(plan(0, 0, 3, 0x1000, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1000 | 0x1 | 0x2, -1, 0, &p), -EINVAL);
}

static void mmap_flag_bits(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	/* The retired MAP_RENAME/MAP_NORESERVE bits are ignored, the retired
	 * MAP_INHERIT/MAP_NOEXTEND bits and unknown ones refused. */
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x20 | 0x40, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x80, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x100, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x8000, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x10000, -1, 0, &p), -EINVAL);
	/* Accepted with no host twin, or onto their twins. */
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x200 | 0x800, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(plan(0, 4096, 1, 0x1002 | 0x40000, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE | MAP_POPULATE);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x80000, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE | MAP_32BIT);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x20000, -1, 0, &p), 0);
	assert_true(p.nocore);
}

static void mmap_stack(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	/* MAP_STACK implies MAP_ANON and wants read-write and fd -1. */
	assert_int_equal(plan(0, 8192, 3, 0x400 | 0x2, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_STACK | MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(plan(0, 8192, 1, 0x400 | 0x2, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 8192, 3, 0x400 | 0x2, 4, 0, &p), -EINVAL);
}

static void mmap_guard(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	assert_int_equal(plan(0, 1 << 20, 0, 0x2000, -1, 0, &p), 0);
	assert_int_equal(p.prot, PROT_NONE);
	assert_int_equal(p.flags, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);
	assert_int_equal(plan(0x10000000, 4096, 0, 0x2000 | 0x10 | 0x4000, -1, 0, &p), 0);
	assert_int_equal(p.flags,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE);
	/* PROT_NONE only, fd -1, offset 0, and none of the other flags. */
	assert_int_equal(plan(0, 4096, 1, 0x2000, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 0, 0x2000, 3, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 0, 0x2000, -1, 4096, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 0, 0x2000 | 0x2, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 0, 0x2000 | 0x1000, -1, 0, &p), -EINVAL);
}

static void mmap_fixed_excl(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	assert_int_equal(plan(0x20000000, 4096, 3, 0x1002 | 0x10, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE | MAP_FIXED);
	assert_int_equal(p.addr, 0x20000000);
	assert_int_equal(plan(0x20000000, 4096, 3, 0x1002 | 0x10 | 0x4000, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE | MAP_FIXED_NOREPLACE);
	/* MAP_EXCL needs MAP_FIXED; a fixed address must be page-aligned and in
	 * user space, and below 2 GiB with MAP_32BIT. */
	assert_int_equal(plan(0x20000000, 4096, 3, 0x1002 | 0x4000, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0x20000010, 4096, 3, 0x1002 | 0x10, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0x7ffffffff000, 8192, 3, 0x1002 | 0x10, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0x7fff0000, 1 << 20, 3, 0x1002 | 0x10 | 0x80000, -1, 0, &p), -EINVAL);
	/* Page 0 is outside the map (security.bsd.map_at_zero is 0), with or
	 * without MAP_EXCL; the page above it is not. */
	assert_int_equal(plan(0, 4096, 3, 0x1002 | 0x10, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 8192, 3, 0x1002 | 0x10 | 0x4000, -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0x1000, 4096, 3, 0x1002 | 0x10, -1, 0, &p), 0);
	/* Without MAP_FIXED, a hint too high for MAP_32BIT is dropped. */
	assert_int_equal(plan(0x90000000, 4096, 3, 0x1002 | 0x80000, -1, 0, &p), 0);
	assert_int_equal(p.addr, 0);
}

static void mmap_alignment(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	assert_int_equal(plan(0, 4096, 3, 0x1002 | (21 << 24), -1, 0, &p), 0);
	assert_int_equal(p.align, 1ULL << 21);
	assert_false(p.align_hint);
	assert_int_equal(p.flags, MAP_ANONYMOUS | MAP_PRIVATE);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | (12 << 24), -1, 0, &p), 0);
	assert_int_equal(p.align, 0); /* a page: nothing to do */
	assert_int_equal(plan(0, 4096, 3, 0x1002 | (11 << 24), -1, 0, &p), -EINVAL);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | (64U << 24), -1, 0, &p), -EINVAL);
	/* MAP_ALIGNED_SUPER: a superpage for big mappings, as a preference. */
	assert_int_equal(plan(0, 4 << 20, 3, 0x1002 | (1 << 24), -1, 0, &p), 0);
	assert_int_equal(p.align, 2 << 20);
	assert_true(p.align_hint);
	assert_int_equal(plan(0, 4096, 3, 0x1002 | (1 << 24), -1, 0, &p), 0);
	assert_int_equal(p.align, 0);
	/* A fixed mapping goes where it is told. */
	assert_int_equal(plan(0x20000000, 4096, 3, 0x1012 | (21 << 24), -1, 0, &p), 0);
	assert_int_equal(p.align, 0);
}

static void mmap_file(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	/* An unaligned offset: mapped from its page, the result moved back. */
	assert_int_equal(plan(0, 100, 1, 0x2, 5, 4096 + 10, &p), 0);
	assert_int_equal(p.off, 4096);
	assert_int_equal(p.pageoff, 10);
	assert_int_equal(p.len, 4096);
	assert_int_equal(p.fd, 5);
	assert_false(p.file_untyped);
	assert_int_equal(plan(0, 100, 1, 0, 5, 0, &p), 0);
	assert_true(p.file_untyped);
	/* A length that rounds past the end of the address space. */
	assert_int_equal(plan(0, ~0ULL - 10, 1, 0x2, 5, 0, &p), -ENOMEM);
}

static void msync_both_ways(void **state)
{
	(void)state;
	int h = -1, f = -1;
	assert_int_equal(freebsd_msync_to_host(0, &h), 0);
	assert_int_equal(h, MS_SYNC);
	assert_int_equal(freebsd_msync_to_host(1, &h), 0);
	assert_int_equal(h, MS_ASYNC);
	assert_int_equal(freebsd_msync_to_host(2, &h), 0);
	assert_int_equal(h, MS_SYNC | MS_INVALIDATE);
	assert_int_equal(freebsd_msync_to_host(1 | 2, &h), -EINVAL);
	assert_int_equal(freebsd_msync_to_host(4, &h), -EINVAL);
	assert_int_equal(freebsd_msync_from_host(MS_SYNC, &f), 0);
	assert_int_equal(f, 0);
	assert_int_equal(freebsd_msync_from_host(MS_ASYNC, &f), 0);
	assert_int_equal(f, 1);
	assert_int_equal(freebsd_msync_from_host(MS_SYNC | MS_INVALIDATE, &f), 0);
	assert_int_equal(f, 2);
}

static void madvise_values(void **state)
{
	(void)state;
	int h = -2;
	static const int expect[][2] = {
	    {0, MADV_NORMAL},	{1, MADV_RANDOM}, {2, MADV_SEQUENTIAL}, {3, MADV_WILLNEED},
	    {4, 20 /* COLD */}, {5, MADV_FREE},	  {6, BSD_MADV_NOOP},	{7, BSD_MADV_NOOP},
	    {8, MADV_DONTDUMP}, {9, MADV_DODUMP}, {10, BSD_MADV_NOOP}};
	for (unsigned i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		assert_int_equal(bsd_madvise_to_host(&freebsd_madv_advice, expect[i][0], &h), 0);
		assert_int_equal(h, expect[i][1]);
	}
	assert_int_equal(bsd_madvise_to_host(&freebsd_madv_advice, 11, &h), -EINVAL);
	assert_int_equal(bsd_madvise_to_host(&freebsd_madv_advice, -1, &h), -EINVAL);
}

static void minherit_values(void **state)
{
	(void)state;
	int h = -1;
	assert_int_equal(bsd_minherit_to_host(&freebsd_minherit_kinds, 1, &h), 0);
	assert_int_equal(h, MADV_DOFORK);
	assert_int_equal(bsd_minherit_to_host(&freebsd_minherit_kinds, 2, &h), 0);
	assert_int_equal(h, MADV_DONTFORK);
	assert_int_equal(bsd_minherit_to_host(&freebsd_minherit_kinds, 3, &h), 0);
	assert_int_equal(h, 18 /* MADV_WIPEONFORK */);
	assert_int_equal(bsd_minherit_to_host(&freebsd_minherit_kinds, 0, &h), -EOPNOTSUPP);
	assert_int_equal(bsd_minherit_to_host(&freebsd_minherit_kinds, 4, &h), -EINVAL);
}

static void mmap_flags_from_host(void **state)
{
	(void)state;
	uint64_t f;
	assert_int_equal(xeno_flags_from_host(&freebsd_mmap_flags,
					      MAP_SHARED | MAP_FIXED | MAP_ANONYMOUS | MAP_32BIT,
					      &f),
			 0);
	assert_int_equal(f, 0x1 | 0x10 | 0x1000 | 0x80000);
	assert_int_equal(xeno_flags_from_host(&freebsd_mmap_flags, MAP_POPULATE | MAP_STACK, &f),
			 0);
	assert_int_equal(f, 0x40000 | 0x400);
	assert_int_equal(xeno_flags_from_host(&freebsd_mmap_flags, MAP_HUGETLB, &f), -EINVAL);
	assert_int_equal(xeno_flags_from_host(&freebsd_madv_advice, MADV_FREE, &f), 0);
	assert_int_equal(f, 5);
	assert_int_equal(xeno_flags_from_host(&freebsd_madv_advice, MADV_DONTDUMP, &f), 0);
	assert_int_equal(f, 8);
	assert_int_equal(xeno_flags_from_host(&freebsd_minherit_kinds, MADV_DONTFORK, &f), 0);
	assert_int_equal(f, 2);
}

static struct xeno_thread *thread(void)
{
	static struct xeno_thread t;
	t.os = &freebsd_personality;
	return &t;
}

/* The plans carried out on the host. */
static void mmap_on_the_host(void **state)
{
	(void)state;
	struct xeno_thread *t = thread();
	long a = bsd_sys_mmap(t, 0, 4096, 3, 0x1002 | (24 << 24), -1, 0);
	assert_true(a > 0);
	assert_int_equal(a & ((1 << 24) - 1), 0);
	*(volatile char *)a = 1;
	/* MAP_EXCL on space in use: FreeBSD's ENOMEM, the mapping untouched. */
	assert_int_equal(bsd_sys_mmap(t, (uint64_t)a, 4096, 3, 0x1002 | 0x10 | 0x4000, -1, 0),
			 -ENOMEM);
	assert_int_equal(*(volatile char *)a, 1);
	/* Unaligned addresses are rounded to their page, as the BSDs do. */
	assert_int_equal(bsd_sys_mprotect(t, (uint64_t)a + 10, 100, 1), 0);
	assert_int_equal(bsd_sys_madvise(t, (uint64_t)a + 10, 100, 5), 0);
	assert_int_equal(bsd_sys_msync(t, (uint64_t)a + 10, 100, 0), 0);
	assert_int_equal(bsd_sys_msync(t, (uint64_t)a, 100, 3), -EINVAL);
	assert_int_equal(bsd_sys_minherit(t, (uint64_t)a, 4096, 2), 0);
	assert_int_equal(bsd_sys_minherit(t, (uint64_t)a, 4096, 1), 0);
	assert_int_equal(bsd_sys_munmap(t, (uint64_t)a, 0), -EINVAL);
	assert_int_equal(bsd_sys_munmap(t, (uint64_t)a + 10, 100), 0);
	/* Advice over a hole is no error. */
	assert_int_equal(bsd_sys_madvise(t, (uint64_t)a, 4096, 3), 0);
	long g = bsd_sys_mmap(t, 0, 1 << 20, 0, 0x2000, -1, 0);
	assert_true(g > 0);
	assert_int_equal(bsd_sys_munmap(t, (uint64_t)g, 1 << 20), 0);
}

static void mmap_files(void **state)
{
	(void)state;
	struct xeno_thread *t = thread();
	int fd = open("/proc/self/exe", O_RDONLY);
	assert_true(fd >= 0);
	/* An unaligned offset comes back as the same offset into the page. */
	long a = bsd_sys_mmap(t, 0, 16, 1, 0x2, fd, 1);
	assert_true(a > 0);
	assert_int_equal(a & 4095, 1);
	assert_memory_equal((char *)a, "ELF", 3);
	assert_int_equal(bsd_sys_munmap(t, (uint64_t)a, 16), 0);
	/* No sharing type: the descriptor is judged first. */
	assert_int_equal(bsd_sys_mmap(t, 0, 4096, 1, 0, fd, 0), -EINVAL);
	assert_int_equal(bsd_sys_mmap(t, 0, 4096, 1, 0, 1000, 0), -EBADF);
	close(fd);
}

/* The tracer names every part. */
static void names(void **state)
{
	(void)state;
	char buf[256];
	xeno_flags_format(&freebsd_mmap_flags, 0x1002 | 0x10 | (21U << 24), buf, sizeof buf);
	assert_string_equal(buf, "MAP_PRIVATE|MAP_FIXED|MAP_ANON|MAP_ALIGNED(21)");
	xeno_flags_format(&freebsd_prot_flags, 0x1 | (0x3 << 16), buf, sizeof buf);
	assert_string_equal(buf, "PROT_READ|PROT_MAX(PROT_READ)|PROT_MAX(PROT_WRITE)");
	xeno_flags_format(&freebsd_prot_flags, 0, buf, sizeof buf);
	assert_string_equal(buf, "PROT_NONE");
	xeno_flags_format(&freebsd_msync_flags, 0, buf, sizeof buf);
	assert_string_equal(buf, "MS_SYNC");
	xeno_flags_format(&freebsd_madv_advice, 5, buf, sizeof buf);
	assert_string_equal(buf, "MADV_FREE");
}

int main(void)
{
	RUN(cmocka_unit_test(prot_both_ways), cmocka_unit_test(prot_max),
	    cmocka_unit_test(mmap_anonymous), cmocka_unit_test(mmap_flag_bits),
	    cmocka_unit_test(mmap_stack), cmocka_unit_test(mmap_guard),
	    cmocka_unit_test(mmap_fixed_excl), cmocka_unit_test(mmap_alignment),
	    cmocka_unit_test(mmap_file), cmocka_unit_test(msync_both_ways),
	    cmocka_unit_test(madvise_values), cmocka_unit_test(minherit_values),
	    cmocka_unit_test(names), cmocka_unit_test(mmap_flags_from_host),
	    cmocka_unit_test(mmap_on_the_host), cmocka_unit_test(mmap_files));
}
