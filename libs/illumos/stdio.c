/*
 * illumos's stdio, as far as the shims go: output written straight
 * through (no FILE buffering yet).  printf formats with the host's
 * vsnprintf from the guest's own va_list (core/libcall.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/libcall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "illumos_libc_proto.h"
#include "libs/illumos/illumos.h"
#include "syscalls/bsd/fs.h"

long illumos_write_all(struct xeno_thread *t, int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		long w = bsd_sys_write(t, fd, (uint64_t)p, n);
		if (w == -EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? w : -EIO;
		p += w, n -= (size_t)w;
	}
	return 0;
}

/* puts: the string and a newline; a non-negative number (illumos: the
 * number of bytes written, usr/src/lib/libc/port/stdio/puts.c). */
long illumos_libc_puts(struct xeno_thread *t, uint64_t s)
{
	char buf[4096];
	long total = 0;
	for (;;) {
		long n = xeno_strncpy_in(buf, s, sizeof buf - 1);
		if (n == -ENAMETOOLONG) {
			long err = illumos_write_all(t, 1, buf, sizeof buf - 2);
			if (err)
				return err;
			s += sizeof buf - 2;
			total += (long)sizeof buf - 2;
			continue;
		}
		if (n < 0)
			return n;
		buf[n] = '\n';
		long err = illumos_write_all(t, 1, buf, (size_t)n + 1);
		return err ? err : total + n + 1;
	}
}

long illumos_libc_putchar(struct xeno_thread *t, int c)
{
	unsigned char ch = (unsigned char)c;
	long err = illumos_write_all(t, 1, &ch, 1);
	return err ? err : ch;
}

long illumos_libc_printf(struct xeno_thread *t, uint64_t format)
{
	va_list ap, again;
	xeno_lib_va(t->lib_regs, 1, 0, ap);
	va_copy(again, ap);
	char small[1024];
	int n = vsnprintf(small, sizeof small, (const char *)format, ap);
	char *text = small;
	if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL)
		vsnprintf(text, (size_t)n + 1, (const char *)format, again);
	va_end(again);
	long err = n < 0 ? -EINVAL : !text ? -ENOMEM : illumos_write_all(t, 1, text, (size_t)n);
	if (text != small)
		free(text);
	return err ? err : n;
}
