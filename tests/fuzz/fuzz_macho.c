/*
 * libFuzzer target: the Mach-O parser (loader/macho.c and its parts) on
 * each input.  A crash, a sanitizer report, a leak or a hang is a finding;
 * so is an accepted file whose description breaks what the parser promises
 * (every index in range, every fixup inside a writable segment and over no
 * other, every string terminated, every imported name printable), which the
 * walk below checks.  Parsing covers every fixup the loader applies: the
 * rebase and bind opcode streams and the classic indirect symbol table are
 * decoded here, only the writes themselves (loader/macho_image.c) are left.
 *
 *   make fuzz-macho [FUZZ_MACHO_SECONDS=600] [FUZZ_JOBS=2]
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "loader/macho.h"

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond))                                                                       \
			abort();                                                                   \
	} while (0)

static void check_fixup(const struct macho_image *img, unsigned seg, uint64_t offset)
{
	CHECK(seg < img->nsegments);
	const struct macho_segment *s = &img->segments[seg];
	CHECK(!s->reserved && (s->initprot & PROT_WRITE));
	CHECK(s->vmsize >= 8 && offset <= s->vmsize - 8);
}

/* A bind's name: not empty, no control characters (macho_name_ok). */
static void check_name(const char *name)
{
	size_t n = strlen(name);
	CHECK(n > 0 && n < 1u << 20);
	for (size_t i = 0; i < n; i++)
		CHECK((unsigned char)name[i] >= 0x20 && name[i] != 0x7f);
}

static int by_address(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The places of the rebases, as macho_each_rebase finds them again. */
struct places {
	const struct macho_image *img;
	uint64_t *at;
	size_t n;
};

static void check_rebase(void *ctx, unsigned seg, uint64_t offset)
{
	struct places *pl = ctx;
	check_fixup(pl->img, seg, offset);
	pl->at[pl->n++] = pl->img->segments[seg].vmaddr + offset;
}

/* No two binds (weak ones aside) and no two rebases share a byte; pl holds
 * the rebases' places. */
static void check_no_overlap(const struct macho_image *img, struct places *pl)
{
	size_t r = pl->n, k = r;
	qsort(pl->at, r, sizeof *pl->at, by_address);
	for (size_t i = 1; i < r; i++)
		CHECK(pl->at[i] - pl->at[i - 1] >= 8);
	for (size_t i = 0; i < img->nbinds; i++)
		if (img->binds[i].kind != MACHO_BIND_WEAK)
			pl->at[k++] =
			    img->segments[img->binds[i].segment].vmaddr + img->binds[i].offset;
	qsort(pl->at + r, k - r, sizeof *pl->at, by_address);
	for (size_t i = r + 1; i < k; i++)
		CHECK(pl->at[i] - pl->at[i - 1] >= 8);
}

static void check_image(struct macho_image *img, const uint8_t *data)
{
	CHECK(img->nsegments <= MACHO_MAX_SEGMENTS && img->nsections <= MACHO_MAX_SECTIONS);
	CHECK(img->lo < img->hi && img->hi <= 0x800000000000ull);
	for (unsigned i = 0; i < img->nsections; i++)
		CHECK(img->sections[i].segment < img->nsegments);
	CHECK(macho_segment_at(img, img->entry.addr, 1) >= 0);
	for (unsigned i = 0; i < img->ndylibs; i++)
		CHECK(strlen(img->dylibs[i].path) < 1u << 20);
	CHECK(!img->dylinker || strlen(img->dylinker) < 1u << 20);
	/* the stream as macho_parse checked it: each rebase found again */
	size_t n = img->nrebases + img->nbinds;
	struct places pl = {img, malloc((n ? n : 1) * sizeof *pl.at), 0};
	CHECK(pl.at != NULL);
	CHECK(macho_each_rebase(img, data + img->slice_offset + img->rebase_off, img->rebase_size,
				check_rebase, &pl) == 0);
	CHECK(pl.n == img->nrebases);
	for (size_t i = 0; i < img->nbinds; i++) {
		const struct macho_bind *b = &img->binds[i];
		check_fixup(img, b->segment, b->offset);
		CHECK(b->ordinal >= MACHO_ORDINAL_WEAK && b->ordinal <= (int32_t)img->ndylibs);
		check_name(b->symbol);
		CHECK(b->kind != MACHO_BIND_LAZY || b->addend == 0);
		CHECK(macho_ordinal_name(img, b->ordinal) != NULL);
	}
	check_no_overlap(img, &pl);
	free(pl.at);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct macho_image img;
	(void)macho_probe(data, size);
	if (macho_parse(&img, data, size) == 0)
		check_image(&img, data);
	else
		CHECK(img.reason[0] != '\0' && !strchr(img.reason, '\n'));
	macho_free(&img);
	return 0;
}
