/*
 * FreeBSD's posix_spawn (lib/libc/gen/posix_spawn.c, include/spawn.h).
 * posix_spawnattr_t and posix_spawn_file_actions_t are pointers to objects
 * on the guest heap.  The child is a fork (the fork system call's handler,
 * without the pthread_atfork handlers, which FreeBSD's vfork-based spawn
 * does not run either) that sets its attributes, carries out the file
 * actions in order and executes the program; an error on the way is sent
 * back to the parent through a pipe of xeno's own, and the child ends with
 * status 127, reaped by posix_spawn, which returns that error as FreeBSD's
 * does.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/signal.h"
#include "core/fd.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "freebsd_libc_proto.h"
#include "freebsd_sysproto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"

/* include/spawn.h; 0x40 is FreeBSD 14's POSIX_SPAWN_DISABLE_ASLR_NP, which
 * xeno accepts and cannot honour (the host lays the child out) */
#define SPAWN_RESETIDS	  0x01
#define SPAWN_SETPGROUP	  0x02
#define SPAWN_SETSIGDEF	  0x10
#define SPAWN_SETSIGMASK  0x20
#define SPAWN_KNOWN_FLAGS 0x7f

#define ATTR_MAGIC    0x73706e61u /* "anps" */
#define ACTIONS_MAGIC 0x73706e66u /* "fnps" */

struct spawn_attr {
	uint32_t magic;
	int16_t flags;
	int32_t pgroup;
	struct bsd_sigset sigdefault, sigmask;
};

enum action_kind { ACT_OPEN, ACT_DUP2, ACT_CLOSE, ACT_CHDIR, ACT_FCHDIR, ACT_CLOSEFROM };

struct action {
	enum action_kind kind;
	int fd, newfd, oflag;
	unsigned mode;
	char *path; /* on the guest heap: a copy */
};

struct spawn_actions {
	uint32_t magic;
	unsigned n, room;
	struct action *list;
};

/* The object behind a guest handle at hp, or NULL. */
static void *object_at(uint64_t hp, uint32_t magic)
{
	uint64_t o;
	uint32_t m;
	if (!hp || xeno_copy_in(&o, hp, sizeof o) < 0 || !o || o % 8 ||
	    xeno_copy_in(&m, o, sizeof m) < 0 || m != magic)
		return NULL;
	return (void *)o;
}

static long new_object(uint64_t hp, size_t size, uint32_t magic)
{
	uint32_t *o = xeno_heap_calloc(1, size);
	if (!o)
		return -ENOMEM;
	*o = magic;
	if (xeno_copy_out(hp, &o, sizeof o) < 0) {
		xeno_heap_free(o);
		return -EINVAL;
	}
	return 0;
}

/* ---- file actions ---- */

long freebsd_libc_posix_spawn_file_actions_init(struct xeno_thread *t, uint64_t fa)
{
	(void)t;
	return new_object(fa, sizeof(struct spawn_actions), ACTIONS_MAGIC);
}

long freebsd_libc_posix_spawn_file_actions_destroy(struct xeno_thread *t, uint64_t fa)
{
	(void)t;
	struct spawn_actions *a = object_at(fa, ACTIONS_MAGIC);
	if (!a)
		return -EINVAL;
	for (unsigned i = 0; i < a->n; i++)
		xeno_heap_free(a->list[i].path);
	xeno_heap_free(a->list);
	a->magic = 0;
	xeno_heap_free(a);
	return 0;
}

/* Appends an action (path copied if not NULL): 0, -EINVAL or -ENOMEM. */
static long add(uint64_t fa, struct action act, const char *path)
{
	struct spawn_actions *a = object_at(fa, ACTIONS_MAGIC);
	if (!a)
		return -EINVAL;
	if (a->n == a->room) {
		unsigned room = a->room ? 2 * a->room : 8;
		struct action *l = xeno_heap_realloc(a->list, room * sizeof *l);
		if (!l)
			return -ENOMEM;
		a->list = l, a->room = room;
	}
	if (path) {
		size_t len = strlen(path);
		if (!(act.path = xeno_heap_alloc(len + 1)))
			return -ENOMEM;
		memcpy(act.path, path, len + 1);
	}
	a->list[a->n++] = act;
	return 0;
}

