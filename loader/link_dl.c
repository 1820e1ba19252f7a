/*
 * dlopen, dlsym, dlclose, dladdr over the linked set (loader/link.h), for
 * the shims of <dlfcn.h>.  They run in a direct call: a library dlopen loads
 * has its initialisers run at once, as guest calls.  Every object joins the
 * global scope (RTLD_GLOBAL, whatever the caller asked for), and none is
 * ever unloaded: dlclose only counts handles.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/libcall.h"
#include "core/library.h"
#include "loader/link_impl.h"

static char error[512];
static bool have_error;

__attribute__((format(printf, 1, 2))) static void set_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(error, sizeof error, fmt, ap);
	va_end(ap);
	have_error = true;
}

const char *xeno_link_error(void)
{
	if (!have_error)
		return NULL;
	have_error = false;
	return error;
}

/* Runs what linking the new objects left to run: resolvers, initialisers. */
static void run_steps(void)
{
	struct xeno_init_list *l = link_take_steps(0, 0, 0);
	if (!l)
		return;
	for (struct xeno_init_step *s = l->steps; s->fn; s++) {
		struct xeno_guest_call gc = {.fn = s->fn};
		uint64_t r = xeno_guest_call(&gc);
		if (s->store)
			*(uint64_t *)s->store = r;
	}
	free(l);
}

void *xeno_link_dlopen(const char *name, bool global)
{
	(void)global;
	struct linkmap *m = &xeno_linkmap;
	if (!name) {
		m->program->refs++;
		return m->program;
	}
	struct object *before = m->last;
	char why[512];
	struct object *o = link_load(name, "dlopen", why, sizeof why);
	if (!o) {
		set_error("%s", why);
		return NULL;
	}
	struct object *first = before ? before->next : NULL;
	if (first && (link_from(first, why, sizeof why) < 0 || link_list_inits(o) < 0)) {
		set_error("%s", why);
		return NULL;
	}
	o->refs++;
	run_steps();
	return o;
}

int xeno_link_dlclose(void *handle)
{
	struct object *o = handle;
	for (struct object *p = xeno_linkmap.objects; p; p = p->next)
		if (p == o && o->refs > 0) {
			o->refs--;
			return 0;
		}
	set_error("not a handle dlopen gave");
	return -1;
}

/* handle's object and what it needs, breadth first, for name. */
static bool search_from(struct object *o, const char *name, const char *version,
			struct definition *def)
{
	struct object *queue[256];
	unsigned head = 0, tail = 0;
	queue[tail++] = o;
	while (head < tail) {
		struct object *q = queue[head++];
		if (link_lookup_in(q, name, version, def))
			return true;
		for (unsigned i = 0; i < q->ndeps && tail < 256; i++) {
			bool seen = false;
			for (unsigned k = 0; k < tail; k++)
				seen |= queue[k] == q->deps[i];
			if (!seen)
				queue[tail++] = q->deps[i];
		}
	}
	return false;
}

uint64_t xeno_link_dlsym(void *handle, const char *name, const char *version)
{
	struct definition def;
	bool found = handle ? search_from(handle, name, version, &def)
			    : link_lookup(name, version, NULL, &def);
	if (!found || def.type == STT_TLS) {
		set_error("%s: symbol not found", name);
		return 0;
	}
	return def.addr;
}

bool xeno_link_dladdr(uint64_t addr, const char **object, uint64_t *base, const char **symbol,
		      uint64_t *symaddr)
{
	for (const struct object *o = xeno_linkmap.objects; o; o = o->next) {
		if (o->shim || !link_holds(o, addr, 1, 0))
			continue;
		*object = o->path ? o->path : o->name;
		*base = o->img.bias;
		*symbol = NULL;
		*symaddr = 0;
		for (unsigned i = 0; i < o->dyn->nsyms; i++) {
			const struct xeno_elf_sym *s = &o->dyn->syms[i];
			uint64_t a = s->value + o->img.bias;
			if (s->defined && s->type != STT_TLS && s->name[0] && a <= addr &&
			    a > *symaddr)
				*symbol = s->name, *symaddr = a;
		}
		return true;
	}
	return false;
}
