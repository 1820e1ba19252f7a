/*
 * badargs: hands bad arguments to system calls and checks that each fails
 * as a FreeBSD kernel makes it fail (the source each answer comes from is
 * named next to its check), with xeno living on:
 *   - descriptors: negative, huge, closed, and xeno's own (which the guest
 *     must not reach: EBADF as for a descriptor that is not open);
 *   - sizes, counts and flags: huge, negative, unknown bits;
 *   - xeno's own memory: a MAP_FIXED mmap, munmap, mprotect, madvise or
 *     minherit over it is refused (EINVAL, as for a range outside the
 *     process's map), and xeno goes on working;
 *   - waits a signal interrupts: a read of an empty pipe ends with EINTR,
 *     or restarts under SA_RESTART.
 * One line per check, "call(what): ERRNO ok"; the last line is "N failed",
 * and the exit status is 0 only if none did.
 *
 *   badargs DIRECTORY     (scratch files go there; it must exist)
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h: sys/sys/mman.h */
#define MADV_DONTNEED 4
#define INHERIT_NONE  2

#define INT_MIN_ (-2147483647 - 1)
#define INT_MAX_ 2147483647

static const char *scratch;
static char buf[4096];

/* A check of a result that is not an error: prints "call(what): ok". */
static void check(const char *call, const char *what, int ok, long got)
{
	mini_printf("%s(%s): %s\n", call, what, ok ? "ok" : "FAILED");
	if (!ok)
		mini_printf("  got %ld (%s)\n", got, got < 0 ? mini_errname(-got) : "no error");
	mini_failures += !ok;
}

static long kevent6(long kq, void *changes, long n, void *events, long m, struct timespec *ts)
{
	return SYS6(kevent, kq, changes, n, events, m, ts);
}

/* ---- descriptors ---- */

/* The calls that take a descriptor, each answering EBADF for one that is
 * not open (kern_*: fget/getvnode/getsock fail with EBADF). */
static void not_open(const char *what, long fd, int *bad_count)
{
	struct kevent ev;
	struct timespec zero = {0, 0};
	struct iovec iov = {buf, 16};
	long r[] = {
	    SYS3(read, fd, buf, 16),
	    SYS3(write, fd, "x", 1),
	    SYS3(readv, fd, &iov, 1),
	    SYS2(fstat, fd, buf),
	    SYS1(dup, fd),
	    SYS2(dup2, fd, 10),
	    SYS3(fcntl, fd, F_GETFD, 0),
	    SYS3(lseek, fd, 0, SEEK_SET),
	    SYS1(fchdir, fd),
	    SYS1(fsync, fd),
	    SYS2(fchmod, fd, 0644),
	    SYS4(getdirentries, fd, buf, sizeof buf, 0),
	    SYS3(ioctl, fd, FIONREAD, buf),
	    SYS6(mmap, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0),
	    kevent6(fd, 0, 0, &ev, 1, &zero),
	    SYS3(getsockname, fd, buf, buf + 64),
	    SYS2(listen, fd, 1),
	    SYS4(openat, fd, "relative", O_RDONLY, 0),
	    SYS4(fstatat, fd, "relative", buf, 0),
	    SYS1(close, fd),
	};
	static const char *const names[] = {
	    "read",   "write",	     "readv",  "fstat",	 "dup",		  "dup2",  "fcntl",
	    "lseek",  "fchdir",	     "fsync",  "fchmod", "getdirentries", "ioctl", "mmap",
	    "kevent", "getsockname", "listen", "openat", "fstatat",	  "close",
	};
	_Static_assert(sizeof r / sizeof r[0] == sizeof names / sizeof names[0], "one name each");
	for (unsigned i = 0; i < sizeof r / sizeof r[0]; i++) {
		if (bad_count) { /* many descriptors: only failures are printed */
			if (r[i] != -9 /* EBADF */) {
				mini_printf("%s(%s %ld): %s, expected EBADF\n", names[i], what, fd,
					    r[i] < 0 ? mini_errname(-r[i]) : "succeeded");
				(*bad_count)++;
			}
		} else {
			mini_expect_call_error(names[i], what, r[i], "EBADF");
		}
	}
}

/* xeno's own descriptors live just above the guest's: at the guest's soft
 * limit, at its hard limit (when the host's could be raised), or below
 * 65536 (core/fd.c).  Every descriptor in those windows must look closed. */
