/* Trace filters (core/trace_filter.h). */
#include "trace/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/personality.h"
#include "core/library.h"
#include "core/syscall.h"
#include "trace/format.h"

/* The class words syscalls.master may use, and their bits. */
static const struct {
	const char *name;
	uint16_t bit;
} classes[] = {
    {"file", XENO_TC_FILE},	{"desc", XENO_TC_DESC},	    {"process", XENO_TC_PROCESS},
    {"signal", XENO_TC_SIGNAL}, {"memory", XENO_TC_MEMORY}, {"network", XENO_TC_NETWORK},
    {"ipc", XENO_TC_IPC},	{"clock", XENO_TC_CLOCK},   {"creds", XENO_TC_CREDS},
};

/* The table the filter's table t describes. */
static const struct xeno_calltable *table_of(const struct xeno_personality *os,
					     const struct xt_filter *f, unsigned t)
{
	return xt_call_table(os, f->tables[t].id);
}

/* Marks the calls of every table that one word names; false if it names
 * none. */
static bool mark(struct xt_filter *f, const struct xeno_personality *os, const char *word)
{
	unsigned last = f->ntables - 1;
	unsigned total = f->ntables ? f->tables[last].first + f->tables[last].n : 0;
	if (strcmp(word, "all") == 0) {
		memset(f->shown, 1, total);
		f->others = true;
		return true;
	}
	if (strcmp(word, "none") == 0)
		return true;
	uint16_t class = 0;
	if (word[0] == '%') {
		for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++)
			if (strcmp(word + 1, classes[c].name) == 0)
				class = classes[c].bit;
		if (!class)
			return false;
	}
	bool found = false;
	for (unsigned t = 0; t < f->ntables; t++) {
		const struct xeno_calltable *tab = table_of(os, f, t);
		for (unsigned nr = 0; nr < tab->n; nr++) {
			const struct xeno_sysent *e = &tab->sysent[nr];
			if (class ? e->classes & class : e->name[0] && strcmp(e->name, word) == 0)
				f->shown[f->tables[t].first + nr] = 1, found = true;
		}
	}
	return found || class;
}

static void add_table(struct xt_filter *f, const struct xeno_calltable *tab, unsigned *total)
{
	if (!tab || f->ntables == XT_FILTER_TABLES)
		return;
	f->tables[f->ntables].id = tab->id;
	f->tables[f->ntables].n = tab->n;
	f->tables[f->ntables++].first = *total;
	*total += tab->n;
}

/* One table for the system calls, one for each shim library: their calls
 * in all. */
static unsigned count_tables(struct xt_filter *f, const struct xeno_personality *os)
{
	unsigned total = 0;
	add_table(f, os->syscalls, &total);
	for (const struct xeno_library *const *lib = os->libraries; lib && *lib; lib++)
		add_table(f, (*lib)->calls, &total);
	return total;
}

int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    char *err, size_t errsize)
{
	memset(f, 0, sizeof *f);
	bool negate = expr[0] == '!';
	if (negate)
		expr++;
	unsigned total = count_tables(f, os);
	f->shown = calloc(total ? total : 1, 1);
	char *copy = strdup(expr);
	if (!f->shown || !copy) {
		free(copy);
		xt_filter_free(f);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	int rc = 0;
	char *save = NULL;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		/* strace's "?name": no complaint if the OS has no such call */
		bool optional = w[0] == '?';
		if (!mark(f, os, w + optional) && !optional) {
			snprintf(err, errsize, "%s has no call or class \"%s\"%s", os->name, w,
				 w[0] == '%' ? " (classes: %file %desc %process %signal %memory "
					       "%network %ipc %clock %creds)"
					     : "");
			rc = -1;
			break;
		}
	}
	free(copy);
	if (rc == 0 && negate) {
		for (unsigned i = 0; i < total; i++)
			f->shown[i] = !f->shown[i];
		f->others = !f->others;
	}
	if (rc)
		xt_filter_free(f);
	return rc;
}

void xt_filter_free(struct xt_filter *f)
{
	free(f->shown);
	memset(f, 0, sizeof *f);
}
