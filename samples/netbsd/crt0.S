/*
 * Program entry for the NetBSD samples.  NetBSD's setregs
 * (sys/arch/amd64/amd64/machdep.c) leaves RSP at argc (argv and envp
 * follow it) and RBX at struct ps_strings.
 */
#include "netbsd_sysnums.h"

	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movq	%rsp, %rdi
	andq	$-16, %rsp
	call	mini_start		/* mini_start(long *argc_pointer) */
	hlt
	.size	_start, .-_start

/*
 * long nbsd_syscall(long number, long a1, long a2, long a3, long a4,
 *                   long a5, long a6, long a7)
 * A raw NetBSD system call: the result, or -errno (NetBSD's) when the
 * kernel sets the carry flag.  NetBSD/amd64 takes six arguments in RDI,
 * RSI, RDX, R10, R8, R9 and the rest from the user stack above the return
 * address (sys/arch/x86/x86/syscall.c): a7 (mmap's offset, after its
 * padding slot) is put there.
 */
	.globl	nbsd_syscall
	.type	nbsd_syscall, @function
nbsd_syscall:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	movq	16(%rsp), %r11
	subq	$16, %rsp
	movq	%r11, 8(%rsp)
	syscall
	leaq	16(%rsp), %rsp		/* keeps the carry flag */
	jnc	1f
	negq	%rax
1:	ret
	.size	nbsd_syscall, .-nbsd_syscall

/*
 * long nbsd_syscall2(long number, long *second, long a1, long a2, long a3)
 * A call with a second result in RDX, stored at *second on success.
 */
	.globl	nbsd_syscall2
	.type	nbsd_syscall2, @function
nbsd_syscall2:
	pushq	%rsi
	movq	%rdi, %rax
	movq	%rdx, %rdi
	movq	%rcx, %rsi
	movq	%r8, %rdx
	syscall
	popq	%rcx
	jnc	1f
	negq	%rax
	ret
1:	movq	%rdx, (%rcx)
	ret
	.size	nbsd_syscall2, .-nbsd_syscall2

/*
 * The signal trampoline a NetBSD program registers with each handler
 * (__sigaction_sigtramp, version 2: libc's __sigtramp_siginfo_2).  The
 * handler returns here; R15 still points at the ucontext the kernel saved,
 * and setcontext resumes it.
 */
	.globl	nbsd_sigtramp
	.type	nbsd_sigtramp, @function
nbsd_sigtramp:
	movq	%r15, %rdi
	movq	$NETBSD_SYS_setcontext, %rax
	syscall
	movq	%rax, %rdi		/* setcontext failed: exit with its errno */
	movq	$NETBSD_SYS_exit, %rax
	syscall
	.size	nbsd_sigtramp, .-nbsd_sigtramp

	.section .note.GNU-stack, "", @progbits
