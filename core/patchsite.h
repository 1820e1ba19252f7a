/*
 * Recognising a `syscall` site that can be patched (core/patch.h): pure
 * functions of the bytes before the instruction, unit-tested
 * (tests/unit/test_patchsite.c).
 *
 * A site is the instruction right before the `syscall` (the head: 5 bytes or
 * more, of a form known to be position-independent and whose effect can be
 * checked against the registers at the trap), optionally followed by
 * `mov %rcx,%r10` (FreeBSD libc's KERNCALL: movq %rcx,%r10; syscall).  The
 * patch replaces the head's first 5 bytes with `jmp rel32` and nothing else;
 * the tail and the syscall stay as they are, so that a thread already past
 * the head, or a branch to the tail, still traps.
 *
 * Decoding backwards is ambiguous (the 5 bytes of `mov $imm32,%eax` can end
 * a longer instruction, as in `mov disp32(%rax),%edi`), so each head comes
 * with a check the registers at the trap must pass: the register it set
 * holds the immediate, the memory it loaded, or the address it computed.
 */
#ifndef XENO_CORE_PATCHSITE_H
#define XENO_CORE_PATCHSITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XENO_SITE_MAX 11   /* longest head and tail: 8 + 3 bytes */
#define XENO_JMP_LEN  5	   /* jmp rel32 */
#define XENO_SYSCALL0 0x0f /* syscall: 0f 05 */
#define XENO_SYSCALL1 0x05

/* What the registers at the trap must show for a head to be what it seems. */
enum xeno_site_check {
	XENO_CHECK_IMM,	    /* reg == value */
	XENO_CHECK_ADDR,    /* reg == base + value */
	XENO_CHECK_MEM64,   /* reg == the 8 bytes at base + value */
	XENO_CHECK_LOAD32,  /* reg == the 4 bytes at base + value, zero-extended */
	XENO_CHECK_STORE32, /* the 4 bytes at base + value == reg's low half */
};

struct xeno_site {
	uint8_t len;  /* bytes from the head to the syscall (head + tail) */
	uint8_t head; /* the head's length (>= XENO_JMP_LEN) */
	uint8_t check;
	int8_t reg, base; /* glibc greg indexes (REG_RAX...) */
	int64_t value;
	uint8_t code[XENO_SITE_MAX]; /* the original bytes [head, syscall) */
};

/* Decodes the site whose syscall follows before[n - 1] (before holds the n
 * bytes in front of it): true and *site if it has a patchable form. */
bool xeno_site_decode(const uint8_t *before, size_t n, struct xeno_site *site);

/* Whether the registers at the trap (a ucontext's gregs) agree with the
 * head; read(addr, out, size) reads guest memory: 0 or -EFAULT. */
bool xeno_site_agrees(const struct xeno_site *site, const long long *gregs,
		      long (*read)(void *out, uint64_t addr, size_t size));

#endif
