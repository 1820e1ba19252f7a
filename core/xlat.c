#include "core/xlat.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/nofpu.h"

/* The entry of t (or of its base) for a foreign errno, or NULL. */
static const struct xeno_errno *find_foreign(const struct xeno_errno_table *t, int foreign)
{
	for (; t; t = t->base)
		for (size_t i = 0; i < t->count; i++)
			if (t->errnos[i].foreign == foreign)
				return &t->errnos[i];
	return NULL;
}

XENO_NOFPU int xeno_errno_from_host(const struct xeno_errno_table *t, int host)
{
	for (const struct xeno_errno_table *l = t; l; l = l->base)
		for (size_t i = 0; i < l->count; i++)
			if (l->errnos[i].host == host && !l->errnos[i].approx)
				return l->errnos[i].foreign;
	for (const struct xeno_errno_table *l = t; l; l = l->base)
		for (size_t i = 0; i < l->alias_count; i++)
			if (l->aliases[i].host == host)
				return l->aliases[i].foreign;
	return t->fallback;
}

int xeno_errno_to_host(const struct xeno_errno_table *t, int foreign)
{
	const struct xeno_errno *e = find_foreign(t, foreign);
	return e ? e->host : EINVAL;
}

const char *xeno_errno_name(const struct xeno_errno_table *t, int foreign)
{
	const struct xeno_errno *e = find_foreign(t, foreign);
	return e ? e->name : NULL;
}

/* An enum set: the whole word is one value. */
static int translate_enum(const struct xeno_flagset *s, uint64_t w, uint64_t *out, int to_host)
{
	for (size_t i = 0; i < s->count; i++) {
		const struct xeno_flag *f = &s->flags[i];
		if ((to_host ? f->fval : f->hval) == w && (to_host ? f->fmask : f->hmask)) {
			*out = to_host ? f->hval : f->fval;
			return 0;
		}
	}
	return -EINVAL;
}

/* Shared walk: from one side's word to the other's, part by part. */
static int translate(const struct xeno_flagset *s, uint64_t w, uint64_t *out, int to_host)
{
	if (s->is_enum)
		return translate_enum(s, w, out, to_host);
	uint64_t left = w, result = 0;
	for (size_t i = 0; i < s->count; i++) {
		const struct xeno_flag *f = &s->flags[i];
		uint64_t mask = to_host ? f->fmask : f->hmask;
		uint64_t val = to_host ? f->fval : f->hval;
		if (mask == 0 || (left & mask) != val)
			continue;
		left &= ~mask;
		result |= to_host ? f->hval : f->fval;
	}
	if (left != 0)
		return -EINVAL;
	*out = result;
	return 0;
}

int xeno_flags_to_host(const struct xeno_flagset *s, uint64_t w, uint64_t *host)
{
	return translate(s, w, host, 1);
}

int xeno_flags_from_host(const struct xeno_flagset *s, uint64_t w, uint64_t *foreign)
{
	return translate(s, w, foreign, 0);
}

const struct xeno_flag *xeno_enum_find(const struct xeno_flagset *s, uint64_t w)
{
	for (size_t i = 0; i < s->count; i++)
		if (s->flags[i].fmask && s->flags[i].fval == w)
			return &s->flags[i];
	return NULL;
}

void xeno_flags_format(const struct xeno_flagset *s, uint64_t w, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	if (s->is_enum) {
		for (size_t i = 0; i < s->count; i++)
			if (s->flags[i].fval == w) {
				snprintf(buf, size, "%s", s->flags[i].name);
				return;
			}
		snprintf(buf, size, "%lld", (long long)w);
		return;
	}
	uint64_t left = w;
	for (size_t i = 0; i < s->count && n < size; i++) {
		const struct xeno_flag *f = &s->flags[i];
		if (f->fmask == 0 || (left & f->fmask) != f->fval)
			continue;
		n += snprintf(buf + n, size - n, "%s%s", n ? "|" : "", f->name);
		left &= ~f->fmask;
	}
	if ((left != 0 || n == 0) && n < size)
		snprintf(buf + n, size - n, n ? "|%#llx" : "%#llx", (unsigned long long)left);
}