static void xenos_descriptors(void)
{
	long kq = SYS0(kqueue); /* xeno keeps two descriptors for it up there */
	struct rlimit rl;
	SYS2(getrlimit, RLIMIT_NOFILE, &rl);
	unsigned long from[3] = {rl.cur, rl.max, 65536 - 64};
	int bad = 0, tried = 0;
	for (int w = 0; w < 3; w++) {
		if (from[w] > (1UL << 24))
			continue;
		for (unsigned long fd = from[w]; fd < from[w] + 64; fd++, tried++)
			not_open("xeno's", (long)fd, &bad);
	}
	check("every descriptor call", "xeno's descriptors: EBADF", bad == 0 && tried > 0, bad);
	/* FreeBSD kern_dup: a target at or beyond the limit is EBADF for
	 * dup2, EINVAL for fcntl(F_DUPFD) */
	mini_expect_call_error("dup2", "onto the soft limit", SYS2(dup2, 0, rl.cur), "EBADF");
	mini_expect_call_error("fcntl(F_DUPFD", "at the soft limit)",
			       SYS3(fcntl, 0, F_DUPFD, rl.cur), "EINVAL");
	/* close_range over them closes nothing that is xeno's */
	check("close_range", "up to ~0: 0", SYS3(close_range, rl.cur, 0xffffffffU, 0) == 0, 0);
	struct pollfd p = {(int)rl.cur + 1, 1 /* POLLIN */, 0};
	long r = SYS3(poll, &p, 1, 0);
	/* sys_generic.c pollscan: a descriptor that is not open is POLLNVAL */
	check("poll", "a descriptor of xeno's: POLLNVAL", r == 1 && p.revents == 0x20, r);
	struct kevent ev = {.ident = rl.cur + 1, .filter = EVFILT_READ, .flags = EV_ADD};
	struct timespec zero = {0, 0};
	mini_expect_call_error("kevent", "watch a descriptor of xeno's",
			       kevent6(kq, &ev, 1, 0, 0, &zero), "EBADF");
	/* the kqueue still works: its descriptors were not touched */
	struct kevent user = {.ident = 7, .filter = EVFILT_USER, .flags = EV_ADD | EV_CLEAR};
	kevent6(kq, &user, 1, 0, 0, &zero);
	user.flags = 0;
	user.fflags = NOTE_TRIGGER;
	kevent6(kq, &user, 1, 0, 0, &zero);
	struct kevent got;
	r = kevent6(kq, 0, 0, &got, 1, &zero);
	check("kqueue", "still works after all that", r == 1 && got.ident == 7, r);
	SYS1(close, kq);
}

static void descriptors(void)
{
	long closed = SYS3(open, mini_scratch_path("file"), O_RDONLY, 0);
	SYS1(close, closed);
	not_open("-1", -1, 0);
	not_open("INT_MIN", INT_MIN_, 0);
	not_open("INT_MAX", INT_MAX_, 0);
	not_open("closed", closed, 0);
	mini_expect_call_error("dup2", "onto -1", SYS2(dup2, 0, -1), "EBADF");
	mini_expect_call_error("fcntl(F_DUPFD", "-1)", SYS3(fcntl, 0, F_DUPFD, -1), "EINVAL");
	xenos_descriptors();
}

/* ---- sizes, counts, flags ---- */

