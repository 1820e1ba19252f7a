/* Host directory entries <-> FreeBSD getdirentries records
 * (abi/freebsd/dirent.h). */
#include "abi/freebsd/dirent.h"

#include "abi/bsd/dirent.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>

/* glibc's <dirent.h> spells d_fileno as its d_ino: FreeBSD's field keeps
 * its own name here. */
#undef d_fileno

size_t freebsd12_dirent_reclen(size_t namlen)
{
	return (sizeof(struct freebsd12_dirent) + namlen + 1 + 7) & ~(size_t)7;
}

size_t freebsd11_dirent_reclen(size_t namlen)
{
	return sizeof(struct freebsd11_dirent) + ((namlen + 1 + 3) & ~(size_t)3);
}

long freebsd12_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room)
{
	if (e->namlen > FREEBSD_MAXNAMLEN)
		return -EINVAL;
	size_t reclen = freebsd12_dirent_reclen(e->namlen);
	if (reclen > room)
		return 0;
	struct freebsd12_dirent *d = dst;
	d->d_fileno = e->ino;
	d->d_off = e->off;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = bsd_dtype(e->type, 0);
	d->d_pad0 = 0;
	d->d_namlen = e->namlen;
	d->d_pad1 = 0;
	bsd_dirent_put_name(d->d_name, e, reclen - sizeof *d);
	return (long)reclen;
}

long freebsd11_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room)
{
	if (e->namlen > FREEBSD_MAXNAMLEN)
		return -EINVAL;
	size_t reclen = freebsd11_dirent_reclen(e->namlen);
	if (reclen > room)
		return 0;
	struct freebsd11_dirent *d = dst;
	d->d_fileno = (uint32_t)e->ino;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = bsd_dtype(e->type, 0);
	d->d_namlen = (uint8_t)e->namlen;
	bsd_dirent_put_name(d->d_name, e, reclen - sizeof *d);
	return (long)reclen;
}

long freebsd12_dirent_to_host(const void *src, size_t room, struct bsd_dirent *e)
{
	const struct freebsd12_dirent *d = src;
	if (room < sizeof *d || d->d_reclen > room || d->d_namlen > FREEBSD_MAXNAMLEN ||
	    d->d_reclen != freebsd12_dirent_reclen(d->d_namlen))
		return -EINVAL;
	*e = (struct bsd_dirent){
	    .ino = d->d_fileno,
	    .off = d->d_off,
	    .type = bsd_dtype(d->d_type, 1),
	    .namlen = d->d_namlen,
	    .name = d->d_name,
	};
	return d->d_reclen;
}

long freebsd11_dirent_to_host(const void *src, size_t room, struct bsd_dirent *e)
{
	const struct freebsd11_dirent *d = src;
	if (room < sizeof *d || d->d_reclen > room ||
	    d->d_reclen != freebsd11_dirent_reclen(d->d_namlen))
		return -EINVAL;
	*e = (struct bsd_dirent){
	    .ino = d->d_fileno,
	    .off = 0,
	    .type = bsd_dtype(d->d_type, 1),
	    .namlen = d->d_namlen,
	    .name = d->d_name,
	};
	return d->d_reclen;
}
