/*
 * The crossing between guest and host: constants shared by the assembly gate
 * (core/gate.S, core/blocking.S) and C.  This header is included by both.
 *
 * The locator.  Every host thread that runs guest code owns a struct
 * xeno_thread, which the gate must find before any C code runs, whatever the
 * guest did to the segment registers.  A guest owns one of them for its
 * thread-local storage (core/personality.h): the BSDs and illumos own FS,
 * macOS (pthread TSD, Go's g at %gs:0x30) and Windows (the TEB) own GS.
 * Where the guest owns FS, xeno points the GS base at the thread's state;
 * where it owns GS, the guest leaves FS alone, glibc's thread pointer stays
 * loaded, and the state is found through a thread-local variable of xeno's
 * (xeno_tls_self).  xeno_state_via_fs says which, for the whole process;
 * XENO_THREAD_STATE (assembly) and xeno_current (C, core/thread.h) read it.
 */
#ifndef XENO_CORE_GATE_H
#define XENO_CORE_GATE_H

/* Offsets into struct xeno_thread (checked by _Static_assert in thread.h). */
#define XT_SELF		0  /* struct xeno_thread *: this structure */
#define XT_SELECTOR	8  /* uint8_t: Syscall User Dispatch selector */
#define XT_SIGPENDING	9  /* uint8_t: a signal for the guest is queued */
#define XT_HOST_TLS	10 /* uint8_t: the FS base is glibc's (see below) */
#define XT_HOST_FS	16 /* uint64_t: glibc's thread pointer for this thread */
#define XT_GUEST_FS	24 /* uint64_t: the guest's FS base */
#define XT_WAIT_MASK	32 /* uint64_t: host signal mask while blocked for the guest */
#define XT_DIRECT	11 /* uint8_t: in a direct call (core/libgate.S), signals not blocked */
#define XT_DIRECT_FRAME 40 /* uint64_t: the ms_abi entry's frame (core/libgate_ms.S) */
#define XT_SITECALL	64 /* struct xeno_sitecall: a patched site's call (core/sitecall.h) */

/* Inside struct xeno_sitecall: the guest's registers (a ucontext_t's gregs,
 * glibc's REG_* order) and its FP/vector state (an XSAVE area). */
#define XS_GREGS  48
#define XS_FPU	  1024
#define XT_G(reg) (XT_SITECALL + XS_GREGS + 8 * (reg))
#define XG_R8	  0
#define XG_R9	  1
#define XG_R10	  2
#define XG_R11	  3
#define XG_R12	  4
#define XG_R13	  5
#define XG_R14	  6
#define XG_R15	  7
#define XG_RDI	  8
#define XG_RSI	  9
#define XG_RBP	  10
#define XG_RBX	  11
#define XG_RDX	  12
#define XG_RAX	  13
#define XG_RCX	  14
#define XG_RSP	  15
#define XG_RIP	  16
#define XG_EFL	  17

/*
 * The FS base.  The guest owns it while it runs; glibc's thread-local state
 * (errno, malloc, locks, stdio) needs it while xeno runs.  Where the CPU
 * lets user code write it (FSGSBASE), the gate swaps it on every crossing:
 * it costs nothing.  Elsewhere a swap is an arch_prctl system call each way
 * (several microseconds on virtual machines), so the gate leaves the
 * guest's FS base in place and C code that needs glibc's state asks for it
 * (xeno_host_tls); the gate swaps back on the way out only if it was asked.
 * XT_HOST_TLS says which FS base is loaded while the selector is ALLOW.
 * Whatever changes the guest's FS base goes through xeno_set_guest_fs.
 */

/* Selector values (linux/prctl.h SYSCALL_DISPATCH_FILTER_*). */
#define XENO_SEL_ALLOW 0 /* xeno runs: syscalls go to the kernel */
#define XENO_SEL_BLOCK 1 /* the guest runs: syscalls raise SIGSYS */

/* What a direct call's handler asks the entry to do on its way out
 * (struct xeno_libret's restart, core/libcall.h). */
#define XENO_LIBRET_RETURN  0 /* return the value to the caller */
#define XENO_LIBRET_RESTART 1 /* deliver the queued signals, call again */
#define XENO_LIBRET_RESUME  2 /* resume the guest at a struct xeno_guest_jump */

/* Linux x86-64 system call numbers and arch_prctl codes the gate uses. */
#define XENO_NR_RT_SIGPROCMASK 14
#define XENO_NR_RT_SIGRETURN   15
#define XENO_NR_ARCH_PRCTL     158
#define XENO_ARCH_SET_FS       0x1002

#ifdef __ASSEMBLER__
/* clang-format off */
/* Loads the calling thread's struct xeno_thread into \reg (flags clobbered). */
.macro XENO_THREAD_STATE reg
	cmpb	$0, xeno_state_via_fs(%rip)
	jne	.Lxts_fs\@
	movq	%gs:XT_SELF, \reg
	jmp	.Lxts_done\@
.Lxts_fs\@:
	movq	%fs:xeno_tls_self@tpoff, \reg
.Lxts_done\@:
.endm

/* Entering xeno: with FSGSBASE, save the guest's FS base and load glibc's
 * (cheap); without, leave the guest's in place (XT_HOST_TLS says so).
 * Nothing to do where the guest leaves FS to glibc.  \t: the state. */
.macro ENTER_HOST_FS t
	cmpb	$0, xeno_state_via_fs(%rip)
	jne	1f
	cmpb	$0, xeno_have_fsgsbase(%rip)
	je	1f
	rdfsbase %rax
	movq	%rax, XT_GUEST_FS(\t)
	movq	XT_HOST_FS(\t), %rax
	wrfsbase %rax
	movb	$1, XT_HOST_TLS(\t)
1:
.endm

/* Leaving xeno: put the guest's FS base back if glibc's is loaded (the
 * guest's may have changed meanwhile: XT_GUEST_FS is the one to load).
 * Clobbers rax, rdi, rsi, rcx, r11. */
.macro LEAVE_HOST_FS t
	cmpb	$0, xeno_state_via_fs(%rip)
	jne	2f
	cmpb	$0, XT_HOST_TLS(\t)
	je	2f
	cmpb	$0, xeno_have_fsgsbase(%rip)
	je	1f
	movq	XT_GUEST_FS(\t), %rax
	wrfsbase %rax
	jmp	3f
1:	movl	$XENO_NR_ARCH_PRCTL, %eax
	movl	$XENO_ARCH_SET_FS, %edi
	movq	XT_GUEST_FS(\t), %rsi
	syscall
3:	movb	$0, XT_HOST_TLS(\t)
2:
.endm
/* clang-format on */
#endif

#endif
