/* What the Mach-O parser's unit tests share: parse a built program, expect a
 * refusal that says why. */
#ifndef XENO_TESTS_UNIT_MACHO_UNIT_H
#define XENO_TESTS_UNIT_MACHO_UNIT_H

#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "loader/macho.h"
#include "tests/fuzz/macho_build.h"

/* Parses m, which must be accepted, into img. */
static inline void parse_ok(const struct mb *m, struct macho_image *img)
{
	if (macho_parse(img, m->bytes, m->size) != 0)
		fail_msg("refused: %s", img->reason);
}

/* Parses m, which must be refused with a reason containing why. */
static inline void refused(const struct mb *m, const char *why)
{
	struct macho_image img;
	int r = macho_parse(&img, m->bytes, m->size);
	if (r == 0)
		fail_msg("accepted, but should be refused: %s", why);
	if (!strstr(img.reason, why))
		fail_msg("refused with \"%s\", not \"%s\"", img.reason, why);
	assert_null(strchr(img.reason, '\n'));
	macho_free(&img);
}

/* The load command of type cmd (the first one at or after index skip). */
static inline void *find_cmd(struct mb *m, uint32_t cmd, unsigned skip)
{
	struct macho_header_64 *h = mb_header(m);
	uint8_t *at = m->bytes + sizeof *h;
	for (uint32_t i = 0; i < h->ncmds; i++) {
		struct macho_load_command *lc = (struct macho_load_command *)at;
		if (lc->cmd == cmd && skip-- == 0)
			return lc;
		at += lc->cmdsize;
	}
	fail_msg("no load command 0x%x", cmd);
	return NULL;
}

static inline struct macho_segment_command_64 *segment_cmd(struct mb *m, unsigned index)
{
	return find_cmd(m, MACHO_LC_SEGMENT_64, index);
}

#endif
