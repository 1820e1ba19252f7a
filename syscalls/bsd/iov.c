/* Transfer lengths and iovec arrays for the host (syscalls/bsd/iov.h). */
#include "syscalls/bsd/iov.h"

#include <errno.h>

#include "core/uaccess.h"

/* Where Linux's access_ok ends on x86-64 (TASK_SIZE_MAX: user space less
 * its top page, which is never mapped). */
#define HOST_ACCESS_END (XENO_USER_END - 4096)

long bsd_io_len(uint64_t buf, size_t *n)
{
	if (*n > BSD_IOSIZE_MAX)
		return -EINVAL;
	if (buf < HOST_ACCESS_END && HOST_ACCESS_END - buf < *n)
		*n = HOST_ACCESS_END - buf;
	return 0;
}

long bsd_iov_in(uint64_t iovp, unsigned cnt, struct iovec *out, size_t *total)
{
	if (cnt > BSD_UIO_MAXIOV)
		return -EINVAL;
	if (xeno_copy_in(out, iovp, cnt * sizeof *out) < 0)
		return -EFAULT;
	size_t sum = 0;
	for (unsigned i = 0; i < cnt; i++) {
		size_t len = out[i].iov_len;
		if (len > BSD_IOSIZE_MAX - sum)
			return -EINVAL;
		sum += len;
		bsd_io_len((uint64_t)out[i].iov_base, &len);
		out[i].iov_len = len;
	}
	if (total)
		*total = sum;
	return 0;
}
