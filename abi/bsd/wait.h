/* The wait options every BSD numbers alike (FreeBSD and NetBSD
 * sys/sys/wait.h: WNOHANG 1, WUNTRACED 2); each OS's table starts with
 * them. */
#ifndef XENO_ABI_BSD_WAIT_H
#define XENO_ABI_BSD_WAIT_H

#include "core/xlat.h"

#define BSD_WAIT_OPTIONS_SHARED                                                                    \
	XENO_FLAG("WNOHANG", 0x1, WNOHANG), XENO_FLAG("WUNTRACED", 0x2, WUNTRACED)

#endif
