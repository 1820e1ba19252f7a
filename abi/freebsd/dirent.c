/* Host directory entries <-> FreeBSD getdirentries records
 * (abi/freebsd/dirent.h). */
#include "abi/freebsd/dirent.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>

/* glibc's <dirent.h> spells d_fileno as its d_ino: FreeBSD's field keeps
 * its own name here. */
#undef d_fileno

static const struct xeno_flag dtypes[] = {
    XENO_ENUM("DT_UNKNOWN", FREEBSD_DT_UNKNOWN, DT_UNKNOWN),
    XENO_ENUM("DT_FIFO", FREEBSD_DT_FIFO, DT_FIFO),
    XENO_ENUM("DT_CHR", FREEBSD_DT_CHR, DT_CHR),
    XENO_ENUM("DT_DIR", FREEBSD_DT_DIR, DT_DIR),
    XENO_ENUM("DT_BLK", FREEBSD_DT_BLK, DT_BLK),
    XENO_ENUM("DT_REG", FREEBSD_DT_REG, DT_REG),
    XENO_ENUM("DT_LNK", FREEBSD_DT_LNK, DT_LNK),
    XENO_ENUM("DT_SOCK", FREEBSD_DT_SOCK, DT_SOCK),
    XENO_ENUM("DT_WHT", FREEBSD_DT_WHT, DT_WHT),
};
const struct xeno_flagset freebsd_dtype_flagset = XENO_FLAGSET("dtype", dtypes, 1);

size_t freebsd12_dirent_reclen(size_t namlen)
{
	return (sizeof(struct freebsd12_dirent) + namlen + 1 + 7) & ~(size_t)7;
}

size_t freebsd11_dirent_reclen(size_t namlen)
{
	return sizeof(struct freebsd11_dirent) + ((namlen + 1 + 3) & ~(size_t)3);
}

/* A type the other side lacks reads as unknown: callers then stat. */
static uint8_t dtype(uint8_t type, int to_host)
{
	uint64_t out;
	int err = to_host ? xeno_flags_to_host(&freebsd_dtype_flagset, type, &out)
			  : xeno_flags_from_host(&freebsd_dtype_flagset, type, &out);
	return err < 0 ? 0 : (uint8_t)out;
}

/* The name, its NUL and the zero padding up to the record's end. */
static void put_name(char *dst, const struct bsd_dirent *e, size_t room_for_name)
{
	memcpy(dst, e->name, e->namlen);
	memset(dst + e->namlen, 0, room_for_name - e->namlen);
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
	d->d_type = dtype(e->type, 0);
	d->d_pad0 = 0;
	d->d_namlen = e->namlen;
	d->d_pad1 = 0;
	put_name(d->d_name, e, reclen - sizeof *d);
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
	d->d_type = dtype(e->type, 0);
	d->d_namlen = (uint8_t)e->namlen;
	put_name(d->d_name, e, reclen - sizeof *d);
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
	    .type = dtype(d->d_type, 1),
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
	    .type = dtype(d->d_type, 1),
	    .namlen = d->d_namlen,
	    .name = d->d_name,
	};
	return d->d_reclen;
}
