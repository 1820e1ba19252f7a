/*
 * FreeBSD's streams (lib/libc/stdio): FILE objects in FreeBSD's layout
 * (abi/freebsd/stdio.h), unbuffered for now — every write and read goes
 * straight to the descriptor, as a stream set up with _IONBF does.
 *
 * Programs reach into a FILE themselves: getc and putc (macros in
 * include/stdio.h) decrement _r and _w and call __srget and __swbuf once
 * they go negative; feof, ferror and fileno read _flags and _file.  Here
 * _r, _w and _lbfsize stay 0, so that every getc and putc calls the
 * function, which puts the count back to 0.  stdin, stdout and stderr are
 * the variables __stdinp, __stdoutp and __stderrp (a COPY relocation may
 * move them into the program: they are read through their _at pointers).
 * The standard streams are xeno's objects; fopen's live on the guest heap.
 */
#include <errno.h>
#include <string.h>

#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/stdio.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"

/* lib/libc/stdio/findfp.c: stderr is unbuffered, the others are not (here
 * all are, but say what FreeBSD's say). */
static struct freebsd_sfile std_files[3] = {
    {.flags = FREEBSD_SRD, .file = 0},
    {.flags = FREEBSD_SWR, .file = 1},
    {.flags = FREEBSD_SWR | FREEBSD_SNBF, .file = 2},
};
uint64_t freebsd_stdinp = (uint64_t)&std_files[0];
uint64_t freebsd_stdoutp = (uint64_t)&std_files[1];
uint64_t freebsd_stderrp = (uint64_t)&std_files[2];
/* lib/libc/gen/_pthread_stubs.c: 1 once threads may exist; the streams'
 * macros then call the functions, which is what unbuffered streams want */
int32_t freebsd_isthreaded = 1;

uint64_t freebsd_stdout(void)
{
	return *(const uint64_t *)freebsd_stdoutp_at;
}

uint64_t freebsd_stderr(void)
{
	return *(const uint64_t *)freebsd_stderrp_at;
}

#define FIELD(f) offsetof(struct freebsd_sfile, f)

/* The descriptor of the guest's stream fp: 0, or -EBADF. */
static long stream_fd(uint64_t fp, int *fd)
{
	int16_t flags, file;
	if (!fp || xeno_copy_in(&flags, fp + FIELD(flags), sizeof flags) < 0 || !flags ||
	    xeno_copy_in(&file, fp + FIELD(file), sizeof file) < 0 || file < 0)
		return -EBADF;
	*fd = file;
	return 0;
}

static int16_t flags_of(uint64_t fp)
{
	int16_t flags = 0;
	xeno_copy_in(&flags, fp + FIELD(flags), sizeof flags);
	return flags;
}

static void set_flags(uint64_t fp, int16_t set, int16_t clear)
{
	int16_t flags = (int16_t)((flags_of(fp) | set) & ~clear);
	xeno_copy_out(fp + FIELD(flags), &flags, sizeof flags);
}

/* What getc and putc count down (abi/freebsd/stdio.h): back to 0. */
static void reset_count(uint64_t fp, size_t field)
{
	int32_t zero = 0;
	xeno_copy_out(fp + field, &zero, sizeof zero);
}

long freebsd_stream_write(struct xeno_thread *t, uint64_t fp, const void *buf, size_t n)
{
	int fd;
	long r = stream_fd(fp, &fd);
	if (!r)
		r = freebsd_write_all(t, fd, buf, n);
	if (r && r != -EBADF)
		set_flags(fp, FREEBSD_SERR, 0);
	return r;
}

/* Sets the guest's errno for a failed stream call that returns EOF. */
static long fail(struct xeno_thread *t, long err)
{
	t->lib_errno = t->os->errno_from_host((int)-err);
	return FREEBSD_EOF;
}

/* ---- output ---- */

long freebsd_libc_fputc(struct xeno_thread *t, int c, uint64_t fp)
{
	unsigned char b = (unsigned char)c;
	long r = freebsd_stream_write(t, fp, &b, 1);
	return r ? r : b;
}

long freebsd_libc_putchar(struct xeno_thread *t, int c)
{
	return freebsd_libc_fputc(t, c, freebsd_stdout());
}

long freebsd_libc___swbuf(struct xeno_thread *t, int c, uint64_t fp)
{
	reset_count(fp, FIELD(w));
	return freebsd_libc_fputc(t, c, fp);
}

