#include "core/fdkind.h"

#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "core/host.h"

#define REMEMBERED 65536 /* descriptors below this are remembered */

enum { UNKNOWN, NEVER_WAITS, MAY_WAIT };

static uint8_t kinds[REMEMBERED];

bool xeno_fd_may_wait(int fd)
{
	if (fd < 0 || fd >= REMEMBERED)
		return true;
	uint8_t k = __atomic_load_n(&kinds[fd], __ATOMIC_RELAXED);
	if (k != UNKNOWN)
		return k == MAY_WAIT;
	struct stat st;
	if (host_syscall2(SYS_fstat, fd, &st) < 0)
		return true; /* not open: the call itself fails */
	k = S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) || S_ISBLK(st.st_mode) ? NEVER_WAITS
									      : MAY_WAIT;
	__atomic_store_n(&kinds[fd], k, __ATOMIC_RELAXED);
	return k == MAY_WAIT;
}

void xeno_fd_forget(int fd)
{
	if (fd >= 0 && fd < REMEMBERED)
		__atomic_store_n(&kinds[fd], UNKNOWN, __ATOMIC_RELAXED);
}

void xeno_fd_forget_range(unsigned lo, unsigned hi)
{
	for (unsigned fd = lo; fd <= hi && fd < REMEMBERED; fd++)
		__atomic_store_n(&kinds[fd], UNKNOWN, __ATOMIC_RELAXED);
}
