/* The library functions a recording names (trace/functions.h). */
#include "trace/functions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "core/personality.h"
#include "trace/read.h"

#define MAX_FUNCTIONS (1u << 20)

static size_t slot_of(const struct xt_function *t, size_t cap, uint64_t nr)
{
	size_t i = (size_t)(nr * 0x9e3779b97f4a7c15ULL >> 20) & (cap - 1);
	while (t[i].nr && t[i].nr != nr)
		i = (i + 1) & (cap - 1);
	return i;
}

static int grow(struct xt_recording *r)
{
	size_t cap = r->functions_cap ? r->functions_cap * 2 : 64;
	struct xt_function *t = calloc(cap, sizeof *t);
	if (!t)
		return -1;
	for (size_t i = 0; i < r->functions_cap; i++)
		if (r->functions[i].nr)
			t[slot_of(t, cap, r->functions[i].nr)] = r->functions[i];
	free(r->functions);
	r->functions = t;
	r->functions_cap = cap;
	return 0;
}

/* The reading xeno's description of function name of library, if it has
 * one (a function made at run time has none, whatever its name). */
static const struct xeno_sysent *describe(const struct xt_recording *r, uint64_t nr,
					  const char *library, const char *name)
{
	const struct xeno_personality *os =
	    r->have_header ? xeno_personality_named(r->header.os) : NULL;
	if (!os || XENO_LIBCALL_ID(nr) >= XENO_LIBID_RUNTIME)
		return NULL;
	for (const struct xeno_library *const *l = os->libraries; l && *l; l++) {
		if (strcmp((*l)->soname, library) != 0)
			continue;
		const struct xeno_calltable *tab = (*l)->calls;
		for (unsigned i = 0; i < tab->n; i++)
			if (strcmp(tab->sysent[i].name, name) == 0)
				return &tab->sysent[i];
	}
	return NULL;
}

int xt_functions_add(struct xt_recording *r, uint64_t nr, const char *library, const char *name)
{
	if ((r->nfunctions + 1) * 2 > r->functions_cap &&
	    (r->nfunctions >= MAX_FUNCTIONS || grow(r) < 0)) {
		snprintf(r->error, sizeof r->error, "%s",
			 r->nfunctions >= MAX_FUNCTIONS ? "corrupt: too many library functions"
							: "out of memory");
		return -1;
	}
	struct xt_function *f = &r->functions[slot_of(r->functions, r->functions_cap, nr)];
	char *lib = strdup(library), *fn = strdup(name);
	if (!lib || !fn) {
		free(lib);
		free(fn);
		snprintf(r->error, sizeof r->error, "out of memory");
		return -1;
	}
	if (f->nr) {
		free(f->library);
		free(f->name);
	} else {
		r->nfunctions++;
	}
	*f = (struct xt_function){nr, lib, fn, describe(r, nr, lib, fn)};
	return 0;
}

void xt_functions_attach(const struct xt_recording *r, struct xt_event *ev)
{
	if (!XENO_LIBCALL_ID(ev->nr) || !r->functions_cap)
		return;
	const struct xt_function *f =
	    &r->functions[slot_of(r->functions, r->functions_cap, ev->nr)];
	if (!f->nr)
		return;
	ev->library = f->library;
	ev->function = f->name;
	ev->entry = f->entry;
}

void xt_functions_clear(struct xt_recording *r)
{
	for (size_t i = 0; i < r->functions_cap; i++) {
		free(r->functions[i].library);
		free(r->functions[i].name);
	}
	free(r->functions);
	r->functions = NULL;
	r->nfunctions = r->functions_cap = 0;
}
