/* Building trace lines (core/trace_line.h). */
#include "trace/line.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/personality.h"
#include "trace/norm.h"
#include "core/xlat.h"

void tl_init(struct xeno_tline *l, const struct xeno_personality *os, struct xt_norm *norm)
{
	l->n = 0;
	l->buf[0] = '\0';
	l->os = os;
	l->norm = norm;
}

void tl_printf(struct xeno_tline *l, const char *fmt, ...)
{
	if (l->n >= sizeof l->buf - 1)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(l->buf + l->n, sizeof l->buf - l->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		l->n = l->n + (size_t)k < sizeof l->buf ? l->n + (size_t)k : sizeof l->buf - 1;
}

void tl_puts(struct xeno_tline *l, const char *s)
{
	tl_printf(l, "%s", s);
}

void tl_bytes(struct xeno_tline *l, const uint8_t *p, size_t n, bool more)
{
	tl_puts(l, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		switch (c) {
		case '\n':
			tl_puts(l, "\\n");
			break;
		case '\t':
			tl_puts(l, "\\t");
			break;
		case '\r':
			tl_puts(l, "\\r");
			break;
		case '"':
		case '\\':
			tl_printf(l, "\\%c", c);
			break;
		default:
			if (c >= 0x20 && c < 0x7f)
				tl_printf(l, "%c", c);
			else
				tl_printf(l, "\\%o", c);
		}
	}
	tl_puts(l, more ? "\"..." : "\"");
}

void tl_addr(struct xeno_tline *l, uint64_t addr)
{
	if (addr == 0)
		tl_puts(l, "NULL");
	else if (l->norm)
		tl_puts(l, "ADDR");
	else
		tl_printf(l, "%#llx", (unsigned long long)addr);
}

void tl_fd(struct xeno_tline *l, int fd)
{
	/* The standard descriptors mean the same in every run. */
	if (l->norm && fd > 2)
		tl_printf(l, "F%u", xt_idmap_number(&l->norm->fds, fd));
	else
		tl_printf(l, "%d", fd);
}

void tl_pid(struct xeno_tline *l, long pid)
{
	/* 0 and -1 (and negated groups) are not ids of one process. */
	if (l->norm && pid > 1)
		tl_printf(l, "P%u", xt_idmap_number(&l->norm->ids, pid));
	else if (l->norm && pid < -1)
		tl_printf(l, "-P%u", xt_idmap_number(&l->norm->ids, -pid));
	else
		tl_printf(l, "%ld", pid);
}

void tl_tid(struct xeno_tline *l, long tid)
{
	tl_pid(l, tid);
}

void tl_time(struct xeno_tline *l, int64_t sec, int64_t frac, int digits)
{
	if (l->norm)
		tl_puts(l, "TIME");
	else
		tl_printf(l, "%lld.%0*lld", (long long)sec, digits, (long long)frac);
}

void tl_varying(struct xeno_tline *l, const char *fmt, long long v)
{
	if (l->norm)
		tl_puts(l, "*");
	else
		tl_printf(l, fmt, v);
}

void tl_flags(struct xeno_tline *l, const struct xeno_flagset *s, uint64_t v)
{
	char buf[512];
	xeno_flags_format(s, v, buf, sizeof buf);
	tl_puts(l, buf);
}

void tl_signal(struct xeno_tline *l, int sig)
{
	const char *name = l->os && l->os->signal_name ? l->os->signal_name(sig) : NULL;
	if (name)
		tl_puts(l, name);
	else
		tl_printf(l, "%d", sig);
}

/* The signals whose bits in words are `set`, by name: INT TERM. */
static void put_signals(struct xeno_tline *l, const uint32_t *words, unsigned nwords, bool set)
{
	bool first = true;
	for (unsigned w = 0; w < nwords; w++)
		for (unsigned b = 0; b < 32; b++) {
			if (!(words[w] & (1u << b)) != !set)
				continue;
			int sig = (int)(w * 32 + b + 1);
			const char *name =
			    l->os && l->os->signal_name ? l->os->signal_name(sig) : NULL;
			if (name && strncmp(name, "SIG", 3) == 0)
				name += 3; /* strace's style: [INT TERM] */
			if (!first)
				tl_puts(l, " ");
			if (name)
				tl_puts(l, name);
			else
				tl_printf(l, "%d", sig);
			first = false;
		}
}

void tl_sigset(struct xeno_tline *l, const uint32_t *words, unsigned nwords)
{
	unsigned n = 0;
	for (unsigned w = 0; w < nwords; w++)
		n += (unsigned)__builtin_popcount(words[w]);
	/* as strace: a set holding most signals by those it lacks, ~[KILL STOP] */
	bool most = n > nwords * 16;
	tl_puts(l, most ? "~[" : "[");
	put_signals(l, words, nwords, !most);
	tl_puts(l, "]");
}
