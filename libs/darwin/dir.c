/*
 * Directory reading: fdopendir$INODE64, readdir_r$INODE64, closedir.  A
 * DIR is xeno's own record (the program only passes it back), holding the
 * descriptor and a buffer of host getdents64 records; each entry is handed
 * out as macOS's 64-bit-inode struct dirent (bsd/sys/dirent.h: d_ino,
 * d_seekoff, d_reclen, d_namlen, d_type, d_name[1024]; DT_* as Linux's).
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/host.h"
#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

struct darwin_dirent {
	uint64_t ino, seekoff;
	uint16_t reclen, namlen;
	uint8_t type;
	char name[1024];
	uint8_t pad[3];
};
_Static_assert(sizeof(struct darwin_dirent) == 1048 && offsetof(struct darwin_dirent, name) == 21,
	       "struct dirent (bsd/sys/dirent.h, __DARWIN_64_BIT_INO_T)");

#define DIR_MAGIC 0x78656e6f64697221ULL

struct dir {
	uint64_t magic;
	int fd;
	size_t pos, len;
	char buf[32768];
};

struct host_dirent64 {
	uint64_t ino;
	int64_t off;
	uint16_t reclen;
	uint8_t type;
	char name[];
};

long darwin_libSystem_fdopendir(struct xeno_thread *t, int fd)
{
	(void)t;
	long r = host_syscall2(SYS_fcntl, fd, 1 /* F_GETFD */);
	if (r < 0)
		return r;
	struct dir *d = calloc(1, sizeof *d);
	if (!d)
		return -ENOMEM;
	d->magic = DIR_MAGIC;
	d->fd = fd;
	return (long)d;
}

static struct dir *dir_of(uint64_t p)
{
	struct dir *d = (struct dir *)p;
	uint64_t magic = 0;
	if (!p || xeno_copy_in(&magic, p, sizeof magic) < 0 || magic != DIR_MAGIC)
		return NULL;
	return d;
}

long darwin_libSystem_readdir_r(struct xeno_thread *t, uint64_t dir, uint64_t entry,
				uint64_t result)
{
	(void)t;
	struct dir *d = dir_of(dir);
	if (!d)
		return -EBADF;
	if (d->pos >= d->len) {
		long n = host_syscall3(SYS_getdents64, d->fd, d->buf, sizeof d->buf);
		if (n < 0)
			return n;
		d->pos = 0, d->len = (size_t)n;
	}
	uint64_t none = 0;
	if (d->len == 0)
		return xeno_copy_out(result, &none, sizeof none) < 0 ? -EFAULT : 0;
	const struct host_dirent64 *h = (const struct host_dirent64 *)(d->buf + d->pos);
	d->pos += h->reclen;
	struct darwin_dirent e = {.ino = h->ino, .seekoff = (uint64_t)h->off, .type = h->type};
	size_t len = strnlen(h->name, sizeof e.name - 1);
	memcpy(e.name, h->name, len);
	e.namlen = (uint16_t)len;
	e.reclen = (uint16_t)((offsetof(struct darwin_dirent, name) + len + 1 + 3) & ~3u);
	if (xeno_copy_out(entry, &e, sizeof e) < 0 ||
	    xeno_copy_out(result, &entry, sizeof entry) < 0)
		return -EFAULT;
	return 0;
}

long darwin_libSystem_closedir(struct xeno_thread *t, uint64_t dir)
{
	(void)t;
	struct dir *d = dir_of(dir);
	if (!d)
		return -EBADF;
	int fd = d->fd;
	d->magic = 0;
	free(d);
	return host_syscall1(SYS_close, fd);
}
