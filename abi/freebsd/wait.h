/*
 * FreeBSD wait4/wait6: options, id types and the wrusage pair
 * (sys/sys/wait.h, sys/sys/resource.h).  The status word has the classic
 * layout on both systems but for the signal numbers in it and the
 * "continued" value (FreeBSD: 0x13, i.e. SIGCONT << 0 | ... see WIFCONTINUED).
 */
#ifndef XENO_ABI_FREEBSD_WAIT_H
#define XENO_ABI_FREEBSD_WAIT_H

#include <sys/resource.h>

#include "core/xlat.h"

#define FREEBSD_WCONTINUED_STATUS 0x13 /* WIFCONTINUED(x) (x == 0x13) */

/* wait options <-> Linux (flag set "waitopt") */
extern const struct xeno_flagset freebsd_wait_options;
/* idtype_t <-> Linux waitid id types (flag set "idtype") */
extern const struct xeno_flagset freebsd_idtypes;

/* struct __wrusage: the child's own usage and that of its children. */
struct freebsd_wrusage {
	struct rusage self, children; /* struct rusage has Linux's layout too */
};
_Static_assert(sizeof(struct rusage) == 144, "struct rusage layout");
_Static_assert(sizeof(struct freebsd_wrusage) == 288, "struct __wrusage layout");

#endif
