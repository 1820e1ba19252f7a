/*
 * Directory entries as the BSDs share them: the d_type values (FreeBSD and
 * NetBSD sys/sys/dirent.h: DT_UNKNOWN 0 ... DT_WHT 14, Linux's numbers) and
 * the name at the end of a record, NUL-padded to its end.  The record
 * layouts are each OS's (abi/<os>/dirent.h).
 */
#ifndef XENO_ABI_BSD_DIRENT_H
#define XENO_ABI_BSD_DIRENT_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/xlat.h"

enum {
	BSD_DT_UNKNOWN = 0,
	BSD_DT_FIFO = 1,
	BSD_DT_CHR = 2,
	BSD_DT_DIR = 4,
	BSD_DT_BLK = 6,
	BSD_DT_REG = 8,
	BSD_DT_LNK = 10,
	BSD_DT_SOCK = 12,
	BSD_DT_WHT = 14,
};
extern const struct xeno_flagset bsd_dtype_flagset; /* "dtype" */

/* A d_type to the other side's; one the other side lacks reads as unknown
 * (callers then stat). */
uint8_t bsd_dtype(uint8_t type, int to_host);
/* The name of e, its NUL and zero padding up to room_for_name bytes. */
void bsd_dirent_put_name(char *dst, const struct bsd_dirent *e, size_t room_for_name);

#endif
