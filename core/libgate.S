/*
 * The direct-call crossing: the library layer's adapter of xeno_call
 * (core/library.h, core/libcall.c), and the ways xeno calls guest code.
 *
 * A guest's call of a shim function lands in its entry stub (generated from
 * the library's spec), which loads the function's struct xeno_libfn into r11
 * and jumps to xeno_lib_entry: no trap, no signal.  The entry puts the thread
 * in xeno's state as the SIGSYS gate does — the selector ALLOW, so that
 * xeno's own system calls reach the kernel — but leaves the host signal mask
 * as it is (the guest's): a signal arriving meanwhile lands in the gate with
 * the selector ALLOW and is queued, and XT_DIRECT tells core/blocking.S that
 * the guest's mask is already in force.  On the way back the selector says
 * BLOCK again, the guest's FS base is back if glibc's was loaded, and what was
 * queued is delivered: a `syscall` at xeno_lib_deliver traps like any guest
 * system call, and core/signal.c, seeing where it came from, delivers the
 * queued signals on the context it has there instead of running a call.  The
 * guest's handler returns to the instruction after it, a plain `ret`.  A
 * handler may also have the guest go on elsewhere (an unwinder entering a
 * landing pad, core/libcall.h xeno_lib_resume): the same way back, then all
 * the general registers popped from below the new stack pointer.
 *
 * This code is outside the gate's section on purpose: that `syscall` must
 * trap.  Everything else it does with the selector ALLOW.
 */
#include "core/gate.h"

	.text

.macro SAVE_ARGUMENTS
	movq	%rdi, 8(%rsp)
	movq	%rsi, 16(%rsp)
	movq	%rdx, 24(%rsp)
	movq	%rcx, 32(%rsp)
	movq	%r8, 40(%rsp)
	movq	%r9, 48(%rsp)
	movdqu	%xmm0, 56(%rsp)
	movdqu	%xmm1, 72(%rsp)
	movdqu	%xmm2, 88(%rsp)
	movdqu	%xmm3, 104(%rsp)
	movdqu	%xmm4, 120(%rsp)
	movdqu	%xmm5, 136(%rsp)
	movdqu	%xmm6, 152(%rsp)
	movdqu	%xmm7, 168(%rsp)
.endm

.macro RESTORE_ARGUMENTS
	movq	8(%rsp), %rdi
	movq	16(%rsp), %rsi
	movq	24(%rsp), %rdx
	movq	32(%rsp), %rcx
	movq	40(%rsp), %r8
	movq	48(%rsp), %r9
	movdqu	56(%rsp), %xmm0
	movdqu	72(%rsp), %xmm1
	movdqu	88(%rsp), %xmm2
	movdqu	104(%rsp), %xmm3
	movdqu	120(%rsp), %xmm4
	movdqu	136(%rsp), %xmm5
	movdqu	152(%rsp), %xmm6
	movdqu	168(%rsp), %xmm7
.endm

/*
 * xeno_lib_entry: r11 = the function's struct xeno_libfn; the guest's return
 * address at (%rsp), its arguments in rdi, rsi, rdx, rcx, r8, r9, xmm0-7 and
 * beyond them on the stack (the System V convention; al counts the vector
 * registers of a variadic call).  Frame while xeno runs, from rsp:
 *      0: the descriptor
 *      8: rdi rsi rdx rcx r8 r9, then xmm0-7: what xeno_libcall gets, laid
 *         out as a va_list's register save area (core/libcall.h)
 *    184: rbx rbp r12 r13 r14 r15, the guest's callee-saved registers at the
 *         call (a shim that unwinds the guest's stack starts from them)
 *    232: result    240: restart?    248: the guest's return address
 *    256: the arguments on the stack
 */
	.globl	xeno_lib_entry
	.type	xeno_lib_entry, @function
