/*
 * A probe of the file-system calls: creates a scratch directory under /tmp
 * (or $FSPROBE_DIR), exercises open/stat/getdirentries/fcntl/ioctl and the
 * rest there, prints one line per check and removes what it made.  Exit
 * status: the number of failed checks (guest test "fsprobe").
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h (sys/sys/fcntl.h, unistd.h, stat.h, filio.h,
 * ttycom.h) */
#define O_SHLOCK	    0x0010
#define O_EXLOCK	    0x0020
#define O_EXEC		    0x00040000
#define AT_SYMLINK_NOFOLLOW 0x0200
#define AT_SYMLINK_FOLLOW   0x0400
#define AT_EMPTY_PATH	    0x4000
#define AT_RESOLVE_BENEATH  0x2000
#define O_RESOLVE_BENEATH   0x00800000
#define O_EMPTY_PATH	    0x02000000
#define O_PATH		    0x00400000
#define F_SETFD		    2
#define F_GETFL		    3
#define F_SETFL		    4
#define F_DUP2FD	    10
#define F_SETLK		    12
#define F_DUPFD_CLOEXEC	    17
#define F_ISUNIONSTACK	    21
#define F_RDLCK		    1
#define F_UNLCK		    2
#define F_WRLCK		    3
#define FD_CLOEXEC	    1
#define F_OK		    0
#define R_OK		    4
#define X_OK		    1
#define UTIME_NOW	    (-1L)
#define UTIME_OMIT	    (-2L)
#define TIOCGETA	    0x402c7413UL
#define TIOCSETA	    0x802c7414UL
#define TIOCGWINSZ	    0x40087468UL
#define FIONBIO		    0x8004667eUL
#define S_IFMT		    0170000
#define S_IFREG		    0100000
#define S_IFDIR		    0040000
#define S_IFLNK		    0120000
#define DT_REG		    8

struct stat { /* sys/sys/stat.h, amd64 */
	unsigned long st_dev, st_ino, st_nlink;
	unsigned short st_mode;
	short st_padding0;
	unsigned st_uid, st_gid;
	int st_padding1;
	unsigned long st_rdev;
	struct timespec st_atim, st_mtim, st_ctim, st_birthtim;
	long st_size, st_blocks;
	int st_blksize;
	unsigned st_flags;
	unsigned long st_gen, st_spare[10];
};

struct stat11 { /* struct freebsd11_stat */
	unsigned st_dev, st_ino;
	unsigned short st_mode, st_nlink;
	unsigned st_uid, st_gid, st_rdev;
	struct timespec st_atim, st_mtim, st_ctim;
	long st_size, st_blocks;
	int st_blksize;
	unsigned st_flags, st_gen;
	int st_lspare;
	struct timespec st_birthtim;
};

struct flock {
	long l_start, l_len;
	int l_pid;
	short l_type, l_whence;
	int l_sysid;
};

static int failures;

static void check(int ok, const char *what, long got)
{
	mini_printf("%s %s (%ld%s%s)\n", ok ? "ok  " : "FAIL", what, got, got < 0 ? " " : "",
		    got < 0 ? mini_errname(-got) : "");
	if (!ok)
		failures++;
}

static char dir[256];

static const char *in_dir(char *buf, const char *name)
{
	size_t n = mini_strlen(dir), m = mini_strlen(name);
	memcpy(buf, dir, n);
	buf[n] = '/';
	memcpy(buf + n + 1, name, m + 1);
	return buf;
}

