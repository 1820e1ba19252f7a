/* The sysctl engine and its system calls (sys/kern/kern_sysctl.c semantics). */
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/thread.h"
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "abi/freebsd/exec.h"
#include "abi/freebsd/sysctl.h"
#include "core/process.h"
#include "syscalls/freebsd/freebsd.h"
#include "syscalls/freebsd/sysctl.h"

/* Reads a MIB into buf (room bytes): the error; *len the retval. */
static int get(const int *mib, unsigned n, void *buf, size_t room, size_t *len)
{
	struct bsd_sysctl_req req = {.old = buf, .oldlen = room};
	int err = freebsd_sysctl(mib, n, &req);
	*len = freebsd_sysctl_retval(&req);
	return err;
}

static void name2oid_every_node(void **state)
{
	(void)state;
	for (unsigned i = 0; i < freebsd_sysctl_tree.n; i++) {
		const struct bsd_sysctl_node *n = &freebsd_sysctl_tree.nodes[i];
		int oid[FREEBSD_CTL_MAXNAME];
		unsigned len;
		assert_int_equal(freebsd_sysctl_name2oid(n->name, oid, &len), 0);
		assert_int_equal(len, n->depth);
		assert_memory_equal(oid, n->mib, len * sizeof(int));
	}
	int oid[FREEBSD_CTL_MAXNAME];
	unsigned len;
	assert_int_equal(freebsd_sysctl_name2oid("kern.", oid, &len), 0);
	assert_int_equal(len, 1);
	assert_int_equal(freebsd_sysctl_name2oid("kern.nosuch", oid, &len), ENOENT);
	assert_int_equal(freebsd_sysctl_name2oid("kern..ostype", oid, &len), ENOENT);
	assert_int_equal(freebsd_sysctl_name2oid("kern.ostype.x", oid, &len), ENOENT);
	assert_int_equal(freebsd_sysctl_name2oid("", oid, &len), ENOENT);
	/* The fixed numbers from sys/sys/sysctl.h; dynamic ones from 0x100 on. */
	assert_int_equal(freebsd_sysctl_name2oid("kern.proc.pathname", oid, &len), 0);
	assert_int_equal(len, 3);
	assert_int_equal(oid[0], 1);
	assert_int_equal(oid[1], 14);
	assert_int_equal(oid[2], 12);
	assert_int_equal(freebsd_sysctl_name2oid("kern.smp.cpus", oid, &len), 0);
	assert_true(oid[1] >= FREEBSD_CTL_AUTO_START && oid[2] >= FREEBSD_CTL_AUTO_START);
	assert_int_equal(freebsd_sysctl_name2oid("hw.pagesize", oid, &len), 0);
	assert_int_equal(oid[0], 6);
	assert_int_equal(oid[1], 7);
}