long freebsd_libc_posix_spawn_file_actions_addopen(struct xeno_thread *t, uint64_t fa, int fildes,
						   uint64_t path, int oflag, unsigned int mode)
{
	(void)t;
	if (fildes < 0)
		return -EBADF;
	struct action act = {.kind = ACT_OPEN, .fd = fildes, .oflag = oflag, .mode = mode};
	return add(fa, act, (const char *)path);
}

long freebsd_libc_posix_spawn_file_actions_adddup2(struct xeno_thread *t, uint64_t fa, int fildes,
						   int newfildes)
{
	(void)t;
	if (fildes < 0 || newfildes < 0)
		return -EBADF;
	return add(fa, (struct action){.kind = ACT_DUP2, .fd = fildes, .newfd = newfildes}, NULL);
}

long freebsd_libc_posix_spawn_file_actions_addclose(struct xeno_thread *t, uint64_t fa, int fildes)
{
	(void)t;
	if (fildes < 0)
		return -EBADF;
	return add(fa, (struct action){.kind = ACT_CLOSE, .fd = fildes}, NULL);
}

long freebsd_libc_posix_spawn_file_actions_addchdir_np(struct xeno_thread *t, uint64_t fa,
						       uint64_t path)
{
	(void)t;
	return add(fa, (struct action){.kind = ACT_CHDIR}, (const char *)path);
}

long freebsd_libc_posix_spawn_file_actions_addfchdir_np(struct xeno_thread *t, uint64_t fa,
							int fildes)
{
	(void)t;
	if (fildes < 0)
		return -EBADF;
	return add(fa, (struct action){.kind = ACT_FCHDIR, .fd = fildes}, NULL);
}

long freebsd_libc_posix_spawn_file_actions_addclosefrom_np(struct xeno_thread *t, uint64_t fa,
							   int from)
{
	(void)t;
	if (from < 0)
		return -EBADF;
	return add(fa, (struct action){.kind = ACT_CLOSEFROM, .fd = from}, NULL);
}

/* ---- attributes ---- */

long freebsd_libc_posix_spawnattr_init(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	return new_object(attr, sizeof(struct spawn_attr), ATTR_MAGIC);
}

long freebsd_libc_posix_spawnattr_destroy(struct xeno_thread *t, uint64_t attr)
{
	(void)t;
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	if (!a)
		return -EINVAL;
	a->magic = 0;
	xeno_heap_free(a);
	return 0;
}

/* Stores a value for the guest: 0 or -EINVAL. */
static long give(uint64_t to, const void *value, size_t size)
{
	return xeno_copy_out(to, value, size) < 0 ? -EINVAL : 0;
}

long freebsd_libc_posix_spawnattr_getflags(struct xeno_thread *t, uint64_t attr, uint64_t flags)
{
	(void)t;
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	return a ? give(flags, &a->flags, sizeof a->flags) : -EINVAL;
}

long freebsd_libc_posix_spawnattr_setflags(struct xeno_thread *t, uint64_t attr, int flags)
{
	(void)t;
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	if (!a || ((int16_t)flags & ~SPAWN_KNOWN_FLAGS))
		return -EINVAL;
	a->flags = (int16_t)flags;
	return 0;
}

long freebsd_libc_posix_spawnattr_getpgroup(struct xeno_thread *t, uint64_t attr, uint64_t pgroup)
{
	(void)t;
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	return a ? give(pgroup, &a->pgroup, sizeof a->pgroup) : -EINVAL;
}