static void sizes(long fd)
{
	/* sys_generic.c sys_read: only beyond IOSIZE_MAX (SSIZE_MAX) is
	 * EINVAL; a huge count reads what the file has */
	SYS3(lseek, fd, 0, SEEK_SET);
	long r = SYS3(read, fd, buf, 1L << 62);
	check("read", "2^62 bytes from a 64-byte file: 64", r == 64, r);
	mini_expect_call_error("read", "SIZE_MAX bytes", SYS3(read, fd, buf, -1L), "EINVAL");
	mini_expect_call_error("write", "2^63 bytes", SYS3(write, 1, buf, 1UL << 63), "EINVAL");
	mini_expect_call_error("pread", "SIZE_MAX bytes", SYS4(pread, fd, buf, -1L, 0), "EINVAL");
	/* subr_uio.c copyinuio: more than UIO_MAXIOV (1024) is EINVAL, so
	 * is a total beyond SSIZE_MAX */
	static struct iovec many[1025];
	mini_expect_call_error("readv", "1025 iovecs", SYS3(readv, fd, many, 1025), "EINVAL");
	r = SYS3(readv, fd, many, 1024);
	check("readv", "1024 empty iovecs: 0", r == 0, r);
	struct iovec two[2] = {{buf, 1UL << 62}, {buf, 1UL << 62}};
	mini_expect_call_error("readv", "lengths adding up beyond SSIZE_MAX",
			       SYS3(readv, fd, two, 2), "EINVAL");
	mini_expect_call_error("readlink", "SIZE_MAX buffer",
			       SYS3(readlink, mini_scratch_path("file"), buf, -1L), "EINVAL");
	long s = SYS3(socket, AF_INET, SOCK_DGRAM, 0);
	/* uipc_syscalls.c kern_sendit/kern_recvit: a total beyond SSIZE_MAX */
	mini_expect_call_error("sendto", "SIZE_MAX bytes", SYS6(sendto, s, buf, -1L, 0, 0, 0),
			       "EINVAL");
	mini_expect_call_error("recvfrom", "SIZE_MAX bytes", SYS6(recvfrom, s, buf, -1L, 0, 0, 0),
			       "EINVAL");
	/* kern_setsockopt: a negative size */
	mini_expect_call_error("setsockopt", "size -1",
			       SYS5(setsockopt, s, SOL_SOCKET, SO_REUSEADDR, buf, -1), "EINVAL");
	SYS1(close, s);
	/* sys_generic.c kern_poll: more than FD_SETSIZE and the limit */
	mini_expect_call_error("poll", "2^31-1 descriptors", SYS3(poll, buf, INT_MAX_, 0),
			       "EINVAL");
	/* kern_select: nd cut to the table; a negative nd is EINVAL, a bit
	 * set past the table EBADF (select_check_badfd) */
	struct {
		long sec, usec;
	} tv = {0, 0};
	r = SYS5(select, INT_MAX_, 0, 0, 0, &tv);
	check("select", "nd 2^31-1 with no sets: 0", r == 0, r);
	mini_expect_call_error("select", "nd -1", SYS5(select, -1, 0, 0, 0, &tv), "EINVAL");
	static unsigned char sets[1 << 16];
	sets[2000 / 8] = 1 << (2000 % 8);
	mini_expect_call_error("select", "nd 2^19, descriptor 2000 set",
			       SYS5(select, 1 << 19, sets, 0, 0, &tv), "EBADF");
	/* vfs_syscalls.c kern_getdirentries: beyond IOSIZE_MAX is EINVAL;
	 * 0 reads nothing (ufs_readdir wants room for an entry) */
	long dir = SYS3(open, scratch, O_RDONLY | O_DIRECTORY, 0);
	long base;
	mini_expect_call_error("getdirentries", "count 2^63",
			       SYS4(getdirentries, dir, buf, 1UL << 63, &base), "EINVAL");
	r = SYS4(getdirentries, dir, buf, 0, &base);
	check("getdirentries", "count 0: 0", r == 0, r);
	r = SYS4(getdirentries, dir, buf, 1UL << 62, &base);
	check("getdirentries", "count 2^62: entries", r > 0, r);
	SYS1(close, dir);
	/* vm_mmap.c kern_mmap: a length that rounds past the end is ENOMEM,
	 * so is one no address space holds; MAP_FIXED beyond user space is
	 * EINVAL, so is a length of 0 */
	mini_expect_call_error("mmap", "length 2^63",
			       SYS6(mmap, 0, 1UL << 63, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0),
			       "ENOMEM");
	mini_expect_call_error("mmap", "length SIZE_MAX",
			       SYS6(mmap, 0, -1L, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0),
			       "ENOMEM");
	mini_expect_call_error(
	    "mmap", "MAP_FIXED length 2^63",
	    SYS6(mmap, 1UL << 40, 1UL << 63, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0),
	    "EINVAL");
	mini_expect_call_error("mmap", "length 0",
			       SYS6(mmap, 0, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0),
			       "EINVAL");
	/* kern_mmap, vm_map_range_valid: page 0 is outside the map
	 * (kern_exec.c: security.bsd.map_at_zero is 0), for root too */
	mini_expect_call_error(
	    "mmap", "MAP_FIXED at page 0",
	    SYS6(mmap, 0, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0),
	    "EINVAL");
	mini_expect_call_error("mmap", "MAP_FIXED|MAP_EXCL over page 0",
			       SYS6(mmap, 0, 2 * PAGE_SIZE, PROT_READ,
				    MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0),
			       "EINVAL");
	mini_expect_call_error("munmap", "length SIZE_MAX", SYS2(munmap, buf, -1L), "EINVAL");
	/* kern_sysctl.c sys___sysctl: namelen beyond CTL_MAXNAME or below 2 */
	int mib[2] = {CTL_KERN, KERN_OSTYPE};
	size_t len = sizeof buf;
	mini_expect_call_error("__sysctl", "namelen 100", SYS6(__sysctl, mib, 100, buf, &len, 0, 0),
			       "EINVAL");
	mini_expect_call_error("__sysctl", "namelen 1", SYS6(__sysctl, mib, 1, buf, &len, 0, 0),
			       "EINVAL");
	/* kern_thr.c sys_thr_new: param_size beyond struct thr_param or < 0 */
	struct thr_param p = {0};
	mini_expect_call_error("thr_new", "param_size 2^31-1", SYS2(thr_new, &p, INT_MAX_),
			       "EINVAL");
	mini_expect_call_error("thr_new", "param_size -1", SYS2(thr_new, &p, -1), "EINVAL");
	/* kern_event.c kqueue_kevent: changes are copied in batches until one
	 * faults: a huge count over a short list ends in EFAULT */
	long kq = SYS0(kqueue);
	char *page = (char *)SYS6(mmap, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				  MAP_ANON | MAP_PRIVATE, -1, 0);
	SYS2(munmap, page + PAGE_SIZE, PAGE_SIZE);
	struct timespec zero = {0, 0};
	mini_expect_call_error("kevent", "nchanges 2^31-1",
			       kevent6(kq, page + PAGE_SIZE - 64, INT_MAX_, 0, 0, &zero), "EFAULT");
	r = kevent6(kq, 0, 0, buf, INT_MAX_, &zero);
	check("kevent", "nevents 2^31-1, nothing pending: 0", r == 0, r);
	SYS2(munmap, page, PAGE_SIZE);
	SYS1(close, kq);
}

