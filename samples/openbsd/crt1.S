/*
 * Program entry for the OpenBSD samples, as OpenBSD's crt0 has it for
 * amd64 (lib/csu/amd64/md_init.h, lib/csu/crt0.c: argc at RSP, argv and
 * envp above it; main's status goes to exit), and the OpenBSD ABI note
 * (lib/csu/os-note-elf.h: "OpenBSD", type 1, desc 0).
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

	.section .note.openbsd.ident, "a", @note
	.p2align 2
	.long	8, 4, 1
	.ascii	"OpenBSD\0"
	.long	0

	.section .note.GNU-stack, "", @progbits
