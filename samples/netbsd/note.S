/*
 * The ABI tag every NetBSD program carries (sys/sys/exec_elf.h
 * ELF_NOTE_TYPE_NETBSD_TAG = 1, owner "NetBSD", desc = __NetBSD_Version__),
 * in the .note.netbsd.ident section as NetBSD's crt0 has it.
 */
	.section .note.netbsd.ident, "a", @note
	.balign	4
	.long	7		/* namesz: "NetBSD\0" */
	.long	4		/* descsz */
	.long	1		/* ELF_NOTE_TYPE_NETBSD_TAG */
	.asciz	"NetBSD"
	.balign	4
	.long	1000000000	/* built for NetBSD 10.0 */

	.section .note.GNU-stack, "", @progbits
