/* File-system handlers shared by the BSD personalities (syscalls/bsd/fs*.c). */
#ifndef XENO_SYSCALLS_BSD_FS_H
#define XENO_SYSCALLS_BSD_FS_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

/* fs.c: reading, writing, seeking, syncing */
long bsd_sys_read(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_write(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte);
long bsd_sys_pread(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset);
long bsd_sys_pwrite(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int64_t offset);
long bsd_sys_readv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt);
long bsd_sys_writev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt);
long bsd_sys_preadv(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		    int64_t offset);
long bsd_sys_pwritev(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt,
		     int64_t offset);
long bsd_sys_lseek(struct xeno_thread *t, int fd, int64_t offset, int whence);
long bsd_sys_fsync(struct xeno_thread *t, int fd);
long bsd_sys_fdatasync(struct xeno_thread *t, int fd);
long bsd_sys_ftruncate(struct xeno_thread *t, int fd, int64_t length);
long bsd_sys_truncate(struct xeno_thread *t, uint64_t path, int64_t length);
long bsd_sys_posix_fallocate(struct xeno_thread *t, int fd, int64_t offset, int64_t len);
long bsd_sys_posix_fadvise(struct xeno_thread *t, int fd, int64_t offset, int64_t len, int advice);

/* fs_fd.c: the descriptor table */
long bsd_sys_close(struct xeno_thread *t, int fd);
long bsd_sys_dup(struct xeno_thread *t, unsigned int fd);
long bsd_sys_dup2(struct xeno_thread *t, unsigned int from, unsigned int to);
long bsd_sys_pipe2(struct xeno_thread *t, uint64_t fildes, int flags);
long bsd_sys_close_range(struct xeno_thread *t, unsigned int lowfd, unsigned int highfd, int flags);
long bsd_sys_closefrom(struct xeno_thread *t, int lowfd);

/* fs_fcntl.c */
long bsd_sys_fcntl(struct xeno_thread *t, int fd, int cmd, long arg);

/* fs_ioctl.c */
long bsd_sys_ioctl(struct xeno_thread *t, int fd, uint64_t com, uint64_t data);

/* fs_open.c */
long bsd_sys_open(struct xeno_thread *t, uint64_t path, int flags, unsigned int mode);
long bsd_sys_openat(struct xeno_thread *t, int fd, uint64_t path, int flag, unsigned int mode);

/* fs_path.c: lookups and attributes */
long bsd_sys_access(struct xeno_thread *t, uint64_t path, int amode);
long bsd_sys_eaccess(struct xeno_thread *t, uint64_t path, int amode);
long bsd_sys_faccessat(struct xeno_thread *t, int fd, uint64_t path, int amode, int flag);
long bsd_sys_readlink(struct xeno_thread *t, uint64_t path, uint64_t buf, size_t count);
long bsd_sys_readlinkat(struct xeno_thread *t, int fd, uint64_t path, uint64_t buf, size_t bufsize);
long bsd_sys___getcwd(struct xeno_thread *t, uint64_t buf, size_t buflen);
long bsd_sys_chdir(struct xeno_thread *t, uint64_t path);
long bsd_sys_fchdir(struct xeno_thread *t, int fd);
long bsd_sys_chroot(struct xeno_thread *t, uint64_t path);
long bsd_sys_umask(struct xeno_thread *t, unsigned int newmask);
long bsd_sys_chmod(struct xeno_thread *t, uint64_t path, unsigned int mode);
long bsd_sys_fchmod(struct xeno_thread *t, int fd, unsigned int mode);
long bsd_sys_fchmodat(struct xeno_thread *t, int fd, uint64_t path, unsigned int mode, int flag);
long bsd_sys_utimensat(struct xeno_thread *t, int fd, uint64_t path, uint64_t times, int flag);
long bsd_sys_futimens(struct xeno_thread *t, int fd, uint64_t times);

/* fs_name.c: the name space */
long bsd_sys_mkdir(struct xeno_thread *t, uint64_t path, unsigned int mode);
long bsd_sys_mkdirat(struct xeno_thread *t, int fd, uint64_t path, unsigned int mode);
long bsd_sys_rmdir(struct xeno_thread *t, uint64_t path);
long bsd_sys_unlink(struct xeno_thread *t, uint64_t path);
long bsd_sys_unlinkat(struct xeno_thread *t, int fd, uint64_t path, int flag);
long bsd_sys_rename(struct xeno_thread *t, uint64_t from, uint64_t to);
long bsd_sys_renameat(struct xeno_thread *t, int oldfd, uint64_t old, int newfd, uint64_t new);
long bsd_sys_link(struct xeno_thread *t, uint64_t path, uint64_t link);
long bsd_sys_linkat(struct xeno_thread *t, int fd1, uint64_t path1, int fd2, uint64_t path2,
		    int flag);
long bsd_sys_symlink(struct xeno_thread *t, uint64_t path, uint64_t link);
long bsd_sys_symlinkat(struct xeno_thread *t, uint64_t path1, int fd, uint64_t path2);
/* dup2 and fcntl(F_DUP2FD): from onto to, optionally close-on-exec. */
long bsd_dup_fixed(int from, int to, int cloexec);

#endif
