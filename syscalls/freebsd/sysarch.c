/*
 * FreeBSD/amd64 sysarch(2) (sys/amd64/amd64/sys_machdep.c): the FS base is
 * the guest's thread pointer and lives in t->guest_fs, which the gate
 * (core/gate.S) loads into FS on the way back to the guest.
 *
 * The GS base is xeno's: it points at the thread's struct xeno_thread.  A
 * guest may ask for a GS base of 0 (no GS, what it has) and read back 0;
 * any other base is refused with EINVAL rather than pretended, because
 * guest code that then used %gs would read and write xeno's state.  No
 * FreeBSD/amd64 libc or runtime sets one.
 */
#include <errno.h>

#include "abi/freebsd/mman.h"
#include "abi/freebsd/sysarch.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"

/* A base must be a user address (sv_maxuser), as for AMD64_SET_FSBASE. */
static long read_base(uint64_t parms, uint64_t *base)
{
	if (xeno_copy_in(base, parms, sizeof *base) < 0)
		return -EFAULT;
	return *base < FREEBSD_VM_MAXUSER_ADDRESS ? 0 : -EINVAL;
}

long freebsd_sys_sysarch(struct xeno_thread *t, int op, uint64_t parms)
{
	static const uint64_t no_gs = 0;
	uint64_t base;
	long r;
	switch (op) {
	case FREEBSD_AMD64_GET_FSBASE:
		return xeno_copy_out(parms, &t->guest_fs, sizeof t->guest_fs);
	case FREEBSD_AMD64_SET_FSBASE:
		if ((r = read_base(parms, &base)) == 0)
			xeno_set_guest_fs(t, base);
		return r;
	case FREEBSD_AMD64_GET_GSBASE:
		return xeno_copy_out(parms, &no_gs, sizeof no_gs);
	case FREEBSD_AMD64_SET_GSBASE:
		if ((r = read_base(parms, &base)) == 0 && base != 0)
			r = -EINVAL;
		return r;
	default:
		return -EINVAL;
	}
}
