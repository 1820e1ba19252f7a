/*
 * Shim libraries: foreign system libraries that xeno provides itself, the
 * way Wine's built-in DLLs do.  Each is generated from its spec,
 * libs/<os>/<library>.spec (tools/genlibs.awk), one line per export:
 *
 *   # name   version   status        handler         return  arguments
 *   read     FBSD_1.0  STD|ERRNO     =bsd_sys_read   ssize   fd fd, obuf buf, size nbyte
 *
 * A function is entered by a direct call (core/libgate.S): its entry stub
 * hands xeno_lib_entry its descriptor, which names the call table entry
 * xeno_call runs (core/call.h) and how a failure reaches the guest.
 */
#ifndef XENO_CORE_LIBRARY_H
#define XENO_CORE_LIBRARY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/syscall.h"

/* How a function tells the guest it failed (the spec's status flags). */
enum xeno_libconv {
	XENO_CONV_VALUE, /* the handler's result as it is */
	XENO_CONV_ERRNO, /* -1 (NULL for pointers) and the foreign errno in errno */
	XENO_CONV_RET,	 /* the foreign errno as the result, 0 for success */
	XENO_CONV_PTR,	 /* as ERRNO, but NULL on failure */
	XENO_CONV_ZERO,	 /* 0 on failure, the foreign error recorded (Windows' BOOL) */
};

/* What a function's entry stub hands xeno_lib_entry (in r11).  Its table
 * is held as a distance, as struct xeno_syscall holds its thunk: genlibs.awk
 * writes the entries in assembly, `.quad P_calls - .`, and the static PIE
 * has nothing to relocate in them at start-up. */
struct xeno_libfn {
	int64_t table_at; /* the table at &table_at + table_at */
	uint32_t nr;
	uint8_t conv;  /* enum xeno_libconv */
	uint8_t nargs; /* beyond six, the rest are read from the guest's stack */
};

static inline const struct xeno_calltable *xeno_libfn_table(const struct xeno_libfn *fn)
{
	return (const struct xeno_calltable *)((uintptr_t)&fn->table_at + (uintptr_t)fn->table_at);
}

/* An entry made at run time (loader/link_missing.c). */
static inline void xeno_libfn_set(struct xeno_libfn *fn, const struct xeno_calltable *table,
				  uint32_t nr, uint8_t conv, uint8_t nargs)
{
	fn->table_at = (int64_t)((uintptr_t)table - (uintptr_t)&fn->table_at);
	fn->nr = nr;
	fn->conv = conv;
	fn->nargs = nargs;
}

enum xeno_export_kind {
	XENO_EXPORT_FUNC = 1,
	XENO_EXPORT_DATA,
};

/* Its pointers are held as 32-bit distances (xeno_rel32_ptr), written by
 * genlibs.awk in assembly: the tables of exports, the largest xeno has, need
 * no relocation when the static PIE starts.  Read them with the functions
 * below. */
struct xeno_export {
	int32_t name_at;    /* "strlen" */
	int32_t version_at; /* "FBSD_1.0"; 0: unversioned */
	uint8_t kind;	    /* enum xeno_export_kind */
	bool hidden;	    /* an older version: bound only when asked for by name@version */
	uint16_t ordinal;   /* also exported by this number (PE imports by ordinal); 0: none */
	uint32_t size;	    /* DATA: its size in bytes */
	int32_t addr_at;    /* FUNC: what the guest calls; DATA: the object */
	/* DATA: where the object finally is (a void *).  The linker points it
	 * at the program's copy when a COPY relocation moves the object there;
	 * the shim's own code reads the object through it. */
	int32_t at_at;
	/* FUNC bound straight to a host function (a HOST line): the entry
	 * that runs it through xeno_call, so that it is traced, which the
	 * linker binds instead while calls are traced (loader/link.h). */
	int32_t traced_at;
};

static inline const char *xeno_export_name(const struct xeno_export *e)
{
	return xeno_rel32_ptr(&e->name_at);
}

static inline const char *xeno_export_version(const struct xeno_export *e)
{
	return xeno_rel32_ptr(&e->version_at);
}

static inline void *xeno_export_addr(const struct xeno_export *e)
{
	return xeno_rel32_ptr(&e->addr_at);
}

static inline void **xeno_export_at(const struct xeno_export *e)
{
	return xeno_rel32_ptr(&e->at_at);
}

static inline void *xeno_export_traced(const struct xeno_export *e)
{
	return xeno_rel32_ptr(&e->traced_at);
}

struct xeno_library {
	const char *soname;	     /* "libc.so.7" */
	unsigned id;		     /* 1 to 0xffff: its calls trace as XENO_LIBCALL_NR(id, nr) */
	const char *const *versions; /* its version definitions, NULL-terminated */
	const struct xeno_export *exports;
	unsigned nexports;
	const struct xeno_calltable *calls; /* its functions, for xeno_call and traces */
};

/*
 * Trace numbers: what the flight recorder keeps and traces and recordings
 * show a call by.  A system call is its own number (below 2^32); function
 * nr of the table with id is id << 32 | nr.  Ids 1 to 0xffff are the
 * libraries' own (their spec's `library` line); tables made at run time (an
 * import nothing defines, loader/link_missing.c) get ids from
 * XENO_LIBID_RUNTIME on, one each, as they are registered.
 */
#define XENO_LIBID_RUNTIME	0x10000u
#define XENO_LIBCALL_NR(id, nr) ((uint64_t)(id) << 32 | (uint32_t)(nr))
#define XENO_LIBCALL_ID(tnr)	((unsigned)((tnr) >> 32))
#define XENO_LIBCALL_FN(tnr)	((uint32_t)(tnr))
#define XENO_SYSCALL_NR_MAX	0xffffffffu /* a trapped number above this is traced as it */

struct xeno_personality;

/* The trace number of call nr of table tab (NULL: a system call). */
static inline uint64_t xeno_trace_number(const struct xeno_calltable *tab, uint64_t nr)
{
	if (tab && tab->id)
		return XENO_LIBCALL_NR(tab->id, nr);
	return nr <= XENO_SYSCALL_NR_MAX ? nr : XENO_SYSCALL_NR_MAX;
}

/* A call table made at run time: registered, it gets the next id from
 * XENO_LIBID_RUNTIME on; it stays for the life of the process. */
struct xeno_runtime_table {
	struct xeno_calltable table; /* its library names the library the import was from */
	struct xeno_runtime_table *next;
};
void xeno_runtime_table_add(struct xeno_runtime_table *rt);
/* The tables made at run time so far, newest first (a list to walk). */
const struct xeno_runtime_table *xeno_runtime_tables(void);
/* Forgets every table made at run time (the loader fuzzer links program
 * after program in one process). */
void xeno_runtime_tables_forget(void);

/* The table of id for os: its system calls (0), one of its libraries, or
 * one made at run time; NULL if there is none.  Safe in a crash report. */
const struct xeno_calltable *xeno_calltable_of(const struct xeno_personality *os, unsigned id);
/* The description of the call with trace number tnr and its table, or NULL. */
const struct xeno_sysent *xeno_call_entry(const struct xeno_personality *os, uint64_t tnr,
					  const struct xeno_calltable **table);

#endif
