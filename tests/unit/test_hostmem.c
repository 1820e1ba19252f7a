/* xeno's record of its own memory (core/hostmem.c), the transfer checks
 * (syscalls/bsd/iov.c) and the per-descriptor "may it wait" answers
 * (core/fdkind.c). */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/fdkind.h"
#include "core/hostmem.h"
#include "core/uaccess.h"
#include "syscalls/bsd/iov.h"

#define BASE 0x100000000000ULL /* far from anything this test maps */

static void ranges_overlap(void **state)
{
	(void)state;
	assert_int_equal(xeno_hostmem_add(BASE, 0x3000), 0);
	assert_true(xeno_hostmem_overlaps(BASE, 1));
	assert_true(xeno_hostmem_overlaps(BASE + 0x2fff, 1));
	assert_true(xeno_hostmem_overlaps(BASE - 0x1000, 0x1001));  /* its last byte */
	assert_false(xeno_hostmem_overlaps(BASE - 0x1000, 0x1000)); /* just below */
	assert_false(xeno_hostmem_overlaps(BASE + 0x3000, 0x1000)); /* just above */
	assert_true(xeno_hostmem_overlaps(0, UINT64_MAX));	    /* wraps: to the end */
	/* a hole in the middle leaves both sides */
	xeno_hostmem_remove(BASE + 0x1000, 0x1000);
	assert_true(xeno_hostmem_overlaps(BASE, 0x1000));
	assert_false(xeno_hostmem_overlaps(BASE + 0x1000, 0x1000));
	assert_true(xeno_hostmem_overlaps(BASE + 0x2000, 0x1000));
	xeno_hostmem_remove(BASE, 0x3000);
	assert_false(xeno_hostmem_overlaps(BASE, 0x3000));
}

static void mapped_memory_is_recorded(void **state)
{
	(void)state;
	char *p = xeno_hostmem_map(0x4000);
	assert_non_null(p);
	p[0] = p[0x3fff] = 1;
	assert_true(xeno_hostmem_overlaps((uint64_t)p + 0x3000, 0x1000));
	xeno_hostmem_unmap(p, 0x4000);
	assert_false(xeno_hostmem_overlaps((uint64_t)p, 0x4000));
}

/* What glibc maps through its internal __mmap (the link wraps it in xeno's
 * binary; called by name here): recorded while mapped, moved by mremap,
 * forgotten when unmapped whole. */
void *__wrap___mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __wrap___munmap(void *addr, size_t len);
void *__wrap___mremap(void *old, size_t old_len, size_t new_len, int flags, ...);

static void glibc_mappings_are_recorded(void **state)
{
	(void)state;
	char *p[3];
	for (int i = 0; i < 3; i++) {
		p[i] = __wrap___mmap(NULL, 0x4000, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		assert_true(p[i] != MAP_FAILED);
		assert_true(xeno_hostmem_overlaps((uint64_t)p[i] + 0x3fff, 1));
	}
	assert_int_equal(__wrap___munmap(p[1], 0x4000), 0);
	assert_false(xeno_hostmem_overlaps((uint64_t)p[1], 0x4000));
	assert_true(xeno_hostmem_overlaps((uint64_t)p[0], 0x4000));
	/* a part unmapped: the rest stays recorded */
	assert_int_equal(__wrap___munmap(p[2], 0x1000), 0);
	assert_true(xeno_hostmem_overlaps((uint64_t)p[2] + 0x1000, 0x3000));
	char *q = __wrap___mremap(p[0], 0x4000, 0x100000, MREMAP_MAYMOVE);
	assert_true(q != MAP_FAILED);
	assert_true(xeno_hostmem_overlaps((uint64_t)q + 0xff000, 0x1000));
	if (q != p[0])
		assert_false(xeno_hostmem_overlaps((uint64_t)p[0], 0x4000));
	assert_true(__wrap___mmap((void *)1, 0x1000, PROT_READ,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(__wrap___munmap(q, 0x100000), 0);
	assert_int_equal(__wrap___munmap(p[2], 0x4000), 0);
	assert_false(xeno_hostmem_overlaps((uint64_t)q, 0x100000));
}

static void transfer_lengths(void **state)
{
	(void)state;
	size_t n = 1ULL << 62;
	assert_int_equal(bsd_io_len(0x1000, &n), 0);
	assert_true(n < XENO_USER_END - 0x1000); /* cut where user space ends */
	n = 4096;
	assert_int_equal(bsd_io_len(0x1000, &n), 0);
	assert_int_equal(n, 4096);
	n = SIZE_MAX;
	assert_int_equal(bsd_io_len(0x1000, &n), -EINVAL);
	n = 16; /* beyond user space: left for the host to refuse */
	assert_int_equal(bsd_io_len(0xffff800000000000ULL, &n), 0);
	assert_int_equal(n, 16);
}

static void iovec_checks(void **state)
{
	(void)state;
	static struct iovec in[BSD_UIO_MAXIOV + 1], out[BSD_UIO_MAXIOV];
	char buf[8];
	size_t total;
	in[0] = (struct iovec){buf, sizeof buf};
	in[1] = (struct iovec){buf, 1ULL << 62};
	assert_int_equal(bsd_iov_in((uint64_t)in, 2, out, &total), 0);
	assert_int_equal(total, sizeof buf + (1ULL << 62));
	assert_int_equal(out[0].iov_len, sizeof buf);
	assert_true(out[1].iov_len < 1ULL << 47);
	in[2] = (struct iovec){buf, 1ULL << 62}; /* 2^63 + 8 in all: beyond SSIZE_MAX */
	assert_int_equal(bsd_iov_in((uint64_t)in, 3, out, NULL), -EINVAL);
	in[2].iov_len = (1ULL << 62) - 9; /* SSIZE_MAX exactly */
	assert_int_equal(bsd_iov_in((uint64_t)in, 3, out, &total), 0);
	assert_int_equal(total, (1ULL << 63) - 1);
	memset(in, 0, sizeof in);
	assert_int_equal(bsd_iov_in((uint64_t)in, BSD_UIO_MAXIOV, out, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(bsd_iov_in((uint64_t)in, BSD_UIO_MAXIOV + 1, out, NULL), -EINVAL);
	assert_int_equal(bsd_iov_in(0xffff800000000000ULL, 1, out, NULL), -EFAULT);
}

static void descriptor_kinds(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	char name[] = "/tmp/xeno-fdkind.XXXXXX";
	int f = mkstemp(name);
	assert_true(f >= 0);
	unlink(name);
	assert_true(xeno_fd_may_wait(p[0]));
	assert_false(xeno_fd_may_wait(f));
	assert_true(xeno_fd_may_wait(-1));
	/* the number comes back as a pipe: only forgetting makes that known */
	close(f);
	assert_int_equal(dup2(p[1], f), f);
	assert_false(xeno_fd_may_wait(f));
	xeno_fd_forget(f);
	assert_true(xeno_fd_may_wait(f));
	close(f);
	xeno_fd_forget_range((unsigned)f, (unsigned)f);
	assert_true(xeno_fd_may_wait(f)); /* closed: not remembered as anything */
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	RUN(cmocka_unit_test(ranges_overlap), cmocka_unit_test(mapped_memory_is_recorded),
	    cmocka_unit_test(glibc_mappings_are_recorded), cmocka_unit_test(transfer_lengths),
	    cmocka_unit_test(iovec_checks), cmocka_unit_test(descriptor_kinds));
}
