/*
 * illumos's facts (abi/illumos/): error and signal numbers both ways, sets,
 * siginfo, addresses, socket types, mmap's rules, stat and dirent records,
 * open flags, clocks and limits.
 */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>

#include "abi/bsd/abi.h"
#include "abi/bsd/mman.h"
#include "abi/bsd/resource.h"
#include "abi/bsd/socket.h"
#include "abi/illumos/errno.h"
#include "abi/illumos/fcntl.h"
#include "abi/illumos/mman.h"
#include "abi/illumos/resource.h"
#include "abi/illumos/signal.h"
#include "abi/illumos/socket.h"
#include "abi/illumos/stat.h"
#include "libs/illumos/illumos.h"

/* System V's numbers where Go compares them (runtime, syscall, net). */
static void errno_values(void **state)
{
	(void)state;
	static const struct {
		int host, illumos;
	} pairs[] = {
	    {EAGAIN, 11},	{EDEADLK, 45},	 {ETIME, 62},	      {ETIMEDOUT, 145},
	    {EOPNOTSUPP, 122},	{ENOSYS, 89},	 {ELOOP, 90},	      {ENOTEMPTY, 93},
	    {EINPROGRESS, 150}, {EALREADY, 149}, {ECONNREFUSED, 146}, {EADDRINUSE, 125},
	    {ENAMETOOLONG, 78}, {EBADFD, 81},	 {EINTR, 4},	      {ENOPROTOOPT, 99},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		assert_int_equal(illumos_errno_from_host(pairs[i].host), pairs[i].illumos);
		assert_int_equal(illumos_errno_to_host(pairs[i].illumos), pairs[i].host);
	}
	/* ENOTSUP is its own number on illumos; Linux folds it into EOPNOTSUPP */
	assert_int_equal(illumos_errno_to_host(ILLUMOS_ENOTSUP), EOPNOTSUPP);
	assert_string_equal(illumos_errno_name(ILLUMOS_ETIME), "ETIME");
	assert_string_equal(illumos_errno_name(ILLUMOS_EAGAIN), "EAGAIN");
	/* every Linux errno has an illumos one */
	for (int e = 1; e <= 133; e++)
		assert_true(illumos_errno_from_host(e) > 0);
}

/* Every illumos signal xeno can carry comes back as itself. */
static void signal_numbers(void **state)
{
	(void)state;
	assert_int_equal(illumos_signal_to_host(ILLUMOS_SIGUSR1), SIGUSR1);
	assert_int_equal(illumos_signal_to_host(ILLUMOS_SIGCHLD), SIGCHLD);
	assert_int_equal(illumos_signal_to_host(ILLUMOS_SIGURG), SIGURG);
	assert_int_equal(illumos_signal_to_host(ILLUMOS_SIGBUS), SIGBUS);
	assert_int_equal(illumos_signal_to_host(ILLUMOS_SIGSYS), SIGSYS);
	assert_int_equal(illumos_signal_from_host(SIGSTOP), ILLUMOS_SIGSTOP);
	int carried = 0;
	for (int sig = 1; sig <= ILLUMOS_SIGRTMAX; sig++) {
		int h = illumos_signal_to_host(sig);
		if (!h)
			continue;
		carried++;
		assert_true(h >= 1 && h <= 64);
		assert_int_equal(illumos_signal_from_host(h), sig);
		if (sig < ILLUMOS_SIGRTMIN)
			assert_non_null(illumos_signal_name(sig));
	}
	assert_int_equal(carried, 62); /* 1..41 and 21 real-time signals */
	assert_true(illumos_signal_default_ignored(ILLUMOS_SIGCHLD));
	assert_true(illumos_signal_default_ignored(ILLUMOS_SIGURG));
	assert_false(illumos_signal_default_ignored(ILLUMOS_SIGPOLL));
}

static void sigsets(void **state)
{
	(void)state;
	struct illumos_sigset s = {{1u << (ILLUMOS_SIGUSR1 - 1) | 1u << (ILLUMOS_SIGURG - 1),
				    1u << (ILLUMOS_SIGINFO - 33), 0, 0}},
			      back;
	sigset_t h;
	illumos_sigset_to_host(&s, &h);
	assert_int_equal(sigismember(&h, SIGUSR1), 1);
	assert_int_equal(sigismember(&h, SIGURG), 1);
	assert_int_equal(sigismember(&h, SIGUSR2), 0);
	illumos_sigset_from_host(&h, &back);
	assert_memory_equal(&s, &back, sizeof s);
}

static void siginfo(void **state)
{
	(void)state;
	siginfo_t si = {.si_signo = SIGSEGV, .si_code = SEGV_MAPERR};
	si.si_addr = (void *)0x1234;
	struct illumos_siginfo isi;
	illumos_siginfo_from_host(SIGSEGV, &si, &isi);
	assert_int_equal(isi.si_signo, ILLUMOS_SIGSEGV);
	assert_int_equal(isi.si_code, 1);
	uint64_t addr;
	memcpy(&addr, (char *)&isi + 16, 8); /* si_addr */
	assert_int_equal(addr, 0x1234);
	memset(&si, 0, sizeof si);
	si.si_code = SI_TKILL;
	si.si_pid = 77;
	illumos_siginfo_from_host(SIGURG, &si, &isi);
	assert_int_equal(isi.si_signo, ILLUMOS_SIGURG);
	assert_int_equal(isi.si_code, ILLUMOS_SI_LWP);
	assert_int_equal(isi.data.proc.pid, 77);
}

