/*
 * The program's FP and vector registers survive its system calls, whichever
 * way xeno answers them: xmm0-xmm15 (with the upper halves of ymm0-ymm15
 * where the CPU and the kernel have AVX), MXCSR and the x87 control word
 * hold new patterns across every call.  Each kind of call is made from one
 * site, many times over, so that under xeno the site is patched after its
 * first traps: getpid (run before xeno saves the FP state at all, a NOFPU
 * call, core/syscall.h) and issetugid (through the dispatcher, with the
 * FP state saved and restored).
 *
 *   vecregs [CALLS]    prints one line per kind of call; exit 1 on a difference
 */
#include "mini.h"

#define NREGS 16

struct regs {
	uint8_t v[NREGS][32]; /* ymm0-15 (xmm0-15: the low 16 bytes of each) */
	uint32_t mxcsr;
	uint16_t fpucw;
};

static int have_avx(void)
{
	uint32_t a, b, c, d;
	__asm__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	/* CPUID.1:ECX bit 27 OSXSAVE, bit 28 AVX; XCR0 bits 1 and 2: the
	 * kernel saves SSE and AVX state (Intel SDM vol. 1, 14.3). */
	if (!(c & (1u << 27)) || !(c & (1u << 28)))
		return 0;
	uint32_t lo, hi;
	__asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return (lo & 6) == 6;
}

static void fill(struct regs *r, uint32_t seed)
{
	for (int i = 0; i < NREGS; i++)
		for (int j = 0; j < 32; j++)
			r->v[i][j] = (uint8_t)(seed * 31 + i * 7 + j * 13 + 1);
	/* round toward zero, all exceptions masked; x87 at double precision */
	r->mxcsr = 0x1f80 | 0x6000;
	r->fpucw = 0x027f;
}

#define XMM_LOAD(n)  "movdqu " #n "*32(%[in]), %%xmm" #n "\n\t"
#define XMM_STORE(n) "movdqu %%xmm" #n ", " #n "*32(%[out])\n\t"
#define YMM_LOAD(n)  "vmovdqu " #n "*32(%[in]), %%ymm" #n "\n\t"
#define YMM_STORE(n) "vmovdqu %%ymm" #n ", " #n "*32(%[out])\n\t"
#define ALL16(m)                                                                                   \
	m(0) m(1) m(2) m(3) m(4) m(5) m(6) m(7) m(8) m(9) m(10) m(11) m(12) m(13) m(14) m(15)
#define CLOBBERS                                                                                   \
	"rcx", "rdx", "r11", "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",       \
	    "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"

/* NAME_sse, NAME_avx: one call of NAME from the function's own syscall,
 * written `mov $nr, %eax; syscall` as libc's stubs and Go's runtime write it
 * (the form xeno patches), with the registers of in; what they hold after
 * it, into out. */
#define CALLS(name)                                                                                \
	static void name##_sse(const struct regs *in, struct regs *out)                            \
	{                                                                                          \
		__asm__ volatile(                                                                  \
		    "ldmxcsr %c[mx](%[in])\n\t"                                                    \
		    "fldcw %c[cw](%[in])\n\t" ALL16(                                               \
			XMM_LOAD) "movl %[nr], %%eax\n\t"                                          \
				  "syscall\n\t" ALL16(XMM_STORE) "stmxcsr %c[mx](%[out])\n\t"      \
								 "fnstcw %c[cw](%[out])\n\t"       \
								 "ldmxcsr %c[mxdef](%[in])\n\t"    \
								 "fninit"                          \
		    :                                                                              \
		    : [in] "r"(in), [out] "r"(out), [nr] "i"(SYSNR(name)),                         \
		      [mx] "i"(offsetof(struct regs, mxcsr)),                                      \
		      [cw] "i"(offsetof(struct regs, fpucw)), [mxdef] "i"(sizeof(struct regs))     \
		    : "rax", CLOBBERS);                                                            \
	}                                                                                          \
	static void name##_avx(const struct regs *in, struct regs *out)                            \
	{                                                                                          \
		__asm__ volatile(ALL16(YMM_LOAD) "movl %[nr], %%eax\n\t"                           \
						 "syscall\n\t" ALL16(YMM_STORE) "vzeroupper"       \
				 :                                                                 \
				 : [in] "r"(in), [out] "r"(out), [nr] "i"(SYSNR(name))             \
				 : "rax", CLOBBERS);                                               \
	}
CALLS(getpid)
CALLS(issetugid)

/* struct regs followed by the default MXCSR, which call_sse puts back. */
static struct {
	struct regs r;
	uint32_t mxcsr_default;
} in = {.mxcsr_default = 0x1f80};
static struct regs out;

static int same(int bytes)
{
	for (int i = 0; i < NREGS; i++)
		for (int j = 0; j < bytes; j++)
			if (in.r.v[i][j] != out.v[i][j])
				return 0;
	return bytes == 32 || (in.r.mxcsr == out.mxcsr && in.r.fpucw == out.fpucw);
}

static int run(const char *name, void (*call)(const struct regs *, struct regs *), long calls,
	       int avx)
{
	long bad = 0;
	for (long i = 0; i < calls; i++) {
		fill(&in.r, (uint32_t)i);
		call(&in.r, &out);
		bad += !same(avx ? 32 : 16);
	}
	mini_printf("%s %s: %ld calls, %ld with registers changed\n", name,
		    avx ? "ymm0-15" : "xmm0-15, mxcsr, x87 control word", calls, bad);
	return bad != 0;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	long calls = argc > 1 ? mini_atol(argv[1]) : 1000;
	if (calls < 1) {
		mini_dprintf(2, "usage: vecregs [CALLS]\n");
		return 2;
	}
	int avx = have_avx();
	int bad = run("getpid", getpid_sse, calls, 0) | run("issetugid", issetugid_sse, calls, 0);
	if (avx)
		bad |=
		    run("getpid", getpid_avx, calls, 1) | run("issetugid", issetugid_avx, calls, 1);
	else
		mini_printf("no AVX here: ymm not checked\n");
	return bad;
}
