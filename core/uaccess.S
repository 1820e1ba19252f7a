/*
 * Guest-memory copies that can fault.  A fault inside [xeno_uaccess_begin,
 * xeno_uaccess_end) is resumed at xeno_uaccess_fault, which returns -EFAULT
 * to the caller.  None of these routines touches the stack, so the return
 * address is on top whenever they fault.
 */
	.text
	.globl	xeno_uaccess_begin, xeno_uaccess_end, xeno_uaccess_fault

/* long xeno_raw_copy(void *dst, const void *src, size_t n): 0 or -EFAULT */
	.globl	xeno_raw_copy
	.type	xeno_raw_copy, @function
	.balign	16
xeno_uaccess_begin:
xeno_raw_copy:
	movq	%rdx, %rcx
	rep movsb
	xorl	%eax, %eax
	ret
	.size	xeno_raw_copy, .-xeno_raw_copy

/* long xeno_raw_strncpy(char *dst, const char *src, size_t max):
 * length before the NUL, max if none came within max bytes, or -EFAULT */
	.globl	xeno_raw_strncpy
	.type	xeno_raw_strncpy, @function
xeno_raw_strncpy:
	xorl	%eax, %eax
1:	cmpq	%rdx, %rax
	je	2f
	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	je	2f
	incq	%rax
	jmp	1b
2:	ret
	.size	xeno_raw_strncpy, .-xeno_raw_strncpy
xeno_uaccess_end:

xeno_uaccess_fault:
	movq	$-14, %rax		/* -EFAULT */
	ret

	.section .note.GNU-stack, "", @progbits