/* Addresses: no length byte, a 16-bit family; AF_INET6 32 bytes against
 * Linux's 28. */
static void sockaddrs(void **state)
{
	(void)state;
	struct illumos_sockaddr_in6 in6 = {.sin6_family = ILLUMOS_AF_INET6, .sin6_port = 0x5000};
	in6.sin6_addr[15] = 1;
	struct sockaddr_storage h;
	unsigned hlen;
	assert_int_equal(illumos_sockaddr_to_host(&in6, sizeof in6, &h, &hlen), 0);
	assert_int_equal(hlen, sizeof(struct sockaddr_in6));
	const struct sockaddr_in6 *h6 = (const void *)&h;
	assert_int_equal(h6->sin6_family, AF_INET6);
	assert_int_equal(h6->sin6_port, 0x5000);
	assert_int_equal(h6->sin6_addr.s6_addr[15], 1);
	uint8_t out[ILLUMOS_SOCK_MAXADDRLEN];
	assert_int_equal(illumos_sockaddr_from_host(&h, hlen, out), 32);
	assert_memory_equal(out, &in6, sizeof in6);
	assert_int_equal(illumos_sockaddr_to_host(&in6, 28, &h, &hlen), -EINVAL);
	struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "/tmp/s"};
	assert_int_equal(illumos_sockaddr_from_host(&un, sizeof un, out), 110);
	assert_int_equal(out[0], ILLUMOS_AF_UNIX);
	assert_string_equal((char *)out + 2, "/tmp/s");
	assert_int_equal(bsd_domain_to_host(&illumos_socket_domains, ILLUMOS_AF_INET6), AF_INET6);
	assert_int_equal(bsd_domain_to_host(&illumos_socket_domains, 24), -EAFNOSUPPORT);
}

/* Types through the shared codec with illumos's "socktype" set: the type
 * under SOCK_TYPE_MASK 0xffff, the creation flags above it (accept4 takes
 * them, SOCK_CLOEXEC 0x80000 included).  A type no protocol has is
 * EPROTOTYPE here; the socket handler says EPROTONOSUPPORT for illumos
 * (illumos_bsd_abi.socktype_unknown_errno). */
static void socket_types(void **state)
{
	(void)state;
	const struct xeno_flagset *types = &illumos_socket_types;
	int h;
	assert_int_equal(bsd_socktype_to_host(types, ILLUMOS_SOCK_STREAM, &h), 0);
	assert_int_equal(h, SOCK_STREAM);
	assert_int_equal(bsd_socktype_to_host(types, ILLUMOS_SOCK_DGRAM | ILLUMOS_SOCK_CLOEXEC, &h),
			 0);
	assert_int_equal(h, SOCK_DGRAM | SOCK_CLOEXEC);
	assert_int_equal(bsd_socktype_to_host(types, 3, &h), -EPROTOTYPE);
	assert_int_equal(bsd_socktype_to_host(types, ILLUMOS_SOCK_STREAM | 0x40000000, &h),
			 -EINVAL);
	assert_int_equal(illumos_bsd_abi.socktype_unknown_errno, EPROTONOSUPPORT);
	assert_int_equal(bsd_accept_flags_to_host(types, ILLUMOS_SOCK_NONBLOCK, &h), 0);
	assert_int_equal(h, SOCK_NONBLOCK);
	assert_int_equal(
	    bsd_accept_flags_to_host(types, ILLUMOS_SOCK_CLOEXEC | ILLUMOS_SOCK_NDELAY, &h), 0);
	assert_int_equal(h, SOCK_CLOEXEC | SOCK_NONBLOCK);
	assert_int_equal(bsd_accept_flags_to_host(types, 1, &h), -EINVAL);
}

