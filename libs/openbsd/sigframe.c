/*
 * Delivering a signal to an OpenBSD handler and returning from it.  The
 * frame is what the kernel's sendsig (sys/arch/amd64/amd64/machdep.c)
 * builds: the FPU state (an FXSAVE image, 64-aligned), a siginfo_t and a
 * struct sigcontext on the stack (or the alternate stack), the handler
 * called as handler(sig, sip, scp); it returns to a trampoline
 * (libs/openbsd/sigcode.S) that calls sigreturn(scp), which restores every
 * register from the sigcontext (Go rewrites sc_rip and sc_rsp to preempt),
 * the FPU state sc_fpstate points at and the mask sc_mask.
 *
 * The FPU state beyond the FXSAVE image (AVX and later) goes just above it,
 * and words of xeno's own after the sigcontext say where.
 */
#include <errno.h>
#include <string.h>

#include "abi/openbsd/signal.h"
#include "core/fpstate.h"
#include "core/libcall.h"
#include "core/sigstate.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/openbsd/openbsd.h"
#include "openbsd_sysproto.h"
#include "syscalls/bsd/signal.h"

void openbsd_sigcode(void);

/* x86 flags a context may change (sys/arch/amd64/include/psl.h PSL_USERSTATIC
 * leaves the rest as they were): C PF AF Z N T D V NT AC ID. */
#define PSL_USERMASK 0x244dd5ULL
#define PSL_T	     0x100ULL
#define PSL_D	     0x400ULL
#define PSL_RF	     0x10000ULL

#define FRAME_MAGIC 0x786e6f7373696758ULL /* xeno's words follow */

struct openbsd_sigframe {
	struct openbsd_sigcontext sc;
	uint64_t magic;
	uint64_t xsave_at, xsave_len;
	struct openbsd_siginfo si;
};
_Static_assert(sizeof(struct openbsd_sigframe) % 8 == 0, "frame");

/* host REG_* <-> the sigcontext's fields */
#define SC(field) offsetof(struct openbsd_sigcontext, field)
static const struct {
	int host;
	size_t off;
} gregs_map[] = {
    {REG_RDI, SC(sc_rdi)}, {REG_RSI, SC(sc_rsi)}, {REG_RDX, SC(sc_rdx)},
    {REG_RCX, SC(sc_rcx)}, {REG_R8, SC(sc_r8)},	  {REG_R9, SC(sc_r9)},
    {REG_R10, SC(sc_r10)}, {REG_R11, SC(sc_r11)}, {REG_R12, SC(sc_r12)},
    {REG_R13, SC(sc_r13)}, {REG_R14, SC(sc_r14)}, {REG_R15, SC(sc_r15)},
    {REG_RBP, SC(sc_rbp)}, {REG_RBX, SC(sc_rbx)}, {REG_RAX, SC(sc_rax)},
    {REG_RIP, SC(sc_rip)}, {REG_RSP, SC(sc_rsp)}, {REG_TRAPNO, SC(sc_trapno)},
    {REG_ERR, SC(sc_err)},
};
#define NMAP (sizeof gregs_map / sizeof gregs_map[0])

/* sys/arch/amd64/include/segments.h: GSEL(GUCODE_SEL, SEL_UPL), GUDATA */
#define OPENBSD_UCS_SEL 0x2b
#define OPENBSD_UDS_SEL 0x23

