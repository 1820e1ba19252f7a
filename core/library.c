/*
 * Finding a call's table by its trace number (core/library.h): the
 * personality's system calls, its shim libraries, and the tables made at
 * run time for imports nothing defines.  The tracer and the flight
 * recorder name calls through it.
 */
#include "core/library.h"

#include <stddef.h>

#include "core/personality.h"

/* Newest first; pushed with a compare-and-swap, read without a lock (the
 * flight recorder reads it while the process dies). */
static struct xeno_runtime_table *runtime_tables;
static unsigned next_runtime_id = XENO_LIBID_RUNTIME;

void xeno_runtime_table_add(struct xeno_runtime_table *rt)
{
	rt->table.id = __atomic_fetch_add(&next_runtime_id, 1, __ATOMIC_RELAXED);
	rt->next = __atomic_load_n(&runtime_tables, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&runtime_tables, &rt->next, rt, false, __ATOMIC_RELEASE,
					    __ATOMIC_RELAXED))
		;
}

const struct xeno_runtime_table *xeno_runtime_tables(void)
{
	return __atomic_load_n(&runtime_tables, __ATOMIC_ACQUIRE);
}

void xeno_runtime_tables_forget(void)
{
	__atomic_store_n(&runtime_tables, NULL, __ATOMIC_RELEASE);
}

const struct xeno_calltable *xeno_calltable_of(const struct xeno_personality *os, unsigned id)
{
	if (id == 0)
		return os ? os->syscalls : NULL;
	if (id >= XENO_LIBID_RUNTIME) {
		for (struct xeno_runtime_table *rt =
			 __atomic_load_n(&runtime_tables, __ATOMIC_ACQUIRE);
		     rt; rt = rt->next)
			if (rt->table.id == id)
				return &rt->table;
		return NULL;
	}
	for (const struct xeno_library *const *l = os ? os->libraries : NULL; l && *l; l++)
		if ((*l)->id == id)
			return (*l)->calls;
	return NULL;
}

const struct xeno_sysent *xeno_call_entry(const struct xeno_personality *os, uint64_t tnr,
					  const struct xeno_calltable **table)
{
	const struct xeno_calltable *tab = xeno_calltable_of(os, XENO_LIBCALL_ID(tnr));
	uint64_t nr = XENO_LIBCALL_ID(tnr) ? XENO_LIBCALL_FN(tnr) : tnr;
	if (table)
		*table = tab;
	if (!tab || nr >= tab->n || !tab->sysent[nr].name[0])
		return NULL;
	return &tab->sysent[nr];
}