static void flags(void)
{
	int fds[2];
	/* sys_pipe.c kern_pipe2: only O_CLOEXEC and O_NONBLOCK */
	mini_expect_call_error("pipe2", "O_APPEND", SYS2(pipe2, fds, O_APPEND), "EINVAL");
	/* vm_mmap.c kern_mmap: a flag it does not know */
	mini_expect_call_error(
	    "mmap", "flag 0x80",
	    SYS6(mmap, 0, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | 0x80, -1, 0), "EINVAL");
	mini_expect_call_error("mprotect", "prot 0x8", SYS3(mprotect, buf, 16, 0x8), "EINVAL");
	mini_expect_call_error("madvise", "advice 100", SYS3(madvise, buf, 16, 100), "EINVAL");
	/* kern_descrip.c sys_close_range: flags beyond CLOSE_RANGE_CLOEXEC */
	mini_expect_call_error("close_range", "flag 0x100", SYS3(close_range, 1000, 1001, 0x100),
			       "EINVAL");
	/* kern_kevent.c kqueuex: only KQUEUE_CLOEXEC */
	mini_expect_call_error("kqueuex", "flag 0x2", SYS1(kqueuex, 2), "EINVAL");
	/* vfs_syscalls.c kern_statat: AT_SYMLINK_NOFOLLOW, AT_RESOLVE_BENEATH,
	 * AT_EMPTY_PATH only */
	mini_expect_call_error("fstatat", "flag 0x1",
			       SYS4(fstatat, AT_FDCWD, mini_scratch_path("file"), buf, 1),
			       "EINVAL");
	/* sys_getrandom.c kern_getrandom: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE */
	mini_expect_call_error("getrandom", "flag 0x10", SYS3(getrandom, buf, 16, 0x10), "EINVAL");
	/* kern_exit.c kern_wait6: options it does not know */
	mini_expect_call_error("wait4", "option 0x100000", SYS4(wait4, -1, buf, 0x100000, 0),
			       "EINVAL");
	mini_expect_call_error("lseek", "whence 7", SYS3(lseek, 0, 0, 7), "EINVAL");
	mini_expect_call_error("fcntl", "command 1000", SYS3(fcntl, 0, 1000, 0), "EINVAL");
	long s = SYS3(socket, AF_INET, SOCK_STREAM, 0);
	/* uipc_syscalls.c kern_accept4: flags beyond SOCK_CLOEXEC|SOCK_NONBLOCK */
	mini_expect_call_error("accept4", "flag 0x1", SYS4(accept4, s, 0, 0, 1), "EINVAL");
	SYS1(close, s);
}

/* ---- helper threads ---- */

