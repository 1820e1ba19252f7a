/*
 * FreeBSD's shim libraries (libs/freebsd/<library>.spec): what their generated
 * tables need to see — the host functions bound directly, the data objects
 * they export — and what their handlers share.
 */
#ifndef XENO_LIBS_FREEBSD_H
#define XENO_LIBS_FREEBSD_H

#include <stdint.h>
#include <string.h>

#include "core/library.h"
#include "core/personality.h"

struct xeno_thread;

/* Exported data (libs/freebsd/start.c): guest-visible, read by the shims
 * through their _at pointers (a COPY relocation may move them). */
extern char **freebsd_environ;
extern const char *freebsd_progname;

/* Personality hooks (libs/freebsd/start.c). */
void freebsd_init_tcb(uint64_t tp, uint64_t dtv);
void freebsd_dynamic_entry(struct xeno_entry *e, uint64_t fini, uint64_t *argc, uint64_t *argv,
			   uint64_t *envp);

/* Writes the whole of buf to the guest's descriptor fd: 0 or -errno. */
long freebsd_write_all(struct xeno_thread *t, int fd, const void *buf, size_t n);

#endif
