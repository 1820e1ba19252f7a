/*
 * Delivering a signal to a macOS handler and returning from it.  The frame
 * is what xnu's sendsig builds (bsd/dev/i386/unix_signal.c): a ucontext,
 * a siginfo and a __darwin_mcontext64 (abi/darwin/signal.h) below the red
 * zone or on the alternate stack; the handler libSystem's sigaction
 * registered is called as handler(sig, info, uctx), as libSystem's
 * _sigtramp calls it, and returns to a trampoline that makes the
 * sigreturn(uctx, infostyle, token) call (libs/darwin/sigcode.S), which
 * traps into darwin_sys_sigreturn.  Go's handler reads and changes the
 * thread state through uc_mcontext (runtime/signal_darwin_amd64.go): it
 * is read back from there.
 *
 * The FPU state beyond the FXSAVE image (AVX and later) goes below the
 * frame, and words of xeno's own after the mcontext say where.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "abi/darwin/signal.h"
#include "core/fpstate.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "darwin_sysproto.h"
#include "libs/darwin/darwin.h"

void darwin_sigcode(void);

/* x86 flags a context may change (C PF AF Z N T D V NT AC ID), as xnu's
 * thread_set_state lets user code set them. */
#define PSL_USERMASK 0x244dd5ULL
#define PSL_T	     0x100ULL
#define PSL_D	     0x400ULL
#define PSL_RF	     0x10000ULL

#define FRAME_MAGIC 0x786e6f7373696758ULL /* xeno's words follow */
#define UC_FLAVOR   30			  /* bsd/sys/ucontext.h */
/* __darwin_x86_float_state64 (mach/i386/_structs.h): fpu_reserved[2], then
 * fcw... mxcsrmask, stmm, xmm, rsrv4 in FXSAVE's layout and size */
#define FXSAVE_AT 8

struct darwin_sigframe {
	struct darwin_ucontext uc;
	struct darwin_siginfo si;
	uint32_t pad_;
	struct darwin_mcontext mc;
	uint64_t magic;
	uint64_t xsave_at, xsave_len;
};

/* host REG_* <-> the thread state's words, in its order */
static const int ss_regs[] = {REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RDI, REG_RSI,
			      REG_RBP, REG_RSP, REG_R8,	 REG_R9,  REG_R10, REG_R11,
			      REG_R12, REG_R13, REG_R14, REG_R15, REG_RIP};
#define NREGS (sizeof ss_regs / sizeof ss_regs[0])

static void fill_mcontext(struct darwin_mcontext *mc, const greg_t *g, const void *fp)
{
	uint64_t *ss = &mc->ss.rax;
	for (size_t i = 0; i < NREGS; i++)
		ss[i] = (uint64_t)g[ss_regs[i]];
	mc->ss.rflags = (uint64_t)g[REG_EFL] & ~PSL_RF;
	mc->ss.cs = 0x2b; /* macOS's 64-bit user code selector */
	mc->trapno = (uint16_t)g[REG_TRAPNO];
	mc->err = (uint32_t)g[REG_ERR];
	mc->faultvaddr = (uint64_t)g[REG_CR2];
	if (fp)
		memcpy(mc->fs + FXSAVE_AT, fp, XENO_FXSAVE_SIZE);
}

void darwin_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
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
	sp = (sp - sizeof(struct darwin_sigframe)) & ~15ULL;

	_Static_assert(sizeof(struct darwin_sigframe) <= XENO_SCRATCH_SIZE, "scratch");
	struct darwin_sigframe *f = (struct darwin_sigframe *)t->scratch;
	memset(f, 0, sizeof *f);
	f->uc.onstack = on_alt || ((act->flags & XENO_SA_ONSTACK) && t->sigstack.enabled);
	f->uc.sigmask = darwin_sigset_from_host(old_mask);
	f->uc.stack.sp = t->sigstack.sp;
	f->uc.stack.size = t->sigstack.size;
	f->uc.stack.flags = !t->sigstack.enabled ? DARWIN_SS_DISABLE
			    : f->uc.onstack	 ? DARWIN_SS_ONSTACK
						 : 0;
	f->uc.mcsize = sizeof f->mc;
	f->uc.mcontext = sp + offsetof(struct darwin_sigframe, mc);
	fill_mcontext(&f->mc, g, fp);
	darwin_siginfo_from_host(sig, si, &f->si);
	f->magic = FRAME_MAGIC;
	f->xsave_at = xlen ? xsave_at : 0;
	f->xsave_len = xlen;

	uint64_t ret = (uint64_t)darwin_sigcode;
	if (xeno_copy_out(sp, f, sizeof *f) < 0 || xeno_copy_out(sp - 8, &ret, sizeof ret) < 0 ||
	    (xlen && xeno_copy_out(xsave_at, fp + XENO_FXSAVE_SIZE, xlen) < 0))
		xeno_sig_die(SIGSEGV, NULL); /* what sendsig does when it cannot write the frame */

	g[REG_RDI] = darwin_signal_from_host(sig);
	g[REG_RSI] = (greg_t)(sp + offsetof(struct darwin_sigframe, si));
	g[REG_RDX] = (greg_t)sp;
	g[REG_RSP] = (greg_t)(sp - 8);
	g[REG_RIP] = (greg_t)act->handler;
	g[REG_EFL] &= ~(greg_t)(PSL_T | PSL_D);
}

/* sigreturn(uctx, infostyle, token): the registers from the mcontext the
 * ucontext points at, the FPU state with them when the frame is xeno's,
 * the signal mask from the ucontext. */
long darwin_sys_sigreturn(struct xeno_thread *t, uint64_t uctx, int infostyle, uint64_t token)
{
	(void)token; /* macOS checks it against a per-process secret; the frame is ours */
	if (infostyle != UC_FLAVOR && infostyle != 1 /* UC_TRAD */)
		return -EINVAL;
	struct darwin_sigframe *f = (struct darwin_sigframe *)t->scratch;
	if (xeno_copy_in(&f->uc, uctx, sizeof f->uc) < 0 ||
	    xeno_copy_in(&f->mc, f->uc.mcontext, sizeof f->mc) < 0)
		return -EFAULT;
	uint64_t own[3] = {0, 0, 0};
	bool ours =
	    f->uc.mcontext == uctx + offsetof(struct darwin_sigframe, mc) &&
	    xeno_copy_in(own, uctx + offsetof(struct darwin_sigframe, magic), sizeof own) == 0 &&
	    own[0] == FRAME_MAGIC;
	greg_t *g = t->uc->uc_mcontext.gregs;
	if (ours) {
		char *buf = (char *)t->scratch + sizeof *f;
		size_t xlen = own[2] <= XENO_SCRATCH_SIZE - sizeof *f ? own[2] : 0;
		if (xlen && xeno_copy_in(buf, own[1], xlen) < 0)
			return -EFAULT;
		int err =
		    xeno_fp_restore(t->uc->uc_mcontext.fpregs, f->mc.fs + FXSAVE_AT, buf, xlen);
		if (err)
			return err;
	}
	const uint64_t *ss = &f->mc.ss.rax;
	for (size_t i = 0; i < NREGS; i++)
		g[ss_regs[i]] = (greg_t)ss[i];
	g[REG_EFL] =
	    (greg_t)(((uint64_t)g[REG_EFL] & ~PSL_USERMASK) | (f->mc.ss.rflags & PSL_USERMASK));
	sigset_t mask;
	darwin_sigset_to_host(f->uc.sigmask, &mask);
	xeno_sig_set_mask(t, SIG_SETMASK, &mask);
	return -XENO_EJUSTRETURN;
}
