/*
 * Delivering a signal to a FreeBSD handler and returning from it: the frame
 * FreeBSD's sendsig builds (sys/amd64/amd64/exec_machdep.c) and what
 * sys_sigreturn accepts back.  The host frame xeno is running in (uc) is the
 * guest's context: delivery rewrites it to enter the handler, sigreturn
 * rewrites it from the guest's (possibly modified) ucontext.
 */
#include <errno.h>
#include <string.h>

#include "abi/freebsd/signal.h"
#include "core/fpstate.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"

void freebsd_sigcode(void);

/* x86 flags the guest may change with sigreturn (FreeBSD PSL_USERCHANGE:
 * C PF AF Z N T D V NT AC ID, sys/x86/include/psl.h). */
#define PSL_USERCHANGE 0x244dd5ULL
#define PSL_T	       0x100ULL
#define PSL_D	       0x400ULL
/* The CPU sets RF in the flags it saves for a fault; it means nothing to
 * the program and is neither shown nor checked. */
#define PSL_RF 0x10000ULL
/* FreeBSD/amd64 user selectors (sys/amd64/include/segments.h GUCODE_SEL 8,
 * GUDATA_SEL 7, at privilege level 3). */
#define FREEBSD_UCODESEL 0x43
#define FREEBSD_UDATASEL 0x3b

static void fill_mcontext(struct freebsd_mcontext *mc, const struct xeno_thread *t, const greg_t *g)
{
	mc->mc_rdi = g[REG_RDI];
	mc->mc_rsi = g[REG_RSI];
	mc->mc_rdx = g[REG_RDX];
	mc->mc_rcx = g[REG_RCX];
	mc->mc_r8 = g[REG_R8];
	mc->mc_r9 = g[REG_R9];
	mc->mc_rax = g[REG_RAX];
	mc->mc_rbx = g[REG_RBX];
	mc->mc_rbp = g[REG_RBP];
	mc->mc_r10 = g[REG_R10];
	mc->mc_r11 = g[REG_R11];
	mc->mc_r12 = g[REG_R12];
	mc->mc_r13 = g[REG_R13];
	mc->mc_r14 = g[REG_R14];
	mc->mc_r15 = g[REG_R15];
	mc->mc_trapno = (uint32_t)g[REG_TRAPNO];
	mc->mc_addr = g[REG_CR2];
	mc->mc_err = g[REG_ERR];
	mc->mc_rip = g[REG_RIP];
	mc->mc_cs = FREEBSD_UCODESEL;
	mc->mc_rflags = (uint64_t)g[REG_EFL] & ~PSL_RF;
	mc->mc_rsp = g[REG_RSP];
	mc->mc_ss = FREEBSD_UDATASEL;
	mc->mc_len = sizeof *mc;
	mc->mc_fpformat = FREEBSD_MC_FPFMT_XMM;
	mc->mc_ownedfp = FREEBSD_MC_FPOWNED_FPU;
	mc->mc_fsbase = t->guest_fs;
	mc->mc_flags = FREEBSD_MC_HASBASES;
}

void freebsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	greg_t *g = uc->uc_mcontext.gregs;
	const char *fp = (const char *)uc->uc_mcontext.fpregs;
	bool on_alt;
	uint64_t sp = bsd_signal_frame_top(t, act, (uint64_t)g[REG_RSP], &on_alt);

	size_t xlen = xeno_fp_xstate_extra(fp);
	sp = (sp - xlen) & ~63ULL;
	uint64_t xsave_at = sp;
	sp = (sp - sizeof(struct freebsd_sigframe)) & ~15ULL;

	struct freebsd_sigframe *sf = (struct freebsd_sigframe *)t->scratch;
	memset(sf, 0, sizeof *sf);
	sf->sf_ahu = act->handler;
	freebsd_sigset_from_host(old_mask, &sf->sf_uc.uc_sigmask);
	sf->sf_uc.uc_stack.ss_sp = t->sigstack.sp;
	sf->sf_uc.uc_stack.ss_size = t->sigstack.size;
	sf->sf_uc.uc_stack.ss_flags = !t->sigstack.enabled ? BSD_SS_DISABLE
				      : on_alt		   ? BSD_SS_ONSTACK
							   : 0;
	struct freebsd_mcontext *mc = &sf->sf_uc.uc_mcontext;
	fill_mcontext(mc, t, g);
	mc->mc_onstack = on_alt;
	if (fp)
		memcpy(mc->mc_fpstate, fp, sizeof mc->mc_fpstate);
	if (xlen) {
		mc->mc_flags |= FREEBSD_MC_HASFPXSTATE;
		mc->mc_xfpustate = xsave_at;
		mc->mc_xfpustate_len = xlen;
	}
	bsd_siginfo_write(&freebsd_signal_facts, sig, si, &sf->sf_si);

	if (xeno_copy_out(sp, sf, sizeof *sf) < 0 ||
	    (xlen && xeno_copy_out(xsave_at, fp + 512, xlen) < 0))
		xeno_sig_die(SIGILL, NULL); /* what FreeBSD does when the stack is unusable */

	g[REG_RDI] = freebsd_signal_from_host(sig);
	g[REG_RSI] = (act->flags & XENO_SA_SIGINFO)
			 ? (greg_t)(sp + offsetof(struct freebsd_sigframe, sf_si))
			 : (greg_t)sf->sf_si.code;
	g[REG_RDX] = (greg_t)(sp + offsetof(struct freebsd_sigframe, sf_uc));
	g[REG_RCX] = (greg_t)sf->sf_si.addr;
	g[REG_RSP] = (greg_t)sp;
	g[REG_RIP] = (greg_t)freebsd_sigcode;
	g[REG_EFL] &= ~(greg_t)(PSL_T | PSL_D);
}

