/*
 * The per-OS facts the shared BSD system call handlers (syscalls/bsd/) are
 * parameterised by.  Each BSD personality fills one struct bsd_abi from its
 * abi/<os>/ tables; handlers reach it as t->os->bsd.
 *
 * Flag sets are struct xeno_flagset (core/xlat.h): one table serves both
 * translation directions and the tracer.
 */
#ifndef XENO_ABI_BSD_ABI_H
#define XENO_ABI_BSD_ABI_H

#include <stdint.h>

#include "core/xlat.h"

struct stat;

struct bsd_abi {
	/* ---- files: fcntl.h, stat.h, dirent.h, ioctl (syscalls/bsd/fs*.c) ---- */
	int at_fdcwd; /* AT_FDCWD */

	/* ---- memory: mman.h (syscalls/bsd/mm.c) ---- */

	/* ---- processes, resources, time (syscalls/bsd/proc.c, process.c, time.c) ---- */
	const struct xeno_flagset *wait_options; /* wait4's options */
	int wait_continued_status;               /* the status word of a continued child */
};

#endif
