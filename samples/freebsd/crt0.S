/*
 * Program entry for the FreeBSD samples.  FreeBSD's exec_setregs points RDI
 * at argc (argv and envp follow it); RSP is 8 mod 16.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	andq	$-16, %rsp
	call	mini_start		/* mini_start(long *argc_pointer) */
	hlt
	.size	_start, .-_start

/*
 * long fbsd_syscall(long number, long a1, long a2, long a3, long a4, long a5,
 *                   long a6)
 * A raw FreeBSD system call: the result, or -errno (FreeBSD's) when the
 * kernel sets the carry flag.  FreeBSD/amd64 takes the arguments in RDI, RSI,
 * RDX, R10, R8, R9 (sys/amd64/amd64/trap.c cpu_fetch_syscall_args); a6, the
 * seventh C argument, arrives on the stack above the return address.
 */
	.globl	fbsd_syscall
	.type	fbsd_syscall, @function
fbsd_syscall:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9
	syscall
	jnc	1f
	negq	%rax
1:	ret
	.size	fbsd_syscall, .-fbsd_syscall

/*
 * long fbsd_syscall2(long number, long *second, long a1, long a2, long a3)
 * A call with a second result in RDX, stored at *second on success.
 */
	.globl	fbsd_syscall2
	.type	fbsd_syscall2, @function
fbsd_syscall2:
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
	.size	fbsd_syscall2, .-fbsd_syscall2

	.section .note.GNU-stack, "", @progbits
