/* Recognising patchable syscall sites (core/patchsite.c): the forms taken,
 * the ones refused, and the register checks that tell a real head from
 * the tail of a longer instruction. */
#include "unit.h"

#include <string.h>
#include <sys/ucontext.h>

#include "core/patchsite.h"

/* Decodes the bytes of a site (everything before its syscall). */
static bool decode(const char *bytes, size_t n, struct xeno_site *s)
{
	return xeno_site_decode((const uint8_t *)bytes, n, s);
}

/* Guest memory for the checks: 16 bytes at 0x1000. */
static uint8_t memory[16];
static long read_memory(void *out, uint64_t addr, size_t size)
{
	if (addr < 0x1000 || addr + size > 0x1000 + sizeof memory)
		return -14;
	memcpy(out, memory + (addr - 0x1000), size);
	return 0;
}

/* Go's runtime: mov $imm32,%eax; syscall. */
static void mov_imm32(void **state)
{
	(void)state;
	struct xeno_site s;
	assert_true(decode("\x90\xb8\xc6\x01\x00\x00", 6, &s));
	assert_int_equal(s.len, 5);
	assert_int_equal(s.head, 5);
	assert_memory_equal(s.code, "\xb8\xc6\x01\x00\x00", 5);
	greg_t g[NGREG] = {0};
	g[REG_RAX] = 0x1c6;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	g[REG_RAX] = 0x11c6; /* not what the mov left: the bytes meant something else */
	assert_false(xeno_site_agrees(&s, g, read_memory));
}

/* mov $simm32,%rax (7 bytes, sign-extended) and 41 b8+r (r8d..r15d). */
static void mov_imm_wide_and_rex(void **state)
{
	(void)state;
	struct xeno_site s;
	greg_t g[NGREG] = {0};
	assert_true(decode("\x48\xc7\xc0\xff\xff\xff\xff", 7, &s));
	assert_int_equal(s.head, 7);
	g[REG_RAX] = -1;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	assert_true(decode("\x41\xb9\x07\x00\x00\x00", 6, &s));
	assert_int_equal(s.reg, REG_R9);
	g[REG_R9] = 7;
	assert_true(xeno_site_agrees(&s, g, read_memory));
}

/* Go's syscall package: loads from and stores to its frame, and lea. */
static void frame_accesses(void **state)
{
	(void)state;
	struct xeno_site s;
	greg_t g[NGREG] = {0};
	g[REG_RSP] = 0x1000;
	memset(memory, 0, sizeof memory);
	memory[8] = 0x2a;
	/* mov 0x8(%rsp),%rax */
	assert_true(decode("\x48\x8b\x44\x24\x08", 5, &s));
	assert_int_equal(s.check, XENO_CHECK_MEM64);
	g[REG_RAX] = 0x2a;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	g[REG_RAX] = 0x2b;
	assert_false(xeno_site_agrees(&s, g, read_memory));
	/* mov %r13,0x8(%rsp) */
	assert_true(decode("\x4c\x89\x6c\x24\x08", 5, &s));
	assert_int_equal(s.reg, REG_R13);
	g[REG_R13] = 0x2a;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	/* lea 0x8(%rsp),%rsi */
	assert_true(decode("\x48\x8d\x74\x24\x08", 5, &s));
	assert_int_equal(s.check, XENO_CHECK_ADDR);
	g[REG_RSI] = 0x1008;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	/* mov 0x4(%rbx),%edx: 32 bits, zero-extended (40 8b 53 04 is only 4
	 * bytes; with disp32: 8b 93 disp32 needs a REX to be taken) */
	assert_true(decode("\x40\x8b\x93\x04\x00\x00\x00", 7, &s));
	assert_int_equal(s.check, XENO_CHECK_LOAD32);
	g[REG_RBX] = 0x1000;
	memset(memory + 4, 0xff, 4);
	g[REG_RDX] = 0xffffffff;
	assert_true(xeno_site_agrees(&s, g, read_memory));
	g[REG_RBX] = 0x2000; /* unreadable: not taken */
	assert_false(xeno_site_agrees(&s, g, read_memory));
}

/* FreeBSD libc: mov $nr,%eax; mov %rcx,%r10; syscall. */
static void kerncall_tail(void **state)
{
	(void)state;
	struct xeno_site s;
	assert_true(decode("\xb8\x14\x00\x00\x00\x49\x89\xca", 8, &s));
	assert_int_equal(s.len, 8);
	assert_int_equal(s.head, 5);
	assert_memory_equal(s.code, "\xb8\x14\x00\x00\x00\x49\x89\xca", 8);
	/* a head that sets r10 is undone by the tail: refused; its last 5
	 * bytes read as mov $0x14,%edx, which the registers deny */
	assert_true(decode("\x41\xba\x14\x00\x00\x00\x49\x89\xca", 9, &s));
	assert_int_equal(s.reg, REG_RDX);
	greg_t g[NGREG] = {0};
	g[REG_R10] = 0x14;
	assert_false(xeno_site_agrees(&s, g, read_memory));
}

/* What is refused: too short, RIP-relative, RCX/R11 (the syscall's own),
 * an index register, a stack pointer written. */
static void refused(void **state)
{
	(void)state;
	struct xeno_site s;
	assert_false(decode("\x48\x89\xc7", 3, &s));		     /* mov %rax,%rdi */
	assert_false(decode("\x8b\x44\x24\x08", 4, &s));	     /* 4 bytes */
	assert_false(decode("\x48\x8b\x05\x00\x10\x00\x00", 7, &s)); /* mov x(%rip),%rax */
	assert_false(decode("\xb9\x01\x00\x00\x00", 5, &s));	     /* mov $1,%ecx */
	assert_false(decode("\x41\xbb\x01\x00\x00\x00", 6, &s) && s.head == 6); /* %r11d */
	assert_false(decode("\x48\x8b\x44\x8c\x08", 5, &s));			/* indexed */
	assert_false(decode("\x48\x8b\x64\x24\x08", 5, &s));			/* load into %rsp */
	assert_false(decode("\x48\x8b\x81\x08\x00\x00\x00", 7, &s));		/* base %rcx */
	assert_false(decode("\x0f\x05", 2, &s));				/* nothing before */
	assert_false(decode("\x8d\x74\x24\x08\x90\x90\x90\x90", 8, &s));	/* no head */
}

/* The ambiguity the checks are for: "b8 imm32" ending mov disp32(%rax),%edi
 * decodes as mov $imm32,%eax, and only the registers tell them apart. */
static void ambiguous_bytes(void **state)
{
	(void)state;
	struct xeno_site s;
	assert_true(decode("\x8b\xb8\x10\x00\x00\x00", 6, &s));
	assert_int_equal(s.head, 5);
	greg_t g[NGREG] = {0};
	g[REG_RAX] = 0x7f0000001000; /* a pointer, as mov 0x10(%rax),%edi has */
	assert_false(xeno_site_agrees(&s, g, read_memory));
}

int main(void)
{
	RUN(cmocka_unit_test(mov_imm32), cmocka_unit_test(mov_imm_wide_and_rex),
	    cmocka_unit_test(frame_accesses), cmocka_unit_test(kerncall_tail),
	    cmocka_unit_test(refused), cmocka_unit_test(ambiguous_bytes));
}