static void reads_strings_and_ints(void **state)
{
	(void)state;
	char buf[256];
	size_t len;
	int v;
	static const int ostype[] = {1, 1}, osreldate[] = {1, 24}, pagesize[] = {6, 7};
	assert_int_equal(get(ostype, 2, buf, sizeof buf, &len), 0);
	assert_int_equal(len, 8);
	assert_string_equal(buf, "FreeBSD");
	assert_int_equal(get(osreldate, 2, &v, sizeof v, &len), 0);
	assert_int_equal(len, sizeof v);
	assert_int_equal(v, FREEBSD_OSRELDATE);
	assert_int_equal(get(pagesize, 2, &v, sizeof v, &len), 0);
	assert_int_equal(v, 4096);
	static const int hostname[] = {1, 10};
	struct utsname u;
	uname(&u);
	assert_int_equal(get(hostname, 2, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, u.nodename);
	static const int machine[] = {6, 1}, iov_max[] = {1, 35}, osrev[] = {1, 3};
	assert_int_equal(get(machine, 2, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, "amd64");
	assert_int_equal(get(iov_max, 2, &v, sizeof v, &len), 0);
	assert_int_equal(v, 1024);
	assert_int_equal(get(osrev, 2, &v, sizeof v, &len), 0);
	assert_int_equal(v, 199506);
}

static void reads_structs_and_longs(void **state)
{
	(void)state;
	struct {
		int64_t sec, usec;
	} tv;
	unsigned long ul;
	size_t len;
	static const int boottime[] = {1, 21}, physmem[] = {6, 5}, usrstack[] = {1, 33};
	assert_int_equal(get(boottime, 2, &tv, sizeof tv, &len), 0);
	assert_int_equal(len, 16);
	assert_true(tv.sec > 0 && tv.sec <= time(NULL) && tv.usec >= 0 && tv.usec < 1000000);
	assert_int_equal(get(physmem, 2, &ul, sizeof ul, &len), 0);
	assert_int_equal(len, 8);
	assert_true(ul > (1UL << 20));
	xeno_proc.stack_top = 0x7ffffffff000;
	assert_int_equal(get(usrstack, 2, &ul, sizeof ul, &len), 0);
	assert_int_equal(ul, 0x7ffffffff000);
}

static void size_queries(void **state)
{
	(void)state;
	static const int ostype[] = {1, 1}, ncpu[] = {6, 3}, boottime[] = {1, 21};
	struct bsd_sysctl_req req = {.old = NULL, .oldlen = 0};
	assert_int_equal(freebsd_sysctl(ostype, 2, &req), 0);
	assert_int_equal(freebsd_sysctl_retval(&req), 8);
	req = (struct bsd_sysctl_req){0};
	assert_int_equal(freebsd_sysctl(ncpu, 2, &req), 0);
	assert_int_equal(freebsd_sysctl_retval(&req), sizeof(int));
	req = (struct bsd_sysctl_req){0};
	assert_int_equal(freebsd_sysctl(boottime, 2, &req), 0);
	assert_int_equal(freebsd_sysctl_retval(&req), 16);
}

/* Too little room: a partial copy, ENOMEM, and *oldlenp the room used. */
static void enomem_partial_copy(void **state)
{
	(void)state;
	static const int ostype[] = {1, 1}, ncpu[] = {6, 3};
	char buf[8] = "xxxxxxx";
	size_t len;
	assert_int_equal(get(ostype, 2, buf, 3, &len), ENOMEM);
	assert_int_equal(len, 3);
	assert_memory_equal(buf, "Frexxxx", 8);
	short s = 0x5a5a;
	assert_int_equal(get(ncpu, 2, &s, 2, &len), ENOMEM);
	assert_int_equal(len, 2);
	assert_int_equal(get(ncpu, 2, buf, 0, &len), ENOMEM);
	assert_int_equal(len, 0);
}

static void errors(void **state)
{
	(void)state;
	char buf[64];
	size_t len;
	static const int unknown[] = {1, 9999}, top[] = {42, 1}, under_leaf[] = {1, 1, 5},
			 node[] = {1, 14}, root[] = {6};
	assert_int_equal(get(unknown, 2, buf, sizeof buf, &len), ENOENT);
	assert_int_equal(get(top, 2, buf, sizeof buf, &len), ENOENT);
	assert_int_equal(get(under_leaf, 3, buf, sizeof buf, &len), ENOTDIR);
	assert_int_equal(get(node, 2, buf, sizeof buf, &len), EISDIR);
	assert_int_equal(get(root, 1, buf, sizeof buf, &len), EISDIR);
	/* Every node here is read-only: a new value (even empty) is EPERM. */
	static const int ostype[] = {1, 1}, hostname[] = {1, 10};
	struct bsd_sysctl_req req = {.old = buf, .oldlen = sizeof buf, .new = "x", .newlen = 1};
	assert_int_equal(freebsd_sysctl(ostype, 2, &req), EPERM);
	req = (struct bsd_sysctl_req){.new = "", .newlen = 0};
	assert_int_equal(freebsd_sysctl(hostname, 2, &req), EPERM);
}

static void pathname(void **state)
{
	(void)state;
	char buf[PATH_MAX];
	size_t len;
	snprintf(xeno_proc.exe_path, sizeof xeno_proc.exe_path, "/usr/local/bin/guest");
	int mib[4] = {1, 14, 12, -1};
	assert_int_equal(get(mib, 4, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, "/usr/local/bin/guest");
	assert_int_equal(len, strlen("/usr/local/bin/guest") + 1);
	mib[3] = getpid();
	assert_int_equal(get(mib, 4, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, "/usr/local/bin/guest");
	assert_int_equal(get(mib, 3, buf, sizeof buf, &len), EINVAL);
	mib[3] = 0x7ffffff0; /* no such process */
	assert_int_equal(get(mib, 4, buf, sizeof buf, &len), ESRCH);
}

static void arandom(void **state)
{
	(void)state;
	unsigned char buf[300];
	size_t len;
	static const int mib[] = {1, 37};
	assert_int_equal(get(mib, 2, buf, sizeof buf, &len), 0);
	assert_int_equal(len, 256);
	assert_int_equal(get(mib, 2, buf, 16, &len), 0);
	assert_int_equal(len, 16);
	struct bsd_sysctl_req req = {.old = NULL, .oldlen = 40};
	assert_int_equal(freebsd_sysctl(mib, 2, &req), 0);
	assert_int_equal(freebsd_sysctl_retval(&req), 40);
}

static void meta_nodes(void **state)
{
	(void)state;
	int oid[FREEBSD_CTL_MAXNAME];
	static const int name2oid[] = {0, 3};
	/* The name goes in as the new value, without a NUL. */
	struct bsd_sysctl_req req = {
	    .old = oid, .oldlen = sizeof oid, .new = "kern.ostypeXX", .newlen = 11};
	assert_int_equal(freebsd_sysctl(name2oid, 2, &req), 0);
	assert_int_equal(freebsd_sysctl_retval(&req), 2 * sizeof(int));
	assert_int_equal(oid[0], 1);
	assert_int_equal(oid[1], 1);
	req = (struct bsd_sysctl_req){.old = oid, .oldlen = sizeof oid, .new = "x", .newlen = 0};
	assert_int_equal(freebsd_sysctl(name2oid, 2, &req), ENOENT);
	static char longname[FREEBSD_MAXPATHLEN];
	memset(longname, 'a', sizeof longname);
	req = (struct bsd_sysctl_req){
	    .old = oid, .oldlen = sizeof oid, .new = longname, .newlen = sizeof longname};
	assert_int_equal(freebsd_sysctl(name2oid, 2, &req), ENAMETOOLONG);

	char buf[64];
	size_t len;
	static const int name[] = {0, 1, 1, 1}, partly[] = {0, 1, 1, 9999, 3};
	assert_int_equal(get(name, 4, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, "kern.ostype");
	assert_int_equal(get(partly, 5, buf, sizeof buf, &len), 0);
	assert_string_equal(buf, "kern.9999.3");
	static const int fmt[] = {0, 4, 1, 1};
	assert_int_equal(get(fmt, 4, buf, sizeof buf, &len), 0);
	unsigned kind;
	memcpy(&kind, buf, sizeof kind);
	assert_int_equal(kind & FREEBSD_CTLTYPE, FREEBSD_CTLTYPE_STRING);
	assert_string_equal(buf + sizeof kind, "A");
}

/* The system calls: namelen bounds, EFAULT, and when *oldlenp is written. */
/* The handlers work in the calling thread's state (its scratch space). */
static struct xeno_thread *test_thread(void)
{
	static struct xeno_thread *t;
	if (!t) {
		t = calloc(1, sizeof *t);
		assert_non_null(t);
		t->host_tls = 1;
	}
	return t;
}

static void syscalls(void **state)
{
	(void)state;
	unit_catch_guest_faults();
	int mib[FREEBSD_CTL_MAXNAME + 1] = {1, 1};
	char buf[64];
	size_t len = sizeof buf;
	assert_int_equal(freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 1, (uint64_t)buf,
					      (uint64_t)&len, 0, 0),
			 -EINVAL);
	assert_int_equal(freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 25, (uint64_t)buf,
					      (uint64_t)&len, 0, 0),
			 -EINVAL);
	assert_int_equal(
	    freebsd_sys___sysctl(test_thread(), 16, 2, (uint64_t)buf, (uint64_t)&len, 0, 0),
	    -EFAULT);
	assert_int_equal(
	    freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 2, (uint64_t)buf, 16, 0, 0),
	    -EFAULT);
	len = 4;
	assert_int_equal(freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 2, (uint64_t)buf,
					      (uint64_t)&len, 0, 0),
			 -ENOMEM);
	assert_int_equal(len, 4);
	assert_memory_equal(buf, "Free", 4);
	len = sizeof buf;
	assert_int_equal(freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 2, (uint64_t)buf,
					      (uint64_t)&len, 0, 0),
			 0);
	assert_int_equal(len, 8);
	/* By name: no NUL needed; *oldlenp untouched when the answer did not fit. */
	static const char name[] = "kern.osreleaseXYZ";
	len = sizeof buf;
	assert_int_equal(freebsd_sys___sysctlbyname(test_thread(), (uint64_t)name, 14,
						    (uint64_t)buf, (uint64_t)&len, 0, 0),
			 0);
	assert_string_equal(buf, FREEBSD_OSRELEASE);
	assert_int_equal(len, sizeof FREEBSD_OSRELEASE);
	len = 2;
	assert_int_equal(freebsd_sys___sysctlbyname(test_thread(), (uint64_t)name, 14,
						    (uint64_t)buf, (uint64_t)&len, 0, 0),
			 -ENOMEM);
	assert_int_equal(len, 2);
	assert_int_equal(freebsd_sys___sysctlbyname(test_thread(), (uint64_t) "kern.nosuch", 11,
						    (uint64_t)buf, (uint64_t)&len, 0, 0),
			 -ENOENT);
	assert_int_equal(freebsd_sys___sysctlbyname(test_thread(), (uint64_t)name, 0, (uint64_t)buf,
						    (uint64_t)&len, 0, 0),
			 -EINVAL);
	/* Writing: EPERM, even with an unreadable new buffer. */
	assert_int_equal(freebsd_sys___sysctl(test_thread(), (uint64_t)mib, 2, 0, 0, 16, 4),
			 -EPERM);
}

int main(void)
{
	RUN(cmocka_unit_test(name2oid_every_node), cmocka_unit_test(reads_strings_and_ints),
	    cmocka_unit_test(reads_structs_and_longs), cmocka_unit_test(size_queries),
	    cmocka_unit_test(enomem_partial_copy), cmocka_unit_test(errors),
	    cmocka_unit_test(pathname), cmocka_unit_test(arandom), cmocka_unit_test(meta_nodes),
	    cmocka_unit_test(syscalls));
}
