/*
 * sysprobe: exercises the FreeBSD memory, identity, resource, time, sysctl,
 * cpuset and sysarch calls and prints what it got, one line each; the exit
 * status is the number of checks that failed.
 */
#include "mini.h"

/* FreeBSD facts beyond mini.h: sys/sys/mman.h, sys/sys/_clock_id.h, sys/sys/cpuset.h,
 * sys/x86/include/sysarch.h, sys/sys/resource.h */
#define MAP_GUARD	 0x2000
#define MAP_ALIGNED(n)	 ((n) << 24)
#define PROT_MAX(p)	 ((p) << 16)
#define MADV_FREE	 5
#define CLOCK_UPTIME	 5
#define CLOCK_SECOND	 13
#define CLOCK_VIRTUAL	 1
#define CPU_LEVEL_CPUSET 2
#define AMD64_GET_FSBASE 128
#define AMD64_SET_FSBASE 129
#define RLIMIT_KQUEUES	 13

static int failed;

static void check(const char *what, int ok, long value)
{
	mini_printf("%s %s = %ld\n", ok ? "ok  " : "FAIL", what, value);
	failed += !ok;
}

static void *map(long addr, long len, int prot, int flags)
{
	return (void *)SYS6(mmap, addr, len, prot, flags, -1, 0);
}

static void probe_memory(void)
{
	char *p = map(0, 8192, 3 | PROT_MAX(7), MAP_ANON | MAP_PRIVATE);
	check("mmap anon", (long)p > 0, (long)p);
	p[0] = 'x';
	p[8191] = 'y';
	check("mprotect read-only", SYS3(mprotect, p, 4096, 1) == 0, 0);
	check("madvise MADV_FREE", SYS3(madvise, p + 4096, 4096, MADV_FREE) == 0, 0);
	unsigned char vec[2] = {9, 9};
	long r = SYS3(mincore, p, 8192, vec);
	check("mincore", r == 0 && (vec[0] & 1), vec[0]);
	check("msync", SYS3(msync, p, 8192, 0) == 0, 0);
	r = SYS6(mmap, p, 4096, 3, MAP_ANON | MAP_PRIVATE | 0x10 | MAP_EXCL, -1, 0);
	check("mmap MAP_EXCL on used space is ENOMEM", r == -ENOMEM, r);
	r = SYS6(mmap, 0, 4096, 3, MAP_ANON | MAP_EXCL, -1, 0);
	check("mmap MAP_EXCL without MAP_FIXED is EINVAL", r == -EINVAL, r);
	check("munmap", SYS2(munmap, p, 8192) == 0, 0);
	char *a = map(0, 4096, 3, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(21));
	check("mmap MAP_ALIGNED(21) is 2 MiB aligned", ((long)a & ((1L << 21) - 1)) == 0, (long)a);
	a[100] = 1;
	char *g = map(0, 1 << 20, 0, MAP_GUARD);
	check("mmap MAP_GUARD", (long)g > 0, (long)g);
	r = (long)map(0, 4096, 1, MAP_GUARD);
	check("MAP_GUARD with PROT_READ is EINVAL", r == -EINVAL, r);
}

static void probe_identity(void)
{
	check("getpid", SYS0(getpid) > 0, SYS0(getpid));
	check("getppid", SYS0(getppid) >= 0, SYS0(getppid));
	unsigned ids[3];
	long r = SYS3(getresuid, &ids[0], &ids[1], &ids[2]);
	check("getresuid", r == 0 && ids[0] == (unsigned)SYS0(getuid), ids[0]);
	unsigned groups[64];
	long n = SYS2(getgroups, 64, groups);
	check("getgroups lists the egid first", n >= 1 && groups[0] == (unsigned)SYS0(getegid), n);
	check("issetugid", SYS0(issetugid) == 0, SYS0(issetugid));
	/* In a Linux PID namespace a group or session led from outside it
	 * reads as 0, so 0 is an answer here; an error is not. */
	long pgrp = SYS0(getpgrp);
	check("getpgrp", pgrp >= 0 && SYS1(getpgid, 0) == pgrp, pgrp);
	check("getsid", SYS1(getsid, 0) >= 0, SYS1(getsid, 0));
	check("getsid of a process that does not exist is ESRCH",
	      SYS1(getsid, 0x7ffffff0) == -ESRCH, SYS1(getsid, 0x7ffffff0));
	long prio = SYS2(getpriority, 0, 0);
	check("getpriority", prio >= -20 && prio <= 20, prio);
}

static void probe_resources(void)
{
	struct rlimit rl = {0, 0}, kq = {0, 0};
	long r = SYS2(getrlimit, RLIMIT_NOFILE, &rl);
	check("getrlimit NOFILE", r == 0 && rl.cur > 0, rl.cur);
	mini_printf("     NOFILE = %ld / %ld\n", rl.cur, rl.max);
	r = SYS2(getrlimit, RLIMIT_KQUEUES, &kq);
	check("getrlimit KQUEUES is infinite", r == 0 && kq.cur == 0x7fffffffffffffffL, kq.cur);
	rl.cur = rl.max;
	r = SYS2(setrlimit, RLIMIT_NOFILE, &rl);
	check("setrlimit NOFILE to the hard limit", r == 0, r);
	long ru[18] = {0};
	r = SYS2(getrusage, 0, ru);
	check("getrusage", r == 0, ru[4]);
}

