/*
 * A call of a function that no library xeno provides defines: libgreet.so.1
 * imports getloadavg, which FreeBSD's libc has and xeno's does not.  Each
 * call fails with ENOSYS; xeno names it on standard error, once.
 */
#include "libc.h"

int greet_missing(void);

int main(void)
{
	for (int i = 0; i < 2; i++) {
		errno = 0;
		int r = greet_missing();
		printf("getloadavg: %d errno=%d\n", r, errno);
	}
	return 0;
}