static void probe_files(void)
{
	char p[512], q[512];
	long fd = SYS4(open, in_dir(p, "file"), O_CREAT | O_RDWR | O_EXCL, 0640, 0);
	check(fd >= 3, "open O_CREAT|O_EXCL", fd);
	check(SYS3(write, fd, "hello, world", 12) == 12, "write", 12);
	char buf[32] = {0};
	long r = SYS4(pread, fd, buf, 5, 7);
	check(r == 5 && memcmp(buf, "world", 5) == 0, "pread", r);
	check(SYS4(pwrite, fd, "W", 1, 7) == 1, "pwrite", 1);
	r = SYS3(lseek, fd, 0, SEEK_CUR);
	check(r == 12, "lseek SEEK_CUR keeps the offset after pread/pwrite", r);
	r = SYS3(lseek, fd, 0, 7);
	check(r == -EINVAL, "lseek bad whence is EINVAL", r);
	struct iovec iov[2] = {{"ab", 2}, {"cd", 2}};
	check(SYS3(writev, fd, iov, 2) == 4, "writev", 4);
	struct stat st;
	r = SYS2(fstat, fd, &st);
	check(r == 0 && st.st_size == 16 && (st.st_mode & S_IFMT) == S_IFREG &&
		  (st.st_mode & 0777) == 0640 && st.st_nlink == 1 && st.st_blksize >= 4096,
	      "fstat size/mode/nlink/blksize", r);
	mini_printf("     ino %lu dev %lx birth %ld mtime %ld\n", st.st_ino, st.st_dev,
		    st.st_birthtim.tv_sec, st.st_mtim.tv_sec);
	struct stat11 st11;
	r = SYS2(freebsd11_stat, p, &st11);
	check(r == 0 && st11.st_size == 16 && st11.st_ino == (unsigned)st.st_ino &&
		  st11.st_dev == (unsigned)st.st_dev,
	      "freebsd11_stat matches", r);
	r = SYS4(fstatat, AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW | 0x10000);
	check(r == -EINVAL, "fstatat unknown flag is EINVAL", r);
	r = SYS4(fstatat, fd, "", &st, AT_EMPTY_PATH);
	check(r == 0 && st.st_size == 16, "fstatat AT_EMPTY_PATH", r);

	r = SYS3(fcntl, fd, F_GETFL, 0);
	check(r == O_RDWR, "F_GETFL is O_RDWR", r);
	r = SYS3(fcntl, fd, F_SETFL, r | O_NONBLOCK | O_APPEND);
	check(r == 0, "F_SETFL passes back F_GETFL|O_NONBLOCK|O_APPEND", r);
	r = SYS3(fcntl, fd, F_GETFL, 0);
	check(r == (O_RDWR | O_NONBLOCK | O_APPEND), "F_GETFL shows them", r);
	/* descriptors below 16: the limit under "ulimit -n 20" */
	r = SYS3(fcntl, fd, F_DUPFD_CLOEXEC, 10);
	check(r >= 10 && SYS3(fcntl, r, F_GETFD, 0) == FD_CLOEXEC, "F_DUPFD_CLOEXEC", r);
	SYS1(close, r);
	r = SYS3(fcntl, fd, F_DUP2FD, 13);
	check(r == 13 && SYS3(fcntl, 13, F_GETFD, 0) == 0, "F_DUP2FD", r);
	SYS1(close, 13);
	struct flock fl = {.l_start = 0, .l_len = 4, .l_type = F_WRLCK, .l_whence = SEEK_SET};
	r = SYS3(fcntl, fd, F_SETLK, &fl);
	check(r == 0, "F_SETLK F_WRLCK", r);
	fl.l_type = F_RDLCK;
	r = SYS3(fcntl, fd, F_GETLK, &fl);
	check(r == 0 && fl.l_type == F_UNLCK, "F_GETLK (own lock) is F_UNLCK", r);
	r = SYS3(fcntl, fd, F_ISUNIONSTACK, 0);
	check(r == 0, "F_ISUNIONSTACK", r);
	long n = 0;
	r = SYS3(ioctl, fd, FIONREAD, &n);
	check(r == 0, "FIONREAD on a file", r);
	char tio[44];
	r = SYS3(ioctl, fd, TIOCGETA, tio);
	check(r == -ENOTTY, "TIOCGETA on a file is ENOTTY", r);
	r = SYS3(ioctl, 0, TIOCGETA, tio);
	mini_printf("     TIOCGETA on stdin: %ld\n", r);
	if (r == 0) { /* a terminal: set what we got, read it back the same */
		char again[44];
		r = SYS3(ioctl, 0, TIOCSETA, tio);
		r = r ? r : SYS3(ioctl, 0, TIOCGETA, again);
		check(r == 0 && memcmp(tio, again, sizeof tio) == 0, "TIOCSETA round trip", r);
		unsigned short ws[4];
		r = SYS3(ioctl, 0, TIOCGWINSZ, ws);
		check(r == 0, "TIOCGWINSZ", r);
	}

	long fd2 = SYS3(open, p, O_RDONLY | O_EXLOCK | O_NONBLOCK, 0);
	check(fd2 >= 0, "open O_EXLOCK", fd2);
	r = SYS3(open, p, O_RDONLY | O_SHLOCK | O_NONBLOCK, 0);
	check(r == -EAGAIN, "second open O_SHLOCK|O_NONBLOCK is EAGAIN", r);
	SYS1(close, fd2);
	r = SYS3(open, p, O_RDONLY | O_SHLOCK | O_NONBLOCK, 0);
	check(r >= 0, "after close O_SHLOCK succeeds", r);
	SYS1(close, r);

	r = SYS2(symlink, "file", in_dir(q, "link"));
	check(r == 0, "symlink", r);
	char lbuf[64] = {0};
	r = SYS3(readlink, q, lbuf, sizeof lbuf);
	check(r == 4 && memcmp(lbuf, "file", 4) == 0, "readlink", r);
	r = SYS3(open, q, O_RDONLY | O_NOFOLLOW, 0);
	check(r == -EMLINK, "open O_NOFOLLOW on a symlink is EMLINK", r);
	r = SYS4(fstatat, AT_FDCWD, q, &st, AT_SYMLINK_NOFOLLOW);
	check(r == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "fstatat AT_SYMLINK_NOFOLLOW", r);
	r = SYS2(link, q, in_dir(p, "hard"));
	check(r == 0, "link through a symlink", r);
	r = SYS4(fstatat, AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW);
	check(r == 0 && (st.st_mode & S_IFMT) == S_IFREG && st.st_nlink == 2,
	      "link followed the symlink", r);
	r = SYS2(access, p, R_OK);
	check(r == 0, "access R_OK", r);
	r = SYS2(access, p, 0x10);
	check(r == -EINVAL, "access bad mode is EINVAL", r);
	r = SYS2(access, p, X_OK);
	check(r < 0, "access X_OK on 0640", r);
	r = SYS3(open, p, O_EXEC, 0);
	check(r < 0, "open O_EXEC needs execute permission", r);
	r = SYS2(rename, p, in_dir(q, "hard2"));
	check(r == 0, "rename", r);
	r = SYS1(unlink, q);
	check(r == 0, "unlink", r);
	r = SYS1(unlink, dir);
	check(r == -EPERM, "unlink a directory is EPERM", r);

	struct timespec ts[2] = {{1000000000, 5}, {0, UTIME_OMIT}};
	r = SYS4(utimensat, AT_FDCWD, in_dir(p, "file"), ts, 0);
	r = r ? r : SYS4(fstatat, AT_FDCWD, p, &st, 0);
	check(r == 0 && st.st_atim.tv_sec == 1000000000 && st.st_atim.tv_nsec == 5,
	      "utimensat with UTIME_OMIT", r);
	ts[0].tv_nsec = UTIME_NOW;
	r = SYS2(futimens, fd, ts);
	check(r == 0, "futimens UTIME_NOW", r);
	r = SYS3(posix_fallocate, fd, 0, -1);
	check(r == EINVAL, "posix_fallocate returns its error", r);
	r = SYS4(posix_fadvise, fd, 0, 0, 2);
	check(r == 0, "posix_fadvise", r);
	r = SYS2(ftruncate, fd, 3);
	check(r == 0 && SYS3(lseek, fd, 0, SEEK_END) == 3, "ftruncate", r);
	SYS1(close, fd);
}