/* Starts fn on a thread of its own that runs on stack. */
static void start_thread(void (*fn)(void *), char *stack, size_t stack_size)
{
	static long tid;
	struct thr_param tp = {.start_func = fn,
			       .stack_base = stack,
			       .stack_size = stack_size,
			       .child_tid = &tid,
			       .flags = THR_SYSTEM_SCOPE};
	SYS2(thr_new, &tp, sizeof tp);
}

/* Sleeps until another thread has opened *word with open_word. */
static void wait_for_word(unsigned *word)
{
	while (!__atomic_load_n(word, __ATOMIC_ACQUIRE))
		SYS5(_umtx_op, word, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0);
}

static void open_word(unsigned *word)
{
	__atomic_store_n(word, 1, __ATOMIC_RELEASE);
	SYS3(_umtx_op, word, UMTX_OP_WAKE_PRIVATE, 1);
}

/* Waits for the thread whose thr_exit state word is *done (thr_exit
 * stores 1 there and wakes it; the wait compares the low half). */
static void join_thread(long *done)
{
	while (!__atomic_load_n(done, __ATOMIC_ACQUIRE))
		SYS5(_umtx_op, done, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0);
}

/* ---- xeno's own memory ---- */

static int ends_with(const char *s, const char *tail)
{
	size_t a = mini_strlen(s), b = mini_strlen(tail);
	return a >= b && mini_strcmp(s + a - b, tail) == 0;
}

static unsigned long hex(const char **p)
{
	unsigned long v = 0;
	for (;; (*p)++) {
		char c = **p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v * 16 + (unsigned long)d;
	}
}

/* Every way of taking a range away: each must be EINVAL (vm_mmap.c:
 * kern_mmap's MAP_FIXED, kern_munmap and kern_madvise answer EINVAL for a
 * range outside the process's map; xeno's memory is outside the guest's).
 * A MAP_EXCL mapping finds the range occupied: ENOMEM.  0 if all were. */
static int refused(unsigned long at)
{
	int bad = 0;
	bad += SYS6(mmap, at, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_FIXED,
		    -1, 0) != -22;
	bad += SYS6(mmap, at, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL,
		    -1, 0) != -12;
	bad += SYS2(munmap, at, PAGE_SIZE) != -22;
	bad += SYS2(munmap, at - PAGE_SIZE, 2 * PAGE_SIZE) != -22; /* overlapping it */
	bad += SYS3(mprotect, at, PAGE_SIZE, PROT_NONE) != -22;
	bad += SYS3(madvise, at, PAGE_SIZE, MADV_DONTNEED) != -22;
	bad += SYS3(minherit, at, PAGE_SIZE, INHERIT_NONE) != -22;
	if (bad)
		mini_printf("  at %lx: %d not refused\n", at, bad);
	return bad;
}

static unsigned gate_word;
static long helper_done;

static void parked(void *arg)
{
	(void)arg;
	wait_for_word(&gate_word);
	SYS1(thr_exit, &helper_done);
}

