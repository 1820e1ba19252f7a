/*
 * Delivering a signal to an illumos handler and returning from it.  The
 * frame is what the kernel's sendsig (usr/src/uts/intel/ia32/os/
 * sendsig.c) builds for libc: a siginfo_t and a ucontext_t on the stack
 * (or the alternate stack), the handler called as handler(sig, sip, ucp);
 * it returns to a trampoline that calls setcontext(ucp)
 * (libs/illumos/sigcode.S), which traps into illumos_sys_context.
 *
 * The FPU state beyond the FXSAVE image (AVX and later) goes below the
 * frame, and words of xeno's own after the siginfo say where; illumos
 * keeps it in its own uc_xsave format, which no program of ours reads.
 */
#include <errno.h>
#include <string.h>

#include "abi/illumos/signal.h"
#include "core/fpstate.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "illumos_sysproto.h"
#include "libs/illumos/illumos.h"

void illumos_sigcode(void);

/* x86 flags a context may change (usr/src/uts/intel/sys/psw.h PSL_USERMASK:
 * C PF AF Z N T D V NT AC ID, the same set as FreeBSD's). */
#define PSL_USERMASK 0x244dd5ULL
#define PSL_T	     0x100ULL
#define PSL_D	     0x400ULL
#define PSL_RF	     0x10000ULL

#define FRAME_MAGIC 0x786e6f7373696758ULL /* "XgissonX": xeno's words follow */

struct illumos_sigframe {
	struct illumos_ucontext uc;
	struct illumos_siginfo si;
	uint64_t magic;
	uint64_t xsave_at, xsave_len;
	uint64_t pad_;
};
_Static_assert(sizeof(struct illumos_sigframe) % 16 == 0, "frame alignment");

/* host REG_* -> illumos REG_* */
static const struct {
	int host, illumos;
} gregs_map[] = {
    {REG_R15, ILLUMOS_REG_R15}, {REG_R14, ILLUMOS_REG_R14}, {REG_R13, ILLUMOS_REG_R13},
    {REG_R12, ILLUMOS_REG_R12}, {REG_R11, ILLUMOS_REG_R11}, {REG_R10, ILLUMOS_REG_R10},
    {REG_R9, ILLUMOS_REG_R9},	{REG_R8, ILLUMOS_REG_R8},   {REG_RDI, ILLUMOS_REG_RDI},
    {REG_RSI, ILLUMOS_REG_RSI}, {REG_RBP, ILLUMOS_REG_RBP}, {REG_RBX, ILLUMOS_REG_RBX},
    {REG_RDX, ILLUMOS_REG_RDX}, {REG_RCX, ILLUMOS_REG_RCX}, {REG_RAX, ILLUMOS_REG_RAX},
    {REG_RIP, ILLUMOS_REG_RIP}, {REG_RSP, ILLUMOS_REG_RSP},
};
#define NMAP (sizeof gregs_map / sizeof gregs_map[0])

/* illumos/amd64 user selectors (usr/src/uts/intel/sys/segments.h: GDT_UCODE
 * 10 and GDT_UDATA 9 at privilege level 3). */
#define ILLUMOS_UCS_SEL 0x53
#define ILLUMOS_UDS_SEL 0x4b

uint64_t illumos_guest_sp(const struct xeno_thread *t)
{
	if (t->uc)
		return (uint64_t)t->uc->uc_mcontext.gregs[REG_RSP];
	/* a direct call: the caller's stack is where its arguments beyond
	 * the registers would be (core/libcall.h) */
	return t->lib_regs ? (uint64_t)(t->lib_regs + XENO_LIBREGS_STACK) : 0;
}

static void fill_mcontext(struct illumos_mcontext *mc, const struct xeno_thread *t, const greg_t *g,
			  const void *fp)
{
	for (size_t i = 0; i < NMAP; i++)
		mc->gregs[gregs_map[i].illumos] = g[gregs_map[i].host];
	mc->gregs[ILLUMOS_REG_TRAPNO] = g[REG_TRAPNO];
	mc->gregs[ILLUMOS_REG_ERR] = g[REG_ERR];
	mc->gregs[ILLUMOS_REG_RFL] = (int64_t)((uint64_t)g[REG_EFL] & ~PSL_RF);
	mc->gregs[ILLUMOS_REG_CS] = ILLUMOS_UCS_SEL;
	mc->gregs[ILLUMOS_REG_SS] = ILLUMOS_UDS_SEL;
	mc->gregs[ILLUMOS_REG_FSBASE] = (int64_t)t->guest_fs;
	if (fp)
		memcpy(mc->fpregs.fxsave, fp, sizeof mc->fpregs.fxsave);
}