/* Reads the scratch directory with getdirentries, count bytes at a time. */
static int count_entries(long count, int old, int *files)
{
	char buf[4096];
	long fd = SYS3(open, dir, O_RDONLY | O_DIRECTORY, 0);
	int entries = 0;
	long base = -1, r, prev_base = -1;
	*files = 0;
	for (;;) {
		r = old ? SYS4(freebsd11_getdirentries, fd, buf, count, &base)
			: SYS4(getdirentries, fd, buf, count, &base);
		if (r <= 0)
			break;
		if (base == prev_base) {
			mini_printf("     base did not move: %ld\n", base);
			entries = -1000;
		}
		prev_base = base;
		for (long pos = 0; pos < r;) {
			unsigned short reclen;
			unsigned char type;
			const char *name;
			if (old) {
				reclen = *(unsigned short *)(buf + pos + 4);
				type = (unsigned char)buf[pos + 6];
				name = buf + pos + 8;
			} else {
				reclen = *(unsigned short *)(buf + pos + 16);
				type = (unsigned char)buf[pos + 18];
				name = buf + pos + 24;
			}
			if (reclen == 0 || reclen % (old ? 4 : 8) != 0) {
				mini_printf("     bad reclen %u\n", reclen);
				return -1;
			}
			entries++;
			if (name[0] == 'n' && type == DT_REG)
				(*files)++;
			pos += reclen;
		}
	}
	SYS1(close, fd);
	return r < 0 ? (int)r : entries;
}

