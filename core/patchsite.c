/* Recognising patchable syscall sites: see core/patchsite.h.  Encodings:
 * Intel SDM vol. 2, "Instruction Format" (REX, ModR/M, SIB) and the MOV and
 * LEA pages. */
#include "core/patchsite.h"

#include <string.h>
#include <sys/ucontext.h>

#define REX_W 0x08
#define REX_R 0x04
#define REX_X 0x02
#define REX_B 0x01

#define X86_RCX 1
#define X86_RSP 4
#define X86_R10 10
#define X86_R11 11

/* x86 register number -> glibc greg index */
static const int8_t greg_of[16] = {
    REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
    REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

/* KERNCALL's movq %rcx,%r10 (REX.W+B, 89 /r, ModR/M 11 001 010) */
static const uint8_t rcx_to_r10[3] = {0x49, 0x89, 0xca};

static int32_t imm32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return (int32_t)v;
}

/* mov $imm32,%r32 (b8+r, 41 b8+r) and mov $simm32,%r64 (REX.W c7 /0): the
 * register number and the value it gets; 0 if p[0..len) is not one. */
static int mov_imm(const uint8_t *p, size_t len, int *reg, int64_t *value)
{
	if (len == 5 && p[0] >= 0xb8 && p[0] <= 0xbf) {
		*reg = p[0] - 0xb8;
		*value = (int64_t)(uint32_t)imm32(p + 1);
		return 1;
	}
	if (len == 6 && p[0] == 0x41 && p[1] >= 0xb8 && p[1] <= 0xbf) {
		*reg = 8 + p[1] - 0xb8;
		*value = (int64_t)(uint32_t)imm32(p + 2);
		return 1;
	}
	if (len == 7 && (p[0] == 0x48 || p[0] == 0x49) && p[1] == 0xc7 && (p[2] & 0xf8) == 0xc0) {
		*reg = (p[0] & REX_B ? 8 : 0) + (p[2] & 7);
		*value = imm32(p + 3);
		return 1;
	}
	return 0;
}

/* REX 8b/89/8d with a base-plus-displacement operand (ModR/M mod 01 or 10;
 * a SIB byte only as base-without-index, 0x24): mov disp(base),reg, mov
 * reg,disp(base), lea disp(base),reg.  Never RIP-relative (mod 00). */
static int mov_mem(const uint8_t *p, size_t len, struct xeno_site *s)
{
	if ((p[0] & 0xf0) != 0x40 || (p[0] & REX_X) ||
	    (p[1] != 0x8b && p[1] != 0x89 && p[1] != 0x8d))
		return 0;
	uint8_t modrm = p[2], mod = modrm >> 6, rm = modrm & 7;
	if (mod != 1 && mod != 2)
		return 0;
	size_t at = 3;
	if (rm == 4 && p[at++] != 0x24)
		return 0;
	size_t disp = mod == 1 ? 1 : 4;
	if (at + disp != len)
		return 0;
	bool wide = p[0] & REX_W;
	if (p[1] == 0x8d && !wide)
		return 0;
	int reg = ((modrm >> 3) & 7) + (p[0] & REX_R ? 8 : 0);
	int base = rm + (p[0] & REX_B ? 8 : 0);
	if (base == X86_RCX || base == X86_R11 || (p[1] != 0x89 && reg == X86_RSP))
		return 0;
	s->reg = (int8_t)reg;
	s->base = (int8_t)base;
	s->value = disp == 1 ? (int8_t)p[at] : imm32(p + at);
	s->check = p[1] == 0x8d	  ? XENO_CHECK_ADDR
		   : wide	  ? XENO_CHECK_MEM64
		   : p[1] == 0x8b ? XENO_CHECK_LOAD32
				  : XENO_CHECK_STORE32;
	return 1;
}

/* The head ending at p + len, of exactly len bytes. */
static bool head(const uint8_t *p, size_t len, struct xeno_site *s)
{
	int reg;
	int64_t value;
	if (mov_imm(p, len, &reg, &value)) {
		if (reg == X86_RSP)
			return false;
		s->reg = (int8_t)reg;
		s->base = -1;
		s->value = value;
		s->check = XENO_CHECK_IMM;
		return true;
	}
	return len >= 5 && mov_mem(p, len, s);
}

bool xeno_site_decode(const uint8_t *before, size_t n, struct xeno_site *site)
{
	for (size_t tail = 0; tail <= sizeof rcx_to_r10; tail += sizeof rcx_to_r10) {
		if (tail && (n < tail || memcmp(before + n - tail, rcx_to_r10, tail) != 0))
			break;
		for (size_t len = XENO_JMP_LEN; len <= 8 && len + tail <= n; len++) {
			struct xeno_site s = {0};
			if (!head(before + n - tail - len, len, &s))
				continue;
			/* RCX and R11 are the syscall's, unknown at the trap; the
			 * tail overwrites R10 */
			if (s.reg == X86_RCX || s.reg == X86_R11 ||
			    (tail && (s.reg == X86_R10 || s.base == X86_R10)))
				continue;
			s.head = (uint8_t)len;
			s.len = (uint8_t)(len + tail);
			memcpy(s.code, before + n - s.len, s.len);
			s.reg = greg_of[s.reg];
			s.base = s.base < 0 ? -1 : greg_of[s.base];
			*site = s;
			return true;
		}
	}
	return false;
}

bool xeno_site_agrees(const struct xeno_site *s, const long long *g,
		      long (*read)(void *out, uint64_t addr, size_t size))
{
	uint64_t reg = (uint64_t)g[s->reg];
	if (s->check == XENO_CHECK_IMM)
		return reg == (uint64_t)s->value;
	uint64_t addr = (uint64_t)g[s->base] + (uint64_t)s->value;
	if (s->check == XENO_CHECK_ADDR)
		return reg == addr;
	uint64_t mem = 0;
	size_t size = s->check == XENO_CHECK_MEM64 ? 8 : 4;
	if (read(&mem, addr, size) < 0)
		return false;
	if (s->check == XENO_CHECK_STORE32)
		return (uint32_t)reg == mem;
	return reg == mem;
}
