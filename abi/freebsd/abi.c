/* The facts of FreeBSD the shared BSD handlers need (abi/bsd/abi.h). */
#include "abi/bsd/abi.h"
#include "abi/freebsd/abi.h"

const struct bsd_abi freebsd_bsd_abi = {
	/* ---- files ---- */
	.at_fdcwd = -100, /* sys/sys/fcntl.h AT_FDCWD */

	/* ---- memory ---- */

	/* ---- processes, resources, time ---- */
};

/* Flag sets the tracer decodes by name: flags(NAME) in syscalls.master. */
const struct xeno_flagset *const freebsd_flagsets[] = {
	NULL,
};
