/*
 * The FPU state in a Linux signal frame, as the BSDs' signal frames carry
 * it: an FXSAVE image (both OSes' mcontext), and for FreeBSD the XSAVE
 * components beyond it.  The host frame (uc_mcontext.fpregs) holds the
 * FXSAVE image, then, when the magic in its software-reserved bytes says
 * so, the XSAVE header and components (asm/sigcontext.h struct
 * _fpx_sw_bytes at offset 464).
 */
#ifndef XENO_SYSCALLS_BSD_FPSTATE_H
#define XENO_SYSCALLS_BSD_FPSTATE_H

#include <stddef.h>
#include <stdint.h>

#define BSD_FXSAVE_SIZE 512

struct bsd_fpx_sw_bytes {
	uint32_t magic1, extended_size;
	uint64_t xfeatures;
	uint32_t xstate_size, padding[7];
};

/* Bytes of XSAVE state beyond the FXSAVE image in the host frame fp (NULL:
 * none). */
size_t bsd_host_xstate_extra(const void *fp);
/* The software-reserved bytes of the host frame fp. */
const struct bsd_fpx_sw_bytes *bsd_host_fpx_sw(const void *fp);

/* Loads a guest FXSAVE image into the host frame fp: the host's
 * software-reserved bytes are kept, and x87 and SSE are marked present in
 * the XSAVE header so that they are restored from the image; the other
 * components stay as the frame has them (NetBSD's
 * process_write_fpregs_xmm). */
void bsd_fxsave_to_host(void *fp, const void *fxsave);

#endif