/* FreeBSD 12 on: the bytes written (stdio/fputs.c). */
long freebsd_libc_fputs(struct xeno_thread *t, uint64_t s, uint64_t fp)
{
	size_t n = strlen((const char *)s);
	long r = freebsd_stream_write(t, fp, (const void *)s, n);
	return r ? r : (long)(n > INT32_MAX ? INT32_MAX : n);
}

long freebsd_libc_fwrite(struct xeno_thread *t, uint64_t ptr, size_t size, size_t nmemb,
			 uint64_t fp)
{
	if (!size || !nmemb)
		return 0;
	if (nmemb > SIZE_MAX / size) {
		fail(t, -EINVAL);
		return 0;
	}
	long r = freebsd_stream_write(t, fp, (const void *)ptr, size * nmemb);
	if (r) {
		fail(t, r);
		return 0; /* how many were written before the error is not known */
	}
	return (long)nmemb;
}

long freebsd_libc_fflush(struct xeno_thread *t, uint64_t fp)
{
	int fd;
	if (fp && stream_fd(fp, &fd) < 0)
		return fail(t, -EBADF);
	return 0; /* nothing is ever held back */
}

/* ---- input: a byte at a time ---- */

#define INTERRUPTED (-2) /* a signal for the guest came first */

/* One byte from the guest's stream: the byte, EOF (end: __SEOF; an error:
 * __SERR and errno), or INTERRUPTED. */
static long get_byte(struct xeno_thread *t, uint64_t fp)
{
	int fd;
	long r = stream_fd(fp, &fd);
	unsigned char b;
	if (!r)
		r = bsd_sys_read(t, fd, (uint64_t)&b, 1);
	if (r == 1)
		return b;
	if (r == -EINTR || r == -XENO_ERESTARTSYS)
		return INTERRUPTED;
	set_flags(fp, r == 0 ? FREEBSD_SEOF : FREEBSD_SERR, 0);
	return r == 0 ? FREEBSD_EOF : fail(t, r);
}

/* A read a signal cut short before it got anything: the signal's handler
 * runs, then the call again if the handler asked for restarts (the read
 * the kernel would restart), else EOF and EINTR, as a stream's refill
 * fails (stdio/refill.c). */
static long interrupted(struct xeno_thread *t, uint64_t fp)
{
	if (xeno_sig_queued_restart(t))
		return -XENO_ERESTART;
	set_flags(fp, FREEBSD_SERR, 0);
	return fail(t, -EINTR);
}

static long get_char(struct xeno_thread *t, uint64_t fp)
{
	long c = get_byte(t, fp);
	return c == INTERRUPTED ? interrupted(t, fp) : c;
}

long freebsd_libc_fgetc(struct xeno_thread *t, uint64_t fp)
{
	return get_char(t, fp);
}

long freebsd_libc_getchar(struct xeno_thread *t)
{
	return get_char(t, *(const uint64_t *)freebsd_stdinp_at);
}

long freebsd_libc___srget(struct xeno_thread *t, uint64_t fp)
{
	reset_count(fp, FIELD(r));
	return get_char(t, fp);
}

/* A line, or what came before a signal cut it short (unbuffered, the bytes
 * read cannot be kept for a restart). */
