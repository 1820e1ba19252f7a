/*
 * A patched site's call in progress (core/sitecall.h), kept in the thread's
 * state where core/sitecall.S reads and writes it (core/gate.h XT_SITECALL).
 */
#ifndef XENO_CORE_SITECALLFRAME_H
#define XENO_CORE_SITECALLFRAME_H

#include <stdint.h>
#include <ucontext.h>

/* Room for the XSAVE area: the kernel's user xstate size (2.4 KB with
 * AVX-512) and the 4-byte FP_XSTATE_MAGIC2 after it must fit. */
#define XENO_SITECALL_FPU_SIZE 4096

/* A patched site's call in progress, inside struct xeno_thread (XT_SITECALL).
 * pretcode and uc are laid out as the kernel's struct rt_sigframe begins,
 * so that the slow way back is rt_sigreturn with RSP at uc. */
struct xeno_sitecall {
	uint64_t pretcode;
	ucontext_t uc;	   /* gregs written by core/sitecall.S */
	uint64_t ret_addr; /* the address after the site's syscall */
	uint64_t mask;	   /* the host signal mask when the call came */
	unsigned char fpu[XENO_SITECALL_FPU_SIZE] __attribute__((aligned(64)));
};

#endif
