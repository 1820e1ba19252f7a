/* Host directory entries -> NetBSD getdents records (abi/netbsd/dirent.h). */
#include "abi/netbsd/dirent.h"

#include <errno.h>

#include "abi/bsd/dirent.h"

/* glibc's <dirent.h> spells d_fileno as its d_ino: NetBSD's field keeps its
 * own name here. */
#undef d_fileno

size_t netbsd_dirent_reclen(size_t namlen)
{
	return (offsetof(struct netbsd_dirent, d_name) + namlen + 1 + 7) & ~(size_t)7;
}

long netbsd_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room)
{
	if (e->namlen > NETBSD_MAXNAMLEN)
		return -EINVAL;
	size_t reclen = netbsd_dirent_reclen(e->namlen);
	if (reclen > room)
		return 0;
	struct netbsd_dirent *d = dst;
	d->d_fileno = e->ino;
	d->d_reclen = (uint16_t)reclen;
	d->d_namlen = e->namlen;
	d->d_type = bsd_dtype(e->type, 0);
	bsd_dirent_put_name(d->d_name, e, reclen - offsetof(struct netbsd_dirent, d_name));
	return (long)reclen;
}
