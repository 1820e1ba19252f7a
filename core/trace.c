#include "core/trace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/fd.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "core/xlat.h"

bool xeno_trace_enabled;
bool xeno_trace_host;
static int trace_fd = -1;

#define STR_SHOWN 32 /* bytes of a string or buffer shown, as strace does */

int xeno_trace_open(const char *path)
{
	int fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)
		      : dup(STDERR_FILENO);
	if (fd < 0)
		return -errno;
	trace_fd = xeno_fd_move_high(fd);
	if (trace_fd < 0)
		return trace_fd;
	xeno_trace_enabled = true;
	return 0;
}

void xeno_trace_flush(void)
{
	/* Lines are written whole as they are made: nothing is buffered. */
}

/* A bounded line being built. */
struct line {
	char buf[2048];
	size_t n;
};

__attribute__((format(printf, 2, 3))) static void put(struct line *l, const char *fmt, ...)
{
	if (l->n >= sizeof l->buf)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(l->buf + l->n, sizeof l->buf - l->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		l->n = l->n + (size_t)k < sizeof l->buf ? l->n + (size_t)k : sizeof l->buf - 1;
}

/* Guest bytes as a C string literal, at most STR_SHOWN of them. */
static void put_bytes(struct line *l, uint64_t addr, size_t len, bool stop_at_nul)
{
	char tmp[STR_SHOWN + 1];
	size_t want = len < STR_SHOWN + 1 ? len : STR_SHOWN + 1;
	long got;
	if (stop_at_nul) {
		got = xeno_strncpy_in(tmp, addr, sizeof tmp);
		if (got == -ENAMETOOLONG)
			got = STR_SHOWN + 1;
	} else {
		got = xeno_copy_in(tmp, addr, want) == 0 ? (long)want : -EFAULT;
	}
	if (got < 0) {
		put(l, "%#llx", (unsigned long long)addr);
		return;
	}
	size_t shown = (size_t)got < STR_SHOWN ? (size_t)got : STR_SHOWN;
	put(l, "\"");
	for (size_t i = 0; i < shown; i++) {
		unsigned char c = (unsigned char)tmp[i];
		switch (c) {
		case '\n':
			put(l, "\\n");
			break;
		case '\t':
			put(l, "\\t");
			break;
		case '\r':
			put(l, "\\r");
			break;
		case '"':
		case '\\':
			put(l, "\\%c", c);
			break;
		default:
			if (c >= 0x20 && c < 0x7f)
				put(l, "%c", c);
			else
				put(l, "\\%o", c);
		}
	}
	put(l, "\"%s", (size_t)got > STR_SHOWN ? "..." : "");
}

static const struct xeno_flagset *find_flagset(const struct xeno_personality *os,
					       const char *name)
{
	for (const struct xeno_flagset *const *s = os->flagsets; s && *s; s++)
		if (strcmp((*s)->name, name) == 0)
			return *s;
	return NULL;
}

static void put_value(struct line *l, const struct xeno_personality *os,
		      const struct xeno_argdesc *d, uint64_t v, const uint64_t *args, long ret)
{
	switch (d->kind) {
	case XA_INT:
	case XA_FD:
		put(l, "%d", (int)v);
		break;
	case XA_ATFD:
		if ((int)v == -100)
			put(l, "AT_FDCWD");
		else
			put(l, "%d", (int)v);
		break;
	case XA_UINT:
		put(l, "%u", (unsigned)v);
		break;
	case XA_LONG:
		put(l, "%lld", (long long)v);
		break;
	case XA_ULONG:
		put(l, "%llu", (unsigned long long)v);
		break;
	case XA_OCTAL:
		put(l, "%#o", (unsigned)v);
		break;
	case XA_STR:
		put_bytes(l, v, STR_SHOWN + 1, true);
		break;
	case XA_IBUF:
		if (v == 0)
			put(l, "NULL");
		else
			put_bytes(l, v, args[d->len_arg], false);
		break;
	case XA_OBUF:
		if (ret > 0)
			put_bytes(l, v, (size_t)ret, false);
		else
			put(l, "%#llx", (unsigned long long)v);
		break;
	case XA_FLAGS: {
		const struct xeno_flagset *s = find_flagset(os, d->decoder);
		char buf[512];
		if (s) {
			xeno_flags_format(s, d->kind == XA_FLAGS ? (uint32_t)v : v, buf, sizeof buf);
			put(l, "%s", buf);
		} else {
			put(l, "%#llx", (unsigned long long)(uint32_t)v);
		}
		break;
	}
	case XA_SIG: {
		const char *name = os->signal_name ? os->signal_name((int)v) : NULL;
		if (name)
			put(l, "%s", name);
		else
			put(l, "%d", (int)v);
		break;
	}
	default:
		if (v == 0)
			put(l, "NULL");
		else
			put(l, "%#llx", (unsigned long long)v);
	}
}

static void put_call(struct line *l, struct xeno_thread *t, const struct xeno_trap *trap,
		     const struct xeno_sysent *e, long ret)
{
	put(l, "%d ", (int)t->tid);
	if (!e || !e->name) {
		put(l, "syscall_%llu(", (unsigned long long)trap->nr);
		for (int i = 0; i < 6; i++)
			put(l, "%s%#llx", i ? ", " : "", (unsigned long long)trap->args[i]);
		put(l, ")");
		return;
	}
	put(l, "%s(", e->name);
	for (unsigned i = 0; i < e->nargs; i++) {
		if (i)
			put(l, ", ");
		put_value(l, t->os, &e->args[i], trap->args[i], trap->args, ret);
	}
	put(l, ")");
}

static void emit(struct line *l)
{
	if (l->n >= sizeof l->buf - 1)
		l->n = sizeof l->buf - 2;
	l->buf[l->n++] = '\n';
	ssize_t w = write(trace_fd, l->buf, l->n);
	(void)w;
}

void xeno_trace_syscall(struct xeno_thread *t, const struct xeno_trap *trap,
			const struct xeno_sysent *e, long ret)
{
	struct line l = {.n = 0};
	put_call(&l, t, trap, e, ret);
	if (ret == -XENO_EJUSTRETURN && t->uc) {
		/* The handler wrote the guest's registers itself. */
		put(&l, " = %lld", (long long)t->uc->uc_mcontext.gregs[REG_RAX]);
	} else if (ret == -XENO_ERESTART) {
		put(&l, " = ? (interrupted, restarts)");
	} else if (ret < 0 && ret >= -4095) {
		int fe = t->os->errno_from_host((int)-ret);
		const char *name = t->os->errno_name(fe);
		put(&l, " = -1 %s (%s)", name ? name : "E?", strerror((int)-ret));
	} else if (e && (e->ret_kind == XA_PTR || e->ret_kind == XA_HEX)) {
		put(&l, " = %#llx", (unsigned long long)ret);
	} else {
		put(&l, " = %ld", ret);
	}
	if (t->have_rval2)
		put(&l, " (second value %lld)", (long long)t->rval2);
	emit(&l);
}

void xeno_trace_noreturn(struct xeno_thread *t, const struct xeno_trap *trap,
			 const struct xeno_sysent *e)
{
	struct line l = {.n = 0};
	put_call(&l, t, trap, e, 0);
	put(&l, " = ?");
	emit(&l);
}

void xeno_trace_host_call(long nr, long a, long b, long c, long d, long e, long f, long ret)
{
	(void)nr, (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)ret;
}

void xeno_trace_signal(struct xeno_thread *t, int sig, const siginfo_t *si)
{
	struct line l = {.n = 0};
	int fsig = t->os->signal_from_host ? t->os->signal_from_host(sig) : sig;
	const char *name = t->os->signal_name ? t->os->signal_name(fsig) : NULL;
	put(&l, "%d --- ", (int)t->tid);
	if (name)
		put(&l, "%s", name);
	else
		put(&l, "signal %d", fsig);
	put(&l, " {si_code=%d, si_pid=%d, si_addr=%p} ---", si->si_code, si->si_pid, si->si_addr);
	emit(&l);
}
