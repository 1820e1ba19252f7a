/*
 * UTF-16 strings, as Windows' wide functions take them, and UTF-8, as Linux
 * and xeno's handlers use them.  Unpaired surrogates become U+FFFD (Wine's
 * conversion does the same, dlls/kernelbase/locale.c); guest strings are
 * read through core/uaccess.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/uaccess.h"
#include "libs/windows/windows.h"

long win_wcslen(uint64_t p, size_t max)
{
	win_wchar chunk[64];
	size_t n = 0;
	while (n < max) {
		size_t want = max - n < 64 ? max - n : 64;
		/* never read past the page the string is known to reach */
		uint64_t at = p + 2 * n;
		size_t to_page = (4096 - (at & 4095)) / 2;
		if (to_page && want > to_page)
			want = to_page;
		if (want == 0)
			want = 1;
		if (xeno_copy_in(chunk, at, 2 * want) < 0)
			return -1;
		for (size_t i = 0; i < want; i++)
			if (chunk[i] == 0)
				return (long)(n + i);
		n += want;
	}
	return -1;
}

/* The code point at w[*i] (advancing *i). */
static uint32_t next_point(const win_wchar *w, size_t n, size_t *i)
{
	uint32_t c = w[(*i)++];
	if (c >= 0xd800 && c < 0xdc00) {
		if (*i < n && w[*i] >= 0xdc00 && w[*i] < 0xe000)
			return 0x10000 + ((c - 0xd800) << 10) + (w[(*i)++] - 0xdc00);
		return 0xfffd;
	}
	return c >= 0xdc00 && c < 0xe000 ? 0xfffd : c;
}

size_t win_utf16_to_utf8(const win_wchar *w, size_t n, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c = next_point(w, n, &i);
		char b[4];
		size_t k;
		if (c < 0x80)
			b[0] = (char)c, k = 1;
		else if (c < 0x800)
			b[0] = (char)(0xc0 | c >> 6), b[1] = (char)(0x80 | (c & 0x3f)), k = 2;
		else if (c < 0x10000)
			b[0] = (char)(0xe0 | c >> 12), b[1] = (char)(0x80 | ((c >> 6) & 0x3f)),
			b[2] = (char)(0x80 | (c & 0x3f)), k = 3;
		else
			b[0] = (char)(0xf0 | c >> 18), b[1] = (char)(0x80 | ((c >> 12) & 0x3f)),
			b[2] = (char)(0x80 | ((c >> 6) & 0x3f)), b[3] = (char)(0x80 | (c & 0x3f)),
			k = 4;
		if (o + k <= size)
			memcpy(out + o, b, k);
		o += k;
	}
	return o;
}

/* The code point of the UTF-8 sequence at s[*i] (advancing *i); U+FFFD
 * for a malformed one. */
static uint32_t next_utf8(const unsigned char *s, size_t n, size_t *i)
{
	uint32_t c = s[(*i)++];
	size_t more = c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
	if (c >= 0x80 && !more)
		return 0xfffd;
	if (more)
		c &= 0x3f >> more;
	for (; more; more--) {
		if (*i >= n || (s[*i] & 0xc0) != 0x80)
			return 0xfffd;
		c = c << 6 | (s[(*i)++] & 0x3f);
	}
	return c > 0x10ffff ? 0xfffd : c;
}

size_t win_utf8_to_utf16(const char *s, size_t n, win_wchar *out, size_t room)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c = next_utf8((const unsigned char *)s, n, &i);
		if (c >= 0x10000) {
			if (o + 2 <= room) {
				out[o] = (win_wchar)(0xd800 + ((c - 0x10000) >> 10));
				out[o + 1] = (win_wchar)(0xdc00 + ((c - 0x10000) & 0x3ff));
			}
			o += 2;
		} else {
			if (o < room)
				out[o] = (win_wchar)c;
			o++;
		}
	}
	return o;
}

long win_wstr_in(uint64_t p, char *out, size_t size)
{
	long n = win_wcslen(p, 32768);
	if (n < 0)
		return -1;
	win_wchar *w = malloc((size_t)n * 2 + 2);
	if (!w || xeno_copy_in(w, p, (size_t)n * 2) < 0) {
		free(w);
		return -1;
	}
	size_t len = win_utf16_to_utf8(w, (size_t)n, out, size);
	free(w);
	if (len >= size)
		return -1;
	out[len] = '\0';
	return (long)len;
}

uint32_t win_wstr_out(const char *s, uint64_t buf, uint32_t room)
{
	size_t n = strlen(s);
	size_t units = win_utf8_to_utf16(s, n, NULL, 0);
	if (units + 1 > room)
		return (uint32_t)(units + 1);
	win_wchar *w = malloc((units + 1) * 2);
	if (!w)
		return 0;
	win_utf8_to_utf16(s, n, w, units);
	w[units] = 0;
	long r = xeno_copy_out(buf, w, (units + 1) * 2);
	free(w);
	return r < 0 ? 0 : (uint32_t)units;
}
