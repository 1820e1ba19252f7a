/*
 * badptr: hands bad pointers to every class of system call and checks that
 * each fails with EFAULT, as a FreeBSD kernel's copyin/copyout make it fail,
 * and that the process lives on.  The bad pointers: NULL, an unmapped page,
 * a read-only page (for calls that write), an object or string whose last
 * byte lies on an unmapped page, and addresses in the kernel half (and past
 * the end of user space).  One line per check, "call(what): EFAULT ok" (or
 * what FreeBSD answers instead, said in the line and in a comment here);
 * the last line is "N failed", and the exit status is 0 only if none did.
 *
 *   badptr DIRECTORY     (scratch files go there; it must exist)
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h: sys/sys/_clock_id.h, sys/sys/sysctl.h */
#define CLOCK_REALTIME	    0
#define CTL_SYSCTL	    0
#define CTL_SYSCTL_NAME2OID 3

/* Sizes of the structures the calls write (FreeBSD/amd64). */
#define STAT_SIZE     224 /* struct stat since FreeBSD 12 */
#define TIMESPEC_SIZE 16
#define SIGSET_SIZE   16
#define RLIMIT_SIZE   16
#define KEVENT_SIZE   64 /* struct kevent since FreeBSD 12 */
#define IOVEC_SIZE    16

/* Addresses no user pointer reaches: the kernel half, the first address
 * past user space (VM_MAXUSER_ADDRESS), and the top page. */
#define KERNEL	 0xffff800000000000UL
#define USER_END 0x0000800000000000UL
#define TOP	 0xfffffffffffff000UL

static char *area;     /* a read-write page, an unmapped one, a read-only one */
static long hole;      /* the unmapped page */
static long read_only; /* the read-only page */

/* An object of n bytes whose last byte is the first of the unmapped page. */
static long edge(long n)
{
	return hole - n + 1;
}

/* "arg what" in one of a few rotating buffers. */
static const char *on(const char *arg, const char *what)
{
	static char bufs[4][64];
	static unsigned next;
	char *b = bufs[next++ % 4];
	mini_strlcpy(b, arg, sizeof bufs[0]);
	mini_strlcat(b, " ", sizeof bufs[0]);
	mini_strlcat(b, what, sizeof bufs[0]);
	return b;
}

static void efault(const char *call, const char *what, long r)
{
	mini_expect_call_error(call, what, r, "EFAULT");
}

static void succeeds(const char *call, const char *what, long r)
{
	if (r < 0)
		mini_printf("%s(%s): %s, expected success\n", call, what, mini_errname(-r));
	else
		mini_printf("%s(%s): %ld ok\n", call, what, r);
	mini_failures += r < 0;
}

/* A transfer whose buffer runs into the unmapped page after n good bytes.
 * FreeBSD's uiomove stops at the fault and the call reports EFAULT
 * (sys/kern/sys_generic.c dofileread/dofilewrite clear only EINTR, ERESTART
 * and EWOULDBLOCK after a partial transfer); Linux reports the n bytes it
 * moved.  Either is a faithful account of what happened: xeno passes the
 * host's on. */
static void partial(const char *call, long r, long n)
{
	int ok = r == -14 /* EFAULT */ || r == n;
	mini_printf("%s(last byte unmapped): %s\n", call,
		    ok ? "EFAULT or short count ok" : "unexpected result");
	if (!ok)
		mini_printf("  got %ld\n", r);
	mini_failures += !ok;
}

/* A string that runs off the mapped page: three letters, then the hole. */
static long runaway_string(void)
{
	char *s = (char *)hole - 3;
	s[0] = s[1] = s[2] = 'x';
	return (long)s;
}

static long file_fd;

