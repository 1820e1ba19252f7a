/*
 * Makes calls that must fail, and checks that each fails with the error a
 * NetBSD kernel gives.  One line per call: what was called, the errno name
 * it returned, and "ok", or what was expected instead.  Exit status 0 only if
 * every line says ok.  The scratch files go into DIRECTORY, which must exist.
 *
 *   errno DIRECTORY
 *
 * The error numbers are NetBSD's (sys/sys/errno.h): EAGAIN is 35, ENOSYS
 * 78, EFTYPE 79; the names come from mini_errname.
 */
#include "mini.h"

/* sys/sys/syslimits.h: PATH_MAX is 1024 on NetBSD. */
#define LONG_PATH 2000

/* A step of the set-up or clean-up that must work. */
static long must(const char *what, long r)
{
	if (r < 0) {
		mini_printf("%s failed: %s\n", what, mini_errname(-r));
		mini_failures++;
	}
	return r;
}

static void set_up(void)
{
	long fd = must("set-up: open(file)",
		       SYS3(open, mini_scratch_path("file"), O_WRONLY | O_CREAT | O_TRUNC, 0644));
	if (fd >= 0) {
		must("set-up: write(file)", SYS3(write, fd, "some bytes\n", 11));
		SYS1(close, fd);
	}
	must("set-up: mkdir(dir)", SYS2(mkdir, mini_scratch_path("dir"), 0755));
	fd = must("set-up: open(dir/inner)",
		  SYS3(open, mini_scratch_path("dir/inner"), O_WRONLY | O_CREAT, 0644));
	if (fd >= 0)
		SYS1(close, fd);
	must("set-up: symlink(link)", SYS2(symlink, "file", mini_scratch_path("link")));
	if (mini_failures)
		mini_exit(2);
}

static void paths(void)
{
	mini_expect_error("open(missing)", SYS3(open, mini_scratch_path("missing"), O_RDONLY, 0),
			  "ENOENT");
	mini_expect_error("open(existing, O_CREAT|O_EXCL)",
			  SYS3(open, mini_scratch_path("file"), O_WRONLY | O_CREAT | O_EXCL, 0644),
			  "EEXIST");
	mini_expect_error("mkdir(existing)", SYS2(mkdir, mini_scratch_path("dir"), 0755), "EEXIST");
	mini_expect_error("open(file/below)",
			  SYS3(open, mini_scratch_path("file/below"), O_RDONLY, 0), "ENOTDIR");
	mini_expect_error("open(file, O_DIRECTORY)",
			  SYS3(open, mini_scratch_path("file"), O_RDONLY | O_DIRECTORY, 0),
			  "ENOTDIR");
	mini_expect_error("open(dir, O_WRONLY)", SYS3(open, mini_scratch_path("dir"), O_WRONLY, 0),
			  "EISDIR");
	mini_expect_error("rmdir(non-empty)", SYS1(rmdir, mini_scratch_path("dir")), "ENOTEMPTY");
	/* sys/kern/vfs_vnops.c vn_open: a symbolic link reached with
	 * O_NOFOLLOW is EFTYPE on NetBSD (FreeBSD says EMLINK, Linux ELOOP). */
	mini_expect_error("open(symlink, O_NOFOLLOW)",
			  SYS3(open, mini_scratch_path("link"), O_RDONLY | O_NOFOLLOW, 0),
			  "EFTYPE");
	static char long_path[LONG_PATH + 1];
	for (int i = 0; i < LONG_PATH; i++)
		long_path[i] = i % 2 ? '/' : 'a';
	mini_expect_error("open(2000-byte path)", SYS3(open, long_path, O_RDONLY, 0),
			  "ENAMETOOLONG");
	mini_expect_error("open(NULL)", SYS3(open, NULL, O_RDONLY, 0), "EFAULT");
	struct {
		char bytes[152];
	} st;
	mini_expect_error("__stat50(missing)", SYS2(__stat50, mini_scratch_path("missing"), &st),
			  "ENOENT");
}

static void descriptors(void)
{
	long fd = must("open(file)", SYS3(open, mini_scratch_path("file"), O_RDWR, 0));
	if (fd < 0)
		return;
	/* lseek(fd, pad, offset, whence): the padding slot of the 4.4BSD
	 * 64-bit offset calls */
	mini_expect_error("lseek(whence 99)", SYS4(lseek, fd, 0, 0, 99), "EINVAL");
	mini_expect_error("read(into address 1)", SYS3(read, fd, 1, 10), "EFAULT");
	mini_expect_error("write(from NULL, 10 bytes)", SYS3(write, fd, NULL, 10), "EFAULT");
	SYS1(close, fd);
	mini_expect_error("close(closed descriptor)", SYS1(close, fd), "EBADF");
	mini_expect_error("dup3(closed, 9, 0)", SYS3(__dup3100, fd, 9, 0), "EBADF");
	mini_expect_error("dup3(0, 9, O_APPEND)", SYS3(__dup3100, 0, 9, O_APPEND), "EINVAL");

	int pipefd[2];
	if (must("pipe2(O_NONBLOCK)", SYS2(pipe2, pipefd, O_NONBLOCK)) < 0)
		return;
	char c;
	mini_expect_error("lseek(pipe)", SYS4(lseek, pipefd[0], 0, 0, SEEK_SET), "ESPIPE");
	mini_expect_error("read(empty non-blocking pipe)", SYS3(read, pipefd[0], &c, 1), "EAGAIN");
	SYS1(close, pipefd[0]);
	SYS1(close, pipefd[1]);
}

static void others(void)
{
	mini_expect_error(
	    "mmap(MAP_SHARED|MAP_PRIVATE)",
	    SYS7(mmap, NULL, 4096, PROT_READ, MAP_ANON | MAP_SHARED | MAP_PRIVATE, -1, 0, 0),
	    "EINVAL");
	/* modctl(2) loads a kernel module: something xeno will never do. */
	mini_expect_error("modctl(unimplemented)", SYS2(modctl, 0, NULL), "ENOSYS");
	char cwd[2];
	mini_expect_error("__getcwd(1-byte buffer)", SYS2(__getcwd, cwd, 1), "ERANGE");
	/* sys/kern/sys_lwp.c: an LWP that does not exist */
	mini_expect_error("_lwp_kill(no such LWP)", SYS2(_lwp_kill, 999999, 0), "ESRCH");
	mini_expect_error("_lwp_wakeup(not parked)", SYS1(_lwp_wakeup, SYS0(_lwp_self)), "ENODEV");
	/* sys/kern/sys_sig.c sigaction1: a handler needs a trampoline */
	struct sigaction sa = {.handler = (void *)others};
	mini_expect_error(
	    "__sigaction_sigtramp(no trampoline)",
	    SYS5(__sigaction_sigtramp, SIGUSR1, &sa, NULL, NULL, SIGTRAMP_SIGINFO_VERSION),
	    "EINVAL");
}

static void clean_up(void)
{
	must("clean-up: unlink(link)", SYS1(unlink, mini_scratch_path("link")));
	must("clean-up: unlink(dir/inner)", SYS1(unlink, mini_scratch_path("dir/inner")));
	must("clean-up: rmdir(dir)", SYS1(rmdir, mini_scratch_path("dir")));
	must("clean-up: unlink(file)", SYS1(unlink, mini_scratch_path("file")));
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	mini_scratch_dir(argc, argv, "errno");
	set_up();
	paths();
	descriptors();
	others();
	clean_up();
	return mini_failures ? 1 : 0;
}
