/* The patched-site adapter, C side: see core/sitecall.h. */
#include "core/sitecall.h"

#include <string.h>
#include <sys/syscall.h>

#include "core/crossing.h"
#include "core/host.h"
#include "core/nofpu.h"
#include "core/regcall.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/stats.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/tracehook.h"

_Static_assert(XG_R8 == REG_R8 && XG_R11 == REG_R11 && XG_R15 == REG_R15 && XG_RDI == REG_RDI &&
		   XG_RBX == REG_RBX && XG_RAX == REG_RAX && XG_RCX == REG_RCX &&
		   XG_RSP == REG_RSP && XG_RIP == REG_RIP && XG_EFL == REG_EFL,
	       "core/gate.h's register indexes are glibc's");

/* asm/sigcontext.h: struct _fpx_sw_bytes and the magic words */
#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U
#define FPX_SW_BYTES	 464
struct fpx_sw_bytes {
	uint32_t magic1, extended_size;
	uint64_t xfeatures;
	uint32_t xstate_size, padding[7];
};
_Static_assert(sizeof(struct fpx_sw_bytes) == 48, "asm/sigcontext.h");
/* asm/ucontext.h */
#define UC_FP_XSTATE	     0x1
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4

/* The kernel's, from the first frame it built; the features XSAVE saves
 * (read by core/sitecall.S). */
static struct fpx_sw_bytes fpu_template;
uint64_t xeno_sitecall_xfeatures;

bool xeno_sitecall_learn_fpu(const ucontext_t *uc)
{
	const char *fp = (const char *)uc->uc_mcontext.fpregs;
	struct fpx_sw_bytes sw;
	if (!fp)
		return false;
	memcpy(&sw, fp + FPX_SW_BYTES, sizeof sw);
	if (sw.magic1 != FP_XSTATE_MAGIC1 || sw.xstate_size < 576 ||
	    sw.xstate_size + sizeof(uint32_t) > XENO_SITECALL_FPU_SIZE)
		return false;
	fpu_template = sw;
	xeno_sitecall_xfeatures = sw.xfeatures;
	return true;
}

/* Makes the thread's XSAVE area one the kernel and the personality's
 * signal code take for a signal frame's. */
static void fpu_as_frame(struct xeno_sitecall *d)
{
	uint32_t magic2 = FP_XSTATE_MAGIC2;
	memcpy(d->fpu + FPX_SW_BYTES, &fpu_template, sizeof fpu_template);
	memcpy(d->fpu + fpu_template.xstate_size, &magic2, sizeof magic2);
	d->uc.uc_mcontext.fpregs = (struct _libc_fpstate *)d->fpu;
}

/* The flight recorder's entry for a call answered at once (core/flight.h),
 * field by field: a memcpy could be glibc's, which uses vector registers. */
XENO_NOFPU static void note(struct xeno_flight *f, const struct xeno_callrec *rec)
{
#ifdef XENO_NO_TRACE
	(void)f, (void)rec;
#else
	struct xeno_callrec *r = &f->ring[f->count++ & (XENO_FLIGHT_CALLS - 1)];
	r->nr = rec->nr;
	r->args[0] = rec->args[0];
	r->args[1] = rec->args[1];
	r->args[2] = rec->args[2];
	r->args[3] = rec->args[3];
	r->args[4] = rec->args[4];
	r->args[5] = rec->args[5];
	r->ret = rec->ret;
#endif
}

XENO_NOFPU int xeno_sitecall_fast(struct xeno_thread *t)
{
	const struct xeno_personality *os = t->os;
	struct xeno_callrec rec;
	if (xeno_trace_enabled || !os->sitecall_fast ||
	    !os->sitecall_fast(t, t->sitecall.uc.uc_mcontext.gregs, &rec))
		return 0;
	note(&t->flight, &rec);
	xeno_count(&xeno_counters.patched);
	return 1;
}

/* Blocks every asynchronous signal: from here to rt_sigreturn, which sets
 * the guest's mask, nothing new is queued that would wait for a later call. */
static void block_signals(void)
{
	xeno_raw_syscall4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&xeno_handler_mask, 0,
			  sizeof xeno_handler_mask);
}

