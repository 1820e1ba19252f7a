/*
 * FreeBSD directory entries as getdirentries(2) returns them: struct dirent
 * (FreeBSD 12 and later, syscall 554) and struct freebsd11_dirent (syscall
 * 196), from sys/sys/dirent.h; record lengths from _GENERIC_DIRLEN there
 * (8-byte aligned) and from freebsd11_kern_getdirentries in
 * sys/kern/vfs_syscalls.c (the name padded to 4 bytes).
 */
#ifndef XENO_ABI_FREEBSD_DIRENT_H
#define XENO_ABI_FREEBSD_DIRENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

#define FREEBSD_MAXNAMLEN 255

/* sys/sys/dirent.h: struct dirent without its name array */
struct freebsd12_dirent {
	uint64_t d_fileno;
	int64_t d_off; /* offset of the next entry */
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_pad0;
	uint16_t d_namlen;
	uint16_t d_pad1;
	char d_name[]; /* NUL-terminated, NUL-padded to the record's end */
};
_Static_assert(sizeof(struct freebsd12_dirent) == 24, "struct dirent header");
_Static_assert(offsetof(struct freebsd12_dirent, d_reclen) == 16, "dirent d_reclen");
_Static_assert(offsetof(struct freebsd12_dirent, d_type) == 18, "dirent d_type");
_Static_assert(offsetof(struct freebsd12_dirent, d_namlen) == 20, "dirent d_namlen");

/* sys/sys/dirent.h: struct freebsd11_dirent without its name array */
struct freebsd11_dirent {
	uint32_t d_fileno;
	uint16_t d_reclen;
	uint8_t d_type;
	uint8_t d_namlen;
	char d_name[];
};
_Static_assert(sizeof(struct freebsd11_dirent) == 8, "struct freebsd11_dirent header");

/* d_type values: the shared ones (abi/bsd/dirent.h). */

/* Record length for a name of namlen bytes. */
size_t freebsd12_dirent_reclen(size_t namlen);
size_t freebsd11_dirent_reclen(size_t namlen);

/* Host entry -> foreign record (bsd_dirent_packer).  The freebsd11 form cuts
 * the inode number to 32 bits, as FreeBSD does by default. */
long freebsd12_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room);
long freebsd11_dirent_from_host(const struct bsd_dirent *e, void *dst, size_t room);
/* Foreign record at src (room bytes) -> entry; e->name points into src: the
 * record's length, or -EINVAL if it is malformed.  freebsd11 records carry no
 * offset: e->off is 0. */
long freebsd12_dirent_to_host(const void *src, size_t room, struct bsd_dirent *e);
long freebsd11_dirent_to_host(const void *src, size_t room, struct bsd_dirent *e);

#endif
