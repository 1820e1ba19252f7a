/*
 * libFuzzer target: the Mach-O parser (loader/macho.c and its parts) on
 * each input.  A crash, a sanitizer report, a leak or a hang is a finding;
 * so is an accepted file whose description breaks what the parser promises
 * (every index in range, every fixup inside a writable segment, every string
 * terminated), which the walk below checks.
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

static void check_rebase(void *ctx, unsigned seg, uint64_t offset)
{
	check_fixup(ctx, seg, offset);
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
	CHECK(macho_each_rebase(img, data + img->slice_offset + img->rebase_off, img->rebase_size,
				check_rebase, img) == 0);
	for (size_t i = 0; i < img->nbinds; i++) {
		const struct macho_bind *b = &img->binds[i];
		check_fixup(img, b->segment, b->offset);
		CHECK(b->ordinal >= MACHO_ORDINAL_WEAK && b->ordinal <= (int32_t)img->ndylibs);
		CHECK(strlen(b->symbol) < 1u << 20);
		CHECK(macho_ordinal_name(img, b->ordinal) != NULL);
	}
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
