/*
 * dlopen, dlsym, dlclose, dladdr over the linked set (loader/link.h), for
 * the shims of <dlfcn.h>.  They run in a direct call: a library dlopen loads
 * has its initialisers run at once, as guest calls.  Every object joins the
 * global scope (RTLD_GLOBAL, whatever the caller asked for).  An object
 * dlopen loaded is unloaded when its last handle is closed and no loaded
 * object needs it, as FreeBSD's rtld does (libexec/rtld-elf/rtld.c dlclose,
 * unref_dag, unload_object): its finalisers run, then the objects it needed
 * are let go of in turn, then its mapping goes.  A TLS module number is
 * never given out again.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
	for (struct object *n = first; n; n = n->next)
		n->dlopened = true;
	if (first && (link_from(first, why, sizeof why) < 0 || link_list_inits(o) < 0)) {
		set_error("%s", why);
		return NULL;
	}
	o->refs++;
	run_steps();
	return o;
}

/* Whether handle is an object of the linked set. */
static bool is_loaded(const void *handle)
{
	for (const struct object *p = xeno_linkmap.objects; p; p = p->next)
		if (p == handle)
			return true;
	return false;
}

/* o's finalisers, as guest calls: DT_FINI_ARRAY backwards, then DT_FINI. */
static void finalise(struct object *o)
{
	if (o->shim || o->fini_done || !o->init_listed)
		return;
	o->fini_done = true;
	const struct xeno_elf_dyn *d = o->dyn;
	const uint64_t *a = (const uint64_t *)(d->fini_array + o->img.bias);
	for (unsigned i = d->nfini; i-- > 0;)
		if (a[i] && a[i] != (uint64_t)-1) {
			struct xeno_guest_call gc = {.fn = a[i]};
			xeno_guest_call(&gc);
		}
	if (d->fini) {
		struct xeno_guest_call gc = {.fn = d->fini + o->img.bias};
		xeno_guest_call(&gc);
	}
}

/* Takes o out of the linked set and gives back its memory. */
static void forget(struct object *o)
{
	struct linkmap *m = &xeno_linkmap;
	struct object **pp = &m->objects, *prev = NULL;
	while (*pp != o)
		prev = *pp, pp = &(*pp)->next;
	*pp = o->next;
	if (m->last == o)
		m->last = prev;
	unsigned k = 0;
	for (unsigned i = 0; i < m->ninit_order; i++)
		if (m->init_order[i] != o)
			m->init_order[k++] = m->init_order[i];
	m->ninit_order = k;
	if (!o->shim && o->img.mapped)
		munmap((void *)(o->img.lo + o->img.bias), o->img.hi - o->img.lo);
	names_free(&o->names);
	xeno_elf_dyn_free(o->dyn);
	free(o->deps);
	free(o->path);
	free(o->name);
	free(o);
}

/* Unloads o if nothing holds it any more, then what it needed. */
static void release(struct object *o)
{
	if (!o->dlopened || o->refs || o->needed_by)
		return;
	finalise(o);
	for (unsigned i = 0; i < o->ndeps; i++) {
		o->deps[i]->needed_by--;
		release(o->deps[i]);
	}
	forget(o);
}

int xeno_link_dlclose(void *handle)
{
	struct object *o = handle;
	if (!is_loaded(o) || o->refs == 0) {
		set_error("not a handle dlopen gave");
		return -1;
	}
	if (--o->refs == 0)
		release(o);
	return 0;
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
	if (handle && !is_loaded(handle)) {
		set_error("not a handle dlopen gave");
		return 0;
	}
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
