/* FreeBSD clock ids (sys/sys/_clock_id.h) the umtx timeouts name. */
#include <time.h>

#include "syscalls/freebsd/freebsd.h"

int freebsd_clock_to_host(int id)
{
	switch (id) {
	case 0: /* CLOCK_REALTIME */
		return CLOCK_REALTIME;
	case 4: /* CLOCK_MONOTONIC */
		return CLOCK_MONOTONIC;
	}
	return -1;
}