xeno_lib_entry:
	XENO_THREAD_STATE %r10
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r10)
	movb	$1, XT_DIRECT(%r10)
	subq	$248, %rsp
	movq	%r11, 0(%rsp)
	SAVE_ARGUMENTS
	movq	%rbx, 184(%rsp)
	movq	%rbp, 192(%rsp)
	movq	%r12, 200(%rsp)
	movq	%r13, 208(%rsp)
	movq	%r14, 216(%rsp)
	movq	%r15, 224(%rsp)
	movq	%r11, %rdi		/* xeno_libcall(fn, regs) */
	leaq	8(%rsp), %rsi
	/* The guest's stack may be 8 off the 16 the psABI wants at a call
	 * (Go 1.26's asmsysvicall6 calls libc so): C gets it aligned, rbp
	 * (the guest's, saved) keeps where the frame is. */
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-16, %rsp
	call	xeno_libcall
	movq	%rbp, %rsp
	popq	%rbp
	cmpq	$XENO_LIBRET_RESUME, %rdx
	je	.Lresume
	movq	%rax, 232(%rsp)
	movq	%rdx, 240(%rsp)
	XENO_THREAD_STATE %r10
	LEAVE_HOST_FS %r10
	movb	$0, XT_DIRECT(%r10)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	cmpq	$XENO_LIBRET_RETURN, 240(%rsp)
	jne	.Lrestart
	movq	232(%rsp), %rax
	addq	$248, %rsp
	cmpb	$0, XT_SIGPENDING(%r10)
	jne	.Ldeliver
	ret
.Ldeliver:
	syscall				/* traps: the queued signals are delivered */
	.globl	xeno_lib_deliver
xeno_lib_deliver:
	ret
/* Interrupted by a signal whose handler asked for a restart: the signal is
 * delivered first, then the function is called again with its arguments. */
.Lrestart:
	RESTORE_ARGUMENTS
	movq	0(%rsp), %r11
	addq	$248, %rsp
	pushq	%r11
	pushq	%rcx			/* the trap clobbers rcx and r11 */
	syscall				/* traps: the queued signals are delivered */
	.globl	xeno_lib_restart
xeno_lib_restart:
	popq	%rcx
	popq	%r11
	jmp	xeno_lib_entry
/* The handler asked for the guest to go on elsewhere (an unwinder installing
 * a landing pad's context): rax = a struct xeno_guest_jump (core/libcall.h),
 * whose registers and rip are copied just below its rsp, where nothing of
 * the guest's lives any more (the frames there are the ones unwound, this
 * entry's own among them, which is left for good), to be popped from there
 * once the thread is the guest's again. */
.Lresume:
	movq	128(%rax), %rcx		/* the guest's rsp */
	xorl	%edx, %edx
1:	movq	(%rax,%rdx,8), %r11
	movq	%r11, -128(%rcx,%rdx,8)
	incl	%edx
	cmpl	$16, %edx
	jne	1b
	leaq	-128(%rcx), %rsp
	XENO_THREAD_STATE %r10
	LEAVE_HOST_FS %r10
	movb	$0, XT_DIRECT(%r10)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	cmpb	$0, XT_SIGPENDING(%r10)
	je	xeno_lib_resumed
	syscall				/* traps: the queued signals are delivered */
	.globl	xeno_lib_resumed
xeno_lib_resumed:
	popq	%rax
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rsi
	popq	%rdi
	popq	%rbp
	popq	%r8
	popq	%r9
	popq	%r10
	popq	%r11
	popq	%r12
	popq	%r13
	popq	%r14
	popq	%r15
	ret
	.size	xeno_lib_entry, .-xeno_lib_entry

/*
 * uint64_t xeno_guest_call(const struct xeno_guest_call *gc)
 * Calls guest code from a handler running in a direct call (a qsort
 * comparator, an atexit function, a destructor): gc->fn with gc->args[0..5],
 * on the current stack (the guest's), as a System V call.  While it runs
 * the thread is the guest's: the selector BLOCK, the guest's FS base, its
 * signals delivered at once.  Returns what it returned, with the FS base
 * the handler had: glibc's again if it had loaded it (a handler that uses
 * malloc around guest calls, as dlopen's initialisers are run, goes on
 * using it).
 */
	.globl	xeno_guest_call
	.type	xeno_guest_call, @function
