/*
 * NetBSD directory entries as __getdents30 returns them: struct dirent
 * (sys/sys/dirent.h rev 1.28) without its 512-byte name array, records
 * 8-aligned (_DIRENT_RECLEN: the name's offset, the name, its NUL, rounded
 * up to sizeof(d_fileno)).  No d_off: the offset of the next entry is the
 * descriptor's.
 */
#ifndef XENO_ABI_NETBSD_DIRENT_H
#define XENO_ABI_NETBSD_DIRENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"

#define NETBSD_MAXNAMLEN 511

struct netbsd_dirent {
	uint64_t d_fileno;
	uint16_t d_reclen;
	uint16_t d_namlen;
	uint8_t d_type;
	char d_name[];
};
_Static_assert(offsetof(struct netbsd_dirent, d_namlen) == 10, "dirent d_namlen");
_Static_assert(offsetof(struct netbsd_dirent, d_type) == 12, "dirent d_type");
_Static_assert(offsetof(struct netbsd_dirent, d_name) == 13, "dirent d_name");

size_t netbsd_dirent_reclen(size_t namlen);
/* Host entry -> NetBSD record (bsd_dirent_packer). */
long netbsd_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room);

#endif
