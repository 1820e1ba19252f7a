/*
 * FreeBSD CPU sets (sys/kern/kern_cpuset.c) on Linux affinity masks.
 *
 * Linux has no numbered sets: every process is in FreeBSD's default set 1,
 * whose root is set 0, and both hold every online CPU.  CPU_LEVEL_WHICH on a
 * thread or process is its Linux affinity; the other levels are all CPUs.
 * Changing a numbered set needs privilege on FreeBSD: EPERM here.  IRQ,
 * jail, domain and interrupt-handler selectors have no meaning: EINVAL.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi/freebsd/cpuset.h"
#include "core/host.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"

typedef uint8_t cpumask[FREEBSD_CPUSET_BYTES];

int xeno_cpulist_parse(const char *s, uint8_t *mask, size_t bytes)
{
	int count = 0;
	memset(mask, 0, bytes);
	while (*s && *s != '\n') {
		char *end;
		unsigned long lo = strtoul(s, &end, 10), hi = lo;
		if (end == s)
			return -EINVAL;
		if (*end == '-') {
			s = end + 1;
			hi = strtoul(s, &end, 10);
			if (end == s || hi < lo)
				return -EINVAL;
		}
		for (unsigned long c = lo; c <= hi && c < bytes * 8; c++, count++)
			mask[c / 8] |= (uint8_t)(1U << (c % 8));
		s = end;
		if (*s == ',')
			s++;
		else if (*s && *s != '\n')
			return -EINVAL;
	}
	return count;
}

size_t freebsd_cpuset_min_bytes(void)
{
	long n = sysconf(_SC_NPROCESSORS_CONF);
	if (n < 1)
		n = 1;
	if (n > FREEBSD_CPU_SETSIZE)
		n = FREEBSD_CPU_SETSIZE;
	return ((size_t)n + 7) / 8;
}

/* Every online CPU (the root set). */
static void all_cpus(cpumask set)
{
	char buf[512];
	int fd = open("/sys/devices/system/cpu/online", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n > 0) {
		buf[n] = '\0';
		if (xeno_cpulist_parse(buf, set, sizeof(cpumask)) > 0)
			return;
	}
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	memset(set, 0, sizeof(cpumask));
	for (long c = 0; c < online && c < FREEBSD_CPU_SETSIZE; c++)
		set[c / 8] |= (uint8_t)(1U << (c % 8));
}

/* The Linux task a TID/PID/TIDPID selector names (-1: the caller). */
static long task_of(int which, long id)
{
	if (id == -1)
		return which == FREEBSD_CPU_WHICH_PID ? host_syscall0(SYS_getpid) : 0;
	return id;
}

static int is_task_which(int which)
{
	return which == FREEBSD_CPU_WHICH_TID || which == FREEBSD_CPU_WHICH_PID ||
	       which == FREEBSD_CPU_WHICH_TIDPID;
}

/* A set id CPU_WHICH_CPUSET can name: -1 (the caller's), 0 or 1. */
static int is_known_set(long id)
{
	return id == -1 || id == FREEBSD_CPUSET_DEFAULT || id == FREEBSD_CPUSET_PROCESS;
}

static long affinity_of(int level, int which, long id, cpumask set)
{
	memset(set, 0, sizeof(cpumask));
	if (level < FREEBSD_CPU_LEVEL_ROOT || level > FREEBSD_CPU_LEVEL_WHICH)
		return -EINVAL;
	if (is_task_which(which)) {
		long r =
		    host_syscall3(SYS_sched_getaffinity, task_of(which, id), sizeof(cpumask), set);
		if (r < 0)
			return r;
		if (level != FREEBSD_CPU_LEVEL_WHICH)
			all_cpus(set);
		return 0;
	}
	if (which == FREEBSD_CPU_WHICH_CPUSET) {
		if (!is_known_set(id))
			return -ESRCH;
		all_cpus(set);
		return 0;
	}
	return -EINVAL;
}

/* Zeroes guest bytes [from, to) of the caller's set. */
static long zero_tail(uint64_t mask, size_t from, size_t to)
{
	static const uint8_t zeros[512];
	for (size_t off = from; off < to; off += sizeof zeros) {
		size_t n = to - off < sizeof zeros ? to - off : sizeof zeros;
		if (xeno_copy_out(mask + off, zeros, n) < 0)
			return -EFAULT;
	}
	return 0;
}