static void probe_dirs(void)
{
	char p[512], name[300];
	/* names of every length 1..200 so that records end at every offset */
	for (int i = 1; i <= 200; i++) {
		for (int j = 0; j < i; j++)
			name[j] = "nabcdefghijklmnopqrstuvwxyz"[j == 0 ? 0 : 1 + (i + j) % 26];
		name[i] = 0;
		long fd = SYS4(open, in_dir(p, name), O_CREAT | O_WRONLY, 0600, 0);
		SYS1(close, fd);
	}
	int files;
	static const long sizes[] = {256, 300, 512, 777, 4096};
	for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int n = count_entries(sizes[s], 0, &files);
		mini_printf("     getdirentries(%ld): %d entries, %d files\n", sizes[s], n, files);
		check(files == 200, "getdirentries sees every file once", n);
		n = count_entries(sizes[s], 1, &files);
		check(files == 200, "freebsd11_getdirentries sees every file once", n);
	}
	char tiny[16];
	long fd = SYS3(open, dir, O_RDONLY, 0);
	long base;
	long r = SYS4(getdirentries, fd, tiny, sizeof tiny, &base);
	check(r == -EINVAL, "getdirentries with a tiny buffer is EINVAL", r);
	SYS1(close, fd);
	for (int i = 1; i <= 200; i++) {
		for (int j = 0; j < i; j++)
			name[j] = "nabcdefghijklmnopqrstuvwxyz"[j == 0 ? 0 : 1 + (i + j) % 26];
		name[i] = 0;
		SYS3(unlinkat, AT_FDCWD, in_dir(p, name), 0);
	}
}

static void probe_beneath(void)
{
	struct stat st;
	long dfd = SYS3(open, dir, O_RDONLY | O_DIRECTORY, 0);
	long r = SYS4(fstatat, dfd, "file", &st, AT_RESOLVE_BENEATH);
	check(r == 0, "fstatat AT_RESOLVE_BENEATH inside", r);
	r = SYS4(fstatat, dfd, "../", &st, AT_RESOLVE_BENEATH);
	check(r < 0, "fstatat AT_RESOLVE_BENEATH outside fails", r);
	r = SYS4(openat, dfd, "file", O_RDONLY | O_RESOLVE_BENEATH, 0);
	check(r >= 0, "openat O_RESOLVE_BENEATH inside", r);
	SYS1(close, r);
	r = SYS4(openat, dfd, "/etc/passwd", O_RDONLY | O_RESOLVE_BENEATH, 0);
	check(r < 0, "openat O_RESOLVE_BENEATH absolute fails", r);
	long pfd = SYS4(openat, dfd, "file", O_PATH, 0);
	check(pfd >= 0, "openat O_PATH", pfd);
	r = SYS4(openat, pfd, "", O_RDONLY | O_EMPTY_PATH, 0);
	check(r >= 0, "openat O_EMPTY_PATH reopens an O_PATH descriptor", r);
	char c;
	check(SYS3(read, r, &c, 1) == 1, "and it reads", 1);
	SYS1(close, r);
	r = SYS4(faccessat, pfd, "", R_OK, AT_EMPTY_PATH | AT_RESOLVE_BENEATH);
	check(r == 0, "faccessat AT_EMPTY_PATH|AT_RESOLVE_BENEATH", r);
	SYS1(close, pfd);
	char p[512];
	r = SYS4(openat, dfd, "gone", O_CREAT | O_WRONLY, 0600);
	SYS1(close, r);
	r = SYS3(unlinkat, dfd, "gone", AT_RESOLVE_BENEATH);
	check(r == 0 && SYS2(access, in_dir(p, "gone"), F_OK) < 0, "unlinkat AT_RESOLVE_BENEATH",
	      r);
	r = SYS5(linkat, dfd, "file", dfd, "file2", AT_RESOLVE_BENEATH);
	check(r == 0, "linkat AT_RESOLVE_BENEATH", r);
	SYS3(unlinkat, dfd, "file2", 0);
	SYS1(close, dfd);
}

