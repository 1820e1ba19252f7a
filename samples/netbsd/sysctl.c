/*
 * NetBSD's sysctl: values by MIB, and names resolved the way libc's
 * sysctlbyname and Go's syscall.Sysctl do it, one component at a time with
 * CTL_QUERY, which lists a node's children as struct sysctlnode.  One
 * "name: ok" line per check; exit 0 if all passed.
 */
#include "mini.h"

/* sys/sys/sysctl.h: struct sysctlnode, 96 bytes */
#define SYSCTL_VERS_1 0x01000000
struct sysctlnode {
	unsigned flags;
	int num;
	char name[32];
	unsigned ver, rsvd;
	unsigned long un[2], size, func, parent, desc;
};
_Static_assert(sizeof(struct sysctlnode) == 96, "struct sysctlnode");

static long sysctl(const int *mib, unsigned n, void *old, size_t *oldlen, const void *new,
		   size_t newlen)
{
	return SYS6(__sysctl, mib, n, old, oldlen, new, newlen);
}

static struct sysctlnode nodes[64];

/* The MIB of a dotted name, as sysctlnametomib: its length, or -errno. */
static long name_to_mib(const char *name, int *mib)
{
	unsigned n = 0;
	while (*name) {
		const char *end = name;
		while (*end && *end != '.')
			end++;
		mib[n] = CTL_QUERY;
		struct sysctlnode q = {.flags = SYSCTL_VERS_1};
		size_t len = sizeof nodes;
		long r = sysctl(mib, n + 1, nodes, &len, &q, sizeof q);
		if (r < 0)
			return r;
		size_t k = 0, count = len / sizeof nodes[0];
		while (k < count && (mini_strncmp(nodes[k].name, name, (size_t)(end - name)) != 0 ||
				     nodes[k].name[end - name] != '\0'))
			k++;
		if (k == count)
			return -ENOENT;
		mib[n++] = nodes[k].num;
		name = *end ? end + 1 : end;
	}
	return n;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)envp;
	char buf[64];
	size_t len = sizeof buf;
	int mib[12] = {CTL_KERN, KERN_OSTYPE};
	mini_check("kern.ostype", sysctl(mib, 2, buf, &len, NULL, 0) == 0 && len == 7 &&
				      mini_strcmp(buf, "NetBSD") == 0);
	len = 0;
	mini_check("size only", sysctl(mib, 2, NULL, &len, NULL, 0) == 0 && len == 7);
	len = 3;
	mini_check("too small: ENOMEM, the whole size",
		   sysctl(mib, 2, buf, &len, NULL, 0) == -ENOMEM && len == 7);

	long n = name_to_mib("hw.pagesize", mib);
	int page = 0;
	len = sizeof page;
	mini_check("hw.pagesize found with CTL_QUERY",
		   n == 2 && mib[0] == CTL_HW && mib[1] == HW_PAGESIZE &&
		       sysctl(mib, 2, &page, &len, NULL, 0) == 0 && page == PAGE_SIZE);
	n = name_to_mib("kern.hostname", mib);
	len = sizeof buf;
	mini_check("kern.hostname found with CTL_QUERY",
		   n == 2 && sysctl(mib, 2, buf, &len, NULL, 0) == 0 && len > 1);
	mini_check("no such name", name_to_mib("kern.nosuch", mib) == -ENOENT);

	struct sysctlnode q = {.flags = 0};
	int query[1] = {CTL_QUERY};
	len = sizeof nodes;
	mini_check("CTL_QUERY wants a version",
		   sysctl(query, 1, nodes, &len, &q, sizeof q) == -EINVAL);
	int node[2] = {CTL_KERN};
	len = sizeof buf;
	mini_check("a node is no value", sysctl(node, 1, buf, &len, NULL, 0) == -EINVAL);
	int deep[3] = {CTL_KERN, KERN_OSTYPE, 1};
	mini_check("below a value: ENOTDIR", sysctl(deep, 3, buf, &len, NULL, 0) == -ENOTDIR);
	int ro[2] = {CTL_KERN, KERN_OSTYPE};
	mini_check("write to a read-only value", sysctl(ro, 2, NULL, NULL, "x", 2) == -EPERM);

	/* kern.proc_args.<pid>.argv: this process's arguments */
	int args[4] = {CTL_KERN, 48 /* KERN_PROC_ARGS */, -1, 1 /* KERN_PROC_ARGV */};
	len = sizeof buf;
	mini_check("kern.proc_args argv", sysctl(args, 4, buf, &len, NULL, 0) == 0 &&
					      len == mini_strlen(argv[0]) + 1 &&
					      mini_strcmp(buf, argv[0]) == 0);
	return mini_failures ? 1 : 0;
}
