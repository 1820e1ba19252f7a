/*
 * The trampoline FreeBSD signal handlers return through (FreeBSD keeps it in
 * the shared page: sys/amd64/amd64/sigtramp.S).  The frame built by
 * syscalls/freebsd/sigframe.c holds the handler at 0(%rsp) and the
 * ucontext at 16(%rsp).  It runs as guest code: its syscall traps like any.
 */
	.text
	.globl	freebsd_sigcode
	.type	freebsd_sigcode, @function
	.balign	16
freebsd_sigcode:
	call	*0(%rsp)
	leaq	16(%rsp), %rdi
	pushq	$0
	movq	$417, %rax		/* sigreturn */
	syscall
0:	hlt
	jmp	0b
	.size	freebsd_sigcode, .-freebsd_sigcode

	.section .note.GNU-stack, "", @progbits
