/*
 * Socket and poll structures whose layout the BSDs share on amd64:
 * struct msghdr (an int msg_iovlen and a socklen_t msg_controllen, where
 * Linux has size_t), struct pollfd, struct timeval and struct timespec.
 * Each personality asserts its own header against these (abi/<os>/).
 */
#ifndef XENO_ABI_BSD_SOCKET_H
#define XENO_ABI_BSD_SOCKET_H

#include <stddef.h>
#include <stdint.h>

struct bsd_msghdr {
	uint64_t msg_name;
	uint32_t msg_namelen;
	uint32_t pad0_;
	uint64_t msg_iov; /* struct iovec: base and length, as on Linux */
	int32_t msg_iovlen;
	uint32_t pad1_;
	uint64_t msg_control;
	uint32_t msg_controllen;
	int32_t msg_flags;
};
_Static_assert(sizeof(struct bsd_msghdr) == 48, "struct msghdr layout");

struct bsd_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};
_Static_assert(sizeof(struct bsd_pollfd) == 8, "struct pollfd layout");

struct bsd_timespec {
	int64_t tv_sec, tv_nsec;
};
_Static_assert(sizeof(struct bsd_timespec) == 16, "struct timespec layout (amd64)");

#endif
