/*
 * What the BSD file-system handlers (syscalls/bsd/fs*.c, syscalls/<os>/fs.c)
 * share: guest paths, descriptors and *at() flags made ready for the host.
 */
#ifndef XENO_SYSCALLS_BSD_FS_UTIL_H
#define XENO_SYSCALLS_BSD_FS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/abi.h"
#include "core/root.h"
#include "core/personality.h"
#include "core/thread.h"
#include "syscalls/bsd/bsd.h"

/* Room for a guest path of every BSD (PATH_MAX 1024, the NUL included) once
 * the compat root has made it a host path (Linux PATH_MAX). */
#define BSD_PATH_BUF 4096

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452 /* Linux 6.6 */
#endif

/* Copies a guest path into buf (BSD_PATH_BUF bytes) and makes it the host
 * path to use: the one place where the compat root applies (core/root.h),
 * for a call that uses the path as how (XENO_ROOT_*) says.  0, -EFAULT, or
 * -ENAMETOOLONG beyond the foreign PATH_MAX. */
long bsd_path_in(struct xeno_thread *t, uint64_t guest, char *buf, int how);
/* A descriptor the guest named: 0, or -EBADF if it is one of xeno's (any
 * other bad descriptor is left to the host to refuse). */
long bsd_fd(int fd);
/* The directory descriptor and path of an *at() call: *dirfd gets the
 * host's AT_FDCWD for the foreign one, and the path is copied into p
 * (BSD_PATH_BUF bytes) by bsd_path_in.  0, or -EBADF for one of xeno's
 * descriptors, or an error of bsd_path_in. */
long bsd_at_path(struct xeno_thread *t, int fd, uint64_t path, int *dirfd, char *p, int how);
/* How a call whose host *at() flags are at uses its path (XENO_ROOT_*). */
int bsd_at_lookup(uint64_t at);
/* Translates *at() flags; -EINVAL if any is unknown or not in allowed (a
 * mask of host and pseudo host bits). */
long bsd_at_flags(struct xeno_thread *t, int flags, uint64_t allowed, uint64_t *host);

/*
 * The object an *at() call names, resolved for the host.  Without
 * BSD_AT_BENEATH it is (dirfd, path) as given.  With it, the path is opened
 * O_PATH beneath dirfd (Linux openat2 RESOLVE_BENEATH) and the call then
 * names that descriptor with AT_EMPTY_PATH; the at flags are rewritten to
 * match.  bsd_target_done closes what bsd_target_resolve opened.
 */
struct bsd_target {
	int dirfd;
	const char *path;
	int opened; /* descriptor to close, or -1 */
};
long bsd_target_resolve(struct bsd_target *tg, int dirfd, const char *path, uint64_t *at);
void bsd_target_done(struct bsd_target *tg);
/* The whole of it for a call taking AT_SYMLINK_NOFOLLOW, AT_RESOLVE_BENEATH
 * and AT_EMPTY_PATH (stat, chmod, utimens): the guest's flag checked and
 * translated into *at, the path copied into p (BSD_PATH_BUF bytes) and
 * resolved into tg.  0 or -errno; on 0, bsd_target_done(tg) follows. */
long bsd_target_at(struct xeno_thread *t, int fd, uint64_t path, int flag, char *p,
		   struct bsd_target *tg, uint64_t *at);

/* Host statx of (dirfd, path) with host AT_* flags: 0 or -errno. */
struct statx;
long bsd_statx(int dirfd, const char *path, unsigned flags, struct statx *stx);
/* The stat family: the file a guest (fd, path, flag) names, as statx.  path
 * 0 stats the descriptor itself (fstat). */
long bsd_stat_at(struct xeno_thread *t, int fd, uint64_t path, int flag, struct statx *stx);
/* One layout of an OS's struct stat: its size, and what fills it from a
 * statx (abi/<os>/stat.c). */
struct bsd_stat_form {
	size_t size;
	void (*fill)(const struct statx *stx, void *st);
};
/* stat, lstat, fstatat (a NULL path is EFAULT) and fstat, written at sb
 * in the given form: 0 or -errno. */
long bsd_stat_path(struct xeno_thread *t, const struct bsd_stat_form *f, int fd, uint64_t path,
		   int flag, uint64_t sb);
long bsd_stat_fd(struct xeno_thread *t, const struct bsd_stat_form *f, int fd, uint64_t sb);

/* getdirentries: reads entries of directory fd and packs them into the
 * guest buffer with the per-OS packer; *base gets the offset the read
 * started at.  The byte count written, or -errno. */
long bsd_getdirentries(int fd, uint64_t buf, size_t count, bsd_dirent_packer pack, int64_t *base);

#endif
