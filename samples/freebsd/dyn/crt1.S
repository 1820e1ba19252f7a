/*
 * Program entry for the dynamically linked FreeBSD samples, as FreeBSD's
 * crt1 has it (lib/csu/amd64/crt1_s.S, crt1_c.c): the interpreter calls
 * _start(ap, cleanup) with ap pointing at argc; _start hands argc, argv,
 * envp, cleanup and main to libc's __libc_start1, which never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movq	%rsi, %rcx		/* cleanup */
	movq	(%rdi), %rax		/* argc */
	leaq	8(%rdi), %rsi		/* argv */
	leaq	16(%rdi,%rax,8), %rdx	/* envp: after argv's NULL */
	movl	%eax, %edi
	leaq	main(%rip), %r8
	andq	$-16, %rsp
	call	__libc_start1@PLT
	hlt
	.size	_start, .-_start

	.section .note.GNU-stack, "", @progbits
