/* The BSD samples' runtime (samples/bsd/runtime.h): memory and string helpers,
 * a buffered printf, the checks, and the entry from crt0.S. */
#include "mini.h"

char **environ;

void *memcpy(void *d, const void *s, size_t n)
{
	char *dp = d;
	const char *sp = s;
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t mini_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int mini_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int mini_strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

size_t mini_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = mini_strlen(src);
	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

size_t mini_strlcat(char *dst, const char *src, size_t size)
{
	size_t used = 0;
	while (used < size && dst[used])
		used++;
	if (used == size)
		return size + mini_strlen(src);
	return used + mini_strlcpy(dst + used, src, size - used);
}

long mini_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		long w = SYS3(write, fd, p, n);
		if (w <= 0)
			return w < 0 ? w : -5; /* EIO: a write that makes no progress */
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

char *mini_getenv(const char *name)
{
	size_t n = mini_strlen(name);
	for (char **e = environ; e && *e; e++)
		if (mini_strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

long mini_atol(const char *s)
{
	long v = 0, sign = 1;
	if (*s == '-')
		sign = -1, s++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v * sign;
}

/* ---- output ---- */

struct out {
	int fd;
	char buf[4096];
	size_t n;
};

static struct out out_stdout = {.fd = 1};

static void out_flush(struct out *o)
{
	size_t done = 0;
	while (done < o->n) {
		long w = SYS3(write, o->fd, o->buf + done, o->n - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	o->n = 0;
}

static void out_char(struct out *o, char c)
{
	if (o->n == sizeof o->buf)
		out_flush(o);
	o->buf[o->n++] = c;
}

static void out_str(struct out *o, const char *s)
{
	while (*s)
		out_char(o, *s++);
}

static void out_num(struct out *o, unsigned long v, unsigned base, int neg)
{
	char tmp[24];
	int i = 0;
	do {
		tmp[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		out_char(o, '-');
	while (i)
		out_char(o, tmp[--i]);
}

static void out_vformat(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out_char(o, *fmt);
			continue;
		}
		int is_long = 0;
		fmt++;
		if (*fmt == 'l')
			is_long = 1, fmt++;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
			out_num(o, v < 0 ? -(unsigned long)v : (unsigned long)v, 10, v < 0);
			break;
		}
		case 'u':
			out_num(o, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10,
				0);
			break;
		case 'x':
			out_num(o, is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 16,
				0);
			break;
		case 'p':
			out_str(o, "0x");
			out_num(o, (unsigned long)va_arg(ap, void *), 16, 0);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			out_str(o, s ? s : "(null)");
			break;
		}
		case 'c':
			out_char(o, (char)va_arg(ap, int));
			break;
		case '%':
			out_char(o, '%');
			break;
		default:
			out_char(o, '%');
			out_char(o, *fmt);
		}
	}
}

int mini_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out_vformat(&out_stdout, fmt, ap);
	va_end(ap);
	return 0;
}

int mini_dprintf(int fd, const char *fmt, ...)
{
	struct out o = {.fd = fd};
	va_list ap;
	va_start(ap, fmt);
	out_vformat(&o, fmt, ap);
	va_end(ap);
	out_flush(&o);
	return 0;
}

void mini_flush(void)
{
	out_flush(&out_stdout);
}

void mini_exit(int status)
{
	mini_flush();
	SYS1(exit, status);
	__builtin_unreachable();
}

static const char *const errnames[] = {
    "0",
    "EPERM",
    "ENOENT",
    "ESRCH",
    "EINTR",
    "EIO",
    "ENXIO",
    "E2BIG",
    "ENOEXEC",
    "EBADF",
    "ECHILD",
    "EDEADLK",
    "ENOMEM",
    "EACCES",
    "EFAULT",
    "ENOTBLK",
    "EBUSY",
    "EEXIST",
    "EXDEV",
    "ENODEV",
    "ENOTDIR",
    "EISDIR",
    "EINVAL",
    "ENFILE",
    "EMFILE",
    "ENOTTY",
    "ETXTBSY",
    "EFBIG",
    "ENOSPC",
    "ESPIPE",
    "EROFS",
    "EMLINK",
    "EPIPE",
    "EDOM",
    "ERANGE",
    "EAGAIN",
    "EINPROGRESS",
    "EALREADY",
    "ENOTSOCK",
    "EDESTADDRREQ",
    "EMSGSIZE",
    "EPROTOTYPE",
    "ENOPROTOOPT",
    "EPROTONOSUPPORT",
    "ESOCKTNOSUPPORT",
    "EOPNOTSUPP",
    "EPFNOSUPPORT",
    "EAFNOSUPPORT",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ENOBUFS",
    "EISCONN",
    "ENOTCONN",
    "ESHUTDOWN",
    "ETOOMANYREFS",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "ELOOP",
    "ENAMETOOLONG",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "ENOTEMPTY",
    "EPROCLIM",
    "EUSERS",
    "EDQUOT",
    "ESTALE",
    "EREMOTE",
    "EBADRPC",
    "ERPCMISMATCH",
    "EPROGUNAVAIL",
    "EPROGMISMATCH",
    "EPROCUNAVAIL",
    "ENOLCK",
    "ENOSYS",
    "EFTYPE",
};

const char *mini_errname(long err)
{
	if (err >= 0 && (size_t)err < sizeof errnames / sizeof errnames[0])
		return errnames[err];
	return "E?";
}

int mini_failures;

void mini_check(const char *name, int ok)
{
	mini_printf("%s: %s\n", name, ok ? "ok" : "FAILED");
	mini_failures += !ok;
}

int mini_expect_error(const char *what, long result, const char *want)
{
	if (result >= 0) {
		mini_printf("%s succeeded (%ld), expected %s\n", what, result, want);
		mini_failures++;
		return 0;
	}
	if (mini_strcmp(mini_errname(-result), want) != 0) {
		mini_printf("%s %s, expected %s\n", what, mini_errname(-result), want);
		mini_failures++;
		return 0;
	}
	mini_printf("%s %s ok\n", what, want);
	return 1;
}

int mini_expect_call_error(const char *call, const char *what, long result, const char *want)
{
	char line[128];
	mini_strlcpy(line, call, sizeof line);
	mini_strlcat(line, "(", sizeof line);
	mini_strlcat(line, what, sizeof line);
	mini_strlcat(line, "):", sizeof line);
	return mini_expect_error(line, result, want);
}

static const char *scratch_dir;

const char *mini_scratch_dir(int argc, char **argv, const char *name)
{
	if (argc != 2) {
		mini_dprintf(2, "usage: %s DIRECTORY\n", name);
		mini_exit(2);
	}
	scratch_dir = argv[1];
	return scratch_dir;
}

const char *mini_scratch_path(const char *name)
{
	static char path[1024];
	mini_strlcpy(path, scratch_dir, sizeof path);
	mini_strlcat(path, "/", sizeof path);
	mini_strlcat(path, name, sizeof path);
	return path;
}

void mini_start(long *ap)
{
	int argc = (int)ap[0];
	char **argv = (char **)(ap + 1);
	environ = argv + argc + 1;
	mini_exit(main(argc, argv, environ));
}
