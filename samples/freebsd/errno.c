/*
 * Makes calls that must fail, and checks that each fails with the error a
 * FreeBSD kernel gives.  One line per call: what was called, the errno name
 * it returned, and "ok", or what was expected instead.  Exit status 0 only if
 * every line says ok.  The scratch files go into DIRECTORY, which must exist.
 *
 *   errno DIRECTORY
 *
 * The error numbers are FreeBSD's (sys/sys/errno.h): EAGAIN is 35, ENOTEMPTY
 * 66, ENOSYS 78; the names come from mini_errname.
 */
#include "mini.h"

/* sys/sys/syslimits.h: PATH_MAX is 1024 on FreeBSD. */
#define LONG_PATH 2000

static const char *scratch;
static int failures;

/* scratch/name in a static buffer (one at a time is all the checks need). */
static const char *path(const char *name)
{
	static char buf[1024];
	mini_strlcpy(buf, scratch, sizeof buf);
	mini_strlcat(buf, "/", sizeof buf);
	mini_strlcat(buf, name, sizeof buf);
	return buf;
}

static void expect(const char *what, long r, const char *want)
{
	failures += !mini_expect_error(what, r, want);
}

/* A step of the set-up or clean-up that must work. */
static long must(const char *what, long r)
{
	if (r < 0) {
		mini_printf("%s failed: %s\n", what, mini_errname(-r));
		failures++;
	}
	return r;
}

static void set_up(void)
{
	long fd = must("set-up: open(file)",
		       SYS3(open, path("file"), O_WRONLY | O_CREAT | O_TRUNC, 0644));
	if (fd >= 0) {
		must("set-up: write(file)", SYS3(write, fd, "some bytes\n", 11));
		SYS1(close, fd);
	}
	must("set-up: mkdir(dir)", SYS2(mkdir, path("dir"), 0755));
	fd = must("set-up: open(dir/inner)",
		  SYS3(open, path("dir/inner"), O_WRONLY | O_CREAT, 0644));
	if (fd >= 0)
		SYS1(close, fd);
	must("set-up: symlink(link)", SYS2(symlink, "file", path("link")));
	if (failures)
		mini_exit(2);
}

static void paths(void)
{
	expect("open(missing)", SYS3(open, path("missing"), O_RDONLY, 0), "ENOENT");
	expect("open(existing, O_CREAT|O_EXCL)",
	       SYS3(open, path("file"), O_WRONLY | O_CREAT | O_EXCL, 0644), "EEXIST");
	expect("mkdir(existing)", SYS2(mkdir, path("dir"), 0755), "EEXIST");
	expect("open(file/below)", SYS3(open, path("file/below"), O_RDONLY, 0), "ENOTDIR");
	expect("open(file, O_DIRECTORY)", SYS3(open, path("file"), O_RDONLY | O_DIRECTORY, 0),
	       "ENOTDIR");
	expect("open(dir, O_WRONLY)", SYS3(open, path("dir"), O_WRONLY, 0), "EISDIR");
	expect("rmdir(non-empty)", SYS1(rmdir, path("dir")), "ENOTEMPTY");
	/* sys/kern/vfs_vnops.c vn_open_vnode: a symbolic link reached with
	 * O_NOFOLLOW is EMLINK on FreeBSD (Linux says ELOOP). */
	expect("open(symlink, O_NOFOLLOW)", SYS3(open, path("link"), O_RDONLY | O_NOFOLLOW, 0),
	       "EMLINK");
	/* Short components, so that only the whole path's length is too long
	 * (Linux would still accept it: its PATH_MAX is 4096). */
	static char long_path[LONG_PATH + 1];
	for (int i = 0; i < LONG_PATH; i++)
		long_path[i] = i % 2 ? '/' : 'a';
	expect("open(2000-byte path)", SYS3(open, long_path, O_RDONLY, 0), "ENAMETOOLONG");
	expect("open(NULL)", SYS3(open, NULL, O_RDONLY, 0), "EFAULT");
}

static void descriptors(void)
{
	long fd = must("open(file)", SYS3(open, path("file"), O_RDWR, 0));
	if (fd < 0)
		return;
	expect("lseek(whence 99)", SYS3(lseek, fd, 0, 99), "EINVAL");
	expect("read(into address 1)", SYS3(read, fd, 1, 10), "EFAULT");
	expect("write(from NULL, 10 bytes)", SYS3(write, fd, NULL, 10), "EFAULT");
	SYS1(close, fd);
	expect("close(closed descriptor)", SYS1(close, fd), "EBADF");

	int pipefd[2];
	if (must("pipe2(O_NONBLOCK)", SYS2(pipe2, pipefd, O_NONBLOCK)) < 0)
		return;
	char c;
	expect("lseek(pipe)", SYS3(lseek, pipefd[0], 0, SEEK_SET), "ESPIPE");
	expect("read(empty non-blocking pipe)", SYS3(read, pipefd[0], &c, 1), "EAGAIN");
	SYS1(close, pipefd[0]);
	SYS1(close, pipefd[1]);
}

static void others(void)
{
	/* sys/vm/vm_mmap.c kern_mmap: length 0 is EINVAL for programs newer
	 * than P_OSREL_MAP_ANON, as the ABI note says this one is. */
	expect("mmap(length 0)", SYS6(mmap, NULL, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0),
	       "EINVAL");
	/* kldload(2) loads a kernel module: something xeno will never do. */
	expect("kldload(unimplemented)", SYS1(kldload, "/boot/kernel/xeno.ko"), "ENOSYS");
	/* sys/kern/vfs_cache.c sys___getcwd: a buffer under 2 bytes is EINVAL,
	 * one too short for the path ENOMEM (getcwd(3) in libc, not the kernel,
	 * is what reports ERANGE).  The 2-byte case assumes the current
	 * directory is not "/". */
	char cwd[2];
	expect("__getcwd(1-byte buffer)", SYS2(__getcwd, cwd, 1), "EINVAL");
	expect("__getcwd(2-byte buffer)", SYS2(__getcwd, cwd, 2), "ENOMEM");
	/* sys/kern/kern_prot.c sys_getlogin: the name and its NUL never fit in
	 * 0 bytes. */
	char login[1];
	expect("getlogin(0-byte buffer)", SYS2(getlogin, login, 0), "ERANGE");
}

static void clean_up(void)
{
	must("clean-up: unlink(link)", SYS1(unlink, path("link")));
	must("clean-up: unlink(dir/inner)", SYS1(unlink, path("dir/inner")));
	must("clean-up: rmdir(dir)", SYS1(rmdir, path("dir")));
	must("clean-up: unlink(file)", SYS1(unlink, path("file")));
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc != 2) {
		mini_dprintf(2, "usage: errno DIRECTORY\n");
		return 2;
	}
	scratch = argv[1];
	set_up();
	paths();
	descriptors();
	others();
	clean_up();
	return failures ? 1 : 0;
}
