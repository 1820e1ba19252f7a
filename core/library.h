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

/* What a function's entry stub hands xeno_lib_entry (in r11). */
struct xeno_libfn {
	const struct xeno_calltable *table;
	uint32_t nr;
	uint8_t conv;  /* enum xeno_libconv */
	uint8_t nargs; /* beyond six, the rest are read from the guest's stack */
};

enum xeno_export_kind {
	XENO_EXPORT_FUNC = 1,
	XENO_EXPORT_DATA,
};

struct xeno_export {
	const char *name;
	const char *version; /* "FBSD_1.0"; NULL: unversioned */
	uint8_t kind;	     /* enum xeno_export_kind */
	bool hidden;	     /* an older version: bound only when asked for by name@version */
	uint16_t ordinal;    /* also exported by this number (PE imports by ordinal); 0: none */
	uint32_t size;	     /* DATA: its size in bytes */
	void *addr;	     /* FUNC: what the guest calls; DATA: the object */
	/* DATA: where the object finally is.  The linker points it at the
	 * program's copy when a COPY relocation moves the object there; the
	 * shim's own code reads the object through it. */
	void **at;
};

struct xeno_library {
	const char *soname;	     /* "libc.so.7" */
	unsigned id;		     /* in traces: its calls are numbered id << 16 | nr */
	const char *const *versions; /* its version definitions, NULL-terminated */
	const struct xeno_export *exports;
	unsigned nexports;
	const struct xeno_calltable *calls; /* its functions, for xeno_call and traces */
};

/* The number a call of library id has in traces and the flight recorder. */
#define XENO_LIBCALL_NR(id, nr) ((uint64_t)(id) << 16 | (nr))
#define XENO_LIBCALL_ID(tnr)	((unsigned)((tnr) >> 16))

#endif
