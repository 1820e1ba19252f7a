/*
 * The per-OS facts the shared BSD system call handlers (syscalls/bsd/) are
 * parameterised by.  Each BSD personality fills one struct bsd_abi from its
 * abi/<os>/ tables; handlers reach it as t->os->bsd.
 *
 * Flag sets are struct xeno_flagset (core/xlat.h): one table serves both
 * translation directions and the tracer.  Where a translation is more than a
 * table (mmap's rules, clock kinds), the OS supplies a pure function that
 * fills one of the plan structures below, and the shared handler carries the
 * plan out on the host.
 */
#ifndef XENO_ABI_BSD_ABI_H
#define XENO_ABI_BSD_ABI_H

#include <stdint.h>

#include "core/xlat.h"

struct rusage;
struct stat;

/* ---- memory ---- */

/* One guest mmap as the host must make it. */
struct bsd_mmap_plan {
	uint64_t addr; /* hint, or the exact place with MAP_FIXED* */
	uint64_t len;  /* whole pages */
	int prot;      /* host PROT_* */
	int flags;     /* host MAP_* */
	int fd;
	int64_t off;	      /* page-aligned file offset */
	uint64_t pageoff;     /* the offset's part below a page: added to the result */
	uint64_t align;	      /* 0, or the power of two the mapping must start on */
	uint8_t align_hint;   /* align is a preference (superpages), not a rule */
	uint8_t nocore;	      /* keep the pages out of core dumps */
	uint8_t file_untyped; /* a file mapping with neither SHARED nor PRIVATE */
};

/* madvise advice with no host call to make: accepted and done. */
#define BSD_MADV_NOOP (-1)

/* ---- processes, resources, time ---- */

/* struct rlimit of the BSDs: two 64-bit limits (same layout as Linux). */
struct bsd_rlimit {
	uint64_t cur, max;
};

/* A foreign clock as the host can read it. */
enum bsd_clock_kind {
	BSD_CLOCK_HOST,	   /* host_id says which host clock */
	BSD_CLOCK_SECOND,  /* host_id's time truncated to whole seconds */
	BSD_CLOCK_VIRTUAL, /* the process's user CPU time */
	BSD_CLOCK_PROF,	   /* the process's user+system CPU time */
};
struct bsd_clock {
	int kind;
	int host_id;	 /* host clock to read (and to sleep on) */
	int sleep_errno; /* 0 if clock_nanosleep may sleep on it, else host errno */
};

struct bsd_abi {
	/* ---- files: fcntl.h, stat.h, dirent.h, ioctl (syscalls/bsd/fs*.c) ---- */
	int at_fdcwd; /* AT_FDCWD */

	/* ---- memory: mman.h (syscalls/bsd/mm.c) ---- */
	/* The OS's mmap rules: 0 and *plan filled, or -errno. */
	int (*mmap_plan)(uint64_t addr, uint64_t len, int prot, int flags, int fd, int64_t pos,
			 struct bsd_mmap_plan *plan);
	int mmap_occupied_errno; /* host errno for a MAP_FIXED without replace on used space */
	int (*prot_to_host)(int prot, int *host_prot);
	int (*msync_to_host)(int flags, int *host_flags);
	int (*madvise_to_host)(int behav, int *host_advice);
	int (*minherit_to_host)(int inherit, int *host_advice);

	/* ---- processes, resources, time (syscalls/bsd/proc.c, resource.c, time.c) ---- */
	/* Foreign RLIMIT_* -> host: 0, 1 when the host has no such limit
	 * (emulated), -EINVAL for an unknown one. */
	int (*rlimit_resource_to_host)(int resource, int *host_resource);
	int rlimit_nofile; /* the foreign RLIMIT_NOFILE */
	int rlim_nlimits;  /* RLIM_NLIMITS */
	void (*rlimit_to_host)(const struct bsd_rlimit *foreign, struct bsd_rlimit *host);
	void (*rlimit_from_host)(const struct bsd_rlimit *host, struct bsd_rlimit *foreign);
	/* struct rusage: the foreign one is rusage_size bytes. */
	void (*rusage_from_host)(const struct rusage *host, void *foreign);
	unsigned rusage_size;
	/* Foreign clock id -> how to read it: 0 or -EINVAL. */
	int (*clock_to_host)(int clock_id, struct bsd_clock *clock);
	int timer_abstime; /* clock_nanosleep's TIMER_ABSTIME */
	const struct xeno_flagset *getrandom_flags;
	unsigned maxlogname;	      /* MAXLOGNAME: getlogin's buffer, NUL included */
	uint8_t getgroups_lists_egid; /* getgroups reports the egid first */
};

#endif