/* Copies the guest's FP state into the host frame: the FXSAVE image, and
 * the XSAVE remainder when the guest provides a plausible one. */
static int restore_fpstate(struct xeno_thread *t, ucontext_t *uc, const struct freebsd_mcontext *mc)
{
	size_t xlen = 0;
	/* after the ucontext sigreturn keeps at the start of the scratch */
	char *buf = (char *)t->scratch + 1024;
	if ((mc->mc_flags & FREEBSD_MC_HASFPXSTATE) && mc->mc_xfpustate_len) {
		xlen = mc->mc_xfpustate_len;
		if (xlen > XENO_SCRATCH_SIZE - 1024)
			return -EINVAL;
		if (xeno_copy_in(buf, mc->mc_xfpustate, xlen) < 0)
			return -EFAULT;
	}
	return xeno_fp_restore(uc->uc_mcontext.fpregs, mc->mc_fpstate, buf, xlen);
}

long freebsd_sys_sigreturn(struct xeno_thread *t, uint64_t sigcntxp)
{
	_Static_assert(sizeof(struct freebsd_ucontext) <= 1024, "scratch layout");
	struct freebsd_ucontext *fuc = (struct freebsd_ucontext *)t->scratch;
	if (xeno_copy_in(fuc, sigcntxp, sizeof *fuc) < 0)
		return -EFAULT;
	const struct freebsd_mcontext *mc = &fuc->uc_mcontext;
	greg_t *g = t->uc->uc_mcontext.gregs;
	if (mc->mc_len != sizeof *mc || (mc->mc_flags & ~FREEBSD_MC_FLAG_MASK) ||
	    ((mc->mc_rflags ^ (uint64_t)g[REG_EFL]) & ~(PSL_USERCHANGE | PSL_RF)) ||
	    (mc->mc_cs & 3) != 3)
		return -EINVAL;
	/* FreeBSD's sys_sigreturn takes any FS base and the process faults
	 * when the kernel loads one that is not canonical; here loading it
	 * would fault in xeno's gate.  Refused as sysarch refuses it. */
	if ((mc->mc_flags & FREEBSD_MC_HASBASES) && mc->mc_fsbase >= XENO_USER_END)
		return -EINVAL;
	int err = restore_fpstate(t, t->uc, mc);
	if (err)
		return err;
	g[REG_RDI] = mc->mc_rdi;
	g[REG_RSI] = mc->mc_rsi;
	g[REG_RDX] = mc->mc_rdx;
	g[REG_RCX] = mc->mc_rcx;
	g[REG_R8] = mc->mc_r8;
	g[REG_R9] = mc->mc_r9;
	g[REG_RAX] = mc->mc_rax;
	g[REG_RBX] = mc->mc_rbx;
	g[REG_RBP] = mc->mc_rbp;
	g[REG_R10] = mc->mc_r10;
	g[REG_R11] = mc->mc_r11;
	g[REG_R12] = mc->mc_r12;
	g[REG_R13] = mc->mc_r13;
	g[REG_R14] = mc->mc_r14;
	g[REG_R15] = mc->mc_r15;
	g[REG_RIP] = mc->mc_rip;
	g[REG_RSP] = mc->mc_rsp;
	g[REG_EFL] = mc->mc_rflags;
	if (mc->mc_flags & FREEBSD_MC_HASBASES)
		xeno_set_guest_fs(t, mc->mc_fsbase);
	sigset_t mask;
	freebsd_sigset_to_host(&fuc->uc_sigmask, &mask);
	xeno_sig_set_mask(t, SIG_SETMASK, &mask);
	return -XENO_EJUSTRETURN;
}
