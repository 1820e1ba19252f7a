/*
 * A macOS program's errno: failing libSystem calls return -1 and leave
 * macOS's error number where __error() points (ENOENT 2, EBADF 9, EEXIST
 * 17); a call that succeeds leaves it alone.
 */
#include "darwin.h"

int sysctlbyname(const char *name, void *old, size_t *oldlen, void *new_, size_t newlen);

int main(void)
{
	int *e = __error();
	if (open("/nonexistent/xeno", O_RDONLY) != -1 || *e != ENOENT)
		fail("open of a missing file");
	put("open: ENOENT ");
	put_num(*e);
	if (close(1000) != -1 || *e != EBADF)
		fail("close of a closed descriptor");
	put(", close: EBADF ");
	put_num(*e);
	if (mkdir("/", 0755) != -1 || *e != EEXIST)
		fail("mkdir of /");
	put(", mkdir: EEXIST ");
	put_num(*e);
	int ncpu = 0;
	size_t len = sizeof ncpu;
	if (sysctlbyname("hw.ncpu", &ncpu, &len, 0, 0) != 0 || ncpu < 1 || len != 4 || *e != EEXIST)
		fail("sysctlbyname hw.ncpu");
	if (sysctlbyname("xeno.none", &ncpu, &len, 0, 0) != -1 || *e != ENOENT)
		fail("sysctlbyname of an unknown name");
	put(", errno kept on success, sysctl ENOENT\n");
	return 0;
}
