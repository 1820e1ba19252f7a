/*
 * Guest memory access.  Guest and host share one address space, so a guest
 * pointer is used as it is; but it may be bad.  Every read or write xeno does
 * itself on guest memory goes through these, which turn a fault into -EFAULT
 * (the SIGSEGV/SIGBUS handler moves a faulting copy to its fix-up).
 * Host system calls given guest pointers report EFAULT on their own.
 */
#ifndef XENO_CORE_UACCESS_H
#define XENO_CORE_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

/* The lowest address no x86-64 user pointer reaches (the kernel half). */
#define XENO_USER_END 0x800000000000ULL

/* 0, or -EFAULT when any byte of the guest range is not accessible. */
long xeno_copy_in(void *dst, uint64_t guest_src, size_t n);
long xeno_copy_out(uint64_t guest_dst, const void *src, size_t n);
/* Copies a NUL-terminated guest string of at most max-1 bytes into dst:
 * its length, -EFAULT, or -ENAMETOOLONG when no NUL comes within max-1 bytes. */
long xeno_strncpy_in(char *dst, uint64_t guest_src, size_t max);

/* Called for SIGSEGV/SIGBUS raised by xeno itself: true if the fault was a
 * guest-memory copy, which now returns -EFAULT when the handler returns. */
bool xeno_uaccess_fixup(ucontext_t *uc);

#endif
