/*
 * Program entry for the illumos samples, as illumos's crt1 has it for
 * amd64 (usr/src/lib/crt/amd64/crt1.s: argc at RSP, argv and envp above
 * it; main's status goes to exit).  ld.so.1 would leave an atexit
 * function in RDX; xeno's exit runs the finalisers itself.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	leaq	16(%rsp,%rdi,8), %rdx	/* envp: after argv's NULL */
	andq	$-16, %rsp
	call	main@PLT
	movl	%eax, %edi
	call	exit@PLT
	hlt
	.size	_start, .-_start

	.section .note.GNU-stack, "", @progbits
