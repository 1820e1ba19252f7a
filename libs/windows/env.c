/*
 * The environment and the command line as Windows programs read them: one
 * UTF-16 environment block "A=1\0B=2\0\0" (GetEnvironmentStringsW) that
 * GetEnvironmentVariableW and SetEnvironmentVariableW read and change, and
 * one command line (GetCommandLineW) that the program splits itself — Go
 * with its own commandLineToArgv, C runtimes with CommandLineToArgvW's
 * rules — so each Linux argument is quoted the way those rules read it
 * back (learn.microsoft.com "Parsing C++ command-line arguments").
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char **vars; /* UTF-8 "NAME=value", NULL-terminated */
static size_t nvars;

int win_env_init(char *const envp[])
{
	size_t n = 0;
	while (envp && envp[n])
		n++;
	vars = calloc(n + 1, sizeof *vars);
	if (!vars)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!(vars[nvars++] = strdup(envp[i])))
			return -1;
	return 0;
}

/* A block of every variable, UTF-16, malloc'd: the caller frees it. */
static win_wchar *make_block(void)
{
	size_t units = 1;
	for (size_t i = 0; i < nvars; i++)
		units += win_utf8_to_utf16(vars[i], strlen(vars[i]), NULL, 0) + 1;
	win_wchar *b = malloc(units * sizeof *b);
	if (!b)
		return NULL;
	size_t at = 0;
	for (size_t i = 0; i < nvars; i++) {
		at += win_utf8_to_utf16(vars[i], strlen(vars[i]), b + at, units - at);
		b[at++] = 0;
	}
	b[at] = 0;
	return b;
}

uint64_t win_env_block(void)
{
	pthread_mutex_lock(&lock);
	win_wchar *b = make_block();
	pthread_mutex_unlock(&lock);
	return (uint64_t)b;
}

long windows_kernel32_GetEnvironmentStringsW(struct xeno_thread *t)
{
	(void)t;
	uint64_t b = win_env_block();
	return b ? (long)b : win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
}

long windows_kernel32_FreeEnvironmentStringsW(struct xeno_thread *t, uint64_t block)
{
	(void)t;
	free((void *)block);
	return 1;
}

/* The index of the variable name (compared without case, as Windows
 * does), or -1; under the lock. */
static long find(const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < nvars; i++)
		if (strncasecmp(vars[i], name, n) == 0 && vars[i][n] == '=')
			return (long)i;
	return -1;
}

long windows_kernel32_GetEnvironmentVariableW(struct xeno_thread *t, uint64_t wname, uint64_t buf,
					      unsigned int size)
{
	(void)t;
	char name[4096];
	if (win_wstr_in(wname, name, sizeof name) < 0)
		return win_fail(WIN_ERROR_ENVVAR_NOT_FOUND);
	pthread_mutex_lock(&lock);
	long i = find(name);
	char *value = i >= 0 ? strdup(strchr(vars[i], '=') + 1) : NULL;
	pthread_mutex_unlock(&lock);
	if (!value)
		return win_fail(WIN_ERROR_ENVVAR_NOT_FOUND);
	uint32_t r = win_wstr_out(value, buf, size);
	free(value);
	win_set_error(WIN_ERROR_SUCCESS);
	return r;
}

long windows_kernel32_SetEnvironmentVariableW(struct xeno_thread *t, uint64_t wname,
					      uint64_t wvalue)
{
	(void)t;
	char name[4096], value[32768];
	if (win_wstr_in(wname, name, sizeof name) < 0 || !name[0] || strchr(name + 1, '='))
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	if (wvalue && win_wstr_in(wvalue, value, sizeof value) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	char *line = NULL;
	if (wvalue && asprintf(&line, "%s=%s", name, value) < 0)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	pthread_mutex_lock(&lock);
	long i = find(name);
	if (i >= 0) {
		free(vars[i]);
		if (line) {
			vars[i] = line;
		} else {
			vars[i] = vars[--nvars];
			vars[nvars] = NULL;
		}
	} else if (line) {
		char **nv = realloc(vars, (nvars + 2) * sizeof *vars);
		if (!nv) {
			pthread_mutex_unlock(&lock);
			free(line);
			return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
		}
		vars = nv;
		vars[nvars++] = line;
		vars[nvars] = NULL;
	}
	pthread_mutex_unlock(&lock);
	return 1;
}

/* ---- the command line ---- */

size_t win_quote_arg(const char *arg, char *out, size_t size)
{
	size_t o = 0;
#define PUT(c)                                                                                     \
	do {                                                                                       \
		if (o + 1 < size)                                                                  \
			out[o] = (c);                                                              \
		o++;                                                                               \
	} while (0)
	bool quote = !*arg || strpbrk(arg, " \t\"") != NULL;
	if (quote)
		PUT('"');
	size_t slashes = 0;
	for (const char *p = arg; *p; p++) {
		if (*p == '\\') {
			slashes++;
		} else if (*p == '"') {
			for (size_t k = 0; k < slashes + 1; k++)
				PUT('\\'); /* 2n+1: n literal backslashes and the quote */
			slashes = 0;
		} else {
			slashes = 0;
		}
		PUT(*p);
	}
	if (quote) {
		for (size_t k = 0; k < slashes; k++)
			PUT('\\'); /* doubled before the closing quote */
		PUT('"');
	}
#undef PUT
	if (size)
		out[o < size ? o : size - 1] = '\0';
	return o;
}

static win_wchar *command_line;
static size_t command_line_units;

uint64_t win_command_line(char *const argv[], size_t *units)
{
	if (!command_line) {
		size_t len = 0;
		for (size_t i = 0; argv[i]; i++)
			len += win_quote_arg(argv[i], NULL, 0) + 1;
		char *s = malloc(len + 1), *p = s;
		if (!s)
			return 0;
		for (size_t i = 0; argv[i]; i++) {
			if (i)
				*p++ = ' ';
			p += win_quote_arg(argv[i], p, len + 1 - (size_t)(p - s));
		}
		*p = '\0';
		size_t n = win_utf8_to_utf16(s, strlen(s), NULL, 0);
		command_line = calloc(n + 1, sizeof *command_line);
		if (command_line)
			win_utf8_to_utf16(s, strlen(s), command_line, n);
		command_line_units = n;
		free(s);
	}
	*units = command_line_units;
	return (uint64_t)command_line;
}

long windows_kernel32_GetCommandLineW(struct xeno_thread *t)
{
	(void)t;
	return (long)command_line;
}

long windows_kernel32_GetCommandLineA(struct xeno_thread *t)
{
	(void)t;
	static char *ansi;
	if (!ansi && command_line) {
		size_t n = win_utf16_to_utf8(command_line, command_line_units, NULL, 0);
		ansi = calloc(n + 1, 1);
		if (ansi)
			win_utf16_to_utf8(command_line, command_line_units, ansi, n);
	}
	return (long)ansi;
}
