/*
 * Lists the names in a directory, sorted bytewise, one per line, "/" after
 * each subdirectory; "." and ".." are left out.  The entries come from
 * getdirentries(2) in FreeBSD 12's struct dirent (system call 554), or with
 * -11 in the struct dirent FreeBSD 11 and older programs use (system call 196,
 * freebsd11_getdirentries).
 *
 *   ls [-11] [DIRECTORY]      (default: the current directory)
 */
#include "mini.h"

/* struct dirent, sys/sys/dirent.h: d_fileno (ino_t, 8 bytes), d_off (off_t),
 * d_reclen (uint16), d_type (uint8), d_pad0, d_namlen (uint16), d_pad1, then
 * d_name, NUL-terminated. */
#define DIRENT12_RECLEN 16
#define DIRENT12_TYPE	18
#define DIRENT12_NAMLEN 20
#define DIRENT12_NAME	24
/* struct freebsd11_dirent, sys/sys/dirent.h: d_fileno (uint32), d_reclen
 * (uint16), d_type (uint8), d_namlen (uint8), then d_name. */
#define DIRENT11_RECLEN 4
#define DIRENT11_TYPE	6
#define DIRENT11_NAMLEN 7
#define DIRENT11_NAME	8

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
static long read_entries(int fd, int old_form)
{
	for (;;) {
		uint64_t base = 0;
		long n = old_form ? SYS4(freebsd11_getdirentries, fd, dirbuf, sizeof dirbuf, &base)
				  : SYS4(getdirentries, fd, dirbuf, sizeof dirbuf, &base);
		if (n <= 0)
			return n;
		for (long off = 0; off < n;) {
			const char *d = dirbuf + off;
			uint64_t fileno = old_form ? get(d, 4) : get(d, 8);
			unsigned reclen =
			    get(d + (old_form ? DIRENT11_RECLEN : DIRENT12_RECLEN), 2);
			unsigned type = get(d + (old_form ? DIRENT11_TYPE : DIRENT12_TYPE), 1);
			size_t namlen =
			    old_form ? get(d + DIRENT11_NAMLEN, 1) : get(d + DIRENT12_NAMLEN, 2);
			size_t hdr = old_form ? DIRENT11_NAME : DIRENT12_NAME;
			if (reclen < hdr + namlen + 1 || off + reclen > n)
				return -22; /* EINVAL */
			/* readdir(3) skips entries whose d_fileno is 0 (lib/libc/gen/readdir.c). */
			if (fileno != 0 && add(d + hdr, namlen, type == DT_DIR) < 0)
				return -12; /* ENOMEM */
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
	int old_form = 0, i = 1;
	if (i < argc && mini_strcmp(argv[i], "-11") == 0)
		old_form = 1, i++;
	if (argc - i > 1) {
		mini_dprintf(2, "usage: ls [-11] [DIRECTORY]\n");
		return 2;
	}
	const char *dir = i < argc ? argv[i] : ".";
	long fd = SYS3(open, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	long err = fd < 0 ? fd : read_entries((int)fd, old_form);
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