void openbsd_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask)
{
	greg_t *g = uc->uc_mcontext.gregs;
	const char *fp = (const char *)uc->uc_mcontext.fpregs;
	bool on_alt;
	uint64_t sp = bsd_signal_frame_top(t, act, (uint64_t)g[REG_RSP], &on_alt);
	size_t xlen = xeno_fp_xstate_extra(fp);
	sp = (sp - XENO_FXSAVE_SIZE - xlen) & ~63ULL;
	uint64_t fpstate = sp;
	sp = (sp - sizeof(struct openbsd_sigframe)) & ~15ULL;

	_Static_assert(sizeof(struct openbsd_sigframe) <= XENO_SCRATCH_SIZE, "scratch");
	struct openbsd_sigframe *f = (struct openbsd_sigframe *)t->scratch;
	memset(f, 0, sizeof *f);
	for (size_t i = 0; i < NMAP; i++)
		*(int64_t *)((char *)&f->sc + gregs_map[i].off) = g[gregs_map[i].host];
	f->sc.sc_rflags = (int64_t)((uint64_t)g[REG_EFL] & ~PSL_RF);
	f->sc.sc_cs = OPENBSD_UCS_SEL;
	f->sc.sc_ss = f->sc.sc_ds = f->sc.sc_es = OPENBSD_UDS_SEL;
	f->sc.sc_fpstate = fpstate;
	f->sc.sc_mask = (int32_t)openbsd_sigset_from_host(old_mask);
	f->magic = FRAME_MAGIC;
	f->xsave_at = xlen ? fpstate + XENO_FXSAVE_SIZE : 0;
	f->xsave_len = xlen;
	bsd_siginfo_write(&openbsd_signal_facts, sig, si, &f->si);

	uint64_t ret = (uint64_t)openbsd_sigcode;
	if (xeno_copy_out(sp, f, sizeof *f) < 0 || xeno_copy_out(sp - 8, &ret, sizeof ret) < 0 ||
	    (fp && xeno_copy_out(fpstate, fp, XENO_FXSAVE_SIZE + xlen) < 0))
		xeno_sig_die(SIGSEGV, NULL); /* sendsig: a frame it cannot write kills */

	g[REG_RDI] = openbsd_signal_from_host(sig);
	g[REG_RSI] = (act->flags & XENO_SA_SIGINFO)
			 ? (greg_t)(sp + offsetof(struct openbsd_sigframe, si))
			 : 0;
	g[REG_RDX] = (greg_t)sp;
	g[REG_RSP] = (greg_t)(sp - 8);
	g[REG_RIP] = (greg_t)act->handler;
	g[REG_EFL] &= ~(greg_t)(PSL_T | PSL_D);
}

/* sigreturn(scp): sys/arch/amd64/amd64/machdep.c sys_sigreturn. */
long openbsd_sys_sigreturn(struct xeno_thread *t, uint64_t scp)
{
	struct openbsd_sigframe *f = (struct openbsd_sigframe *)t->scratch;
	if (xeno_copy_in(&f->sc, scp, sizeof f->sc) < 0)
		return -EFAULT;
	uint64_t own[3] = {0, 0, 0};
	xeno_copy_in(own, scp + offsetof(struct openbsd_sigframe, magic), sizeof own);
	greg_t *g = t->uc->uc_mcontext.gregs;
	if (f->sc.sc_fpstate) {
		char *buf = (char *)t->scratch + sizeof *f;
		size_t xlen = own[0] == FRAME_MAGIC ? own[2] : 0;
		if (XENO_FXSAVE_SIZE + xlen > XENO_SCRATCH_SIZE - sizeof *f)
			xlen = 0;
		if (xeno_copy_in(buf, f->sc.sc_fpstate, XENO_FXSAVE_SIZE + xlen) < 0)
			return -EFAULT;
		int err =
		    xeno_fp_restore(t->uc->uc_mcontext.fpregs, buf, buf + XENO_FXSAVE_SIZE, xlen);
		if (err)
			return err;
	}
	for (size_t i = 0; i < NMAP; i++)
		g[gregs_map[i].host] = *(const int64_t *)((const char *)&f->sc + gregs_map[i].off);
	uint64_t rfl = (uint64_t)f->sc.sc_rflags;
	g[REG_EFL] = (greg_t)(((uint64_t)g[REG_EFL] & ~PSL_USERMASK) | (rfl & PSL_USERMASK));
	sigset_t mask;
	openbsd_sigset_to_host((openbsd_sigset)f->sc.sc_mask, &mask);
	xeno_sig_set_mask(t, SIG_SETMASK, &mask);
	return -XENO_EJUSTRETURN;
}