static void xenos_memory(void)
{
	/* a second thread, so that there is a host stack of xeno's to find */
	static char stack[64 * 1024] __attribute__((aligned(16)));
	start_thread(parked, stack, sizeof stack);

	static char maps[64 * 1024];
	long fd = SYS3(open, "/proc/self/maps", O_RDONLY, 0);
	long n = 0, r;
	while (fd >= 0 && n < (long)sizeof maps - 1 &&
	       (r = SYS3(read, fd, maps + n, sizeof maps - 1 - n)) > 0)
		n += r;
	SYS1(close, fd);
	maps[n > 0 ? n : 0] = '\0';
	int binary = 0, heap = 0, stack_ = 0, vdso = 0, guarded = 0, bad = 0;
	unsigned long prev_guard_end = 0;
	for (char *line = maps; *line;) {
		char *nl = line;
		while (*nl && *nl != '\n')
			nl++;
		int last = *nl == '\0';
		*nl = '\0';
		const char *p = line;
		unsigned long lo = hex(&p), hi;
		p++;
		hi = hex(&p);
		const char *perms = p + 1;
		/* the path is the last field */
		const char *name = nl;
		while (name > line && name[-1] != ' ')
			name--;
		if (ends_with(name, "/xeno")) {
			binary++;
			bad += refused(lo);
		} else if (mini_strcmp(name, "[heap]") == 0) {
			heap++;
			bad += refused(lo);
		} else if (mini_strcmp(name, "[stack]") == 0) {
			stack_++;
			bad += refused(hi - PAGE_SIZE);
		} else if (mini_strcmp(name, "[vdso]") == 0) {
			vdso++;
			bad += refused(lo);
		} else if (lo == prev_guard_end && name == nl && perms[0] == 'r') {
			/* a guard page, then read-write memory: a thread state
			 * with its signal stack, or a host thread stack (the
			 * guest maps nothing like that here) */
			guarded++;
			bad += refused(lo);
		}
		prev_guard_end =
		    hi - lo == PAGE_SIZE && mini_strncmp(perms, "---p", 4) == 0 ? hi : 0;
		if (last)
			break;
		line = nl + 1;
	}
	check("mmap/munmap/mprotect/madvise/minherit", "xeno's binary: EINVAL", binary && !bad,
	      bad);
	check("mmap/munmap/mprotect/madvise/minherit", "xeno's heap: EINVAL", heap == 1, heap);
	check("mmap/munmap/mprotect/madvise/minherit", "xeno's stack: EINVAL", stack_ == 1, stack_);
	check("mmap/munmap/mprotect/madvise/minherit", "the vDSO: EINVAL", vdso == 1, vdso);
	/* the main thread's state, the new thread's, its host stack */
	check("mmap/munmap/mprotect/madvise/minherit", "thread states and stacks: EINVAL",
	      guarded >= 3, guarded);
	check("every refusal", "0 missed", bad == 0, bad);

	/* xeno lives on: the thread ends, memory and descriptors still work */
	open_word(&gate_word);
	join_thread(&helper_done);
	char *m =
	    (char *)SYS6(mmap, 0, 1 << 20, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
	m[0] = m[(1 << 20) - 1] = 1;
	r = SYS2(munmap, m, 1 << 20);
	check("mmap and munmap of the guest's own", "still work", (long)m > 0 && r == 0, r);
}

/* ---- waits a signal interrupts ---- */

static volatile int usr1_count;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static long main_tid;
static int pipe_fds[2];
static unsigned kick_word;
static long kicker_done;

/* Waits for kick_word, then signals the main thread; a while later writes
 * a byte into the pipe (which ends the read if the signal did not). */
static void kicker(void *arg)
{
	(void)arg;
	wait_for_word(&kick_word);
	struct timespec a = {0, 100 * 1000 * 1000}, b = {0, 300 * 1000 * 1000};
	SYS2(nanosleep, &a, 0);
	SYS2(thr_kill, main_tid, SIGUSR1);
	SYS2(nanosleep, &b, 0);
	SYS3(write, pipe_fds[1], "k", 1);
	SYS1(thr_exit, &kicker_done);
}

static long interrupted_read(int restart)
{
	static char stack[64 * 1024] __attribute__((aligned(16)));
	struct sigaction sa = {.handler = on_usr1, .flags = restart ? SA_RESTART : 0};
	SYS3(sigaction, SIGUSR1, &sa, 0);
	kick_word = 0;
	kicker_done = 0;
	start_thread(kicker, stack, sizeof stack);
	open_word(&kick_word);
	char c;
	long r = SYS3(read, pipe_fds[0], &c, 1);
	join_thread(&kicker_done);
	if (r < 0) /* the byte the kicker wrote afterwards */
		SYS3(read, pipe_fds[0], &c, 1);
	return r;
}

static void waits(void)
{
	SYS1(thr_self, &main_tid);
	SYS2(pipe2, pipe_fds, 0);
	/* sys_generic.c dofileread: an interrupted pipe read that moved
	 * nothing is EINTR, or restarts when the handler has SA_RESTART */
	usr1_count = 0;
	long r = interrupted_read(0);
	mini_expect_call_error("read", "empty pipe, signal without SA_RESTART", r, "EINTR");
	check("handler", "ran once", usr1_count == 1, usr1_count);
	usr1_count = 0;
	r = interrupted_read(1);
	check("read", "empty pipe, signal with SA_RESTART: restarted, 1 byte", r == 1, r);
	check("handler", "ran once", usr1_count == 1, usr1_count);
	SYS1(close, pipe_fds[0]);
	SYS1(close, pipe_fds[1]);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	scratch = mini_scratch_dir(argc, argv, "badargs");
	long fd = SYS3(open, mini_scratch_path("file"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	mini_write_all((int)fd, "sixty-four bytes of data for the reads to find, and some more.\n",
		       64);
	descriptors();
	sizes(fd);
	flags();
	xenos_memory();
	waits();
	SYS1(close, fd);
	SYS1(unlink, mini_scratch_path("file"));
	mini_printf("%d failed\n", mini_failures);
	return mini_failures != 0;
}
