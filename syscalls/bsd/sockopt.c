/*
 * Socket options, shared by the BSD personalities: the OS's table
 * (abi/<os>/sockopt.c) names each option's host twin and value shape, the
 * converters are abi/bsd/sockopt.c's.  Semantics: FreeBSD
 * sys/kern/uipc_socket.c sosetopt/sogetopt, sooptcopyin (a short value is
 * EINVAL) and sooptcopyout (a long one is cut to the caller's room, and the
 * room left says how much was written).
 *
 * SO_NOSIGPIPE has no Linux twin: the sockets that have it are remembered
 * here by their host identity (device and inode, which dup'ed descriptors
 * share), and the send handlers ask before they raise SIGPIPE.  The set
 * lives in xeno's memory: it does not survive exec.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/sockopt.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/bsd/bsd.h"
#include "syscalls/bsd/fs_util.h"

struct sock_id {
	dev_t dev;
	ino_t ino;
};

static pthread_mutex_t nosigpipe_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sock_id *nosigpipe;
static size_t nosigpipe_count, nosigpipe_cap;

static void lock_nosigpipe(void)
{
	pthread_mutex_lock(&nosigpipe_lock);
}

static void unlock_nosigpipe(bool child)
{
	(void)child;
	pthread_mutex_unlock(&nosigpipe_lock);
}

XENO_FORK_LOCK(nosigpipe, 20, lock_nosigpipe, unlock_nosigpipe);

/* The socket's identity; -ENOTSOCK / -EBADF as the option calls report. */
static long socket_id(int fd, struct sock_id *id)
{
	struct stat st;
	long r = host_syscall2(SYS_fstat, fd, &st);
	if (r < 0)
		return r;
	if (!S_ISSOCK(st.st_mode))
		return -ENOTSOCK;
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	return 0;
}

static size_t find_locked(const struct sock_id *id)
{
	for (size_t i = 0; i < nosigpipe_count; i++)
		if (nosigpipe[i].dev == id->dev && nosigpipe[i].ino == id->ino)
			return i;
	return (size_t)-1;
}

static long set_nosigpipe(int fd, bool on)
{
	struct sock_id id;
	long r = socket_id(fd, &id);
	if (r < 0)
		return r;
	pthread_mutex_lock(&nosigpipe_lock);
	size_t i = find_locked(&id);
	if (!on && i != (size_t)-1) {
		nosigpipe[i] = nosigpipe[--nosigpipe_count];
	} else if (on && i == (size_t)-1) {
		if (nosigpipe_count == nosigpipe_cap) {
			size_t cap = nosigpipe_cap ? 2 * nosigpipe_cap : 16;
			struct sock_id *grown = realloc(nosigpipe, cap * sizeof *grown);
			if (!grown) {
				pthread_mutex_unlock(&nosigpipe_lock);
				return -ENOBUFS;
			}
			nosigpipe = grown;
			nosigpipe_cap = cap;
		}
		nosigpipe[nosigpipe_count++] = id;
	}
	pthread_mutex_unlock(&nosigpipe_lock);
	return 0;
}

bool bsd_socket_nosigpipe(int fd)
{
	struct sock_id id;
	if (__atomic_load_n(&nosigpipe_count, __ATOMIC_RELAXED) == 0 || socket_id(fd, &id) < 0)
		return false;
	pthread_mutex_lock(&nosigpipe_lock);
	bool on = find_locked(&id) != (size_t)-1;
	pthread_mutex_unlock(&nosigpipe_lock);
	return on;
}

/* The option calls' socket and option, checked in kern_setsockopt's and
 * kern_getsockopt's order: the descriptor, that it is a socket, then the
 * option.  NULL with *err set (-errno) when one of them is not there. */
static const struct bsd_sockopt *socket_option(struct xeno_thread *t, int s, int level, int name,
					       long *err)
{
	struct sock_id id;
	long r = bsd_fd(s);
	if (r < 0 || (r = socket_id(s, &id)) < 0) {
		*err = r;
		return NULL;
	}
	int find_err;
	const struct bsd_abi *abi = bsd_abi_of(t);
	const struct bsd_sockopt *o =
	    bsd_sockopt_find(abi->sockopts, *abi->nsockopts, level, name, &find_err);
	if (!o)
		*err = find_err;
	return o;
}

long bsd_sys_setsockopt(struct xeno_thread *t, int s, int level, int name, uint64_t val,
			unsigned int valsize)
{
	/* kern_setsockopt: the value's pointer and size, then the socket,
	 * then the option (sosetopt) */
	if (!val && valsize != 0)
		return -EFAULT;
	if ((int)valsize < 0)
		return -EINVAL;
	long r;
	const struct bsd_sockopt *o = socket_option(t, s, level, name, &r);
	if (!o)
		return r;
	uint8_t in[BSD_SOCKOPT_MAX], out[BSD_SOCKOPT_MAX];
	size_t take = valsize < sizeof in ? valsize : sizeof in;
	if (take && xeno_copy_in(in, val, take) < 0)
		return -EFAULT;
	size_t out_len;
	r = bsd_sockopt_value_to_host(o, in, valsize, out, sizeof out, &out_len);
	if (r < 0)
		return r;
	int32_t v;
	switch (o->kind) {
	case BSD_OPT_NOSIGPIPE:
		__builtin_memcpy(&v, out, sizeof v);
		return set_nosigpipe(s, v != 0);
	case BSD_OPT_SOFT: /* the host keeps no such setting: accepted */
		return 0;
	default:
		return host_syscall5(SYS_setsockopt, s, o->host_level, o->host_name, out, out_len);
	}
}

long bsd_sys_getsockopt(struct xeno_thread *t, int s, int level, int name, uint64_t val,
			uint64_t avalsize)
{
	/* sys_getsockopt and kern_getsockopt: the room, then the socket, then
	 * the option */
	uint32_t room = 0;
	if (val && xeno_copy_in(&room, avalsize, sizeof room) < 0)
		return -EFAULT;
	if ((int)room < 0)
		return -EINVAL;
	long r;
	const struct bsd_sockopt *o = socket_option(t, s, level, name, &r);
	if (!o)
		return r;
	uint8_t hv[BSD_SOCKOPT_MAX], fv[BSD_SOCKOPT_MAX];
	socklen_t hlen = (socklen_t)bsd_sockopt_host_size(o, room);
	if (o->kind == BSD_OPT_NOSIGPIPE) {
		int32_t on = bsd_socket_nosigpipe(s);
		__builtin_memcpy(hv, &on, sizeof on);
		hlen = sizeof on;
	} else {
		r = host_syscall5(SYS_getsockopt, s, o->host_level, o->host_name, hv, &hlen);
		if (r < 0)
			return r;
	}
	const struct bsd_sockopt_xlat x = {t->os->errno_from_host, bsd_abi_of(t)->socket_domains};
	size_t full = bsd_sockopt_value_from_host(o, hv, hlen, fv, sizeof fv, &x);
	if (!val)
		return 0;
	uint32_t n = full < room ? (uint32_t)full : room;
	if (n && xeno_copy_out(val, fv, n) < 0)
		return -EFAULT;
	return xeno_copy_out(avalsize, &n, sizeof n);
}
