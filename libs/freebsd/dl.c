/*
 * FreeBSD's interface to the run-time linker (include/dlfcn.h, link.h),
 * which rtld provides and libc.so.7 stubs: here, over xeno's linker
 * (loader/link.h).  dlopen runs the new objects' initialisers as guest
 * calls before it returns.  Failures do not touch errno; dlerror tells.
 */
#include <errno.h>

#include "abi/freebsd/dlfcn.h"
#include "core/libcall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "libs/freebsd/freebsd.h"
#include "loader/link.h"

#define NAME_MAX_ 4096

/* A guest string into buf: 0, or -1 when it is unreadable or too long. */
static int string_in(uint64_t s, char *buf, size_t size)
{
	return xeno_strncpy_in(buf, s, size) < 0 ? -1 : 0;
}

long freebsd_libc_dlopen(struct xeno_thread *t, uint64_t path, int mode)
{
	(void)t;
	char name[NAME_MAX_];
	if (path && string_in(path, name, sizeof name) < 0)
		return 0;
	return (long)xeno_link_dlopen(path ? name : NULL, mode & FREEBSD_RTLD_GLOBAL);
}

/* RTLD_DEFAULT, and for now RTLD_NEXT and RTLD_SELF, search everything
 * in load order (the caller's own object first, as the program is). */
static void *search_handle(uint64_t handle)
{
	if (handle == FREEBSD_RTLD_DEFAULT || handle == FREEBSD_RTLD_NEXT ||
	    handle == FREEBSD_RTLD_SELF)
		return NULL;
	return (void *)handle;
}

long freebsd_libc_dlvsym(struct xeno_thread *t, uint64_t handle, uint64_t name, uint64_t version)
{
	(void)t;
	char sym[NAME_MAX_], ver[256];
	if (string_in(name, sym, sizeof sym) < 0 ||
	    (version && string_in(version, ver, sizeof ver) < 0))
		return 0;
	return (long)xeno_link_dlsym(search_handle(handle), sym, version ? ver : NULL);
}

long freebsd_libc_dlsym(struct xeno_thread *t, uint64_t handle, uint64_t name)
{
	return freebsd_libc_dlvsym(t, handle, name, 0);
}

long freebsd_libc_dlclose(struct xeno_thread *t, uint64_t handle)
{
	(void)t;
	return xeno_link_dlclose((void *)handle);
}

long freebsd_libc_dlerror(struct xeno_thread *t)
{
	(void)t;
	return (long)xeno_link_error(); /* xeno's memory, which the guest may read */
}

long freebsd_libc_dladdr(struct xeno_thread *t, uint64_t addr, uint64_t info)
{
	(void)t;
	const char *object, *symbol;
	uint64_t base, symaddr;
	if (!xeno_link_dladdr(addr, &object, &base, &symbol, &symaddr))
		return 0;
	struct freebsd_dl_info di = {(uint64_t)object, base, (uint64_t)symbol, symaddr};
	return xeno_copy_out(info, &di, sizeof di) < 0 ? 0 : 1;
}

/* ---- dl_iterate_phdr: the guest's callback for each object ---- */

struct iterate {
	struct xeno_thread *t;
	uint64_t callback, data;
	uint64_t objects;
};

static int count_one(const struct xeno_link_object *o, void *arg)
{
	(void)o;
	((struct iterate *)arg)->objects++;
	return 0;
}

static int call_one(const struct xeno_link_object *o, void *arg)
{
	struct iterate *it = arg;
	struct freebsd_dl_phdr_info info = {
	    .dlpi_addr = o->base,
	    .dlpi_name = (uint64_t)o->name,
	    .dlpi_phdr = o->phdr,
	    .dlpi_phnum = (uint16_t)o->phnum,
	    .dlpi_adds = it->objects,
	    .dlpi_tls_modid = o->tls_module,
	    .dlpi_tls_data =
		o->tls_module ? xeno_link_tls_addr_present(it->t->guest_fs, o->tls_module, 0) : 0,
	};
	/* on the guest's stack, where the callback may keep a pointer to it */
	struct xeno_guest_call gc = {it->callback, {(uint64_t)&info, sizeof info, it->data}};
	return (int)xeno_guest_call(&gc);
}

long freebsd_libc_dl_iterate_phdr(struct xeno_thread *t, uint64_t callback, uint64_t data)
{
	struct iterate it = {t, callback, data, 0};
	xeno_link_each(count_one, &it);
	return xeno_link_each(call_one, &it);
}

/* General-dynamic TLS (x86-64 psABI): the thread's block of a module,
 * from its thread pointer (the guest's FS base).  A block dlopen made
 * needs glibc's malloc the first time a thread uses it. */
long freebsd_libc___tls_get_addr(struct xeno_thread *t, uint64_t ti)
{
	struct freebsd_tls_index idx;
	if (xeno_copy_in(&idx, ti, sizeof idx) < 0)
		return 0;
	uint64_t a = xeno_link_tls_addr_present(t->guest_fs, idx.ti_module, idx.ti_offset);
	if (!a) {
		xeno_host_tls(t);
		a = xeno_link_tls_addr(t->guest_fs, idx.ti_module, idx.ti_offset);
	}
	return (long)a;
}
