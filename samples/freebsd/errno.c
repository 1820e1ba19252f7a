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
	/* sys/kern/vfs_vnops.c vn_open_vnode: a symbolic link reached with
	 * O_NOFOLLOW is EMLINK on FreeBSD (Linux says ELOOP). */
	mini_expect_error("open(symlink, O_NOFOLLOW)",
			  SYS3(open, mini_scratch_path("link"), O_RDONLY | O_NOFOLLOW, 0),
			  "EMLINK");
	/* Short components, so that only the whole path's length is too long
	 * (Linux would still accept it: its PATH_MAX is 4096). */
	static char long_path[LONG_PATH + 1];
	for (int i = 0; i < LONG_PATH; i++)
		long_path[i] = i % 2 ? '/' : 'a';
	mini_expect_error("open(2000-byte path)", SYS3(open, long_path, O_RDONLY, 0),
			  "ENAMETOOLONG");
	mini_expect_error("open(NULL)", SYS3(open, NULL, O_RDONLY, 0), "EFAULT");
}

static void descriptors(void)
{
	long fd = must("open(file)", SYS3(open, mini_scratch_path("file"), O_RDWR, 0));
	if (fd < 0)
		return;
	mini_expect_error("lseek(whence 99)", SYS3(lseek, fd, 0, 99), "EINVAL");
	mini_expect_error("read(into address 1)", SYS3(read, fd, 1, 10), "EFAULT");
	mini_expect_error("write(from NULL, 10 bytes)", SYS3(write, fd, NULL, 10), "EFAULT");
	SYS1(close, fd);
	mini_expect_error("close(closed descriptor)", SYS1(close, fd), "EBADF");

	int pipefd[2];
	if (must("pipe2(O_NONBLOCK)", SYS2(pipe2, pipefd, O_NONBLOCK)) < 0)
		return;
	char c;
	mini_expect_error("lseek(pipe)", SYS3(lseek, pipefd[0], 0, SEEK_SET), "ESPIPE");
	mini_expect_error("read(empty non-blocking pipe)", SYS3(read, pipefd[0], &c, 1), "EAGAIN");
	SYS1(close, pipefd[0]);
	SYS1(close, pipefd[1]);
}

static void others(void)
{
	/* sys/vm/vm_mmap.c kern_mmap: length 0 is EINVAL for programs newer
	 * than P_OSREL_MAP_ANON, as the ABI note says this one is. */
	mini_expect_error("mmap(length 0)",
			  SYS6(mmap, NULL, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0), "EINVAL");
	/* kldload(2) loads a kernel module: something xeno will never do. */
	mini_expect_error("kldload(unimplemented)", SYS1(kldload, "/boot/kernel/xeno.ko"),
			  "ENOSYS");
	/* sys/kern/vfs_cache.c sys___getcwd: a buffer under 2 bytes is EINVAL,
	 * one too short for the path ENOMEM (getcwd(3) in libc, not the kernel,
	 * is what reports ERANGE).  The 2-byte case assumes the current
	 * directory is not "/". */
	char cwd[2];
	mini_expect_error("__getcwd(1-byte buffer)", SYS2(__getcwd, cwd, 1), "EINVAL");
	mini_expect_error("__getcwd(2-byte buffer)", SYS2(__getcwd, cwd, 2), "ENOMEM");
	/* sys/kern/kern_prot.c sys_getlogin: the name and its NUL never fit in
	 * 0 bytes. */
	char login[1];
	mini_expect_error("getlogin(0-byte buffer)", SYS2(getlogin, login, 0), "ERANGE");
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