/* The slow way back: queued signals delivered, the ucontext completed into
 * a frame rt_sigreturn takes (core/sitecall.S enters it). */
static int slow(struct xeno_thread *t)
{
	struct xeno_sitecall *d = &t->sitecall;
	ucontext_t *uc = &d->uc;
	block_signals();
	t->direct = 0; /* the guest's mask is no longer in force */
	if (t->sigpending || t->has_saved_mask) {
		xeno_host_tls(t);
		xeno_sig_deliver_queued(t, uc);
	}
	t->uc = NULL;
	uint16_t cs, ss;
	__asm__("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
	greg_t *g = uc->uc_mcontext.gregs;
	g[REG_CSGSFS] = (greg_t)((uint64_t)cs | ((uint64_t)ss << 48));
	g[REG_ERR] = g[REG_TRAPNO] = g[REG_OLDMASK] = g[REG_CR2] = 0;
	uc->uc_flags = UC_FP_XSTATE | UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	uc->uc_link = NULL;
	uc->uc_stack = (stack_t){.ss_sp = t->altstack, .ss_size = t->altstack_size};
	return 1;
}

int xeno_sitecall_call(struct xeno_thread *t)
{
	struct xeno_sitecall *d = &t->sitecall;
	ucontext_t *uc = &d->uc;
	greg_t *g = uc->uc_mcontext.gregs;
	d->ret_addr = (uint64_t)g[REG_RIP];
	d->mask = t->wait_mask; /* the host's mask while the guest runs */
	memcpy(&uc->uc_sigmask, &d->mask, sizeof d->mask);
	fpu_as_frame(d);
	xeno_count(&xeno_counters.patched);
	long ret = xeno_regs_call(t, uc);
	uint64_t mask;
	memcpy(&mask, &uc->uc_sigmask, sizeof mask);
	/* What the fast way cannot do: another context (sigreturn, a
	 * restart), another mask, a signal to deliver. */
	if (ret == -XENO_EJUSTRETURN || ret == -XENO_ERESTART || t->sigpending ||
	    t->has_saved_mask || mask != d->mask || (uint64_t)g[REG_RIP] != d->ret_addr)
		return slow(t);
	t->uc = NULL;
	return 0;
}

/* A signal was queued after xeno_sitecall_call chose the fast way. */
void xeno_sitecall_late(struct xeno_thread *t)
{
	fpu_as_frame(&t->sitecall);
	slow(t);
}

extern const char xeno_sitecall_entered[], xeno_sitecall_tail[], xeno_sitecall_tail_end[];

/* The call's result as the guest would have had it: the registers the
 * tail was loading. */
static void returned(struct xeno_thread *t, ucontext_t *uc)
{
	const greg_t *from = t->sitecall.uc.uc_mcontext.gregs;
	greg_t *to = uc->uc_mcontext.gregs;
	static const int regs[] = {REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13,
				   REG_R14, REG_R15, REG_RDI, REG_RSI, REG_RBP, REG_RBX,
				   REG_RDX, REG_RAX, REG_RCX, REG_RSP, REG_RIP, REG_EFL};
	for (unsigned i = 0; i < sizeof regs / sizeof regs[0]; i++)
		to[regs[i]] = from[regs[i]];
}

enum xeno_sitecall_fix xeno_sitecall_fix_context(struct xeno_thread *t, ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t rip = (uint64_t)g[REG_RIP];
	if (rip >= (uint64_t)xeno_sitecall_entry_gs && rip < (uint64_t)xeno_sitecall_entered) {
		g[REG_RIP] = g[REG_RCX] - 2; /* the site's syscall */
		return XENO_SITECALL_REWOUND;
	}
	if (rip >= (uint64_t)xeno_sitecall_tail && rip < (uint64_t)xeno_sitecall_tail_end) {
		returned(t, uc);
		if (t->sigpending) {
			xeno_host_tls(t);
			xeno_sig_deliver_queued(t, uc);
		}
		return XENO_SITECALL_RETURNED;
	}
	return XENO_SITECALL_GUEST;
}
