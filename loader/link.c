/*
 * The linked set (loader/link.h): loading objects, the order of the global
 * scope, linking the program at start and libraries later (dlopen).
 *
 * A needed name is a shim of the personality's when one has that soname
 * (or that soname with a version added: "libc.so" is "libc.so.1"); otherwise
 * a file: a name with a slash as it is, else the first of
 * XENO_LIBRARY_PATH's directories, then the compat root's DIR/lib,
 * DIR/usr/lib and DIR/usr/local/lib, that holds it.  Objects load in
 * breadth-first order from the program, which is also the order of the
 * global scope, as FreeBSD's rtld loads them (load_needed_objects).
 */
#include "loader/link.h"

#include <stdarg.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/libcall.h"
#include "core/library.h"
#include "core/personality.h"
#include "core/root.h"
#include "loader/eh_frame.h"
#include "loader/link_impl.h"

struct linkmap xeno_linkmap;

static void append(struct object *o)
{
	struct linkmap *m = &xeno_linkmap;
	if (m->last)
		m->last->next = o;
	else
		m->objects = o;
	m->last = o;
}

void link_check_unwind(struct object *o)
{
	struct xeno_eh_range ranges[XENO_MAX_SEGMENTS];
	unsigned n = 0;
	if (!o->img.phdr_vaddr)
		return;
	for (unsigned i = 0; i < o->img.nseg; i++)
		if (o->img.seg[i].prot & PROT_READ)
			ranges[n++] = (struct xeno_eh_range){o->img.seg[i].vaddr + o->img.bias,
							     o->img.seg[i].vaddr + o->img.bias +
								 o->img.seg[i].memsz};
	xeno_eh_frame_check(o->img.phdr_vaddr + o->img.bias, o->img.phnum, o->img.bias, ranges, n,
			    o->unwind_why, sizeof o->unwind_why);
}

static struct object *find_loaded(const char *name)
{
	for (struct object *o = xeno_linkmap.objects; o; o = o->next) {
		if (strcmp(o->name, name) == 0 || (o->path && strcmp(o->path, name) == 0))
			return o;
		if (o->dyn && o->dyn->soname && strcmp(o->dyn->soname, name) == 0)
			return o;
	}
	return NULL;
}

/* A needed name without a version ("libc.so": a program linked against the
 * development symlink, as Go links illumos and OpenBSD programs) is the
 * library whose soname is that name and a version ("libc.so.1"). */
static bool names_library(const char *needed, const char *soname)
{
	size_t n = strlen(needed);
	if (strcmp(soname, needed) == 0)
		return true;
	return n > 3 && strcmp(needed + n - 3, ".so") == 0 && strncmp(soname, needed, n) == 0 &&
	       soname[n] == '.';
}

static const struct xeno_library *find_shim(const char *name)
{
	const struct xeno_library *const *l = xeno_linkmap.os->libraries;
	for (; l && *l; l++)
		if (names_library(name, (*l)->soname))
			return *l;
	return NULL;
}

static bool try_dir(const char *dir, size_t len, const char *sub, const char *name, char *path,
		    size_t size)
{
	int n = snprintf(path, size, "%.*s%s/%s", (int)len, dir, sub, name);
	return n > 0 && (size_t)n < size && access(path, R_OK) == 0;
}

bool xeno_link_shims_only;

/* The file of the library name: 0, or -1 if none is found. */
static int find_file(const char *name, char *path, size_t size)
{
	if (xeno_link_shims_only)
		return -1;
	if (strchr(name, '/')) {
		snprintf(path, size, "%s", name);
		return access(path, R_OK) == 0 ? 0 : -1;
	}
	const char *dirs = getenv("XENO_LIBRARY_PATH");
	while (dirs && *dirs) {
		size_t len = strcspn(dirs, ":");
		if (len && try_dir(dirs, len, "", name, path, size))
			return 0;
		dirs += len + (dirs[len] == ':');
	}
	const char *root = xeno_root_dir();
	static const char *const subs[] = {"/lib", "/usr/lib", "/usr/local/lib"};
	for (unsigned i = 0; root && i < sizeof subs / sizeof subs[0]; i++)
		if (try_dir(root, strlen(root), subs[i], name, path, size))
			return 0;
	return -1;
}

