/*
 * libsocket's calls that are more than a shared handler with illumos's
 * facts: getsockopt's SO_TYPE, which answers illumos's socket type
 * (SOCK_STREAM is 2 there, Linux's 1).
 */
#include <errno.h>
#include <sys/socket.h>

#include "abi/illumos/socket.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "illumos_libsocket_proto.h"
#include "libs/illumos/illumos.h"
#include "syscalls/bsd/fs_util.h"
#include "syscalls/bsd/net.h"

#define ILLUMOS_SO_TYPE 0x1008

static int socktype_from_host(int type)
{
	uint64_t f;
	if (xeno_flags_from_host(&illumos_socket_types, (uint32_t)type, &f) < 0)
		return type;
	return (int)f;
}

long illumos_libsocket_getsockopt(struct xeno_thread *t, int s, int level, int name, uint64_t val,
				  uint64_t valsize)
{
	if (level != ILLUMOS_SOL_SOCKET || name != ILLUMOS_SO_TYPE)
		return bsd_sys_getsockopt(t, s, level, name, val, valsize);
	uint32_t room;
	int type;
	socklen_t len = sizeof type;
	if (bsd_fd(s) < 0)
		return -EBADF;
	if (xeno_copy_in(&room, valsize, sizeof room) < 0)
		return -EFAULT;
	if (room < sizeof type)
		return -EINVAL;
	long r = host_syscall5(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &type, &len);
	if (r < 0)
		return r;
	type = socktype_from_host(type);
	room = sizeof type;
	if (xeno_copy_out(val, &type, sizeof type) < 0 ||
	    xeno_copy_out(valsize, &room, sizeof room) < 0)
		return -EFAULT;
	return 0;
}
