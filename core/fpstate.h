/*
 * The FPU state in a host signal frame (Linux x86-64: uc_mcontext.fpregs
 * points at the FXSAVE image, followed — when its software-reserved bytes
 * say so — by the rest of the XSAVE area).  Personalities copy it into
 * their own signal frames and back; these are the parts they share.
 */
#ifndef XENO_CORE_FPSTATE_H
#define XENO_CORE_FPSTATE_H

#include <stddef.h>

#define XENO_FXSAVE_SIZE 512

/* Bytes of XSAVE state beyond the FXSAVE image at fpregs (0: none). */
size_t xeno_fp_xstate_extra(const void *fpregs);

/* Puts a guest's FPU state into the host frame's area at fpregs: the FXSAVE
 * image fxsave (the host's software-reserved bytes kept) and, if xlen is
 * not 0, the XSAVE remainder xs, which must fit the host's and name only
 * features the host saved, in the standard form.  0 or -EINVAL. */
int xeno_fp_restore(void *fpregs, const void *fxsave, const void *xs, size_t xlen);

#endif
