#include "trace/norm.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"

void xt_norm_init(struct xt_norm *n)
{
	memset(n, 0, sizeof *n);
}

static void idmap_free(struct xt_idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

void xt_norm_free(struct xt_norm *n)
{
	idmap_free(&n->fds);
	idmap_free(&n->ids);
}

static size_t slot_of(const struct xt_idmap *m, int64_t key)
{
	uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ULL;
	size_t i = (size_t)(h >> 20) & (m->cap - 1);
	while (m->vals[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void grow(struct xt_idmap *m)
{
	struct xt_idmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = calloc(m->cap, sizeof *m->keys);
	m->vals = calloc(m->cap, sizeof *m->vals);
	if (!m->keys || !m->vals)
		xeno_fatal("out of memory normalising a trace");
	for (size_t i = 0; i < old.cap; i++)
		if (old.vals[i]) {
			size_t j = slot_of(m, old.keys[i]);
			m->keys[j] = old.keys[i];
			m->vals[j] = old.vals[i];
		}
	free(old.keys);
	free(old.vals);
}

uint32_t xt_idmap_number(struct xt_idmap *m, int64_t key)
{
	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot_of(m, key);
	if (!m->vals[i]) {
		m->keys[i] = key;
		m->vals[i] = (uint32_t)++m->count;
	}
	return m->vals[i];
}
