/*
 * NetBSD's signal delivery and contexts: __sigaction_sigtramp, which
 * registers with each handler the program's own trampoline (version 2:
 * libc's __sigtramp_siginfo_2, Go's sigreturn_tramp), the frame
 * sendsig_siginfo builds (sys/arch/amd64/amd64/machdep.c), getcontext,
 * and setcontext, through which the trampoline returns (cpu_getmcontext,
 * cpu_mcontext_validate, cpu_setmcontext).  The host frame xeno is running
 * in (uc) is the guest's context: delivery rewrites it to enter the
 * handler, setcontext rewrites it from the guest's ucontext.
 */
#include <errno.h>
#include <string.h>

#include "abi/netbsd/mman.h"
#include "abi/netbsd/signal.h"
#include "core/fpstate.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/netbsd/netbsd.h"

/* x86 flags (sys/arch/x86/include/psl.h). */
#define PSL_T	       0x00000100ULL
#define PSL_D	       0x00000400ULL
#define PSL_RF	       0x00010000ULL
#define PSL_VM	       0x00020000ULL
#define PSL_AC	       0x00040000ULL
#define PSL_USER       0x00040dd5ULL /* C PF AF Z N T V D AC */
#define PSL_USERSTATIC 0xffdaf22aULL /* MBO MBZ I IOPL NT VM VIF VIP */
#define PSL_CLEARSIG   (PSL_T | PSL_VM | PSL_AC | PSL_D)

/* The trampolines, by host signal number (sigacts' sd_tramp: the
 * process's, kept over fork, dropped by exec). */
static uint64_t tramps[65];

uint64_t netbsd_sigtramp_of(int sig)
{
	return sig > 0 && sig < 65 ? __atomic_load_n(&tramps[sig], __ATOMIC_ACQUIRE) : 0;
}

/* sys/kern/sys_sig.c sys___sigaction_sigtramp and sigaction1: a handler
 * (not SIG_DFL or SIG_IGN) needs a trampoline of version 2 or 3; the
 * trampoline is recorded with any new action. */
long netbsd_sys___sigaction_sigtramp(struct xeno_thread *t, int signum, uint64_t nsa, uint64_t osa,
				     uint64_t tramp, int vers)
{
	if (nsa) {
		uint64_t handler;
		if (xeno_copy_in(&handler, nsa, sizeof handler) < 0)
			return -EFAULT;
		if (handler != BSD_SIG_DFL && handler != BSD_SIG_IGN &&
		    (vers < NETBSD_SIGTRAMP_SIGINFO_VERSION || vers > NETBSD_SIGTRAMP_SIGINFO_MAX ||
		     !tramp))
			return -EINVAL;
	}
	long r = bsd_sys_sigaction(t, signum, nsa, osa);
	int hsig = 0;
	if (r == 0 && nsa && bsd_signal_in(t, signum, &hsig) == 0 && hsig > 0 && hsig < 65)
		__atomic_store_n(&tramps[hsig], tramp, __ATOMIC_RELEASE);
	return r;
}

/* cpu_getmcontext: the registers of frame g as NetBSD orders them, the
 * TLS base (l_private) and the FXSAVE image. */
static void get_mcontext(const struct xeno_thread *t, const ucontext_t *uc,
			 struct netbsd_ucontext *nuc)
{
	const greg_t *g = uc->uc_mcontext.gregs;
	uint64_t *gr = nuc->uc_mcontext.gregs;
	gr[NETBSD_REG_RDI] = g[REG_RDI];
	gr[NETBSD_REG_RSI] = g[REG_RSI];
	gr[NETBSD_REG_RDX] = g[REG_RDX];
	gr[NETBSD_REG_RCX] = g[REG_RCX];
	gr[NETBSD_REG_R8] = g[REG_R8];
	gr[NETBSD_REG_R9] = g[REG_R9];
	gr[NETBSD_REG_R10] = g[REG_R10];
	gr[NETBSD_REG_R11] = g[REG_R11];
	gr[NETBSD_REG_R12] = g[REG_R12];
	gr[NETBSD_REG_R13] = g[REG_R13];
	gr[NETBSD_REG_R14] = g[REG_R14];
	gr[NETBSD_REG_R15] = g[REG_R15];
	gr[NETBSD_REG_RBP] = g[REG_RBP];
	gr[NETBSD_REG_RBX] = g[REG_RBX];
	gr[NETBSD_REG_RAX] = g[REG_RAX];
	/* the selectors of a process after exec (setregs); FS and GS are
	 * zero, the bases live in the MSRs */
	gr[NETBSD_REG_GS] = 0;
	gr[NETBSD_REG_FS] = 0;
	gr[NETBSD_REG_ES] = NETBSD_LUDATA_SEL;
	gr[NETBSD_REG_DS] = NETBSD_LUDATA_SEL;
	gr[NETBSD_REG_TRAPNO] = g[REG_TRAPNO];
	gr[NETBSD_REG_ERR] = g[REG_ERR];
	gr[NETBSD_REG_RIP] = g[REG_RIP];
	gr[NETBSD_REG_CS] = NETBSD_LUCODE_SEL;
	/* the CPU sets RF in the flags it saves for a fault: it means nothing
	 * to the program */
	gr[NETBSD_REG_RFLAGS] = (uint64_t)g[REG_EFL] & ~PSL_RF;
	gr[NETBSD_REG_RSP] = g[REG_RSP];
	gr[NETBSD_REG_SS] = NETBSD_LUDATA_SEL;
	nuc->uc_mcontext.mc_tlsbase = t->guest_fs;
	nuc->uc_flags |= NETBSD_UC_CPU | NETBSD_UC_TLSBASE;
	if (uc->uc_mcontext.fpregs) {
		memcpy(nuc->uc_mcontext.fpregs, uc->uc_mcontext.fpregs,
		       sizeof nuc->uc_mcontext.fpregs);
		nuc->uc_flags |= NETBSD_UC_FPU;
	}
}

