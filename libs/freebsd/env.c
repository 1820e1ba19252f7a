/*
 * FreeBSD's environment functions (lib/libc/stdlib/getenv.c): over the
 * guest's `environ` (a COPY relocation may have moved it into the program:
 * freebsd_environ_at says where it is).  New strings and arrays come from
 * the guest heap; what they replace is left alone, since the program may
 * still hold pointers into it, as FreeBSD leaves it.
 */
#include <errno.h>
#include <string.h>

#include "core/forklock.h"
#include "freebsd_libc_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"

static int env_lock;	 /* a spinlock: these run on the guest's FS base */
static char **own_array; /* the array setenv made last, and its room */
static size_t own_room;

static char ***environ_place(void)
{
	return (char ***)freebsd_environ_at;
}

/* The length of a valid name (no '=', not empty), or 0. */
static size_t name_length(const char *name)
{
	if (!name || !*name || strchr(name, '='))
		return 0;
	return strlen(name);
}

/* The index of name's entry in env, or -1. */
static long find(char **env, const char *name, size_t len)
{
	for (long i = 0; env && env[i]; i++)
		if (strncmp(env[i], name, len) == 0 && env[i][len] == '=')
			return i;
	return -1;
}

long freebsd_libc_getenv(struct xeno_thread *t, uint64_t name)
{
	(void)t;
	const char *n = (const char *)name;
	size_t len = name_length(n);
	if (!len)
		return 0;
	fbsd_spin_lock(&env_lock);
	char **env = *environ_place();
	long i = find(env, n, len);
	char *value = i < 0 ? NULL : env[i] + len + 1;
	fbsd_spin_unlock(&env_lock);
	return (long)value;
}

/* Puts entry in the environment, in place of the one at index i or at the
 * end: 0 or -ENOMEM.  The lock is held. */
static long put(char *entry, long i)
{
	char **env = *environ_place();
	if (i >= 0) {
		env[i] = entry;
		return 0;
	}
	size_t n = 0;
	while (env && env[n])
		n++;
	if (env != own_array || n + 2 > own_room) {
		size_t room = (n + 2) * 2;
		char **a = xeno_heap_alloc(room * sizeof *a);
		if (!a)
			return -ENOMEM;
		if (n)
			memcpy(a, env, n * sizeof *a);
		own_array = a, own_room = room;
		*environ_place() = env = a;
	}
	env[n] = entry;
	env[n + 1] = NULL;
	return 0;
}

long freebsd_libc_setenv(struct xeno_thread *t, uint64_t name, uint64_t value, int overwrite)
{
	(void)t;
	const char *n = (const char *)name, *v = (const char *)value;
	size_t len = name_length(n);
	if (!len)
		return -EINVAL;
	size_t vlen = strlen(v);
	char *entry = xeno_heap_alloc(len + vlen + 2);
	if (!entry)
		return -ENOMEM;
	memcpy(entry, n, len);
	entry[len] = '=';
	memcpy(entry + len + 1, v, vlen + 1);
	fbsd_spin_lock(&env_lock);
	long i = find(*environ_place(), n, len);
	long r = i >= 0 && !overwrite ? 1 : put(entry, i);
	fbsd_spin_unlock(&env_lock);
	if (r)
		xeno_heap_free(entry);
	return r < 0 ? r : 0;
}

long freebsd_libc_putenv(struct xeno_thread *t, uint64_t string)
{
	(void)t;
	char *s = (char *)string;
	const char *eq = s ? strchr(s, '=') : NULL;
	if (!eq || eq == s)
		return -EINVAL;
	fbsd_spin_lock(&env_lock);
	long r = put(s, find(*environ_place(), s, (size_t)(eq - s)));
	fbsd_spin_unlock(&env_lock);
	return r;
}

long freebsd_libc_unsetenv(struct xeno_thread *t, uint64_t name)
{
	(void)t;
	const char *n = (const char *)name;
	size_t len = name_length(n);
	if (!len)
		return -EINVAL;
	fbsd_spin_lock(&env_lock);
	char **env = *environ_place();
	for (long i; (i = find(env, n, len)) >= 0;)
		for (; env[i]; i++)
			env[i] = env[i + 1];
	fbsd_spin_unlock(&env_lock);
	return 0;
}
