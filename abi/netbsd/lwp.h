/*
 * NetBSD light-weight processes: _lwp_create's flags (sys/sys/lwp.h
 * LWP_DETACHED, LWP_SUSPENDED) and ___lwp_park60's (sys/sys/time.h
 * TIMER_ABSTIME).  Thread ids (lwpid_t) are 32-bit ints.
 */
#ifndef XENO_ABI_NETBSD_LWP_H
#define XENO_ABI_NETBSD_LWP_H

#include "core/xlat.h"

#define NETBSD_LWP_DETACHED  0x00000040
#define NETBSD_LWP_SUSPENDED 0x00000080

extern const struct xeno_flagset netbsd_lwpcreate_flags; /* "lwpcreate" */

#endif
