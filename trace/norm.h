/*
 * Normalising traces for comparison: descriptors and process/thread ids are
 * renumbered by first appearance, addresses, times and machine-dependent
 * values are masked (core/trace_line.h says which is which).  One state per
 * thread of a trace, so the interleaving of threads does not matter.
 */
#ifndef XENO_TRACE_NORM_H
#define XENO_TRACE_NORM_H

#include <stddef.h>
#include <stdint.h>

/* A map from values to their order of first appearance (1, 2, ...). */
struct xt_idmap {
	int64_t *keys;
	uint32_t *vals;
	size_t cap, count;
};

struct xt_norm {
	struct xt_idmap fds;
	struct xt_idmap ids; /* process and thread ids share Linux's space */
};

void xt_norm_init(struct xt_norm *n);
void xt_norm_free(struct xt_norm *n);
/* key's number: the one it got when first seen, or the next one. */
uint32_t xt_idmap_number(struct xt_idmap *m, int64_t key);

#endif