static bool valid_data_sel(uint64_t s)
{
	return s == NETBSD_GUDATA_SEL || s == NETBSD_LUDATA_SEL;
}

int netbsd_mcontext_check(const struct netbsd_ucontext *uc, const greg_t *g)
{
	const uint64_t *gr = uc->uc_mcontext.gregs;
	if ((gr[NETBSD_REG_RFLAGS] ^ (uint64_t)g[REG_EFL]) & PSL_USERSTATIC)
		return -EINVAL;
	uint64_t es = gr[NETBSD_REG_ES] & 0xffff, fs = gr[NETBSD_REG_FS] & 0xffff,
		 gs = gr[NETBSD_REG_GS] & 0xffff;
	if ((es && !valid_data_sel(es)) || (fs && !valid_data_sel(fs)) ||
	    (gs && !valid_data_sel(gs)) || !valid_data_sel(gr[NETBSD_REG_DS] & 0xffff) ||
	    !valid_data_sel(gr[NETBSD_REG_SS] & 0xffff))
		return -EINVAL;
	if (gr[NETBSD_REG_CS] != NETBSD_GUCODE_SEL && gr[NETBSD_REG_CS] != NETBSD_LUCODE_SEL)
		return -EINVAL;
	if (gr[NETBSD_REG_RIP] >= NETBSD_USER_END)
		return -EINVAL;
	return 0;
}

void netbsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			   const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	greg_t *g = uc->uc_mcontext.gregs;
	bool on_alt;
	uint64_t sp = bsd_signal_frame_top(t, act, (uint64_t)g[REG_RSP], &on_alt);
	sp -= sizeof(struct netbsd_sigframe_siginfo);
	uint64_t fp = (sp & ~15ULL) - 8; /* as if called: the ABI's alignment */

	_Static_assert(sizeof(struct netbsd_sigframe_siginfo) <= XENO_SCRATCH_SIZE, "scratch");
	struct netbsd_sigframe_siginfo *sf = (struct netbsd_sigframe_siginfo *)t->scratch;
	memset(sf, 0, sizeof *sf);
	sf->sf_ra = netbsd_sigtramp_of(sig);
	bsd_siginfo_write(&netbsd_signal_facts, sig, si, &sf->sf_si);
	sf->sf_uc.uc_flags = NETBSD_UC_SIGMASK | (on_alt ? NETBSD_UC_SETSTACK : NETBSD_UC_CLRSTACK);
	bsd_sigset_from_host(&netbsd_signals, old_mask, &sf->sf_uc.uc_sigmask);
	get_mcontext(t, uc, &sf->sf_uc);

	if (xeno_copy_out(fp, sf, sizeof *sf) < 0 || act->handler >= NETBSD_USER_END)
		xeno_sig_die(SIGILL, NULL); /* sendsig_siginfo's sigexit(l, SIGILL) */

	/* buildcontext */
	g[REG_RDI] = netbsd_signal_from_host(sig);
	g[REG_RSI] = (greg_t)(fp + offsetof(struct netbsd_sigframe_siginfo, sf_si));
	g[REG_RDX] = g[REG_R15] = (greg_t)(fp + offsetof(struct netbsd_sigframe_siginfo, sf_uc));
	g[REG_RIP] = (greg_t)act->handler;
	g[REG_RSP] = (greg_t)fp;
	g[REG_EFL] &= ~(greg_t)PSL_CLEARSIG;
}

