/*
 * Imports nothing defines.  A function gets a stub of its own that enters
 * xeno like a shim function (core/libgate.S) with a call table of one entry
 * and no handler: the first call names it (`xeno: libc.so.7: kqueuex not
 * implemented`) and each fails as the OS would, -1 and ENOSYS (--strict ends
 * the program instead, core/call.c).  A data object gets zeroed memory of its
 * size.  --check lists them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/hostmem.h"
#include "core/library.h"
#include "loader/link_impl.h"

/* Each stub: movabs $fn, %r11; movabs $entry, %r10; jmp *%r10. */
#define STUB_SIZE 32
#define PAGE	  4096
#define MAX_DATA  (1u << 20) /* the largest missing object given memory */

void xeno_lib_entry(void);

/* What one missing function needs, in one allocation: a call table of one
 * entry, registered so that traces and the flight recorder can name it. */
struct missing {
	struct xeno_runtime_table rt;
	struct xeno_syscall call;
	struct xeno_sysent ent; /* its name, cut to what an entry holds */
	struct xeno_libfn fn;
	char library[64];
	char *name; /* whole */
	uint64_t stub;
	struct missing *next;
};

static struct missing *all;

/* A missing data object: what --check names. */
struct missing_data {
	char library[64];
	char *name;
	void *object;
	uint64_t size;
	struct missing_data *next;
};
static struct missing_data *all_data;
static unsigned char *stubs; /* the current page of stubs */
static unsigned stubs_used = PAGE;
/* every page of stubs, for xeno_link_forget */
static unsigned char **stub_pages;
static unsigned nstub_pages, stub_pages_cap;

static unsigned char *new_stub(void)
{
	if (stubs_used + STUB_SIZE > PAGE) {
		if (nstub_pages == stub_pages_cap) {
			unsigned cap = stub_pages_cap ? stub_pages_cap * 2 : 16;
			unsigned char **p = realloc(stub_pages, cap * sizeof *p);
			if (!p)
				return NULL;
			stub_pages = p;
			stub_pages_cap = cap;
		}
		stubs = xeno_hostmem_map(PAGE); /* xeno's: the guest may not unmap it */
		if (!stubs)
			return NULL;
		stub_pages[nstub_pages++] = stubs;
		stubs_used = 0;
	}
	unsigned char *s = stubs + stubs_used;
	stubs_used += STUB_SIZE;
	return s;
}

static void write_stub(unsigned char *s, const struct xeno_libfn *fn, void (*entry)(void))
{
	uint64_t a = (uint64_t)fn, b = (uint64_t)entry;
	unsigned char *page = (unsigned char *)((uint64_t)s & ~(uint64_t)(PAGE - 1));
	mprotect(page, PAGE, PROT_READ | PROT_WRITE);
	s[0] = 0x49, s[1] = 0xbb; /* movabs $a, %r11 */
	memcpy(s + 2, &a, 8);
	s[10] = 0x49, s[11] = 0xba; /* movabs $b, %r10 */
	memcpy(s + 12, &b, 8);
	s[20] = 0x41, s[21] = 0xff, s[22] = 0xe2; /* jmp *%r10 */
	memset(s + 23, 0xcc, STUB_SIZE - 23);
	mprotect(page, PAGE, PROT_READ | PROT_EXEC);
}

/* One stub per library and name, however many relocations ask for it. */
uint64_t link_missing_function(const char *library, const char *name)
{
	return xeno_link_missing_function(library, name, xeno_lib_entry, XENO_CONV_ERRNO);
}

uint64_t xeno_link_missing_function(const char *library, const char *name, void (*entry)(void),
				    uint8_t conv)
{
	for (const struct missing *m = all; m; m = m->next)
		if (strcmp(m->name, name) == 0 &&
		    strncmp(m->library, library, sizeof m->library - 1) == 0)
			return m->stub;
	struct missing *m = calloc(1, sizeof *m);
	char *whole = strdup(name);
	unsigned char *s = m && whole ? new_stub() : NULL;
	if (!s) {
		free(m);
		free(whole);
		return 0;
	}
	m->name = whole;
	snprintf(m->library, sizeof m->library, "%s", library);
	snprintf(m->ent.name, sizeof m->ent.name, "%s", name);
	m->ent.ret_kind = XA_LONG;
	m->ent.conv = conv;
	m->rt.table = (struct xeno_calltable){m->library, 0, &m->call, &m->ent, 1};
	xeno_runtime_table_add(&m->rt);
	xeno_libfn_set(&m->fn, &m->rt.table, 0, conv, 0);
	write_stub(s, &m->fn, entry);
	m->stub = (uint64_t)s;
	m->next = all;
	all = m;
	return m->stub;
}

uint64_t link_missing_data(const char *library, const char *name, uint64_t size)
{
	for (const struct missing_data *d = all_data; d; d = d->next)
		if (strcmp(d->name, name) == 0 &&
		    strncmp(d->library, library, sizeof d->library - 1) == 0)
			return d->size >= size ? (uint64_t)d->object : 0;
	if (size > MAX_DATA)
		return 0;
	struct missing_data *d = calloc(1, sizeof *d);
	char *whole = strdup(name);
	void *object = calloc(1, size > 8 ? size : 8);
	if (!d || !whole || !object) {
		free(d);
		free(whole);
		free(object);
		return 0;
	}
	d->name = whole;
	d->object = object;
	d->size = size;
	snprintf(d->library, sizeof d->library, "%s", library);
	d->next = all_data;
	all_data = d;
	return (uint64_t)object;
}

void link_missing_report(FILE *out)
{
	unsigned n = 0;
	for (const struct missing *m = all; m; m = m->next)
		n++;
	for (const struct missing_data *d = all_data; d; d = d->next)
		n++;
	fprintf(out, "unresolved imports: %u\n", n);
	for (const struct missing *m = all; m; m = m->next)
		fprintf(out, "unresolved: function %s (%s): named when called, fails with ENOSYS\n",
			m->name, m->library);
	for (const struct missing_data *d = all_data; d; d = d->next)
		fprintf(out, "unresolved: data %s (%s): zeroed memory\n", d->name, d->library);
}

void link_missing_forget(void)
{
	xeno_runtime_tables_forget();
	while (all) {
		struct missing *m = all;
		all = m->next;
		free(m->name);
		free(m);
	}
	while (all_data) {
		struct missing_data *d = all_data;
		all_data = d->next;
		free(d->name);
		free(d->object);
		free(d);
	}
	for (unsigned i = 0; i < nstub_pages; i++)
		xeno_hostmem_unmap(stub_pages[i], PAGE);
	free(stub_pages);
	stub_pages = NULL;
	nstub_pages = stub_pages_cap = 0;
	stubs = NULL;
	stubs_used = PAGE;
}