/* smmap_common's rules */
static void mmap_plans(void **state)
{
	(void)state;
	struct bsd_mmap_plan p;
	assert_int_equal(
	    illumos_mmap_plan(0, 100, 3, ILLUMOS_MAP_PRIVATE | ILLUMOS_MAP_ANON, -1, 0, &p), 0);
	assert_int_equal(p.flags, MAP_PRIVATE | MAP_ANONYMOUS);
	assert_int_equal(p.len, 4096);
	assert_int_equal(p.prot, PROT_READ | PROT_WRITE);
	assert_int_equal(illumos_mmap_plan(0, 100, 3, ILLUMOS_MAP_ANON, -1, 0, &p), -EINVAL);
	assert_int_equal(illumos_mmap_plan(0, 100, 1, ILLUMOS_MAP_SHARED, 3, 100, &p), -EINVAL);
	assert_int_equal(
	    illumos_mmap_plan(0x1001, 100, 1, ILLUMOS_MAP_PRIVATE | ILLUMOS_MAP_FIXED, 3, 0, &p),
	    -EINVAL);
	/* MAP_ALIGN: the address is the alignment */
	assert_int_equal(illumos_mmap_plan(
			     1 << 21, 100, 3,
			     ILLUMOS_MAP_PRIVATE | ILLUMOS_MAP_ANON | ILLUMOS_MAP_ALIGN, -1, 0, &p),
			 0);
	assert_int_equal(p.align, 1 << 21);
	assert_int_equal(p.addr, 0);
	assert_int_equal(illumos_mmap_plan(
			     3 << 12, 100, 3,
			     ILLUMOS_MAP_PRIVATE | ILLUMOS_MAP_ANON | ILLUMOS_MAP_ALIGN, -1, 0, &p),
			 -EINVAL);
	int advice;
	assert_int_equal(bsd_madvise_to_host(&illumos_madv_advice, ILLUMOS_MADV_FREE, &advice), 0);
	assert_int_equal(advice, MADV_FREE);
}

static void stat_and_dirent(void **state)
{
	(void)state;
	struct statx stx = {.stx_mode = S_IFREG | 0644,
			    .stx_size = 1234,
			    .stx_nlink = 1,
			    .stx_dev_major = 8,
			    .stx_dev_minor = 3,
			    .stx_blksize = 4096};
	stx.stx_mtime.tv_sec = 99;
	struct illumos_stat st;
	illumos_stat_from_host(&stx, &st);
	assert_int_equal(st.st_mode, S_IFREG | 0644);
	assert_int_equal(st.st_size, 1234);
	assert_int_equal(st.st_dev, (8ULL << 32) | 3);
	assert_int_equal(st.st_mtim.tv_sec, 99);
	assert_int_equal(st.st_blksize, 4096);
	char buf[64];
	memset(buf, 'x', sizeof buf);
	struct bsd_dirent e = {.ino = 5, .off = 77, .namlen = 1, .name = "a"};
	assert_int_equal(illumos_dirent_from_host(&e, buf, sizeof buf), 24);
	const struct illumos_dirent *d = (const void *)buf;
	assert_int_equal(d->d_reclen, 24);
	assert_int_equal(d->d_off, 77);
	assert_string_equal(d->d_name, "a");
	assert_int_equal(illumos_dirent_from_host(&e, buf, 16), 0);
}

static void open_flags(void **state)
{
	(void)state;
	uint64_t h, f;
	assert_int_equal(xeno_flags_to_host(&illumos_open_flagset,
					    ILLUMOS_O_WRONLY | ILLUMOS_O_CREAT | ILLUMOS_O_NDELAY |
						ILLUMOS_O_CLOEXEC,
					    &h),
			 0);
	assert_int_equal(h, O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC);
	assert_int_equal(xeno_flags_from_host(&illumos_open_flagset, O_RDWR | O_NONBLOCK, &f), 0);
	assert_int_equal(f, ILLUMOS_O_RDWR | ILLUMOS_O_NONBLOCK);
	assert_int_equal(xeno_flags_to_host(&illumos_open_flagset, 0x4000 /* O_XATTR */, &h),
			 -EINVAL);
}

static void clocks_and_limits(void **state)
{
	(void)state;
	struct bsd_clock c;
	assert_int_equal(illumos_clock_to_host(ILLUMOS_CLOCK_REALTIME, &c), 0);
	assert_int_equal(c.host_id, CLOCK_REALTIME);
	assert_int_equal(illumos_clock_to_host(ILLUMOS_CLOCK_MONOTONIC, &c), 0);
	assert_int_equal(c.host_id, CLOCK_MONOTONIC);
	assert_int_equal(illumos_clock_to_host(6, &c), -EINVAL);
	int r;
	assert_int_equal(
	    bsd_rlimit_resource_to_host(&illumos_rlimit_resources, ILLUMOS_RLIMIT_NOFILE, &r), 0);
	assert_int_equal(r, RLIMIT_NOFILE);
	/* illumos's RLIM_INFINITY (-3) and the other negative limits are
	 * infinite to the host; getrlimit reports -3 (illumos_bsd_abi) */
	struct bsd_rlimit f = {ILLUMOS_RLIM_INFINITY, 100}, hl;
	bsd_rlimit_to_host(&f, &hl);
	assert_true(hl.cur == (uint64_t)RLIM_INFINITY && hl.max == 100);
	assert_true(illumos_bsd_abi.rlim_infinity == ILLUMOS_RLIM_INFINITY);
}

int main(void)
{
	RUN(cmocka_unit_test(errno_values), cmocka_unit_test(signal_numbers),
	    cmocka_unit_test(sigsets), cmocka_unit_test(siginfo), cmocka_unit_test(sockaddrs),
	    cmocka_unit_test(socket_types), cmocka_unit_test(mmap_plans),
	    cmocka_unit_test(stat_and_dirent), cmocka_unit_test(open_flags),
	    cmocka_unit_test(clocks_and_limits));
}