/* sys/kern/kern_sig.c getucontext: the mask, the stack (the alternate one
 * when on it), and cpu_getmcontext.  The saved RIP is past the syscall:
 * libc's getcontext makes the resumed call return 0 itself. */
long netbsd_sys_getcontext(struct xeno_thread *t, uint64_t ucp)
{
	struct netbsd_ucontext *nuc = (struct netbsd_ucontext *)t->scratch;
	memset(nuc, 0, sizeof *nuc);
	nuc->uc_flags = NETBSD_UC_SIGMASK | NETBSD_UC_STACK;
	bsd_sigset_from_host(&netbsd_signals, &t->sigmask, &nuc->uc_sigmask);
	const greg_t *g = t->uc->uc_mcontext.gregs;
	if (t->sigstack.enabled && xeno_sig_on_altstack(t, (uint64_t)g[REG_RSP])) {
		nuc->uc_stack.ss_sp = t->sigstack.sp;
		nuc->uc_stack.ss_size = t->sigstack.size;
		nuc->uc_stack.ss_flags = BSD_SS_ONSTACK;
	}
	get_mcontext(t, t->uc, nuc);
	return xeno_copy_out(ucp, nuc, sizeof *nuc);
}

/* sys/kern/kern_sig.c setucontext and cpu_setmcontext: the registers
 * (flags outside PSL_USER kept), the FPU, the TLS base and the mask, as
 * uc_flags says; the call does not return to its caller. */
long netbsd_sys_setcontext(struct xeno_thread *t, uint64_t ucp)
{
	_Static_assert(sizeof(struct netbsd_ucontext) <= XENO_SCRATCH_SIZE, "scratch");
	struct netbsd_ucontext *nuc = (struct netbsd_ucontext *)t->scratch;
	if (xeno_copy_in(nuc, ucp, sizeof *nuc) < 0)
		return -EFAULT;
	greg_t *g = t->uc->uc_mcontext.gregs;
	const uint64_t *gr = nuc->uc_mcontext.gregs;
	if (nuc->uc_flags & NETBSD_UC_CPU) {
		int err = netbsd_mcontext_check(nuc, g);
		if (err)
			return err;
	}
	/* loading a TLS base xeno's gate could not take is refused */
	if ((nuc->uc_flags & NETBSD_UC_TLSBASE) && nuc->uc_mcontext.mc_tlsbase >= XENO_USER_END)
		return -EINVAL;
	if (nuc->uc_flags & NETBSD_UC_CPU) {
		g[REG_RDI] = gr[NETBSD_REG_RDI];
		g[REG_RSI] = gr[NETBSD_REG_RSI];
		g[REG_RDX] = gr[NETBSD_REG_RDX];
		g[REG_RCX] = gr[NETBSD_REG_RCX];
		g[REG_R8] = gr[NETBSD_REG_R8];
		g[REG_R9] = gr[NETBSD_REG_R9];
		g[REG_R10] = gr[NETBSD_REG_R10];
		g[REG_R11] = gr[NETBSD_REG_R11];
		g[REG_R12] = gr[NETBSD_REG_R12];
		g[REG_R13] = gr[NETBSD_REG_R13];
		g[REG_R14] = gr[NETBSD_REG_R14];
		g[REG_R15] = gr[NETBSD_REG_R15];
		g[REG_RBP] = gr[NETBSD_REG_RBP];
		g[REG_RBX] = gr[NETBSD_REG_RBX];
		g[REG_RAX] = gr[NETBSD_REG_RAX];
		g[REG_RIP] = gr[NETBSD_REG_RIP];
		g[REG_RSP] = gr[NETBSD_REG_RSP];
		g[REG_EFL] = (greg_t)(((uint64_t)g[REG_EFL] & ~PSL_USER) |
				      (gr[NETBSD_REG_RFLAGS] & PSL_USER));
	}
	if ((nuc->uc_flags & NETBSD_UC_FPU) && t->uc->uc_mcontext.fpregs)
		(void)xeno_fp_restore(t->uc->uc_mcontext.fpregs, nuc->uc_mcontext.fpregs, NULL, 0);
	if (nuc->uc_flags & NETBSD_UC_TLSBASE)
		xeno_set_guest_fs(t, nuc->uc_mcontext.mc_tlsbase);
	if (nuc->uc_flags & NETBSD_UC_SIGMASK) {
		sigset_t mask;
		bsd_sigset_to_host(&netbsd_signals, &nuc->uc_sigmask, &mask);
		xeno_sig_set_mask(t, SIG_SETMASK, &mask);
	}
	return -XENO_EJUSTRETURN;
}