xeno_guest_call:
	pushq	%rbx
	pushq	%r12
	subq	$8, %rsp
	movq	%rdi, %rbx
	XENO_THREAD_STATE %r10
	movzbl	XT_HOST_TLS(%r10), %r12d
	LEAVE_HOST_FS %r10
	movb	$0, XT_DIRECT(%r10)
	movb	$XENO_SEL_BLOCK, XT_SELECTOR(%r10)
	movq	8(%rbx), %rdi
	movq	16(%rbx), %rsi
	movq	24(%rbx), %rdx
	movq	32(%rbx), %rcx
	movq	40(%rbx), %r8
	movq	48(%rbx), %r9
	call	*0(%rbx)
	XENO_THREAD_STATE %r10
	movb	$XENO_SEL_ALLOW, XT_SELECTOR(%r10)
	movb	$1, XT_DIRECT(%r10)
	testl	%r12d, %r12d
	jz	1f
	cmpb	$0, XT_HOST_TLS(%r10)
	jne	1f
	movq	%rax, (%rsp)
	movq	%r10, %rbx
	cmpb	$0, xeno_have_fsgsbase(%rip)
	je	2f
	movq	XT_HOST_FS(%rbx), %rax
	wrfsbase %rax
	jmp	3f
2:	movl	$XENO_NR_ARCH_PRCTL, %eax
	movl	$XENO_ARCH_SET_FS, %edi
	movq	XT_HOST_FS(%rbx), %rsi
	syscall
3:	movb	$1, XT_HOST_TLS(%rbx)
	movq	(%rsp), %rax
1:	addq	$8, %rsp
	popq	%r12
	popq	%rbx
	ret
	.size	xeno_guest_call, .-xeno_guest_call

/*
 * Guest-side starts, entered as guest code (selector BLOCK) by
 * xeno_enter_guest with the registers named here.
 *
 * xeno_guest_start_program: rbx = a struct xeno_init_list (its steps run in
 * order: each function is called with argc, argv and envp, and where a step
 * has a place, what it returns is stored there — an IRELATIVE resolver's
 * answer); then the program's entry with rsp = r13, rdi = r14, rsi = r15,
 * rip = r12, every other register zero.
 */
	.globl	xeno_guest_start_program
	.type	xeno_guest_start_program, @function
xeno_guest_start_program:
	andq	$-16, %rsp
	leaq	24(%rbx), %rbp		/* the steps, after argc, argv, envp */
1:	movq	(%rbp), %rax
	testq	%rax, %rax
	jz	2f
	movq	0(%rbx), %rdi
	movq	8(%rbx), %rsi
	movq	16(%rbx), %rdx
	call	*%rax
	movq	8(%rbp), %rcx
	testq	%rcx, %rcx
	jz	3f
	movq	%rax, (%rcx)
3:	addq	$16, %rbp
	jmp	1b
2:	movq	%r13, %rsp
	movq	%r14, %rdi
	movq	%r15, %rsi
	movq	%r12, %rax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	jmp	*%rax
	.size	xeno_guest_start_program, .-xeno_guest_start_program

/*
 * xeno_guest_start_thread: a thread made by a shim's thread-create call:
 * rbx = its start routine, rdi = its argument, r12 = the function that ends
 * the thread with the routine's result (never returns).
 */
	.globl	xeno_guest_start_thread
	.type	xeno_guest_start_thread, @function
xeno_guest_start_thread:
	andq	$-16, %rsp
	call	*%rbx
	movq	%rax, %rdi
	call	*%r12
	ud2
	.size	xeno_guest_start_thread, .-xeno_guest_start_thread

	.section .note.GNU-stack, "", @progbits
