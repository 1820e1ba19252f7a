/*
 * The in-process dynamic linker.  For a foreign program with an interpreter,
 * xeno is that interpreter: it resolves each needed library first to a shim
 * built into xeno (core/library.h, the personality's list), else to a
 * foreign ELF shared library found on XENO_LIBRARY_PATH or under the compat
 * root (DIR/lib, DIR/usr/lib, DIR/usr/local/lib), maps those, binds every
 * relocation (symbol versions honoured), lays out static TLS in the foreign
 * layout (variant II) and lists the initialisers to run, in the foreign
 * order.  One linked set per process; dlopen adds to it.
 */
#ifndef XENO_LOADER_LINK_H
#define XENO_LOADER_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct xeno_image;
struct xeno_personality;
struct xeno_init_list;
struct xeno_library;

/* What starting the linked program needs. */
struct xeno_link_start {
	uint64_t tp;		      /* the main thread's thread pointer (FS base) */
	struct xeno_init_list *inits; /* IRELATIVE resolvers, then initialisers */
	uint64_t fini;		      /* the exit hook's address (_start's cleanup), or 0 */
};

/* Whether calls are traced (--trace, --record): functions a shim binds
 * straight to the host (HOST) are bound to their traced entries instead.
 * Set before linking. */
extern bool xeno_link_traced;

/* For the loader fuzzer, which links program after program in one process:
 * needed libraries are looked for among the shims only (no file is ever
 * opened), and xeno_link_forget undoes all a link did but the program's own
 * mapping, which stays its caller's. */
extern bool xeno_link_shims_only;
void xeno_link_forget(void);

/* Links the mapped program img for personality os (argv and envp: what its
 * initialisers are handed; filled in later by xeno_link_set_args).  Takes
 * over img->dyn.  0, or XENO_LOAD_BAD with the reason in img->reason. */
int xeno_link_program(struct xeno_image *img, const struct xeno_personality *os,
		      struct xeno_link_start *out);
/* The initialisers' argc, argv and envp (guest addresses on the initial stack). */
void xeno_link_set_args(struct xeno_link_start *s, uint64_t argc, uint64_t argv, uint64_t envp);

/* --check: each needed library and where it was found, then each import
 * that nothing defines. */
void xeno_link_report(FILE *out);

/* ---- for shim libraries (run in a direct call) ---- */

/* A new thread's static TLS block in the personality's layout: its thread
 * pointer, or 0 when out of memory.  xeno_link_free_tls gives it back. */
uint64_t xeno_link_new_tls(void);
void xeno_link_free_tls(uint64_t tp);
/* __tls_get_addr: the address of offset in TLS module module for the thread
 * whose thread pointer is tp; 0 if there is no such module.  A module
 * dlopen loaded gets its block in a thread when that thread first asks,
 * from glibc's malloc: call it with glibc's TLS loaded. */
uint64_t xeno_link_tls_addr(uint64_t tp, uint64_t module, uint64_t offset);
/* The same for a block that is there already (every static one; a dynamic
 * one once made), 0 otherwise: it allocates nothing and may run on the
 * guest's FS base, __tls_get_addr's fast path. */
uint64_t xeno_link_tls_addr_present(uint64_t tp, uint64_t module, uint64_t offset);

/* An object of the linked set, as dl_iterate_phdr and dladdr show it. */
struct xeno_link_object {
	const char *name; /* the path it was loaded from, or its soname for a shim */
	uint64_t base;	  /* load bias */
	uint64_t phdr;	  /* its program headers in memory, 0 for a shim */
	unsigned phnum;
	unsigned tls_module; /* 0: none */
	uint64_t tls_template;
	/* why its unwind information is not for libunwind (NULL: it is), and
	 * whether that was said (loader/eh_frame.h) */
	const char *unwind_why;
	bool *unwind_said;
};
/* Calls fn on each loaded ELF object (program first) until it returns
 * nonzero; returns that, or 0.  fn runs without the linker's lock held. */
int xeno_link_each(int (*fn)(const struct xeno_link_object *o, void *arg), void *arg);

/* dlopen: the handle of the library name (loaded and linked if it is not
 * already), or NULL with a reason xeno_link_error gives.  NULL name: the
 * program.  dlsym: a symbol's address in handle's object and what it
 * needs (or everywhere, for the special handles), 0 if none.  dlclose
 * releases a handle.  dladdr: the object and symbol nearest below addr. */
void *xeno_link_dlopen(const char *name, bool global);
uint64_t xeno_link_dlsym(void *handle, const char *name, const char *version);
int xeno_link_dlclose(void *handle);
bool xeno_link_dladdr(uint64_t addr, const char **object, uint64_t *base, const char **symbol,
		      uint64_t *symaddr);
/* A stub for a function nothing defines, entered through entry (a direct-call
 * entry: xeno_lib_entry, xeno_lib_entry_ms): its first call names it, each
 * fails with ENOSYS by convention conv (core/library.h).  0: out of memory.
 * --check lists it. */
uint64_t xeno_link_missing_function(const char *library, const char *name, void (*entry)(void),
				    uint8_t conv);

/* The last dlopen/dlsym failure, cleared once read; NULL if none. */
const char *xeno_link_error(void);

/* The finalisers of the linked set in the order they run (the program's
 * first, then its libraries in the reverse of their initialisation): each
 * guest function address in turn until it returns 0; each object's once. */
uint64_t xeno_link_next_fini(void);

#endif
