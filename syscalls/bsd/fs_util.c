/* Paths, descriptors and *at() flags for the BSD file-system handlers. */
#include "syscalls/bsd/fs_util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>

#include "core/fd.h"
#include "core/host.h"
#include "core/uaccess.h"

long bsd_path_in(struct xeno_thread *t, uint64_t guest, char *buf, int how)
{
	size_t max = bsd_abi_of(t)->path_max;
	long len = xeno_strncpy_in(buf, guest, max < BSD_PATH_BUF ? max : BSD_PATH_BUF);
	return len < 0 ? len : xeno_root_path(buf, BSD_PATH_BUF, how);
}

long bsd_fd(int fd)
{
	return xeno_fd_is_reserved(fd) ? -EBADF : 0;
}

long bsd_at_path(struct xeno_thread *t, int fd, uint64_t path, int *dirfd, char *p, int how)
{
	if (fd == bsd_abi_of(t)->at_fdcwd)
		fd = AT_FDCWD;
	else if (xeno_fd_is_reserved(fd))
		return -EBADF;
	*dirfd = fd;
	return bsd_path_in(t, path, p, how);
}

int bsd_at_lookup(uint64_t at)
{
	return at & AT_SYMLINK_NOFOLLOW ? XENO_ROOT_NOFOLLOW : XENO_ROOT_FOLLOW;
}

long bsd_at_flags(struct xeno_thread *t, int flags, uint64_t allowed, uint64_t *host)
{
	if (xeno_flags_to_host(bsd_abi_of(t)->at_flags, (uint32_t)flags, host) < 0 ||
	    (*host & ~allowed) != 0)
		return -EINVAL;
	return 0;
}

long bsd_target_resolve(struct bsd_target *tg, int dirfd, const char *path, uint64_t *at)
{
	tg->dirfd = dirfd;
	tg->path = path;
	tg->opened = -1;
	if (!(*at & BSD_AT_BENEATH))
		return 0;
	if (path[0] == '\0' && (*at & AT_EMPTY_PATH)) {
		*at &= ~BSD_AT_BENEATH; /* the descriptor itself: nothing to resolve */
		return 0;
	}
	struct open_how how = {
	    .flags = O_PATH | O_CLOEXEC | (*at & AT_SYMLINK_NOFOLLOW ? O_NOFOLLOW : 0),
	    .resolve = RESOLVE_BENEATH,
	};
	long fd = host_syscall4(SYS_openat2, dirfd, path, &how, sizeof how);
	if (fd < 0)
		return fd;
	tg->opened = (int)fd;
	tg->dirfd = (int)fd;
	tg->path = "";
	*at = (*at & ~(BSD_AT_BENEATH | AT_SYMLINK_NOFOLLOW | AT_SYMLINK_FOLLOW)) | AT_EMPTY_PATH;
	return 0;
}

void bsd_target_done(struct bsd_target *tg)
{
	if (tg->opened >= 0)
		host_syscall1(SYS_close, tg->opened);
	tg->opened = -1;
}

long bsd_target_at(struct xeno_thread *t, int fd, uint64_t path, int flag, char *p,
		   struct bsd_target *tg, uint64_t *at)
{
	int dirfd;
	/* the flags before the path, as FreeBSD's kern_statat checks them */
	if (bsd_at_flags(t, flag, AT_SYMLINK_NOFOLLOW | BSD_AT_BENEATH | AT_EMPTY_PATH, at) < 0)
		return -EINVAL;
	long ret = bsd_at_path(t, fd, path, &dirfd, p, bsd_at_lookup(*at));
	if (ret < 0)
		return ret;
	return bsd_target_resolve(tg, dirfd, p, at);
}

long bsd_statx(int dirfd, const char *path, unsigned flags, struct statx *stx)
{
	return host_syscall5(SYS_statx, dirfd, path, flags | AT_NO_AUTOMOUNT,
			     STATX_BASIC_STATS | STATX_BTIME, stx);
}

/* fstat: a negative fd is EBADF even where Linux would take it for AT_FDCWD. */
static long fstat_fd(int fd, struct statx *stx)
{
	if (fd < 0 || bsd_fd(fd) < 0)
		return -EBADF;
	return bsd_statx(fd, "", AT_EMPTY_PATH, stx);
}

long bsd_stat_at(struct xeno_thread *t, int fd, uint64_t path, int flag, struct statx *stx)
{
	char p[BSD_PATH_BUF];
	uint64_t at;
	struct bsd_target tg;
	if (!path)
		return fstat_fd(fd, stx);
	long ret = bsd_target_at(t, fd, path, flag, p, &tg, &at);
	if (ret < 0)
		return ret;
	ret = bsd_statx(tg.dirfd, tg.path, (unsigned)at, stx);
	bsd_target_done(&tg);
	return ret;
}

static long stat_out(const struct bsd_stat_form *f, long ret, const struct statx *stx, uint64_t sb)
{
	uint64_t st[32]; /* the largest struct stat: 224 bytes */
	if (ret < 0)
		return ret;
	if (f->size > sizeof st)
		return -EINVAL;
	f->fill(stx, st);
	return xeno_copy_out(sb, st, f->size);
}

long bsd_stat_path(struct xeno_thread *t, const struct bsd_stat_form *f, int fd, uint64_t path,
		   int flag, uint64_t sb)
{
	struct statx stx;
	if (!path)
		return -EFAULT;
	return stat_out(f, bsd_stat_at(t, fd, path, flag, &stx), &stx, sb);
}

long bsd_stat_fd(struct xeno_thread *t, const struct bsd_stat_form *f, int fd, uint64_t sb)
{
	struct statx stx;
	return stat_out(f, bsd_stat_at(t, fd, 0, 0, &stx), &stx, sb);
}
