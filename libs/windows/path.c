/*
 * Paths, mapped as Wine maps them (dlls/ntdll/unix/file.c, and the
 * dosdevices directory Wine's server makes: "z:" links to "/"): drive Z: is
 * the Linux root, so Z:\home\me is /home/me, and the current directory
 * shows as Z:\... .  Both separators are accepted; the \\?\ and \??\
 * prefixes are dropped; \\?\unix\path is the Linux path itself, as in
 * Wine; NUL is /dev/null and CON the terminal.  A relative path stays
 * relative: the process's working directory is the current directory.
 * Other drives and UNC paths (\\server\share) do not exist here.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "libs/windows/windows.h"

/* Whether s is the device name dev, alone or as the last component. */
static bool is_device(const char *s, const char *dev)
{
	const char *b = s;
	for (const char *p = s; *p; p++)
		if (*p == '\\' || *p == '/' || *p == ':')
			b = p + 1;
	size_t n = strlen(dev);
	return strncasecmp(b, dev, n) == 0 && (b[n] == '\0' || b[n] == '.');
}

/* Whether a component of s is longer than a directory entry may be: 255
 * characters (Wine's MAX_DIR_ENTRY_LEN in dlls/ntdll/unix/file.c, NTFS's
 * limit), counted as UTF-16 units. */
static bool component_too_long(const char *s)
{
	size_t units = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == '/') {
			units = 0;
			continue;
		}
		if ((*p & 0xc0) != 0x80) /* a character starts; four bytes: a pair */
			units += (*p & 0xf8) == 0xf0 ? 2 : 1;
		if (units > 255)
			return true;
	}
	return false;
}

int win_path_from_utf8(const char *in, char *out, size_t size)
{
	if (!*in)
		return WIN_ERROR_PATH_NOT_FOUND;
	/* an impossible name, wherever it points: Go 1.19 probes long-path
	 * support with one under the system directory, and expects this */
	if (component_too_long(in))
		return WIN_ERROR_INVALID_NAME;
	if (is_device(in, "NUL") && (in[3] == '\0' || strchr(in, '\\') || strchr(in, '/'))) {
		snprintf(out, size, "/dev/null");
		return 0;
	}
	if (strcasecmp(in, "CON") == 0 || strcasecmp(in, "CONIN$") == 0 ||
	    strcasecmp(in, "CONOUT$") == 0) {
		snprintf(out, size, "/dev/tty");
		return 0;
	}
	const char *p = in;
	if ((p[0] == '\\' || p[0] == '/') && (p[1] == '\\' || p[1] == '/') &&
	    (p[2] == '?' || p[2] == '.') && (p[3] == '\\' || p[3] == '/'))
		p += 4; /* \\?\ and \\.\ */
	else if (strncmp(p, "\\??\\", 4) == 0)
		p += 4;
	else if ((p[0] == '\\' || p[0] == '/') && (p[1] == '\\' || p[1] == '/'))
		return WIN_ERROR_BAD_NETPATH; /* \\server\share */
	size_t o = 0;
	if (p != in && strncasecmp(p, "unix", 4) == 0 && (p[4] == '\\' || p[4] == '/')) {
		p += 4; /* \\?\unix\home\me: the Linux path /home/me */
	} else if (p != in && strncasecmp(p, "UNC\\", 4) == 0) {
		return WIN_ERROR_BAD_NETPATH;
	} else if (((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':') {
		if ((p[0] | 0x20) != 'z')
			return WIN_ERROR_PATH_NOT_FOUND; /* only Z: exists */
		p += 2;
		if (*p != '\\' && *p != '/') {
			/* Z:rel is relative to Z:'s current directory, the process's */
		} else {
			out[o++] = '/';
			p++;
		}
	}
	for (; *p; p++) {
		if (o + 2 > size)
			return WIN_ERROR_FILENAME_EXCED_RANGE;
		char c = *p == '\\' ? '/' : *p;
		if (c == '/' && o > 0 && out[o - 1] == '/')
			continue;
		out[o++] = c;
	}
	if (o == 0)
		out[o++] = '.';
	out[o] = '\0';
	return 0;
}

int win_path_in(uint64_t p, char *out, size_t size)
{
	char utf8[4096 * 3];
	if (!p || win_wstr_in(p, utf8, sizeof utf8) < 0)
		return p ? WIN_ERROR_FILENAME_EXCED_RANGE : WIN_ERROR_INVALID_PARAMETER;
	return win_path_from_utf8(utf8, out, size);
}

void win_path_out(const char *in, char *out, size_t size)
{
	size_t o = 0;
	if (size < 4)
		return;
	if (in[0] == '/') {
		out[o++] = 'Z';
		out[o++] = ':';
	}
	for (const char *p = in; *p && o + 1 < size; p++)
		out[o++] = *p == '/' ? '\\' : *p;
	if (o == 2 && in[0] == '/')
		out[o++] = '\\';
	out[o] = '\0';
}
