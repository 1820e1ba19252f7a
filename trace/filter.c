/* Trace filters (core/trace_filter.h). */
#include "trace/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/personality.h"
#include "core/syscall.h"

/* The class words syscalls.master may use, and their bits. */
static const struct {
	const char *name;
	uint16_t bit;
} classes[] = {
    {"file", XENO_TC_FILE},	{"desc", XENO_TC_DESC},	    {"process", XENO_TC_PROCESS},
    {"signal", XENO_TC_SIGNAL}, {"memory", XENO_TC_MEMORY}, {"network", XENO_TC_NETWORK},
    {"ipc", XENO_TC_IPC},	{"clock", XENO_TC_CLOCK},   {"creds", XENO_TC_CREDS},
};

/* Marks the calls one word names; false if it names none. */
static bool mark(struct xt_filter *f, const struct xeno_personality *os, const char *word)
{
	if (strcmp(word, "all") == 0) {
		memset(f->shown, 1, f->n);
		f->others = true;
		return true;
	}
	if (strcmp(word, "none") == 0)
		return true;
	if (word[0] == '%') {
		for (size_t c = 0; c < sizeof classes / sizeof classes[0]; c++)
			if (strcmp(word + 1, classes[c].name) == 0) {
				for (unsigned nr = 0; nr < f->n; nr++)
					if (os->syscalls->sysent[nr].classes & classes[c].bit)
						f->shown[nr] = 1;
				return true;
			}
		return false;
	}
	bool found = false;
	for (unsigned nr = 0; nr < f->n; nr++)
		if (os->syscalls->sysent[nr].name[0] &&
		    strcmp(os->syscalls->sysent[nr].name, word) == 0)
			f->shown[nr] = 1, found = true;
	return found;
}

int xt_filter_parse(struct xt_filter *f, const struct xeno_personality *os, const char *expr,
		    char *err, size_t errsize)
{
	memset(f, 0, sizeof *f);
	bool negate = expr[0] == '!';
	if (negate)
		expr++;
	f->n = os->syscalls ? os->syscalls->n : 0;
	f->shown = calloc(f->n ? f->n : 1, 1);
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
			snprintf(err, errsize, "%s has no system call or class \"%s\"%s", os->name,
				 w,
				 w[0] == '%' ? " (classes: %file %desc %process %signal %memory "
					       "%network %ipc %clock %creds)"
					     : "");
			rc = -1;
			break;
		}
	}
	free(copy);
	if (rc == 0 && negate) {
		for (unsigned nr = 0; nr < f->n; nr++)
			f->shown[nr] = !f->shown[nr];
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