static struct object *new_object(const char *name)
{
	struct object *o = calloc(1, sizeof *o);
	if (o && !(o->name = strdup(name))) {
		free(o);
		return NULL;
	}
	if (o)
		o->global = true;
	return o;
}

static struct object *load_shim(const char *name, const struct xeno_library *lib)
{
	struct object *o = new_object(name);
	if (!o)
		return NULL;
	o->shim = lib;
	append(o); /* xeno_link_forget frees what is in the list */
	return names_build(o) < 0 ? NULL : o;
}

static struct object *load_file(const char *name, const char *path, char *why, size_t whysize)
{
	struct object *o = new_object(name);
	if (!o) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	struct xeno_image *img = &o->img;
	int err = xeno_image_open_library(img, path);
	if (!err)
		err = xeno_image_map(img, 0);
	if (err) {
		snprintf(why, whysize, "%s: %s", path, img->reason);
		xeno_image_close(img);
		free(o->name);
		free(o);
		return NULL;
	}
	o->dyn = img->dyn;
	img->dyn = NULL;
	xeno_image_close(img);
	append(o); /* xeno_link_forget frees what is in the list */
	link_check_unwind(o);
	o->path = strdup(path);
	if (!o->path || names_build(o) < 0) {
		snprintf(why, whysize, "out of memory");
		return NULL;
	}
	link_tls_assign(o);
	return o;
}

struct object *link_load(const char *name, const char *from, char *why, size_t whysize)
{
	struct object *o = find_loaded(name);
	if (o)
		return o;
	const struct xeno_library *lib = find_shim(name);
	if (lib && !(o = load_shim(name, lib)))
		snprintf(why, whysize, "out of memory");
	if (lib)
		return o;
	char path[4096];
	if (find_file(name, path, sizeof path) < 0) {
		snprintf(why, whysize,
			 "%s, needed by %s, is neither built into xeno nor found on "
			 "XENO_LIBRARY_PATH or under the compat root",
			 name, from);
		return NULL;
	}
	return load_file(name, path, why, whysize);
}

/* Loads what o needs (its dependencies, breadth first from the caller). */
static int load_needed(struct object *o, char *why, size_t whysize)
{
	if (o->shim || !o->dyn->nneeded)
		return 0;
	o->deps = calloc(o->dyn->nneeded, sizeof *o->deps);
	if (!o->deps)
		return -1;
	for (unsigned i = 0; i < o->dyn->nneeded; i++) {
		struct object *d = link_load(o->dyn->needed[i], o->name, why, whysize);
		if (!d)
			return -1;
		o->deps[o->ndeps++] = d;
		d->needed_by++;
	}
	return 0;
}

/* Loads everything from first on (and what it needs), relocates it. */
int link_from(struct object *first, char *why, size_t whysize)
{
	for (struct object *o = first; o; o = o->next)
		if (load_needed(o, why, whysize) < 0)
			return -1;
	for (struct object *o = first; o; o = o->next)
		if (!o->shim && !o->relocated && link_relocate(o, why, whysize) < 0)
			return -1;
	for (struct object *o = first; o; o = o->next)
		if (!o->shim && link_copy_relocations(o, why, whysize) < 0)
			return -1;
	return 0;
}

