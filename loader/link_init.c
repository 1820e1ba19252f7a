/*
 * The order initialisers and finalisers run in, as FreeBSD's rtld has it
 * (libexec/rtld-elf/rtld.c initlist_add_objects, objlist_call_init and
 * objlist_call_fini): an object's dependencies are initialised before it,
 * the program last, its DT_PREINIT_ARRAY first of all; each object's DT_INIT
 * runs before its DT_INIT_ARRAY, in array order.  Finalisers run in the
 * reverse order of initialisation: DT_FINI_ARRAY backwards, then DT_FINI.
 * The start list (core/libcall.h) holds the IRELATIVE resolvers first, then
 * the initialisers; xeno_guest_start_program runs it as guest code.
 */
#include <stdlib.h>
#include <string.h>

#include "core/libcall.h"
#include "loader/link_impl.h"

static struct xeno_init_step *steps;
static unsigned nsteps, steps_cap;

int link_add_step(uint64_t fn, uint64_t store)
{
	if (nsteps + 1 >= steps_cap) {
		unsigned cap = steps_cap ? steps_cap * 2 : 64;
		struct xeno_init_step *s = realloc(steps, cap * sizeof *s);
		if (!s)
			return -1;
		steps = s;
		steps_cap = cap;
	}
	steps[nsteps++] = (struct xeno_init_step){fn, store};
	return 0;
}

/* The pointers of an array of the object (relocated already). */
static int add_array(const struct object *o, uint64_t array, unsigned n)
{
	const uint64_t *p = (const uint64_t *)(array + o->img.bias);
	for (unsigned i = 0; i < n; i++)
		if (p[i] != 0 && p[i] != (uint64_t)-1 && link_add_step(p[i], 0) < 0)
			return -1;
	return 0;
}

static int order_add(struct object *o)
{
	struct linkmap *m = &xeno_linkmap;
	if (m->ninit_order == m->init_cap) {
		unsigned cap = m->init_cap ? m->init_cap * 2 : 16;
		struct object **a = realloc(m->init_order, cap * sizeof *a);
		if (!a)
			return -1;
		m->init_order = a;
		m->init_cap = cap;
	}
	m->init_order[m->ninit_order++] = o;
	return 0;
}

/* Dependencies first (depth first, each object once), then o itself. */
static int visit(struct object *o)
{
	if (o->init_listed)
		return 0;
	o->init_listed = true;
	for (unsigned i = 0; i < o->ndeps; i++)
		if (visit(o->deps[i]) < 0)
			return -1;
	if (o->shim)
		return 0;
	if (order_add(o) < 0)
		return -1;
	const struct xeno_elf_dyn *d = o->dyn;
	if (d->init && link_add_step(d->init + o->img.bias, 0) < 0)
		return -1;
	return add_array(o, d->init_array, d->ninit);
}

int link_list_inits(struct object *root)
{
	const struct xeno_elf_dyn *d = root->dyn;
	if (root == xeno_linkmap.program && add_array(root, d->preinit_array, d->npreinit) < 0)
		return -1;
	return visit(root);
}

struct xeno_init_list *link_take_steps(uint64_t argc, uint64_t argv, uint64_t envp)
{
	struct xeno_init_list *l = malloc(sizeof *l + (nsteps + 1) * sizeof l->steps[0]);
	if (!l)
		return NULL;
	l->argc = argc, l->argv = argv, l->envp = envp;
	if (nsteps)
		memcpy(l->steps, steps, nsteps * sizeof *steps);
	l->steps[nsteps] = (struct xeno_init_step){0, 0};
	nsteps = 0;
	return l;
}

/* The finalisers: objects in the reverse of their initialisation, each
 * array backwards, then DT_FINI; a cursor over them. */
static unsigned fini_object = (unsigned)-1, fini_index;

void link_steps_forget(void)
{
	free(steps);
	steps = NULL;
	nsteps = steps_cap = 0;
	fini_object = (unsigned)-1, fini_index = 0;
}

uint64_t xeno_link_next_fini(void)
{
	struct linkmap *m = &xeno_linkmap;
	if (fini_object == (unsigned)-1)
		fini_object = m->ninit_order, fini_index = 0;
	while (fini_object > 0) {
		struct object *o = m->init_order[fini_object - 1];
		const struct xeno_elf_dyn *d = o->dyn;
		if (!o->fini_done && fini_index < d->nfini) {
			const uint64_t *a = (const uint64_t *)(d->fini_array + o->img.bias);
			uint64_t f = a[d->nfini - 1 - fini_index++];
			if (f && f != (uint64_t)-1)
				return f;
			continue;
		}
		if (!o->fini_done) {
			o->fini_done = true;
			if (d->fini)
				return d->fini + o->img.bias;
		}
		fini_object--, fini_index = 0;
	}
	return 0;
}
