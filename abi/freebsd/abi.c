/* The facts of FreeBSD the shared BSD handlers need (abi/bsd/abi.h). */
#include "abi/bsd/abi.h"
#include "abi/freebsd/abi.h"
#include "abi/freebsd/event.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/umtx.h"

const struct bsd_abi freebsd_bsd_abi = {
	/* ---- files ---- */
	.at_fdcwd = -100, /* sys/sys/fcntl.h AT_FDCWD */

	/* ---- memory ---- */

	/* ---- processes, resources, time ---- */
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const freebsd_flagsets[] = {
	&freebsd_sigaction_flags,
	&freebsd_sigprocmask_how,
	&freebsd_umtx_ops,
	&freebsd_kqueuex_flags,
	&freebsd_kevent_filters,
	&freebsd_kevent_flags,
	&freebsd_note_rw_flags,
	&freebsd_note_timer_flags,
	&freebsd_note_proc_flags,
	&freebsd_note_user_flags,
	NULL,
};
