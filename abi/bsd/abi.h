/*
 * The per-OS facts the shared BSD system call handlers (syscalls/bsd/) are
 * parameterised by.  Each BSD personality fills one struct bsd_abi from its
 * abi/<os>/ tables; handlers reach it as t->os->bsd.
 *
 * Flag sets are struct xeno_flagset (core/xlat.h): one table serves both
 * translation directions and the tracer.
 */
#ifndef XENO_ABI_BSD_ABI_H
#define XENO_ABI_BSD_ABI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct stat;
struct sockaddr_storage;
struct bsd_sockopt;

struct bsd_abi {
	/* ---- files: fcntl.h, stat.h, dirent.h, ioctl (syscalls/bsd/fs*.c) ---- */
	int at_fdcwd; /* AT_FDCWD */

	/* ---- memory: mman.h (syscalls/bsd/mm.c) ---- */

	/* ---- processes, resources, time (syscalls/bsd/proc.c, time.c) ---- */

	/* ---- signals ---- */
	size_t sigset_size; /* bytes of a sigset_t */
	void (*sigset_to_host)(const void *foreign, sigset_t *host);

	/* ---- sockets (syscalls/bsd/socket.c, sockio.c, sockopt.c, poll.c) ---- */
	int (*domain_to_host)(int af);	 /* -EAFNOSUPPORT if unknown */
	int (*domain_from_host)(int af); /* -1 if none */
	int (*socktype_to_host)(int type, int *host);
	int (*accept_flags_to_host)(int flags, int *host);
	const struct xeno_flagset *shutdown_how;
	int (*sockaddr_to_host)(const void *addr, size_t len, struct sockaddr_storage *host,
				unsigned *host_len);
	size_t (*sockaddr_from_host)(const void *host, size_t host_len, void *out);
	uint32_t (*sockaddr_reported_len)(uint32_t room, size_t full);
	size_t sockaddr_max; /* SOCK_MAXADDRLEN */
	bool inet6_v6only;   /* new AF_INET6 sockets are IPV6_V6ONLY */
	/* messages */
	int (*msg_flags_to_host)(int flags, int *host);
	int (*msg_flags_from_host)(int host);
	int msg_nosignal, msg_eof, msg_eor; /* foreign bits the handlers act on */
	long (*cmsgs_to_host)(const void *in, size_t len, void *out, size_t out_size);
	size_t (*cmsgs_from_host)(const void *in, size_t len, void *out, size_t out_size,
				  int *flags);
	size_t cmsghdr_size; /* the least control data a sendmsg may pass */
	size_t cmsg_max;     /* the most (sockargs' limit) */
	unsigned uio_maxiov; /* more iovecs is EMSGSIZE */
	/* options: the entry for level/name (abi/bsd/sockopt.h bsd_sockopt_find) */
	const struct bsd_sockopt *(*sockopt_find)(int level, int name, int *err);
	/* poll */
	int (*poll_events_to_host)(int events, short *host);
	int (*poll_revents_from_host)(int host, int requested);
	int poll_inftim; /* the one negative timeout that waits forever */
};

#endif
