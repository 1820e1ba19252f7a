/* The FPU state of a host signal frame for the BSDs' frames
 * (syscalls/bsd/fpstate.h). */
#include "syscalls/bsd/fpstate.h"

#include <string.h>

#define FP_XSTATE_MAGIC1 0x46505853U
#define FPX_SW_OFFSET	 464

const struct bsd_fpx_sw_bytes *bsd_host_fpx_sw(const void *fp)
{
	return (const void *)((const char *)fp + FPX_SW_OFFSET);
}

size_t bsd_host_xstate_extra(const void *fp)
{
	if (!fp)
		return 0;
	const struct bsd_fpx_sw_bytes *sw = bsd_host_fpx_sw(fp);
	if (sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size <= BSD_FXSAVE_SIZE ||
	    sw->xstate_size > 64 * 1024)
		return 0;
	return sw->xstate_size - BSD_FXSAVE_SIZE;
}

void bsd_fxsave_to_host(void *fp, const void *fxsave)
{
	char *f = fp;
	memcpy(f, fxsave, FPX_SW_OFFSET); /* keep the host's software bytes */
	if (bsd_host_xstate_extra(fp)) {
		uint64_t bv;
		memcpy(&bv, f + BSD_FXSAVE_SIZE, 8);
		bv |= 3; /* x87 and SSE state come from the image just written */
		memcpy(f + BSD_FXSAVE_SIZE, &bv, 8);
	}
}