long freebsd_libc_fgets(struct xeno_thread *t, uint64_t buf, int size, uint64_t fp)
{
	if (size <= 0)
		return 0;
	char *s = (char *)buf;
	int n = 0;
	while (n < size - 1) {
		long c = get_byte(t, fp);
		if (c == INTERRUPTED && n == 0)
			return interrupted(t, fp) == -XENO_ERESTART ? -XENO_ERESTART : 0;
		if (c < 0)
			break;
		s[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (n == 0 || (flags_of(fp) & FREEBSD_SERR))
		return 0;
	s[n] = '\0';
	return (long)buf;
}

long freebsd_libc_fread(struct xeno_thread *t, uint64_t ptr, size_t size, size_t nmemb, uint64_t fp)
{
	int fd;
	if (!size || !nmemb || nmemb > SIZE_MAX / size)
		return 0;
	long r = stream_fd(fp, &fd);
	if (r) {
		fail(t, r);
		return 0;
	}
	size_t want = size * nmemb, got = 0;
	while (got < want) {
		r = bsd_sys_read(t, fd, ptr + got, want - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if ((r == -EINTR || r == -XENO_ERESTARTSYS) && got == 0)
		return interrupted(t, fp) == -XENO_ERESTART ? -XENO_ERESTART : 0;
	if (r == 0)
		set_flags(fp, FREEBSD_SEOF, 0);
	else if (r < 0 && got < want)
		set_flags(fp, FREEBSD_SERR, 0);
	return (long)(got / size);
}

/* ---- state ---- */

long freebsd_libc_fileno(struct xeno_thread *t, uint64_t fp)
{
	(void)t;
	int fd;
	long r = stream_fd(fp, &fd);
	return r ? r : fd;
}

long freebsd_libc_feof(struct xeno_thread *t, uint64_t fp)
{
	(void)t;
	return (flags_of(fp) & FREEBSD_SEOF) != 0;
}

long freebsd_libc_ferror(struct xeno_thread *t, uint64_t fp)
{
	(void)t;
	return (flags_of(fp) & FREEBSD_SERR) != 0;
}

long freebsd_libc_clearerr(struct xeno_thread *t, uint64_t fp)
{
	(void)t;
	set_flags(fp, 0, FREEBSD_SEOF | FREEBSD_SERR);
	return 0;
}

/* ---- opening and closing ---- */

/* stdio/flags.c: a mode's open flags and stream flags: 0, or -EINVAL. */
static long parse_mode(const char *mode, int *oflags, int16_t *sflags)
{
	switch (mode[0]) {
	case 'r':
		*oflags = FREEBSD_O_RDONLY, *sflags = FREEBSD_SRD;
		break;
	case 'w':
		*oflags = FREEBSD_O_WRONLY | FREEBSD_O_CREAT | FREEBSD_O_TRUNC;
		*sflags = FREEBSD_SWR;
		break;
	case 'a':
		*oflags = FREEBSD_O_WRONLY | FREEBSD_O_CREAT | FREEBSD_O_APPEND;
		*sflags = FREEBSD_SWR;
		break;
	default:
		return -EINVAL;
	}
	for (const char *m = mode + 1; *m; m++) {
		if (*m == '+') {
			*oflags = (*oflags & ~FREEBSD_O_ACCMODE) | FREEBSD_O_RDWR;
			*sflags = FREEBSD_SRW;
		} else if (*m == 'x') {
			*oflags |= FREEBSD_O_EXCL;
		} else if (*m == 'e') {
			*oflags |= FREEBSD_O_CLOEXEC;
		} else if (*m != 'b') {
			break; /* FreeBSD ignores the rest */
		}
	}
	return 0;
}

static long new_stream(int fd, int16_t flags)
{
	struct freebsd_sfile *f = xeno_heap_calloc(1, sizeof *f);
	if (!f)
		return -ENOMEM;
	f->flags = flags;
	f->file = (int16_t)fd;
	return (long)f;
}

long freebsd_libc_fopen(struct xeno_thread *t, uint64_t path, uint64_t mode)
{
	int oflags;
	int16_t sflags;
	if (parse_mode((const char *)mode, &oflags, &sflags) < 0)
		return -EINVAL;
	long fd = bsd_sys_open(t, path, oflags, 0666);
	if (fd < 0)
		return fd;
	if (fd > INT16_MAX) { /* _file is a short (stdio/fopen.c: EMFILE) */
		bsd_sys_close(t, (int)fd);
		return -EMFILE;
	}
	long f = new_stream((int)fd, sflags);
	if (f < 0)
		bsd_sys_close(t, (int)fd);
	return f;
}

long freebsd_libc_fdopen(struct xeno_thread *t, int fd, uint64_t mode)
{
	(void)t;
	int oflags;
	int16_t sflags;
	if (fd < 0 || fd > INT16_MAX)
		return fd < 0 ? -EBADF : -EMFILE;
	if (parse_mode((const char *)mode, &oflags, &sflags) < 0)
		return -EINVAL;
	return new_stream(fd, sflags);
}

long freebsd_libc_fclose(struct xeno_thread *t, uint64_t fp)
{
	int fd;
	long r = stream_fd(fp, &fd);
	if (r)
		return r;
	r = bsd_sys_close(t, fd);
	bool standard = fp >= (uint64_t)std_files && fp < (uint64_t)(std_files + 3);
	if (standard) /* a FILE of xeno's: freed as FreeBSD frees one, by its flags */
		set_flags(fp, 0, (int16_t)0xffff);
	else
		xeno_heap_free((void *)fp);
	return r < 0 ? r : 0;
}
