/*
 * The little of CoreFoundation Go's crypto/x509 (internal/macos) needs
 * without verifying anything: strings and data objects it makes at package
 * initialisation (Go 1.19 turns policy names into CFStrings then), and
 * CFRelease of them.  An object is xeno's own record: a magic word, its
 * kind, its length and its bytes; the program only passes it back.
 * Anything else (arrays, dates, errors, the Security calls) is a stub that
 * fails, as on a Mac where no certificate can be verified.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/uaccess.h"
#include "darwin_CoreFoundation_proto.h"
#include "libs/darwin/darwin.h"

#define CF_MAGIC 0x7846524546434678ULL /* "xFCFERFx" */

enum { CF_STRING = 1, CF_DATA };

struct cf_object {
	uint64_t magic;
	int kind;
	long len;
	unsigned char bytes[];
};

static long cf_new(int kind, uint64_t bytes, long len)
{
	if (len < 0 || len > (1L << 30))
		return 0;
	struct cf_object *o = malloc(sizeof *o + (size_t)len + 1);
	if (!o)
		return 0;
	*o = (struct cf_object){CF_MAGIC, kind, len};
	if (len && xeno_copy_in(o->bytes, bytes, (size_t)len) < 0) {
		free(o);
		return 0;
	}
	o->bytes[len] = 0;
	return (long)o;
}

static struct cf_object *cf_of(uint64_t p, int kind)
{
	uint64_t magic = 0;
	if (!p || xeno_copy_in(&magic, p, sizeof magic) < 0 || magic != CF_MAGIC)
		return NULL;
	struct cf_object *o = (struct cf_object *)p;
	return !kind || o->kind == kind ? o : NULL;
}

long darwin_CoreFoundation_CFStringCreateWithBytes(struct xeno_thread *t, uint64_t alloc,
						   uint64_t bytes, long n, unsigned int encoding,
						   int external)
{
	(void)t, (void)alloc, (void)encoding, (void)external;
	return cf_new(CF_STRING, bytes, n);
}

long darwin_CoreFoundation_CFDataCreate(struct xeno_thread *t, uint64_t alloc, uint64_t bytes,
					long length)
{
	(void)t, (void)alloc;
	return cf_new(CF_DATA, bytes, length);
}

long darwin_CoreFoundation_CFDataGetBytePtr(struct xeno_thread *t, uint64_t data)
{
	(void)t;
	struct cf_object *o = cf_of(data, CF_DATA);
	return o ? (long)o->bytes : 0;
}

long darwin_CoreFoundation_CFDataGetLength(struct xeno_thread *t, uint64_t data)
{
	(void)t;
	struct cf_object *o = cf_of(data, CF_DATA);
	return o ? o->len : 0;
}

long darwin_CoreFoundation_CFRelease(struct xeno_thread *t, uint64_t cf)
{
	(void)t;
	struct cf_object *o = cf_of(cf, 0);
	if (o) {
		o->magic = 0;
		free(o);
	}
	return 0;
}
