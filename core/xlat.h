/*
 * Table-driven translation between foreign and host values: error numbers and
 * flag sets.  The tables are facts (abi/<os>/); this is the one mechanism that
 * reads them, both ways, and the tracer names values with the same tables.
 */
#ifndef XENO_CORE_XLAT_H
#define XENO_CORE_XLAT_H

#include <stddef.h>
#include <stdint.h>

/* ---- error numbers ---- */

/* One foreign errno: its host twin (or nearest host errno) and its name.
 * Entries whose host twin differs in meaning set approx: the reverse
 * direction skips them. */
/* Names are held in place, not pointed at, here and in struct xeno_flag:
 * xeno is a static PIE, and a table of pointers is relocated (its pages
 * written) at every start, whether or not anything reads it. */
#define XENO_ERRNO_NAME_SIZE 32
/* A name to hold in place: with a NUL of its own, so that a name as long as
 * the field does not compile ("initializer-string ... too long") instead of
 * silently losing its terminator. */
#define XENO_NAME(literal) literal "\0"
struct xeno_errno {
	int foreign;
	int host;
	char name[XENO_ERRNO_NAME_SIZE];
	int approx;
};

/* A host errno with no foreign twin, and the foreign errno that stands in. */
struct xeno_errno_alias {
	int host;
	int foreign;
};

/* A table may extend a base table that several OSes share: its own entries
 * are looked at first, then the base's (errnos before aliases throughout). */
struct xeno_errno_table {
	const struct xeno_errno *errnos;
	size_t count;
	const struct xeno_errno_alias *aliases;
	size_t alias_count;
	int fallback; /* foreign errno for a host errno neither table names */
	const struct xeno_errno_table *base; /* NULL: none */
};

int xeno_errno_from_host(const struct xeno_errno_table *t, int host);
int xeno_errno_to_host(const struct xeno_errno_table *t, int foreign);
const char *xeno_errno_name(const struct xeno_errno_table *t, int foreign);

/* ---- flag sets ---- */

/*
 * One named part of a flag word.  A part is present in a foreign word w when
 * (w & fmask) == fval, and then stands for host bits hval within hmask; a
 * single bit has mask == value.  Multi-bit fields (an access mode, a shifted
 * count) have a mask wider than any one value.  Parts with hmask == 0 have no
 * host twin: they translate to nothing and the handler deals with them.
 */
#define XENO_FLAG_NAME_SIZE 32
struct xeno_flag {
	uint64_t fmask, fval;
	uint64_t hmask, hval;
	char name[XENO_FLAG_NAME_SIZE]; /* "O_CREAT" */
};

#define XENO_FLAG(name, foreign, host)                                                             \
	{                                                                                          \
		(foreign), (foreign), (host), (host), XENO_NAME(name)                              \
	}
#define XENO_FIELD(name, fmask, fval, hmask, hval)                                                 \
	{                                                                                          \
		(fmask), (fval), (hmask), (hval), XENO_NAME(name)                                  \
	}
/* A part with no host twin: known, accepted, translated to nothing. */
#define XENO_FLAG_FOREIGN(name, foreign)                                                           \
	{                                                                                          \
		(foreign), (foreign), 0, 0, XENO_NAME(name)                                        \
	}
/* One value of an enum set (masks only mark the entry as present). */
#define XENO_ENUM(name, foreign, host)                                                             \
	{                                                                                          \
		~0ULL, (foreign), ~0ULL, (host), XENO_NAME(name)                                   \
	}
#define XENO_ENUM_FOREIGN(name, foreign)                                                           \
	{                                                                                          \
		~0ULL, (foreign), 0, 0, XENO_NAME(name)                                            \
	}

struct xeno_flagset {
	const char *name; /* what syscalls.master calls it: flags(NAME) */
	const struct xeno_flag *flags;
	size_t count;
	int is_enum; /* the whole word is one value (a command, a clock id) */
};

#define XENO_FLAGSET(setname, table, isenum)                                                       \
	{                                                                                          \
		setname, table, sizeof(table) / sizeof((table)[0]), isenum                         \
	}

/* Foreign word -> host word.  0, or -EINVAL when w has bits no part names. */
int xeno_flags_to_host(const struct xeno_flagset *s, uint64_t w, uint64_t *host);
/* Host word -> foreign word.  0, or -EINVAL when w has bits no part names. */
int xeno_flags_from_host(const struct xeno_flagset *s, uint64_t w, uint64_t *foreign);
/* The entry of an enum set whose foreign value is w, or NULL.  Entries made
 * with XENO_ENUM_FOREIGN have hmask == 0: known, but with no host twin. */
const struct xeno_flag *xeno_enum_find(const struct xeno_flagset *s, uint64_t w);
/* Writes the names of w's parts ("O_WRONLY|O_CREAT|0x40000000") into buf. */
void xeno_flags_format(const struct xeno_flagset *s, uint64_t w, char *buf, size_t size);

#endif