static void paths(void)
{
	struct {
		const char *name;
		long addr;
	} bad[] = {
	    {"NULL", 0},
	    {"unmapped", hole},
	    {"string into unmapped page", runaway_string()},
	    {"kernel half", (long)KERNEL},
	    {"end of user space", (long)USER_END},
	    {"top page", (long)TOP},
	};
	char sb[STAT_SIZE];
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long p = bad[i].addr;
		efault("open", bad[i].name, SYS3(open, p, O_RDONLY, 0));
		efault("fstatat", bad[i].name, SYS4(fstatat, AT_FDCWD, p, sb, 0));
		efault("freebsd11_stat", bad[i].name, SYS2(freebsd11_stat, p, sb));
		efault("freebsd11_lstat", bad[i].name, SYS2(freebsd11_lstat, p, sb));
		efault("mkdir", bad[i].name, SYS2(mkdir, p, 0755));
		efault("readlink", on("path", bad[i].name), SYS3(readlink, p, sb, sizeof sb));
		efault("access", bad[i].name, SYS2(access, p, 0));
		efault("chdir", bad[i].name, SYS1(chdir, p));
		efault("unlink", bad[i].name, SYS1(unlink, p));
		efault("rename", bad[i].name, SYS2(rename, p, mini_scratch_path("nowhere")));
		efault("symlink", bad[i].name, SYS2(symlink, "target", p));
		efault("truncate", bad[i].name, SYS2(truncate, p, 0));
	}
	/* the buffers readlink and __getcwd fill */
	const char *link = mini_scratch_path("link");
	char lp[1024];
	mini_strlcpy(lp, link, sizeof lp);
	SYS2(symlink, "a-target-longer-than-four-bytes", lp);
	efault("readlink", on("buffer", "NULL"), SYS3(readlink, lp, 0, 64));
	efault("readlink", on("buffer", "read-only"), SYS3(readlink, lp, read_only, 64));
	efault("readlink", on("buffer", "kernel half"), SYS3(readlink, lp, KERNEL, 64));
	efault("readlink", on("buffer", "4 bytes before unmapped page"),
	       SYS3(readlink, lp, hole - 4, 64));
	SYS1(unlink, lp);
	/* sys/kern/vfs_cache.c kern___getcwd: a NULL buffer is EFAULT at the
	 * copyout (the libc getcwd(NULL) allocates before calling). */
	efault("__getcwd", "NULL", SYS2(__getcwd, 0, 1024));
	efault("__getcwd", "read-only", SYS2(__getcwd, read_only, 1024));
	efault("__getcwd", "kernel half", SYS2(__getcwd, KERNEL, 1024));
	efault("__getcwd", "4 bytes before unmapped page", SYS2(__getcwd, hole - 4, 1024));
}

