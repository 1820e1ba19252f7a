/*
 * The unwind fuzzer's seeds (tests/fuzz/README.md), written at build time
 * into the directory named: objects whose unwind information is what
 * compilers write (tests/fuzz/unwind_build.h), each walk starting in one
 * of its functions.
 *   make_unwind_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>

#include "tests/fuzz/unwind_build.h"

/* DWARF 5 6.4.2 instructions of typical x86-64 functions. */
static const uint8_t frame_rbp[] = {
    0x41,	 /* advance_loc 1 (push %rbp) */
    0x0e, 16,	 /* def_cfa_offset 16 */
    0x86, 2,	 /* offset r6 (rbp) at cfa-16 */
    0x43,	 /* advance_loc 3 (mov %rsp,%rbp) */
    0x0d, 6,	 /* def_cfa_register rbp */
    0x4c,	 /* advance_loc 12 */
    0x0c, 7,  8, /* def_cfa rsp 8 (after leave) */
};
static const uint8_t leaf[] = {0x00};
static const uint8_t remember[] = {
    0x44, 0x0e, 32, 0x83, 3, /* push rbx: cfa+32, rbx at cfa-24 */
    0x0a,		     /* remember_state */
    0x42, 0x0e, 8,	     /* epilogue */
    0x0b,		     /* restore_state */
    0x2e, 16,		     /* GNU_args_size 16 */
};
/* gcc's realigned frame: CFA and rbp through expressions */
static const uint8_t realign[] = {
    0x41, 0x0f, 3, 0x76, 0x78, 0x06, /* def_cfa_expression breg6 -8; deref */
    0x10, 6,	2, 0x76, 0x00,	     /* expression rbp: breg6 0 */
    0x41, 0x16, 3, 2,	 0x77, 0x10, /* val_expression rbx: breg7 16 */
};
/* a PLT: DW_OP_breg7 8; breg16 0; lit15; and; lit11; ge; lit3; shl; plus */
static const uint8_t plt[] = {0x0f, 11, 0x77, 8, 0x80, 0, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22};

/* An input: the header's offset in the blob (0, or 0xffff for
 * instructions alone, which the harness wraps: tests/fuzz/unwind_run.h),
 * the text offset the walk starts from, then the n bytes of body. */
static void seed(const char *dir, const char *name, uint16_t hdr, uint16_t pc, const void *body,
		 size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	uint8_t head[4] = {(uint8_t)hdr, (uint8_t)(hdr >> 8), (uint8_t)pc, (uint8_t)(pc >> 8)};
	if (!f || fwrite(head, 1, 4, f) != 4 || fwrite(body, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_unwind_seeds DIR\n");
		return 2;
	}
	const struct ub_fde fdes[] = {
	    {0x000, 0x100, frame_rbp, sizeof frame_rbp, 0x3000},
	    {0x100, 0x100, leaf, sizeof leaf, 0x3000},
	    {0x200, 0x100, remember, sizeof remember, 0x3000},
	    {0x300, 0x100, realign, sizeof realign, 0x3000},
	    {0x400, 0x100, plt, sizeof plt, 0x3000},
	};
	static struct ub u;
	ub_blob(&u, 1, 0, 1, fdes, 5);
	seed(argv[1], "table", 0, 0x20, u.b, u.n);
	seed(argv[1], "table-leaf", 0, 0x150, u.b, u.n);
	seed(argv[1], "table-remember", 0, 0x250, u.b, u.n);
	seed(argv[1], "table-realign", 0, 0x350, u.b, u.n);
	seed(argv[1], "table-plt", 0, 0x450, u.b, u.n);
	ub_blob(&u, 3, 1, 1, fdes, 5);
	seed(argv[1], "personality-v3", 0, 0x20, u.b, u.n);
	ub_blob(&u, 1, 0, 0, fdes, 5);
	seed(argv[1], "no-table", 0, 0x250, u.b, u.n);
	seed(argv[1], "wrapped-rbp", 0xffff, 0x150, frame_rbp, sizeof frame_rbp);
	seed(argv[1], "wrapped-remember", 0xffff, 0x150, remember, sizeof remember);
	seed(argv[1], "wrapped-realign", 0xffff, 0x150, realign, sizeof realign);
	seed(argv[1], "wrapped-plt", 0xffff, 0x150, plt, sizeof plt);
	return 0;
}
