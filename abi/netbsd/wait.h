/*
 * NetBSD wait4 (__wait450): its options (sys/sys/wait.h rev 1.36) and the
 * status word of a continued child (_WCONTINUED 0xffff; the other shapes
 * are the classic ones, with NetBSD's signal numbers).
 */
#ifndef XENO_ABI_NETBSD_WAIT_H
#define XENO_ABI_NETBSD_WAIT_H

#include "core/xlat.h"

#define NETBSD_WCONTINUED_STATUS 0xffff

extern const struct xeno_flagset netbsd_wait_options; /* "waitopt" */

#endif