void illumos_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	greg_t *g = uc->uc_mcontext.gregs;
	const char *fp = (const char *)uc->uc_mcontext.fpregs;
	uint64_t sp = (uint64_t)g[REG_RSP];
	bool on_alt = xeno_sig_on_altstack(t, sp);
	if ((act->flags & XENO_SA_ONSTACK) && t->sigstack.enabled && !on_alt)
		sp = t->sigstack.sp + t->sigstack.size;
	else
		sp -= 128; /* the red zone */
	size_t xlen = xeno_fp_xstate_extra(fp);
	sp = (sp - xlen) & ~63ULL;
	uint64_t xsave_at = sp;
	sp = (sp - sizeof(struct illumos_sigframe)) & ~15ULL;

	_Static_assert(sizeof(struct illumos_sigframe) <= XENO_SCRATCH_SIZE, "scratch");
	struct illumos_sigframe *f = (struct illumos_sigframe *)t->scratch;
	memset(f, 0, sizeof *f);
	f->uc.uc_flags = ILLUMOS_UC_ALL;
	illumos_sigset_from_host(old_mask, &f->uc.uc_sigmask);
	f->uc.uc_stack.ss_sp = t->sigstack.sp;
	f->uc.uc_stack.ss_size = t->sigstack.size;
	f->uc.uc_stack.ss_flags = !t->sigstack.enabled ? ILLUMOS_SS_DISABLE
				  : on_alt	       ? ILLUMOS_SS_ONSTACK
						       : 0;
	fill_mcontext(&f->uc.uc_mcontext, t, g, fp);
	illumos_siginfo_from_host(sig, si, &f->si);
	f->magic = FRAME_MAGIC;
	f->xsave_at = xlen ? xsave_at : 0;
	f->xsave_len = xlen;

	uint64_t ret = (uint64_t)illumos_sigcode;
	if (xeno_copy_out(sp, f, sizeof *f) < 0 || xeno_copy_out(sp - 8, &ret, sizeof ret) < 0 ||
	    (xlen && xeno_copy_out(xsave_at, fp + XENO_FXSAVE_SIZE, xlen) < 0))
		xeno_sig_die(SIGSEGV, NULL); /* what illumos's sendsig does when it cannot write */

	g[REG_RDI] = illumos_signal_from_host(sig);
	g[REG_RSI] = (act->flags & XENO_SA_SIGINFO)
			 ? (greg_t)(sp + offsetof(struct illumos_sigframe, si))
			 : 0;
	g[REG_RDX] = (greg_t)(sp + offsetof(struct illumos_sigframe, uc));
	g[REG_RSP] = (greg_t)(sp - 8);
	g[REG_RIP] = (greg_t)act->handler;
	g[REG_EFL] &= ~(greg_t)(PSL_T | PSL_D);
}

/* SYS_context: only SETCONTEXT (1) is answered (GETCONTEXT is libc's
 * business in the shims, and no program of ours calls it). */
long illumos_sys_context(struct xeno_thread *t, int flag, uint64_t ucp)
{
	if (flag != 1)
		return -EINVAL;
	struct illumos_sigframe *f = (struct illumos_sigframe *)t->scratch;
	if (xeno_copy_in(&f->uc, ucp, sizeof f->uc) < 0)
		return -EFAULT;
	/* xeno's own words, when ucp is a frame it built */
	uint64_t own[3] = {0, 0, 0};
	xeno_copy_in(own, ucp + offsetof(struct illumos_sigframe, magic), sizeof own);
	const struct illumos_mcontext *mc = &f->uc.uc_mcontext;
	greg_t *g = t->uc->uc_mcontext.gregs;
	if (f->uc.uc_flags & ILLUMOS_UC_FPU) {
		char *buf = (char *)t->scratch + sizeof *f;
		size_t xlen = own[0] == FRAME_MAGIC ? own[2] : 0;
		if (xlen > XENO_SCRATCH_SIZE - sizeof *f)
			xlen = 0;
		if (xlen && xeno_copy_in(buf, own[1], xlen) < 0)
			return -EFAULT;
		int err = xeno_fp_restore(t->uc->uc_mcontext.fpregs, mc->fpregs.fxsave, buf, xlen);
		if (err)
			return err;
	}
	if (f->uc.uc_flags & ILLUMOS_UC_CPU) {
		for (size_t i = 0; i < NMAP; i++)
			g[gregs_map[i].host] = mc->gregs[gregs_map[i].illumos];
		uint64_t rfl = (uint64_t)mc->gregs[ILLUMOS_REG_RFL];
		g[REG_EFL] =
		    (greg_t)(((uint64_t)g[REG_EFL] & ~PSL_USERMASK) | (rfl & PSL_USERMASK));
	}
	if (f->uc.uc_flags & ILLUMOS_UC_SIGMASK) {
		sigset_t mask;
		illumos_sigset_to_host(&f->uc.uc_sigmask, &mask);
		xeno_sig_set_mask(t, SIG_SETMASK, &mask);
	}
	return -XENO_EJUSTRETURN;
}
