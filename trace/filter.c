/* Trace filters (trace/filter.h). */
#include "trace/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
#include "core/personality.h"
#include "core/syscall.h"

/* The class words syscalls.master and the specs may use, and their bits. */
static const struct {
	const char *name;
	uint16_t bit;
} classes[] = {
    {"file", XENO_TC_FILE},	{"desc", XENO_TC_DESC},	    {"process", XENO_TC_PROCESS},
    {"signal", XENO_TC_SIGNAL}, {"memory", XENO_TC_MEMORY}, {"network", XENO_TC_NETWORK},
    {"ipc", XENO_TC_IPC},	{"clock", XENO_TC_CLOCK},   {"creds", XENO_TC_CREDS},
};

/* A word taken apart: what it selects. */
struct word {
	enum { W_ALL, W_NONE, W_CLASS, W_LIBS, W_LIBRARY, W_NAME } kind;
	uint16_t class_bit;
	const char *library; /* W_LIBRARY, and W_NAME with a library: the soname */
	size_t library_len;
	const char *name; /* W_NAME */
	bool bad_class;
};

static struct word parse_word(const char *w)
{
	struct word r = {.kind = W_NAME, .name = w};
	if (strcmp(w, "all") == 0)
		r.kind = W_ALL;
	else if (strcmp(w, "none") == 0)
		r.kind = W_NONE;
	else if (strcmp(w, "%lib") == 0)
		r.kind = W_LIBS;
	else if (w[0] == '%') {
		r.kind = W_CLASS;
		r.bad_class = true;
		for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++)
			if (strcmp(w + 1, classes[c].name) == 0)
				r.class_bit = classes[c].bit, r.bad_class = false;
	} else if (strchr(w, ':')) {
		const char *colon = strrchr(w, ':');
		r.library = w;
		r.library_len = (size_t)(colon - w);
		r.name = colon[1] ? colon + 1 : NULL;
		r.kind = r.name ? W_NAME : W_LIBRARY;
	}
	return r;
}

static bool same_library(const struct word *w, const char *library)
{
	return library && strlen(library) == w->library_len &&
	       memcmp(library, w->library, w->library_len) == 0;
}

/* Whether word w selects function name of library (a table's sysent
 * classes given, for %CLASS). */
static bool selects_function(const struct word *w, const char *library, const char *name,
			     uint16_t cls)
{
	switch (w->kind) {
	case W_ALL:
	case W_LIBS:
		return true;
	case W_CLASS:
		return (cls & w->class_bit) != 0;
	case W_LIBRARY:
		return same_library(w, library);
	case W_NAME:
		return name && strcmp(w->name, name) == 0 &&
		       (!w->library || same_library(w, library));
	default:
		return false;
	}
}

/* Marks the calls word w selects; false if it selects none there is. */
static bool mark(struct xt_filter *f, const struct xeno_personality *os, const struct word *w)
{
	bool found = w->kind == W_ALL || w->kind == W_NONE || w->kind == W_LIBS;
	if (w->kind == W_ALL)
		f->others = true;
	for (unsigned nr = 0; nr < f->n; nr++) {
		const struct xeno_sysent *e = &os->syscalls->sysent[nr];
		bool sel = w->kind == W_ALL ||
			   (w->kind == W_CLASS && (e->classes & w->class_bit)) ||
			   (w->kind == W_NAME && !w->library && e->name[0] &&
			    strcmp(e->name, w->name) == 0);
		if (sel)
			f->shown[nr] = 1, found = true;
	}
	for (unsigned i = 0; i < f->nlibs; i++) {
		const struct xeno_calltable *tab = xeno_calltable_of(os, f->libs[i].id);
		for (unsigned nr = 0; nr < f->libs[i].n; nr++) {
			const struct xeno_sysent *e = &tab->sysent[nr];
			if (selects_function(w, tab->library, e->name, e->classes))
				f->libs[i].shown[nr] = 1, found = true;
		}
	}
	for (const struct xeno_runtime_table *rt = xeno_runtime_tables(); rt && !found;
	     rt = rt->next)
		found = w->kind != W_CLASS &&
			selects_function(w, rt->table.library, rt->table.sysent[0].name, 0);
	return found;
}