long freebsd_sys_cpuset_getaffinity(struct xeno_thread *t, int level, int which, long id,
				    size_t cpusetsize, uint64_t mask)
{
	(void)t;
	cpumask set;
	size_t copy;
	long r = freebsd_cpuset_copy_size(cpusetsize, freebsd_cpuset_min_bytes(), &copy);
	if (r < 0 || (r = affinity_of(level, which, id, set)) < 0)
		return r;
	if (xeno_copy_out(mask, set, copy) < 0)
		return -EFAULT;
	return zero_tail(mask, copy, cpusetsize);
}

/* Applies a mask to every thread of this process (CPU_WHICH_PID on itself). */
static long set_own_threads(const cpumask set)
{
	DIR *d = opendir("/proc/self/task");
	long r = 0;
	if (!d)
		return host_syscall3(SYS_sched_setaffinity, 0, sizeof(cpumask), set);
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		long tid = strtol(e->d_name, NULL, 10);
		long rr =
		    tid > 0 ? host_syscall3(SYS_sched_setaffinity, tid, sizeof(cpumask), set) : 0;
		if (rr < 0 && rr != -ESRCH && r == 0)
			r = rr;
	}
	closedir(d);
	return r;
}

/* The caller's mask: bytes beyond a cpuset_t must be zero (EINVAL). */
static long read_mask(uint64_t mask, size_t cpusetsize, cpumask set)
{
	memset(set, 0, sizeof(cpumask));
	size_t n = cpusetsize < sizeof(cpumask) ? cpusetsize : sizeof(cpumask);
	if (xeno_copy_in(set, mask, n) < 0)
		return -EFAULT;
	uint8_t chunk[512];
	for (size_t off = n; off < cpusetsize; off += sizeof chunk) {
		size_t k = cpusetsize - off < sizeof chunk ? cpusetsize - off : sizeof chunk;
		if (xeno_copy_in(chunk, mask + off, k) < 0)
			return -EFAULT;
		for (size_t i = 0; i < k; i++)
			if (chunk[i])
				return -EINVAL;
	}
	return 0;
}

long freebsd_sys_cpuset_setaffinity(struct xeno_thread *t, int level, int which, long id,
				    size_t cpusetsize, uint64_t mask)
{
	(void)t;
	cpumask set;
	long r = read_mask(mask, cpusetsize, set);
	if (r < 0)
		return r;
	if (level == FREEBSD_CPU_LEVEL_ROOT || level == FREEBSD_CPU_LEVEL_CPUSET) {
		if (is_task_which(which) || which == FREEBSD_CPU_WHICH_CPUSET)
			return -EPERM;
		return -EINVAL;
	}
	if (level != FREEBSD_CPU_LEVEL_WHICH || !is_task_which(which))
		return -EINVAL;
	long task = task_of(which, id);
	if (which == FREEBSD_CPU_WHICH_PID && task == host_syscall0(SYS_getpid))
		r = set_own_threads(set);
	else
		r = host_syscall3(SYS_sched_setaffinity, task, sizeof(cpumask), set);
	/* A mask with no usable CPU: FreeBSD finds no overlap with the set. */
	return r == -EINVAL ? -EDEADLK : r;
}

long freebsd_sys_cpuset_getid(struct xeno_thread *t, int level, int which, long id, uint64_t setid)
{
	(void)t;
	cpumask probe;
	int32_t set;
	if (level == FREEBSD_CPU_LEVEL_WHICH && which != FREEBSD_CPU_WHICH_CPUSET)
		return -EINVAL;
	if (is_task_which(which)) {
		long r =
		    host_syscall3(SYS_sched_getaffinity, task_of(which, id), sizeof probe, probe);
		if (r < 0)
			return r;
		set = FREEBSD_CPUSET_PROCESS;
	} else if (which == FREEBSD_CPU_WHICH_CPUSET) {
		if (!is_known_set(id))
			return -ESRCH;
		set = id == -1 ? FREEBSD_CPUSET_PROCESS : (int32_t)id;
	} else {
		return -EINVAL;
	}
	switch (level) {
	case FREEBSD_CPU_LEVEL_ROOT:
		set = FREEBSD_CPUSET_DEFAULT;
		break;
	case FREEBSD_CPU_LEVEL_CPUSET:
		if (which != FREEBSD_CPU_WHICH_CPUSET)
			set = FREEBSD_CPUSET_PROCESS;
		break;
	case FREEBSD_CPU_LEVEL_WHICH:
		break;
	default:
		return -EINVAL;
	}
	return xeno_copy_out(setid, &set, sizeof set);
}