static void buffers(void)
{
	efault("read", "into NULL", SYS3(read, file_fd, 0, 16));
	efault("read", "into read-only page", SYS3(read, file_fd, read_only, 16));
	efault("read", "into unmapped page", SYS3(read, file_fd, hole, 16));
	efault("read", "into kernel half", SYS3(read, file_fd, KERNEL, 16));
	SYS3(lseek, file_fd, 0, SEEK_SET);
	partial("read", SYS3(read, file_fd, hole - 8, 16), 8);
	long out = SYS3(open, mini_scratch_path("out"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	efault("write", "from NULL", SYS3(write, out, 0, 16));
	efault("write", "from unmapped page", SYS3(write, out, hole, 16));
	efault("write", "from kernel half", SYS3(write, out, KERNEL, 16));
	partial("write", SYS3(write, out, hole - 8, 16), 8);
	efault("pread", "into read-only page", SYS4(pread, file_fd, read_only, 16, 0));
	efault("pwrite", "from kernel half", SYS4(pwrite, out, KERNEL, 16, 0));
	efault("getrandom", "into read-only page", SYS3(getrandom, read_only, 16, 0));
	SYS1(close, out);
	SYS1(unlink, mini_scratch_path("out"));
}

static void structs(void)
{
	long obj_at[] = {0, read_only, (long)KERNEL};
	const char *obj_name[] = {"NULL", "read-only", "kernel half"};
	for (unsigned i = 0; i < 3; i++) {
		long p = obj_at[i];
		const char *n = obj_name[i];
		efault("fstat", n, SYS2(fstat, file_fd, p));
		efault("clock_gettime", n, SYS2(clock_gettime, CLOCK_REALTIME, p));
		efault("getrlimit", n, SYS2(getrlimit, RLIMIT_NOFILE, p));
		if (p != 0) { /* NULL: the old value or the time is not wanted */
			efault("sigaction", on("oact", n), SYS3(sigaction, SIGUSR1, 0, p));
			efault("sigprocmask", on("oset", n), SYS3(sigprocmask, SIG_BLOCK, 0, p));
			efault("gettimeofday", n, SYS2(gettimeofday, p, 0));
		}
		efault("getrusage", n, SYS2(getrusage, 0, p));
		efault("sigpending", n, SYS1(sigpending, p));
		efault("thr_self", n, SYS1(thr_self, p));
		efault("pipe2", n, SYS2(pipe2, p, 0));
	}
	efault("fstat", "last byte unmapped", SYS2(fstat, file_fd, edge(STAT_SIZE)));
	efault("clock_gettime", "last byte unmapped",
	       SYS2(clock_gettime, CLOCK_REALTIME, edge(TIMESPEC_SIZE)));
	efault("getrlimit", "last byte unmapped",
	       SYS2(getrlimit, RLIMIT_NOFILE, edge(RLIMIT_SIZE)));
	/* the structures the calls read */
	efault("sigaction", on("act", "unmapped"), SYS3(sigaction, SIGUSR1, hole, 0));
	efault("sigaction", on("act", "kernel half"), SYS3(sigaction, SIGUSR1, KERNEL, 0));
	efault("sigaction", on("act", "last byte unmapped"), SYS3(sigaction, SIGUSR1, edge(32), 0));
	/* kern_sigaction with neither pointer only checks the signal. */
	succeeds("sigaction", "NULL act, NULL oact", SYS3(sigaction, SIGUSR1, 0, 0));
	efault("sigprocmask", on("set", "unmapped"), SYS3(sigprocmask, SIG_BLOCK, hole, 0));
	efault("sigprocmask", on("set", "last byte unmapped"),
	       SYS3(sigprocmask, SIG_BLOCK, edge(SIGSET_SIZE), 0));
	efault("sigsuspend", "kernel half", SYS1(sigsuspend, KERNEL));
	efault("nanosleep", "unmapped", SYS2(nanosleep, hole, 0));
	efault("sigaltstack", "kernel half", SYS2(sigaltstack, KERNEL, 0));
	efault("utimensat", on("times", "unmapped"),
	       SYS4(utimensat, AT_FDCWD, mini_scratch_path("file"), hole, 0));
	efault("fcntl", on("F_GETLK", "kernel half"), SYS3(fcntl, file_fd, F_GETLK, KERNEL));
	efault("cpuset_getaffinity", on("mask", "NULL"),
	       SYS5(cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, 128, 0));
	efault("cpuset_getaffinity", on("mask", "last byte unmapped"),
	       SYS5(cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, 128, edge(128)));
}

static void sysctls(void)
{
	int mib[2] = {CTL_KERN, KERN_OSTYPE};
	char old[64];
	size_t oldlen = sizeof old;
	efault("__sysctl", on("name", "NULL"), SYS6(__sysctl, 0, 2, old, &oldlen, 0, 0));
	efault("__sysctl", on("name", "kernel half"),
	       SYS6(__sysctl, KERNEL, 2, old, &oldlen, 0, 0));
	efault("__sysctl", on("old", "read-only"),
	       SYS6(__sysctl, mib, 2, read_only, &oldlen, 0, 0));
	efault("__sysctl", on("old", "kernel half"), SYS6(__sysctl, mib, 2, KERNEL, &oldlen, 0, 0));
	efault("__sysctl", on("oldlenp", "unmapped"), SYS6(__sysctl, mib, 2, old, hole, 0, 0));
	efault("__sysctl", on("oldlenp", "last byte unmapped"),
	       SYS6(__sysctl, mib, 2, old, edge(8), 0, 0));
	/* sysctl.name2oid reads the name from "new" */
	int n2o[2] = {CTL_SYSCTL, CTL_SYSCTL_NAME2OID};
	int oid[24];
	size_t oidlen = sizeof oid;
	efault("__sysctl", on("new", "unmapped"), SYS6(__sysctl, n2o, 2, oid, &oidlen, hole, 11));
	efault("__sysctlbyname", on("name", "kernel half"),
	       SYS6(__sysctlbyname, KERNEL, 11, old, &oldlen, 0, 0));
}

static void thr_start(void *arg)
{
	(void)arg;
	SYS1(thr_exit, 0);
}

static void threads(void)
{
	efault("thr_new", on("param", "NULL"), SYS2(thr_new, 0, sizeof(struct thr_param)));
	efault("thr_new", on("param", "last byte unmapped"),
	       SYS2(thr_new, edge(sizeof(struct thr_param)), sizeof(struct thr_param)));
	static char stack[16384] __attribute__((aligned(16)));
	struct thr_param p = {
	    .start_func = thr_start,
	    .stack_base = stack,
	    .stack_size = sizeof stack,
	    .child_tid = (long *)KERNEL,
	};
	/* kern_thr.c thread_create: the ids are stored before the thread
	 * runs; a bad address fails the call and the thread never runs. */
	efault("thr_new", on("child_tid", "kernel half"), SYS2(thr_new, &p, sizeof p));
	/* umtx_copyin_umtx_time reads the timeout before the word is looked at */
	unsigned word = 0;
	efault("_umtx_op", on("timeout", "unmapped"),
	       SYS5(_umtx_op, &word, UMTX_OP_WAIT_UINT_PRIVATE, 0, TIMESPEC_SIZE, hole));
	efault("_umtx_op", on("timeout", "kernel half"),
	       SYS5(_umtx_op, &word, UMTX_OP_WAIT_UINT_PRIVATE, 0, 24, KERNEL));
	efault("_umtx_op", on("WAIT obj", "NULL"), SYS5(_umtx_op, 0, UMTX_OP_WAIT, 0, 0, 0));
	efault("_umtx_op", on("WAIT_UINT obj", "kernel half"),
	       SYS5(_umtx_op, KERNEL, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0));
}

static void kevents(void)
{
	long kq = SYS0(kqueue);
	struct timespec zero = {0, 0};
	efault("kevent", on("changelist", "NULL"), SYS6(kevent, kq, 0, 1, 0, 0, &zero));
	efault("kevent", on("changelist", "kernel half"), SYS6(kevent, kq, KERNEL, 1, 0, 0, &zero));
	/* kqueue_kevent copies a batch in before it registers any of it */
	efault("kevent", on("changelist", "last byte unmapped"),
	       SYS6(kevent, kq, edge(KEVENT_SIZE), 1, 0, 0, &zero));
	efault("kevent", on("timeout", "unmapped"), SYS6(kevent, kq, 0, 0, 0, 0, hole));
	struct kevent ev = {.ident = 1, .filter = EVFILT_USER, .flags = EV_ADD | EV_CLEAR};
	SYS6(kevent, kq, &ev, 1, 0, 0, &zero);
	ev.flags = 0;
	ev.fflags = NOTE_TRIGGER;
	SYS6(kevent, kq, &ev, 1, 0, 0, &zero);
	efault("kevent", on("eventlist", "read-only"), SYS6(kevent, kq, 0, 0, read_only, 1, &zero));
	SYS6(kevent, kq, &ev, 1, 0, 0, &zero);
	efault("kevent", on("eventlist", "last byte unmapped"),
	       SYS6(kevent, kq, 0, 0, edge(KEVENT_SIZE), 1, &zero));
	SYS1(close, kq);
	efault("poll", "kernel half", SYS3(poll, KERNEL, 1, 0));
	efault("poll", "last byte unmapped", SYS3(poll, edge(8), 1, 0));
	struct {
		long sec, usec;
	} tv = {0, 0};
	efault("select", on("readfds", "unmapped"), SYS5(select, 1, hole, 0, 0, &tv));
	efault("select", on("timeout", "kernel half"), SYS5(select, 1, 0, 0, 0, KERNEL));
}

static void iovecs(void)
{
	char a[8];
	struct iovec good_then_kernel[2] = {{a, sizeof a}, {(void *)KERNEL, 8}};
	struct iovec null_base = {0, 16}, kernel_base = {(void *)KERNEL, 16};
	SYS3(lseek, file_fd, 0, SEEK_SET);
	efault("readv", on("iov", "NULL"), SYS3(readv, file_fd, 0, 1));
	efault("readv", on("iov", "kernel half"), SYS3(readv, file_fd, KERNEL, 1));
	efault("readv", on("iov", "last byte unmapped"), SYS3(readv, file_fd, edge(IOVEC_SIZE), 1));
	efault("readv", on("iov_base", "NULL"), SYS3(readv, file_fd, &null_base, 1));
	efault("readv", on("iov_base", "kernel half"), SYS3(readv, file_fd, &kernel_base, 1));
	/* FreeBSD fills the first and faults on the second: EFAULT. */
	efault("readv", on("second iov_base", "kernel half"),
	       SYS3(readv, file_fd, good_then_kernel, 2));
	struct iovec ro = {(void *)read_only, 16};
	efault("readv", on("iov_base", "read-only"), SYS3(readv, file_fd, &ro, 1));
	long out = SYS3(open, mini_scratch_path("out"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	struct iovec unmapped_base = {(void *)hole, 8};
	efault("writev", on("iov", "unmapped"), SYS3(writev, out, hole, 1));
	efault("writev", on("iov_base", "unmapped"), SYS3(writev, out, &unmapped_base, 1));
	efault("writev", on("iov_base", "kernel half"), SYS3(writev, out, &kernel_base, 1));
	efault("preadv", on("iov", "kernel half"), SYS4(preadv, file_fd, KERNEL, 1, 0));
	efault("pwritev", on("iov_base", "NULL"), SYS4(pwritev, out, &null_base, 1, 0));
	SYS1(close, out);
	SYS1(unlink, mini_scratch_path("out"));
}

static void sockets(void)
{
	long s = SYS3(socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in sin = {16, AF_INET, 0, 0x0100007f, {0}};
	unsigned len = sizeof sin;
	efault("bind", on("name", "NULL"), SYS3(bind, s, 0, 16));
	efault("bind", on("name", "kernel half"), SYS3(bind, s, KERNEL, 16));
	efault("bind", on("name", "last byte unmapped"), SYS3(bind, s, edge(16), 16));
	efault("connect", on("name", "unmapped"), SYS3(connect, s, hole, 16));
	SYS3(bind, s, &sin, sizeof sin);
	SYS2(listen, s, 1);
	/* kern_accept4 reads *anamelen before it waits */
	efault("accept", on("anamelen", "NULL"), SYS3(accept, s, &sin, 0));
	efault("accept", on("anamelen", "kernel half"), SYS3(accept, s, &sin, KERNEL));
	efault("getsockname", on("asa", "NULL"), SYS3(getsockname, s, 0, &len));
	efault("getsockname", on("alen", "NULL"), SYS3(getsockname, s, &sin, 0));
	efault("getpeername", on("alen", "kernel half"), SYS3(getpeername, s, &sin, KERNEL));
	efault("setsockopt", on("val", "unmapped"),
	       SYS5(setsockopt, s, SOL_SOCKET, SO_REUSEADDR, hole, 4));
	efault("getsockopt", on("val", "read-only"),
	       SYS5(getsockopt, s, SOL_SOCKET, SO_TYPE, read_only, &len));
	SYS1(close, s);

	int sv[2];
	SYS4(socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	char buf[16];
	struct iovec iov = {buf, sizeof buf}, kernel_iov = {(void *)KERNEL, 16};
	struct msghdr m = {0, 0, &iov, 1, 0, 0, 0};
	efault("sendmsg", on("msg", "NULL"), SYS3(sendmsg, sv[0], 0, 0));
	efault("sendmsg", on("msg", "last byte unmapped"), SYS3(sendmsg, sv[0], edge(sizeof m), 0));
	m.iov = (struct iovec *)hole;
	efault("sendmsg", on("msg_iov", "unmapped"), SYS3(sendmsg, sv[0], &m, 0));
	m.iov = &kernel_iov;
	efault("sendmsg", on("iov_base", "kernel half"), SYS3(sendmsg, sv[0], &m, 0));
	m.iov = &iov;
	m.name = (void *)KERNEL;
	m.namelen = 16;
	efault("sendmsg", on("msg_name", "kernel half"), SYS3(sendmsg, sv[0], &m, 0));
	m.name = 0;
	m.namelen = 0;
	m.control = (void *)hole;
	m.controllen = 16;
	efault("sendmsg", on("msg_control", "unmapped"), SYS3(sendmsg, sv[0], &m, 0));
	m.control = 0;
	m.controllen = 0;
	efault("recvmsg", on("msg", "kernel half"), SYS3(recvmsg, sv[1], KERNEL, 0));
	efault("sendto", on("buf", "unmapped"), SYS6(sendto, sv[0], hole, 8, 0, 0, 0));
	SYS6(sendto, sv[0], "datagram", 8, 0, 0, 0);
	/* kern_recvit: *fromlenaddr is read before the receive */
	efault("recvfrom", on("fromlenaddr", "unmapped"),
	       SYS6(recvfrom, sv[1], buf, sizeof buf, 0, &sin, hole));
	efault("recvfrom", on("buf", "NULL"), SYS6(recvfrom, sv[1], 0, sizeof buf, 0, 0, 0));
	SYS1(close, sv[0]);
	SYS1(close, sv[1]);
}

static void exec(void)
{
	static const char *const argv[] = {"x", 0};
	static const char *const bad_arg[] = {"x", (const char *)KERNEL, 0};
	static const char *const bad_env[] = {(const char *)0x1000, 0};
	const char *missing = "/nonexistent/program";
	efault("execve", on("fname", "NULL"), SYS3(execve, 0, argv, 0));
	efault("execve", on("fname", "kernel half"), SYS3(execve, KERNEL, argv, 0));
	/* kern_exec.c exec_copyin_args: a NULL argv is EFAULT; the arguments
	 * are copied before the program is looked up. */
	efault("execve", on("argv", "NULL"), SYS3(execve, missing, 0, 0));
	efault("execve", on("argv", "kernel half"), SYS3(execve, missing, KERNEL, 0));
	efault("execve", on("argv", "last byte unmapped"), SYS3(execve, missing, edge(8), 0));
	efault("execve", on("argv[1]", "kernel half"), SYS3(execve, missing, bad_arg, 0));
	efault("execve", on("envv", "unmapped"), SYS3(execve, missing, argv, hole));
	efault("execve", on("envv[0]", "unmapped"), SYS3(execve, missing, argv, bad_env));
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	mini_scratch_dir(argc, argv, "badptr");
	area = (char *)SYS6(mmap, 0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
			    -1, 0);
	if ((long)area < 0) {
		mini_printf("mmap failed\n");
		return 2;
	}
	hole = (long)area + PAGE_SIZE;
	read_only = (long)area + 2 * PAGE_SIZE;
	SYS2(munmap, hole, PAGE_SIZE);
	SYS3(mprotect, read_only, PAGE_SIZE, PROT_READ);
	file_fd = SYS3(open, mini_scratch_path("file"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	mini_write_all((int)file_fd,
		       "sixty-four bytes of data for the reads to find, and some more.\n", 64);
	SYS3(lseek, file_fd, 0, SEEK_SET);

	paths();
	buffers();
	structs();
	sysctls();
	threads();
	kevents();
	iovecs();
	sockets();
	exec();

	SYS1(close, file_fd);
	SYS1(unlink, mini_scratch_path("file"));
	mini_printf("%d failed\n", mini_failures);
	return mini_failures != 0;
}