static int reason(char *err, size_t errsize, const struct xeno_personality *os, const char *w,
		  const struct word *pw)
{
	if (pw->kind == W_CLASS)
		snprintf(err, errsize,
			 "no class \"%s\" (classes: %%file %%desc %%process %%signal %%memory "
			 "%%network %%ipc %%clock %%creds, and %%lib)",
			 w);
	else if (pw->kind == W_LIBRARY)
		snprintf(err, errsize, "%s has no library \"%.*s\" built into xeno", os->name,
			 (int)pw->library_len, pw->library);
	else if (pw->library)
		snprintf(err, errsize, "%.*s has no function \"%s\"", (int)pw->library_len,
			 pw->library, pw->name);
	else
		snprintf(err, errsize, "%s has no system call or library function \"%s\"", os->name,
			 w);
	return -1;
}

static int setup(struct xt_filter *f, const struct xeno_personality *os, const char *expr)
{
	f->n = os->syscalls ? os->syscalls->n : 0;
	f->shown = calloc(f->n ? f->n : 1, 1);
	unsigned nlibs = 0;
	for (const struct xeno_library *const *l = os->libraries; l && *l; l++)
		nlibs++;
	f->libs = calloc(nlibs ? nlibs : 1, sizeof *f->libs);
	f->words = calloc(strlen(expr) / 2 + 2, sizeof *f->words);
	if (!f->shown || !f->libs || !f->words)
		return -1;
	for (const struct xeno_library *const *l = os->libraries; l && *l; l++) {
		struct xt_filter_lib *fl = &f->libs[f->nlibs++];
		fl->id = (*l)->id;
		fl->n = (*l)->calls->n;
		if (!(fl->shown = calloc(fl->n ? fl->n : 1, 1)))
			return -1;
	}
	return 0;
}

int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    bool recorded, char *err, size_t errsize)
{
	memset(f, 0, sizeof *f);
	f->negate = expr[0] == '!';
	expr += f->negate;
	char *copy = strdup(expr);
	if (!copy || setup(f, os, expr) < 0) {
		free(copy);
		xt_filter_free(f);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	int rc = 0;
	char *save = NULL;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		/* strace's "?name": no complaint if nothing has that name */
		bool optional = w[0] == '?';
		char *word = strdup(w + optional);
		if (!word) {
			rc = -1;
			snprintf(err, errsize, "out of memory");
			break;
		}
		f->words[f->nwords++] = word;
		struct word pw = parse_word(word);
		bool named = recorded && pw.library; /* LIB: and LIB:NAME */
		if (pw.bad_class || (!mark(f, os, &pw) && !optional && !named)) {
			rc = reason(err, errsize, os, word, &pw);
			break;
		}
	}
	free(copy);
	if (rc == 0 && f->negate) {
		for (unsigned nr = 0; nr < f->n; nr++)
			f->shown[nr] = !f->shown[nr];
		for (unsigned i = 0; i < f->nlibs; i++)
			for (unsigned nr = 0; nr < f->libs[i].n; nr++)
				f->libs[i].shown[nr] = !f->libs[i].shown[nr];
		f->others = !f->others;
	}
	if (rc)
		xt_filter_free(f);
	return rc;
}

void xt_filter_free(struct xt_filter *f)
{
	free(f->shown);
	for (unsigned i = 0; i < f->nlibs; i++)
		free(f->libs[i].shown);
	free(f->libs);
	for (unsigned i = 0; i < f->nwords; i++)
		free(f->words[i]);
	free(f->words);
	memset(f, 0, sizeof *f);
}

/* A function the filter could not number when it was made: by its words. */
static bool shows_by_name(const struct xt_filter *f, const char *library, const char *name)
{
	bool sel = false;
	for (unsigned i = 0; i < f->nwords && !sel; i++) {
		struct word w = parse_word(f->words[i]);
		sel = w.kind != W_CLASS && selects_function(&w, library, name, 0);
	}
	return sel != f->negate;
}

bool xt_filter_shows(const struct xt_filter *f, uint64_t tnr, const char *library, const char *name)
{
	if (!f || !f->shown)
		return true;
	unsigned id = XENO_LIBCALL_ID(tnr);
	if (id == 0)
		return tnr < f->n ? f->shown[tnr] : f->others;
	uint32_t nr = XENO_LIBCALL_FN(tnr);
	for (unsigned i = 0; i < f->nlibs; i++)
		if (f->libs[i].id == id)
			return nr < f->libs[i].n ? f->libs[i].shown[nr] : f->others;
	return shows_by_name(f, library, name);
}

bool xt_filter_shows_event(const struct xt_filter *f, const struct xt_event *ev)
{
	return xt_filter_shows(f, ev->nr, ev->library, ev->entry ? ev->entry->name : ev->function);
}
