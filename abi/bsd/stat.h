/*
 * What the BSDs' struct stat forms share, whatever their layouts: the file
 * flags Linux keeps as statx attributes (UF_NODUMP 0x1, SF_IMMUTABLE
 * 0x20000, SF_APPEND 0x40000 in FreeBSD's and NetBSD's sys/sys/stat.h) and
 * times as struct timespec.
 */
#ifndef XENO_ABI_BSD_STAT_H
#define XENO_ABI_BSD_STAT_H

#include <stdint.h>

#include "abi/bsd/socket.h"

struct statx;
struct statx_timestamp;

#define BSD_UF_NODUMP	 0x00000001
#define BSD_SF_IMMUTABLE 0x00020000
#define BSD_SF_APPEND	 0x00040000

uint32_t bsd_stat_file_flags(const struct statx *stx);
struct bsd_timespec bsd_stat_time(const struct statx_timestamp *ts);

#endif
