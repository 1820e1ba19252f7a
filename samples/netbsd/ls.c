/*
 * Lists the names in a directory, sorted bytewise, one per line, "/" after
 * each subdirectory; "." and ".." are left out.  The entries come from
 * __getdents30 (system call 390) in NetBSD's struct dirent.
 *
 *   ls [DIRECTORY]      (default: the current directory)
 */
#include "mini.h"

/* struct dirent, sys/sys/dirent.h: d_fileno (ino_t, 8 bytes), d_reclen
 * (uint16), d_namlen (uint16), d_type (uint8), then d_name, NUL-terminated,
 * the record padded to 8 bytes. */
#define DIRENT_RECLEN 8
#define DIRENT_NAMLEN 10
#define DIRENT_TYPE   12
#define DIRENT_NAME   13

#define MAX_NAMES 4096

static char dirbuf[2048]; /* small on purpose: big directories take several calls */
static char names[256 * 1024];
static size_t names_used;
static const char *name[MAX_NAMES];
static unsigned char is_dir[MAX_NAMES];
static unsigned count;

static uint64_t get(const char *p, int size)
{
	uint64_t v = 0;
	for (int i = size; i-- > 0;)
		v = v << 8 | (unsigned char)p[i];
	return v;
}

static int add(const char *s, size_t len, int dir)
{
	if ((len == 1 && s[0] == '.') || (len == 2 && s[0] == '.' && s[1] == '.'))
		return 0;
	if (count == MAX_NAMES || names_used + len + 1 > sizeof names)
		return -1;
	memcpy(names + names_used, s, len);
	names[names_used + len] = '\0';
	name[count] = names + names_used;
	is_dir[count++] = (unsigned char)dir;
	names_used += len + 1;
	return 0;
}

/* Reads every entry: 0, or the negated errno (EINVAL for a malformed record). */
static long read_entries(int fd)
{
	for (;;) {
		long n = SYS3(__getdents30, fd, dirbuf, sizeof dirbuf);
		if (n <= 0)
			return n;
		for (long off = 0; off < n;) {
			const char *d = dirbuf + off;
			unsigned reclen = get(d + DIRENT_RECLEN, 2);
			size_t namlen = get(d + DIRENT_NAMLEN, 2);
			if (reclen < DIRENT_NAME + namlen + 1 || reclen % 8 || off + reclen > n ||
			    d[DIRENT_NAME + namlen] != '\0')
				return -EINVAL;
			if (get(d, 8) != 0 &&
			    add(d + DIRENT_NAME, namlen, d[DIRENT_TYPE] == DT_DIR) < 0)
				return -ENOMEM;
			off += reclen;
		}
	}
}

static void sort_names(void)
{
	for (unsigned i = 1; i < count; i++) {
		const char *n = name[i];
		unsigned char dir = is_dir[i];
		unsigned j = i;
		for (; j > 0 && mini_strcmp(name[j - 1], n) > 0; j--) {
			name[j] = name[j - 1];
			is_dir[j] = is_dir[j - 1];
		}
		name[j] = n;
		is_dir[j] = dir;
	}
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc > 2) {
		mini_dprintf(2, "usage: ls [DIRECTORY]\n");
		return 2;
	}
	const char *dir = argc > 1 ? argv[1] : ".";
	long fd = SYS3(open, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	long err = fd < 0 ? fd : read_entries((int)fd);
	if (fd >= 0)
		SYS1(close, fd);
	if (err < 0) {
		mini_dprintf(2, "ls: %s: %s\n", dir, mini_errname(-err));
		return 1;
	}
	sort_names();
	for (unsigned k = 0; k < count; k++)
		mini_printf("%s%s\n", name[k], is_dir[k] ? "/" : "");
	return 0;
}
