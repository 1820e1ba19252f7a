/*
 * sysctl and sysctlbyname for the names Go's runtime and standard library
 * read (xnu bsd/sys/sysctl.h: CTL_KERN 1 with KERN_OSRELEASE 2,
 * KERN_ARGMAX 8, KERN_HOSTNAME 10, KERN_MAXFILESPERPROC 29; CTL_HW 6 with
 * HW_NCPU 3, HW_PAGESIZE 7), and the {0, 3} MIB that turns a name into
 * its MIB (syscall_darwin.go nametomib).  Other names: ENOENT, which is
 * what macOS says for one it does not have (hw.optional.avx512f on an old
 * Mac).
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core/uaccess.h"
#include "darwin_libSystem_proto.h"
#include "libs/darwin/darwin.h"

enum { INT32, STRING };

static const struct node {
	const char *name;
	int mib[2];
	int type;
} nodes[] = {
    {"kern.osrelease", {1, 2}, STRING},	     {"kern.argmax", {1, 8}, INT32},
    {"kern.hostname", {1, 10}, STRING},	     {"kern.maxfilesperproc", {1, 29}, INT32},
    {"kern.ostype", {1, 1}, STRING},	     {"hw.ncpu", {6, 3}, INT32},
    {"hw.pagesize", {6, 7}, INT32},	     {"hw.activecpu", {6, 25}, INT32},
    {"kern.ipc.somaxconn", {-1, -1}, INT32},
};
#define NNODES (sizeof nodes / sizeof nodes[0])

/* The value of node n, in buf: its size. */
static size_t value_of(const struct node *n, char *buf, size_t room)
{
	int32_t v = 0;
	struct utsname u;
	uname(&u);
	if (n->mib[0] == 6)
		v = n->mib[1] == 7 ? 4096 : (int32_t)sysconf(_SC_NPROCESSORS_ONLN);
	else if (n->mib[1] == 8)
		v = 1024 * 1024;
	else if (n->mib[1] == 29) {
		struct rlimit rl;
		getrlimit(RLIMIT_NOFILE, &rl);
		v = rl.rlim_max > 0x7fffffff ? 0x7fffffff : (int32_t)rl.rlim_max;
	} else if (n->mib[0] == -1)
		v = 128;
	if (n->type == INT32) {
		memcpy(buf, &v, 4);
		return 4;
	}
	/* macOS 12's Darwin kernel release, which a Go program built for
	 * macOS 12 (LC_BUILD_VERSION minos) expects at least */
	const char *s = n->mib[1] == 2 ? "21.6.0" : n->mib[1] == 1 ? "Darwin" : u.nodename;
	size_t len = strlen(s) + 1;
	memcpy(buf, s, len < room ? len : room);
	return len;
}

static long answer(const struct node *n, uint64_t oldp, uint64_t oldlenp, uint64_t newp)
{
	if (newp)
		return -EPERM;
	char buf[256];
	size_t len = value_of(n, buf, sizeof buf);
	uint64_t have;
	if (!oldlenp)
		return oldp ? -EINVAL : 0;
	if (xeno_copy_in(&have, oldlenp, 8) < 0)
		return -EFAULT;
	if (oldp) {
		if (have < len)
			return -ENOMEM;
		if (xeno_copy_out(oldp, buf, len) < 0)
			return -EFAULT;
	}
	uint64_t l = len;
	return xeno_copy_out(oldlenp, &l, 8) < 0 ? -EFAULT : 0;
}

static long name_to_mib(uint64_t oldp, uint64_t oldlenp, uint64_t newp, size_t newlen)
{
	char name[128];
	if (!newp || newlen >= sizeof name || xeno_copy_in(name, newp, newlen) < 0)
		return -EINVAL;
	name[newlen] = '\0';
	for (size_t i = 0; i < NNODES; i++) {
		if (strcmp(nodes[i].name, name) != 0 || nodes[i].mib[0] < 0)
			continue;
		uint64_t have;
		if (xeno_copy_in(&have, oldlenp, 8) < 0)
			return -EFAULT;
		if (have < sizeof nodes[i].mib)
			return -ENOMEM;
		uint64_t l = sizeof nodes[i].mib;
		if (xeno_copy_out(oldp, nodes[i].mib, l) < 0 || xeno_copy_out(oldlenp, &l, 8) < 0)
			return -EFAULT;
		return 0;
	}
	return -ENOENT;
}

long darwin_libSystem_sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen,
			     uint64_t oldp, uint64_t oldlenp, uint64_t newp, size_t newlen)
{
	(void)t;
	int mib[12];
	if (namelen < 2 || namelen > 12)
		return -EINVAL;
	if (xeno_copy_in(mib, name, namelen * sizeof(int)) < 0)
		return -EFAULT;
	if (mib[0] == 0 && mib[1] == 3)
		return name_to_mib(oldp, oldlenp, newp, newlen);
	for (size_t i = 0; i < NNODES; i++)
		if (namelen == 2 && nodes[i].mib[0] == mib[0] && nodes[i].mib[1] == mib[1])
			return answer(&nodes[i], oldp, oldlenp, newp);
	return -ENOENT;
}

long darwin_libSystem_sysctlbyname(struct xeno_thread *t, uint64_t uname_, uint64_t oldp,
				   uint64_t oldlenp, uint64_t newp, size_t newlen)
{
	(void)t, (void)newlen;
	char name[128];
	if (xeno_strncpy_in(name, uname_, sizeof name) < 0)
		return -ENOENT;
	for (size_t i = 0; i < NNODES; i++)
		if (strcmp(nodes[i].name, name) == 0)
			return answer(&nodes[i], oldp, oldlenp, newp);
	return -ENOENT;
}