static void probe_time(void)
{
	struct timespec a = {0, 0}, b = {0, 0}, s = {0, 1};
	long r = SYS2(clock_gettime, CLOCK_MONOTONIC, &a);
	check("clock_gettime MONOTONIC", r == 0, a.tv_sec);
	r = SYS2(clock_gettime, CLOCK_UPTIME, &b);
	check("clock_gettime UPTIME follows MONOTONIC", r == 0 && b.tv_sec >= a.tv_sec, b.tv_sec);
	r = SYS2(clock_gettime, CLOCK_SECOND, &s);
	check("clock_gettime SECOND", r == 0 && s.tv_nsec == 0, s.tv_sec);
	r = SYS2(clock_gettime, CLOCK_VIRTUAL, &s);
	check("clock_gettime VIRTUAL", r == 0, s.tv_nsec);
	r = SYS2(clock_getres, CLOCK_MONOTONIC, &s);
	check("clock_getres", r == 0, s.tv_nsec);
	struct timespec nap = {0, 1000000};
	check("nanosleep", SYS2(nanosleep, &nap, 0) == 0, 0);
	long e = SYS4(clock_nanosleep, CLOCK_MONOTONIC, 8, &nap, 0);
	check("clock_nanosleep returns its error (EINVAL)", e == EINVAL, e);
	long tv[2] = {0, 0};
	r = SYS2(gettimeofday, tv, 0);
	check("gettimeofday", r == 0 && tv[0] > 1000000000L, tv[0]);
	check("sched_yield", SYS0(sched_yield) == 0, 0);
	check("sched_getcpu", SYS0(sched_getcpu) >= 0, SYS0(sched_getcpu));
	unsigned char rnd[16];
	check("getrandom", SYS3(getrandom, rnd, 16, 0) == 16, 16);
}

static long sysctl(const int *mib, unsigned n, void *old, unsigned long *oldlen)
{
	return SYS6(__sysctl, mib, n, old, oldlen, 0, 0);
}

static void probe_sysctl(void)
{
	char buf[256];
	unsigned long len = sizeof buf;
	static const int ostype[] = {1, 1}, ncpu[] = {6, 3}, path[] = {1, 14, 12, -1};
	buf[0] = 0;
	long r = sysctl(ostype, 2, buf, &len);
	check("kern.ostype", r == 0 && mini_strcmp(buf, "FreeBSD") == 0, (long)len);
	mini_printf("     kern.ostype = %s\n", buf);
	int v = 0;
	len = sizeof v;
	r = sysctl(ncpu, 2, &v, &len);
	check("hw.ncpu", r == 0 && v > 0, v);
	len = sizeof buf;
	r = sysctl(path, 4, buf, &len);
	check("kern.proc.pathname", r == 0 && buf[0] == '/', (long)len);
	mini_printf("     kern.proc.pathname = %s\n", buf);
	int oid[24] = {0};
	static const int name2oid[] = {0, 3};
	len = sizeof oid;
	r = SYS6(__sysctl, name2oid, 2, oid, &len, "kern.osreldate", 14);
	check("sysctl name2oid kern.osreldate", r == 0 && len == 8 && oid[1] == 24, oid[1]);
	len = sizeof buf;
	r = SYS6(__sysctlbyname, "hw.model", 8, buf, &len, 0, 0);
	check("sysctlbyname hw.model", r == 0, (long)len);
	mini_printf("     hw.model = %s\n", buf);
	len = 3;
	r = sysctl(ostype, 2, buf, &len);
	check("kern.ostype into 3 bytes is ENOMEM", r == -ENOMEM && len == 3, r);
}

static void probe_system(void)
{
	unsigned char mask[128] = {0};
	long r = SYS6(cpuset_getaffinity, CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, sizeof mask, mask, 0);
	check("cpuset_getaffinity", r == 0 && (mask[0] | mask[1]) != 0, mask[0]);
	int setid = -1;
	r = SYS4(cpuset_getid, CPU_LEVEL_CPUSET, CPU_WHICH_PID, -1, &setid);
	check("cpuset_getid", r == 0 && setid == 1, setid);
	static long tls[4] = {0x1234, 0, 0, 0};
	tls[0] = (long)tls; /* FreeBSD's TLS starts with a pointer to itself */
	long base = (long)tls, got = 0;
	r = SYS2(sysarch, AMD64_SET_FSBASE, &base);
	check("sysarch AMD64_SET_FSBASE", r == 0, base);
	long self;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(self));
	check("%fs:0 reads the new base", self == (long)tls, self);
	r = SYS2(sysarch, AMD64_GET_FSBASE, &got);
	check("sysarch AMD64_GET_FSBASE", r == 0 && got == base, got);
	char login[64];
	r = SYS2(getlogin, login, sizeof login);
	check("getlogin", r == 0, r);
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	probe_memory();
	probe_identity();
	probe_resources();
	probe_time();
	probe_sysctl();
	probe_system();
	mini_printf("%d failed\n", failed);
	return failed;
}
