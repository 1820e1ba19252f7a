/*
 * FreeBSD's arc4random family (lib/libc/gen/arc4random.c): FreeBSD keys a
 * ChaCha20 generator from the kernel's getrandom; here every call reads the
 * kernel's generator itself, through the getrandom system call's handler —
 * the same quality of bytes, on the guest's FS base.
 */
#include <errno.h>

#include "core/thread.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/freebsd/freebsd.h"

/* arc4random cannot fail: a getrandom without flags only waits for the
 * pool's first seeding and is restarted when a signal cuts it short. */
long freebsd_libc_arc4random_buf(struct xeno_thread *t, uint64_t buf, size_t nbytes)
{
	while (nbytes > 0) {
		long got = bsd_sys_getrandom(t, buf, nbytes, 0);
		if (got == -EINTR || got == -EAGAIN)
			continue;
		if (got <= 0)
			break; /* EFAULT: the kernel's answer for a bad buffer, said nowhere */
		buf += (uint64_t)got, nbytes -= (size_t)got;
	}
	return 0;
}

long freebsd_libc_arc4random(struct xeno_thread *t)
{
	uint32_t v = 0;
	freebsd_libc_arc4random_buf(t, (uint64_t)&v, sizeof v);
	return v;
}

/* Uniform below upper_bound: values under 2^32 mod upper_bound are drawn
 * again, so that every remainder is equally likely. */
long freebsd_libc_arc4random_uniform(struct xeno_thread *t, unsigned int upper_bound)
{
	if (upper_bound < 2)
		return 0;
	uint32_t skip = (uint32_t)-upper_bound % upper_bound;
	uint32_t r;
	do
		r = (uint32_t)freebsd_libc_arc4random(t);
	while (r < skip);
	return r % upper_bound;
}
