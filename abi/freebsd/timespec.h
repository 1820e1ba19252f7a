/* struct timespec and struct timeval on FreeBSD/amd64 (sys/sys/_timespec.h,
 * sys/sys/_timeval.h): 64-bit seconds, 64-bit fraction. */
#ifndef XENO_ABI_FREEBSD_TIMESPEC_H
#define XENO_ABI_FREEBSD_TIMESPEC_H

#include <stddef.h>
#include <stdint.h>

struct freebsd_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};
_Static_assert(sizeof(struct freebsd_timespec) == 16, "timespec layout");
_Static_assert(offsetof(struct freebsd_timespec, tv_nsec) == 8, "timespec layout");

struct freebsd_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};
_Static_assert(sizeof(struct freebsd_timeval) == 16, "timeval layout");
_Static_assert(offsetof(struct freebsd_timeval, tv_usec) == 8, "timeval layout");

#endif