long freebsd_libc_posix_spawnattr_setpgroup(struct xeno_thread *t, uint64_t attr, int pgroup)
{
	(void)t;
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	if (!a)
		return -EINVAL;
	a->pgroup = pgroup;
	return 0;
}

static long get_set(uint64_t attr, uint64_t to, size_t field)
{
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	return a ? give(to, (char *)a + field, sizeof(struct bsd_sigset)) : -EINVAL;
}

static long put_set(uint64_t attr, uint64_t from, size_t field)
{
	struct spawn_attr *a = object_at(attr, ATTR_MAGIC);
	if (!a)
		return -EINVAL;
	return xeno_copy_in((char *)a + field, from, sizeof(struct bsd_sigset)) < 0 ? -EINVAL : 0;
}

#define SIGDEF	offsetof(struct spawn_attr, sigdefault)
#define SIGMASK offsetof(struct spawn_attr, sigmask)

long freebsd_libc_posix_spawnattr_getsigdefault(struct xeno_thread *t, uint64_t attr, uint64_t set)
{
	(void)t;
	return get_set(attr, set, SIGDEF);
}

long freebsd_libc_posix_spawnattr_setsigdefault(struct xeno_thread *t, uint64_t attr, uint64_t set)
{
	(void)t;
	return put_set(attr, set, SIGDEF);
}

long freebsd_libc_posix_spawnattr_getsigmask(struct xeno_thread *t, uint64_t attr, uint64_t set)
{
	(void)t;
	return get_set(attr, set, SIGMASK);
}

long freebsd_libc_posix_spawnattr_setsigmask(struct xeno_thread *t, uint64_t attr, uint64_t set)
{
	(void)t;
	return put_set(attr, set, SIGMASK);
}

/* ---- the child ---- */

/* The attributes, in posix_spawn.c's order: 0 or -errno. */
static long apply_attr(struct xeno_thread *t, const struct spawn_attr *a)
{
	long r = 0;
	if (a->flags & SPAWN_SETPGROUP)
		r = bsd_sys_setpgid(t, 0, a->pgroup);
	if (!r && (a->flags & SPAWN_RESETIDS)) {
		r = host_syscall3(SYS_setresgid, -1, host_syscall0(SYS_getgid), -1);
		if (!r)
			r = host_syscall3(SYS_setresuid, -1, host_syscall0(SYS_getuid), -1);
	}
	for (int sig = 1; !r && (a->flags & SPAWN_SETSIGDEF) && sig < FREEBSD_NSIG; sig++) {
		if (!(a->sigdefault.bits[(sig - 1) / 32] & (1u << ((sig - 1) % 32))))
			continue;
		struct freebsd_sigaction dfl = {.handler = 0};
		r = bsd_sys_sigaction(t, sig, (uint64_t)&dfl, 0);
		if (r == -EINVAL) /* SIGKILL, SIGSTOP: FreeBSD's sigaction refuses them too */
			r = 0;
	}
	return r;
}

static long apply_action(struct xeno_thread *t, const struct action *act)
{
	long r;
	switch (act->kind) {
	case ACT_OPEN:
		r = bsd_sys_open(t, (uint64_t)act->path, act->oflag, act->mode);
		if (r >= 0 && r != act->fd) {
			long d = bsd_sys_dup2(t, (unsigned)r, (unsigned)act->fd);
			bsd_sys_close(t, (int)r);
			r = d;
		}
		return r < 0 ? r : 0;
	case ACT_DUP2:
		if (act->fd == act->newfd) { /* POSIX 2024, FreeBSD 13.1 on: FD_CLOEXEC cleared */
			r = bsd_sys_fcntl(t, act->fd, FREEBSD_F_GETFD, 0);
			return r < 0 ? r : bsd_sys_fcntl(t, act->fd, FREEBSD_F_SETFD, r & ~1L);
		}
		r = bsd_sys_dup2(t, (unsigned)act->fd, (unsigned)act->newfd);
		return r < 0 ? r : 0;
	case ACT_CLOSE:
		bsd_sys_close(t, act->fd); /* FreeBSD ignores the result */
		return 0;
	case ACT_CHDIR:
		return bsd_sys_chdir(t, (uint64_t)act->path);
	case ACT_FCHDIR:
		return bsd_sys_fchdir(t, act->fd);
	case ACT_CLOSEFROM:
		return bsd_sys_closefrom(t, act->fd);
	}
	return -EINVAL;
}

