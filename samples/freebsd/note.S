/*
 * The ABI tag every FreeBSD program carries (sys/sys/elf_common.h
 * NT_FREEBSD_ABI_TAG = 1, owner "FreeBSD", desc = __FreeBSD_version),
 * in the .note.tag section as FreeBSD's crt1 has it.
 */
	.section .note.tag, "a", @note
	.balign	4
	.long	8		/* namesz: "FreeBSD\0" */
	.long	4		/* descsz */
	.long	1		/* NT_FREEBSD_ABI_TAG */
	.asciz	"FreeBSD"
	.long	1402000		/* built for FreeBSD 14.2 */

	.section .note.GNU-stack, "", @progbits
