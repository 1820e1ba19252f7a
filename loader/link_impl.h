/* The linker's own view of the linked set (loader/link.h), shared by its files. */
#ifndef XENO_LOADER_LINK_IMPL_H
#define XENO_LOADER_LINK_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "loader/elf_dyn.h"
#include "loader/image.h"
#include "loader/link.h"

struct xeno_library;
struct xeno_export;

/* A name -> index table (open addressing), for an object's symbols. */
struct name_table {
	uint32_t *slots; /* index + 1, 0 empty */
	uint32_t mask;
};

struct object {
	char *name;			 /* soname (or file name) */
	char *path;			 /* where it came from; NULL for a shim */
	const struct xeno_library *shim; /* a shim built into xeno, or NULL */
	struct xeno_image img;		 /* an ELF object: mapped */
	struct xeno_elf_dyn *dyn;
	struct name_table names; /* defined symbols, or a shim's exports */
	struct object **deps;	 /* its needed objects, in order */
	unsigned ndeps;
	unsigned tls_module; /* 0: no TLS */
	uint64_t tls_offset; /* its block is at tp - tls_offset */
	bool relocated, init_listed, fini_done;
	/* why its unwind information failed loader/eh_frame.c ("": it passed),
	 * and whether that was said */
	char unwind_why[96];
	bool unwind_said;
	bool global;	     /* in the global scope */
	bool dlopened;	     /* loaded by dlopen: unloaded when nothing holds it */
	unsigned refs;	     /* dlopen handles */
	unsigned needed_by;  /* loaded objects that list it in their DT_NEEDED */
	struct object *next; /* in load order */
};

struct linkmap {
	const struct xeno_personality *os;
	struct object *objects, *last; /* load order: the program first */
	struct object *program;
	/* static TLS (variant II) */
	uint64_t tls_static_size, tls_static_align;
	unsigned tls_modules;
	/* initialisers not yet run, in order, and finalisers */
	struct object **init_order;
	unsigned ninit_order, init_cap;
	uint64_t main_tp; /* the main thread's TLS (xeno_link_new_tls), or 0 */
	char error[512];
};

extern struct linkmap xeno_linkmap;

/* link.c: checks o's unwind information once as it is mapped; if it
 * fails, o is hidden from libunwind (loader/eh_frame.h) */
void link_check_unwind(struct object *o);

/* link.c: loads the object name needs (from: who needs it) and appends it;
 * loads what everything from first on needs, relocates it: 0 or -1 */
struct object *link_load(const char *name, const char *from, char *why, size_t whysize);
int link_from(struct object *first, char *why, size_t whysize);

/* link_sym.c: names */
int names_build(struct object *o);
void names_free(struct name_table *t);
/* The definition that satisfies a reference to name at version (NULL: any;
 * file: the library the reference names, or NULL), searched in the global
 * scope in load order; the object that has it, or NULL. */
struct definition {
	struct object *object;
	uint64_t addr; /* its address in memory */
	uint64_t size;
	uint8_t type;			  /* STT_*; STT_GNU_IFUNC: addr is the resolver */
	bool data;			  /* an object, not a function */
	const struct xeno_export *export; /* when a shim has it */
};
bool link_lookup(const char *name, const char *version, const struct object *skip,
		 struct definition *out);
bool link_lookup_in(struct object *o, const char *name, const char *version,
		    struct definition *out);

/* link_reloc.c: 0, or -1 with the reason in why */
int link_relocate(struct object *o, char *why, size_t whysize);
int link_copy_relocations(struct object *o, char *why, size_t whysize);

/* link_tls.c */
void link_tls_assign(struct object *o);
/* link_missing.c: a function that names itself once when called */
uint64_t link_missing_function(const char *library, const char *name);
uint64_t link_missing_data(const char *library, const char *name, uint64_t size);
/* --check: the imports that nothing defines */
void link_missing_report(FILE *out);
void link_missing_forget(void);

/* link_init.c: the start list (IRELATIVE steps, then the initialisers of
 * each object, dependencies first) and the finalisers' order */
int link_add_step(uint64_t fn, uint64_t store);
int link_list_inits(struct object *root);
/* Hands over the steps gathered so far as a start list (NULL: no memory). */
struct xeno_init_list *link_take_steps(uint64_t argc, uint64_t argv, uint64_t envp);
void link_steps_forget(void);
/* link_reloc.c: whether [addr, addr + size) lies in one of o's segments
 * (in memory) mapped with at least prot (PROT_*) */
bool link_holds(const struct object *o, uint64_t addr, uint64_t size, int prot);

#endif