static void probe_descriptors(void)
{
	char cwd[1024];
	long r = SYS2(__getcwd, cwd, sizeof cwd);
	check(r == 0 && cwd[0] == '/', "__getcwd", r);
	r = SYS2(__getcwd, cwd, 2);
	check(r == -ENOMEM, "__getcwd too small is ENOMEM", r);
	long dfd = SYS3(open, dir, O_RDONLY | O_DIRECTORY, 0);
	r = SYS1(fchdir, dfd);
	char here[1024];
	r = r ? r : SYS2(__getcwd, here, sizeof here);
	check(r == 0 && mini_strcmp(here, dir) == 0, "fchdir then __getcwd", r);
	SYS1(chdir, cwd);
	SYS1(close, dfd);
	int fds[2];
	r = SYS2(pipe2, fds, O_CLOEXEC);
	check(r == 0 && SYS3(fcntl, fds[0], F_GETFD, 0) == FD_CLOEXEC, "pipe2 O_CLOEXEC", r);
	r = SYS2(pipe2, fds, O_APPEND);
	check(r == -EINVAL, "pipe2 O_APPEND is EINVAL", r);
	r = SYS2(dup2, 0, 100000);
	check(r == -EBADF, "dup2 beyond the limit is EBADF", r);
	long d = SYS1(dup, 1);
	r = SYS3(close_range, (unsigned)d, (unsigned)d, 0);
	check(r == 0 && SYS1(close, d) == -EBADF, "close_range", r);
	r = SYS3(close_range, 10, 5, 0);
	check(r == -EINVAL, "close_range high < low is EINVAL", r);
	r = SYS1(freebsd12_closefrom, 3);
	check(r == 0, "closefrom(3)", r);
	r = SYS1(close, fds[0]);
	check(r == -EBADF, "closefrom closed the pipe", r);
	/* xeno's own descriptors sit at the top: the guest cannot touch them */
	int visible = 0;
	for (int fd = 1024; fd < 70000; fd++)
		if (SYS3(fcntl, fd, F_GETFD, 0) >= 0 || SYS1(close, fd) != -EBADF)
			visible++;
	check(visible == 0, "no descriptor visible from 1024 up", visible);
	char c;
	struct stat st;
	check(SYS3(read, -1, &c, 1) == -EBADF, "read(-1) is EBADF", -EBADF);
	check(SYS2(fstat, AT_FDCWD, &st) == -EBADF, "fstat(AT_FDCWD) is EBADF", -EBADF);
	check(SYS2(futimens, AT_FDCWD, 0) == -EBADF, "futimens(AT_FDCWD) is EBADF", -EBADF);
	check(SYS3(fcntl, AT_FDCWD, 15, 0) == -EBADF, "fcntl(AT_FDCWD, F_READAHEAD) is EBADF",
	      -EBADF);
	r = SYS3(mkdirat, AT_FDCWD, dir, 0700);
	check(r == -EEXIST, "mkdirat existing is EEXIST", r);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	/* A scratch directory of this process's own, so that runs side by side
	 * (tests of several trees at once) do not meet. */
	static char cwd[200];
	const char *base = mini_getenv("FSPROBE_DIR");
	if (!base)
		/* absolute, since checks compare it with __getcwd */
		base = SYS2(__getcwd, cwd, sizeof cwd) == 0 ? cwd : "/tmp";
	size_t n = mini_strlen(base);
	memcpy(dir, base, n);
	memcpy(dir + n, "/xeno-fsprobe-", 14);
	n += 14;
	char digits[24];
	int k = 0;
	for (long pid = SYS0(getpid); pid > 0 && k < 20; pid /= 10)
		digits[k++] = (char)('0' + pid % 10);
	while (k > 0)
		dir[n++] = digits[--k];
	dir[n] = '\0';
	SYS2(mkdir, dir, 0700);
	probe_files();
	probe_dirs();
	probe_beneath();
	probe_descriptors();
	char p[512];
	SYS1(unlink, in_dir(p, "file"));
	SYS1(unlink, in_dir(p, "link"));
	long r = SYS1(rmdir, dir);
	check(r == 0, "rmdir the scratch directory", r);
	mini_printf("%d failed\n", failures);
	return failures;
}