/* Never returns: the program, or status 127 after err went to the pipe. */
static void child(struct xeno_thread *t, int report, const struct spawn_attr *a,
		  const struct spawn_actions *acts, const char *path, bool search, uint64_t argv,
		  uint64_t envp)
{
	long r = a ? apply_attr(t, a) : 0;
	for (unsigned i = 0; !r && acts && i < acts->n; i++)
		r = apply_action(t, &acts->list[i]);
	if (!r && a && (a->flags & SPAWN_SETSIGMASK))
		r = bsd_sys_sigprocmask(t, BSD_SIG_SETMASK, (uint64_t)&a->sigmask, 0);
	if (!r)
		r = search ? freebsd_exec_search(t, path, argv, envp)
			   : bsd_sys_execve(t, (uint64_t)path, argv, envp);
	int err = (int)-r;
	host_syscall3(SYS_write, report, &err, sizeof err);
	host_syscall1(SYS_exit_group, 127);
	__builtin_unreachable();
}

static long spawn(struct xeno_thread *t, uint64_t pid, const char *path, bool search,
		  uint64_t file_actions, uint64_t attrp, uint64_t argv, uint64_t envp)
{
	const struct spawn_attr *a = attrp ? object_at(attrp, ATTR_MAGIC) : NULL;
	const struct spawn_actions *acts =
	    file_actions ? object_at(file_actions, ACTIONS_MAGIC) : NULL;
	if ((attrp && !a) || (file_actions && !acts))
		return -EINVAL;
	int fds[2];
	long r = host_syscall2(SYS_pipe2, fds, O_CLOEXEC);
	if (r < 0)
		return r;
	int rd = xeno_fd_move_high(fds[0]), wr = xeno_fd_move_high(fds[1]);
	if (rd < 0 || wr < 0) {
		host_syscall1(SYS_close, rd < 0 ? fds[0] : rd);
		host_syscall1(SYS_close, wr < 0 ? fds[1] : wr);
		return -EMFILE;
	}
	long p = bsd_sys_fork(t);
	bool in_child = p >= 0 && t->rval2;
	t->have_rval2 = 0;
	if (in_child) {
		host_syscall1(SYS_close, rd);
		child(t, wr, a, acts, path, search, argv, envp);
	}
	host_syscall1(SYS_close, wr);
	int err = 0;
	if (p >= 0) {
		long got;
		do
			got = host_syscall3(SYS_read, rd, &err, sizeof err);
		while (got == -EINTR);
		if (got == sizeof err) /* the child failed before its program ran */
			bsd_sys_wait4(t, (int)p, 0, 0, 0);
		else
			err = 0;
	}
	host_syscall1(SYS_close, rd);
	if (p < 0)
		return p;
	if (err)
		return -err;
	int32_t child_pid = (int32_t)p;
	if (pid)
		xeno_copy_out(pid, &child_pid, sizeof child_pid);
	return 0;
}

long freebsd_libc_posix_spawn(struct xeno_thread *t, uint64_t pid, uint64_t path,
			      uint64_t file_actions, uint64_t attrp, uint64_t argv, uint64_t envp)
{
	return spawn(t, pid, (const char *)path, false, file_actions, attrp, argv, envp);
}

long freebsd_libc_posix_spawnp(struct xeno_thread *t, uint64_t pid, uint64_t file,
			       uint64_t file_actions, uint64_t attrp, uint64_t argv, uint64_t envp)
{
	return spawn(t, pid, (const char *)file, true, file_actions, attrp, argv, envp);
}
