/* The FPU state of host signal frames (core/fpstate.h). */
#include "core/fpstate.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* asm/sigcontext.h struct _fpx_sw_bytes, at offset 464 of the FXSAVE image:
 * its magic says the XSAVE remainder follows. */
#define FP_XSTATE_MAGIC1 0x46505853U
#define SW_BYTES	 464
struct fpx_sw_bytes {
	uint32_t magic1, extended_size;
	uint64_t xfeatures;
	uint32_t xstate_size, padding[7];
};

size_t xeno_fp_xstate_extra(const void *fp)
{
	const struct fpx_sw_bytes *sw = (const void *)((const char *)fp + SW_BYTES);
	if (!fp || sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size <= XENO_FXSAVE_SIZE ||
	    sw->xstate_size > 64 * 1024)
		return 0;
	return sw->xstate_size - XENO_FXSAVE_SIZE;
}

int xeno_fp_restore(void *fpregs, const void *fxsave, const void *xs, size_t xlen)
{
	char *fp = fpregs;
	if (!fp)
		return 0;
	size_t host_extra = xeno_fp_xstate_extra(fp);
	if (xlen) {
		const struct fpx_sw_bytes *sw = (const void *)(fp + SW_BYTES);
		uint64_t xstate_bv, xcomp_bv;
		if (xlen > host_extra || xlen < 16)
			return -EINVAL;
		memcpy(&xstate_bv, xs, 8);
		memcpy(&xcomp_bv, (const char *)xs + 8, 8);
		if ((xstate_bv & ~sw->xfeatures) || xcomp_bv)
			return -EINVAL;
		memcpy(fp + XENO_FXSAVE_SIZE, xs, xlen);
	}
	memcpy(fp, fxsave, SW_BYTES); /* keep the host's software bytes */
	if (host_extra) {
		uint64_t bv;
		memcpy(&bv, fp + XENO_FXSAVE_SIZE, 8);
		bv |= 3; /* x87 and SSE state come from the image just written */
		memcpy(fp + XENO_FXSAVE_SIZE, &bv, 8);
	}
	return 0;
}