int xeno_link_program(struct xeno_image *img, const struct xeno_personality *os,
		      struct xeno_link_start *out)
{
	struct linkmap *m = &xeno_linkmap;
	m->os = os;
	struct object *p = new_object(img->path);
	if (!p) {
		snprintf(img->reason, sizeof img->reason, "out of memory");
		return XENO_LOAD_BAD;
	}
	p->img = *img;
	p->img.fd = -1;
	p->dyn = img->dyn;
	img->dyn = NULL;
	m->program = p;
	append(p);
	link_check_unwind(p);
	link_tls_assign(p);
	if (names_build(p) < 0 || link_from(p, img->reason, sizeof img->reason) < 0 ||
	    link_list_inits(p) < 0)
		return XENO_LOAD_BAD;
	*out = (struct xeno_link_start){0};
	/* Every program gets a thread pointer and its TCB, TLS or not, as
	 * FreeBSD's rtld allocates them for the main thread (allocate_tls in
	 * libexec/rtld-elf/rtld.c): the libraries reach their per-thread state
	 * through it (libthr's _get_curthread reads tcb_thread at %fs:16). */
	if (!(out->tp = m->main_tp = xeno_link_new_tls())) {
		snprintf(img->reason, sizeof img->reason, "out of memory for TLS");
		return XENO_LOAD_BAD;
	}
	struct definition def;
	if (os->exit_hook && link_lookup(os->exit_hook, NULL, NULL, &def))
		out->fini = def.addr;
	return 0;
}

static void free_object(struct object *o)
{
	/* a shim's objects that a COPY relocation moved go back home */
	for (unsigned i = 0; o->shim && i < o->shim->nexports; i++) {
		void **at = xeno_export_at(&o->shim->exports[i]);
		if (at)
			*at = xeno_export_addr(&o->shim->exports[i]);
	}
	if (o != xeno_linkmap.program && o->img.mapped)
		xeno_image_unmap(&o->img);
	xeno_elf_dyn_free(o->dyn);
	names_free(&o->names);
	free(o->deps);
	free(o->name);
	free(o->path);
	free(o);
}

void xeno_link_forget(void)
{
	struct linkmap *m = &xeno_linkmap;
	if (m->main_tp)
		xeno_link_free_tls(m->main_tp);
	for (struct object *o = m->objects, *next; o; o = next) {
		next = o->next;
		free_object(o);
	}
	free(m->init_order);
	memset(m, 0, sizeof *m);
	link_steps_forget();
	link_missing_forget();
}

void xeno_link_set_args(struct xeno_link_start *s, uint64_t argc, uint64_t argv, uint64_t envp)
{
	s->inits = link_take_steps(argc, argv, envp);
}

void xeno_link_report(FILE *out)
{
	const struct linkmap *m = &xeno_linkmap;
	for (const struct object *o = m->objects; o; o = o->next) {
		if (o == m->program)
			continue;
		if (o->shim && strcmp(o->name, o->shim->soname) != 0) /* "libc.so" */
			fprintf(out, "library: %s: built into xeno as %s\n", o->name,
				o->shim->soname);
		else if (o->shim)
			fprintf(out, "library: %s: built into xeno\n", o->name);
		else
			fprintf(out, "library: %s: %s\n", o->name, o->path);
	}
	if (m->tls_modules)
		fprintf(out, "tls: %u modules, static block %#llx bytes aligned to %llu\n",
			m->tls_modules, (unsigned long long)m->tls_static_size,
			(unsigned long long)m->tls_static_align);
	for (const struct object *o = m->objects; o; o = o->next)
		if (o->unwind_why[0])
			fprintf(out, "unwind: %s: %s: not used\n", o->path ? o->path : o->name,
				o->unwind_why);
	link_missing_report(out);
}

int xeno_link_each(int (*fn)(const struct xeno_link_object *o, void *arg), void *arg)
{
	for (const struct object *o = xeno_linkmap.objects; o; o = o->next) {
		if (o->shim)
			continue;
		struct xeno_link_object lo = {
		    .name = o->path ? o->path : o->name,
		    .base = o->img.bias,
		    .phdr = o->img.phdr_vaddr ? o->img.phdr_vaddr + o->img.bias : 0,
		    .phnum = o->img.phnum,
		    .tls_module = o->tls_module,
		    .tls_template = o->img.tls.present ? o->img.tls.vaddr + o->img.bias : 0,
		    .unwind_why = o->unwind_why[0] ? o->unwind_why : NULL,
		    .unwind_said = (bool *)&o->unwind_said,
		};
		int r = fn(&lo, arg);
		if (r)
			return r;
	}
	return 0;
}
