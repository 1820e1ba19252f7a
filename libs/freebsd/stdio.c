/*
 * FreeBSD's formatted output (lib/libc/stdio): the host's vsnprintf
 * formats, from the guest's own va_list (core/libcall.h; System V's on
 * both sides), and the text goes to a stream of libs/freebsd/file.c or a
 * descriptor.  glibc's formatting uses its locale: these run with glibc's
 * FS base loaded (not NOTLS).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/libcall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/freebsd/freebsd.h"

long freebsd_write_all(struct xeno_thread *t, int fd, const void *buf, size_t n)
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

/* Where formatted text goes: a guest stream, or a descriptor. */
struct sink {
	uint64_t stream;
	int fd;
};

/* Formats format with ap and writes it to out: its length, or -errno. */
static long format_to(struct xeno_thread *t, struct sink out, uint64_t format, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	char small[1024];
	int n = vsnprintf(small, sizeof small, (const char *)format, ap);
	char *text = small;
	if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL)
		vsnprintf(text, (size_t)n + 1, (const char *)format, again);
	va_end(again);
	long err = n < 0 ? -EINVAL : !text ? -ENOMEM : 0;
	if (!err)
		err = out.stream ? freebsd_stream_write(t, out.stream, text, (size_t)n)
				 : freebsd_write_all(t, out.fd, text, (size_t)n);
	if (text != small)
		free(text);
	return err ? err : n;
}

/* The guest's va_list at ap, for the host's functions to read. */
#define GUEST_VA(copy, ap) memcpy(copy, (const void *)(ap), sizeof(va_list))

long freebsd_libc_printf(struct xeno_thread *t, uint64_t format)
{
	va_list ap;
	xeno_lib_va(t->lib_regs, 1, 0, ap);
	return format_to(t, (struct sink){freebsd_stdout(), -1}, format, ap);
}

long freebsd_libc_vprintf(struct xeno_thread *t, uint64_t format, uint64_t ap)
{
	va_list copy;
	GUEST_VA(copy, ap);
	return format_to(t, (struct sink){freebsd_stdout(), -1}, format, copy);
}

long freebsd_libc_fprintf(struct xeno_thread *t, uint64_t fp, uint64_t format)
{
	va_list ap;
	xeno_lib_va(t->lib_regs, 2, 0, ap);
	return format_to(t, (struct sink){fp, -1}, format, ap);
}

long freebsd_libc_vfprintf(struct xeno_thread *t, uint64_t fp, uint64_t format, uint64_t ap)
{
	va_list copy;
	GUEST_VA(copy, ap);
	return format_to(t, (struct sink){fp, -1}, format, copy);
}

long freebsd_libc_dprintf(struct xeno_thread *t, int fd, uint64_t format)
{
	va_list ap;
	xeno_lib_va(t->lib_regs, 2, 0, ap);
	return format_to(t, (struct sink){0, fd}, format, ap);
}

long freebsd_libc_snprintf(struct xeno_thread *t, uint64_t str, size_t size, uint64_t format)
{
	va_list ap;
	xeno_lib_va(t->lib_regs, 3, 0, ap);
	int n = vsnprintf((char *)str, size, (const char *)format, ap);
	return n < 0 ? -EINVAL : n;
}

long freebsd_libc_vsnprintf(struct xeno_thread *t, uint64_t str, size_t size, uint64_t format,
			    uint64_t ap)
{
	(void)t;
	va_list copy;
	GUEST_VA(copy, ap);
	int n = vsnprintf((char *)str, size, (const char *)format, copy);
	return n < 0 ? -EINVAL : n;
}

/* FreeBSD's puts returns '\n' (lib/libc/stdio/puts.c).  A line that fits
 * is written at once, so that threads' lines do not interleave. */
long freebsd_libc_puts(struct xeno_thread *t, uint64_t s)
{
	char line[4096];
	size_t n = strlen((const char *)s);
	uint64_t out = freebsd_stdout();
	long err;
	if (n < sizeof line) {
		memcpy(line, (const char *)s, n);
		line[n] = '\n';
		err = freebsd_stream_write(t, out, line, n + 1);
	} else if (!(err = freebsd_stream_write(t, out, (const void *)s, n))) {
		err = freebsd_stream_write(t, out, "\n", 1);
	}
	return err ? err : '\n';
}

/* gen/perror.c: "s: message\n" on stderr, errno's message (and errno) as
 * they were. */
long freebsd_libc_perror(struct xeno_thread *t, uint64_t s)
{
	int saved = t->lib_errno;
	const char *message = (const char *)freebsd_libc_strerror(t, saved);
	const char *prefix = (const char *)s;
	uint64_t err = freebsd_stderr();
	if (prefix && *prefix) {
		freebsd_stream_write(t, err, prefix, strlen(prefix));
		freebsd_stream_write(t, err, ": ", 2);
	}
	freebsd_stream_write(t, err, message, strlen(message));
	freebsd_stream_write(t, err, "\n", 1);
	t->lib_errno = saved;
	return 0;
}
