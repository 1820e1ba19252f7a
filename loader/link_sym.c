/*
 * Finding definitions (loader/link_impl.h): each object's defined names in a
 * hash table, and the search of the global scope in load order with symbol
 * versions honoured, as FreeBSD's rtld does (libexec/rtld-elf/rtld.c
 * symlook_obj, matched_symbol): a reference that names a version binds only
 * to a definition of that version (an object without version information
 * satisfies any); one that names none binds to the default version, never
 * to a hidden one.
 */
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "loader/link_impl.h"

bool xeno_link_traced;

static uint32_t hash_name(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *name_at(const struct object *o, uint32_t i)
{
	return o->shim ? xeno_export_name(&o->shim->exports[i]) : o->dyn->syms[i].name;
}

static bool is_definition(const struct object *o, uint32_t i)
{
	if (o->shim)
		return true;
	const struct xeno_elf_sym *s = &o->dyn->syms[i];
	return s->defined && s->name[0] && s->bind != STB_LOCAL && s->type != STT_SECTION &&
	       s->type != STT_FILE;
}

int names_build(struct object *o)
{
	uint32_t n = o->shim ? o->shim->nexports : o->dyn->nsyms;
	uint32_t size = 16;
	while (size < 2 * n)
		size *= 2;
	o->names.slots = calloc(size, sizeof *o->names.slots);
	if (!o->names.slots)
		return -1;
	o->names.mask = size - 1;
	for (uint32_t i = 0; i < n; i++) {
		if (!is_definition(o, i))
			continue;
		uint32_t k = hash_name(name_at(o, i)) & o->names.mask;
		while (o->names.slots[k])
			k = (k + 1) & o->names.mask;
		o->names.slots[k] = i + 1;
	}
	return 0;
}

void names_free(struct name_table *t)
{
	free(t->slots);
	t->slots = NULL;
}

/* Whether export e satisfies a reference to version (NULL: the default). */
static bool export_matches(const struct xeno_export *e, const char *version)
{
	if (!version)
		return !e->hidden;
	const char *own = xeno_export_version(e);
	return !own || strcmp(own, version) == 0;
}

static bool symbol_matches(const struct object *o, const struct xeno_elf_sym *s,
			   const char *version)
{
	const struct xeno_elf_dyn *d = o->dyn;
	if (!version)
		return !s->hidden;
	if (!d->has_versym || s->version <= 1)
		return true;
	const char *def = d->versions[s->version].name;
	return def && strcmp(def, version) == 0;
}

static void describe_export(struct object *o, const struct xeno_export *e, struct definition *out)
{
	void **at = xeno_export_at(e), *traced = xeno_export_traced(e);
	void *addr = at ? *at : xeno_link_traced && traced ? traced : xeno_export_addr(e);
	*out = (struct definition){.object = o,
				   .addr = (uint64_t)addr,
				   .size = e->size,
				   .type = e->kind == XENO_EXPORT_DATA ? STT_OBJECT : STT_FUNC,
				   .data = e->kind == XENO_EXPORT_DATA,
				   .export = e};
}

static void describe_symbol(struct object *o, const struct xeno_elf_sym *s, struct definition *out)
{
	*out = (struct definition){.object = o,
				   .addr = s->type == STT_TLS ? s->value : s->value + o->img.bias,
				   .size = s->size,
				   .type = s->type,
				   .data = s->type == STT_OBJECT || s->type == STT_TLS};
}

bool link_lookup_in(struct object *o, const char *name, const char *version, struct definition *out)
{
	if (!o->names.slots)
		return false;
	uint32_t k = hash_name(name) & o->names.mask;
	for (uint32_t idx; (idx = o->names.slots[k]) != 0; k = (k + 1) & o->names.mask) {
		uint32_t i = idx - 1;
		if (strcmp(name_at(o, i), name) != 0)
			continue;
		if (o->shim) {
			const struct xeno_export *e = &o->shim->exports[i];
			if (export_matches(e, version)) {
				describe_export(o, e, out);
				return true;
			}
		} else if (symbol_matches(o, &o->dyn->syms[i], version)) {
			describe_symbol(o, &o->dyn->syms[i], out);
			return true;
		}
	}
	return false;
}

bool link_lookup(const char *name, const char *version, const struct object *skip,
		 struct definition *out)
{
	for (struct object *o = xeno_linkmap.objects; o; o = o->next)
		if (o->global && o != skip && link_lookup_in(o, name, version, out))
			return true;
	return false;
}
