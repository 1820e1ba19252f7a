/*
 * What the corruption test's parts share (tests/corrupt/corrupt.c; the
 * sample, the generator and the runs are corrupt_run.h's): the damage every
 * format uses, and each format's classes of damage (corrupt_elf.c,
 * corrupt_macho.c).
 */
#ifndef XENO_TESTS_CORRUPT_H
#define XENO_TESTS_CORRUPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tests/corrupt/corrupt_run.h"

struct region {
	size_t off, len;
};

/* One class of damage: count variants, each made by damage from a copy of
 * the sample (its new size); damage NULL: the sample cut short. */
struct class
{
	const char *name;
	unsigned count;
	struct region *region;
	size_t (*damage)(unsigned char *f, struct region r);
};

/* A few random bytes in r set to random values or with one bit flipped. */
size_t damage_bytes(unsigned char *f, struct region r);
/* The width bytes at off set to one of values, or the old value nudged. */
void damage_value(unsigned char *f, size_t off, size_t width, const uint64_t *values, size_t n);

/* The classes for the sample, or NULL with *why set when it cannot be damaged. */
const struct class *elf_classes(unsigned *n, const char **why);
const struct class *macho_classes(unsigned *n, const char **why);

#endif
