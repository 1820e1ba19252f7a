/*
 * FreeBSD __sysctl(202) and __sysctlbyname(570): the shared engine
 * (syscalls/bsd/sysctl.c) over FreeBSD's node table (sysctl_table.c), with
 * FreeBSD's dispatch (sys/kern/kern_sysctl.c sysctl_root) and sysctl.*
 * nodes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "abi/freebsd/sysctl.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"
#include "syscalls/freebsd/sysctl.h"

size_t freebsd_sysctl_retval(const struct bsd_sysctl_req *req)
{
	return req->old && req->oldidx > req->oldlen ? req->oldlen : req->oldidx;
}

#define TREE (&freebsd_sysctl_tree)

/* name2oid: component by component, as far as plain nodes go. */
int freebsd_sysctl_name2oid(const char *name, int *oid, unsigned *len)
{
	const struct bsd_sysctl_node *parent = NULL;
	for (*len = 0; *len < FREEBSD_CTL_MAXNAME;) {
		const char *end = strchrnul(name, '.');
		const struct bsd_sysctl_node *n =
		    bsd_sysctl_child_named(TREE, parent, name, (size_t)(end - name));
		if (!n)
			return ENOENT;
		oid[*len] = n->mib[*len];
		(*len)++;
		name = *end == '.' ? end + 1 : end;
		if (*name == '\0')
			return 0;
		if (!bsd_sysctl_is_node(n) || n->handler)
			break;
		parent = n;
	}
	return ENOENT;
}

/* ---- running a request (sysctl_root) ---- */

int freebsd_sysctl(const int *name, unsigned namelen, struct bsd_sysctl_req *req)
{
	const struct bsd_sysctl_node *n;
	unsigned indx;
	int err = bsd_sysctl_find(TREE, name, namelen, &n, &indx);
	if (err)
		return err;
	if (bsd_sysctl_is_node(n) && !n->handler)
		return EISDIR; /* a node, not a value */
	if (req->new && !(n->kind & FREEBSD_CTLFLAG_WR))
		return EPERM;
	if (bsd_sysctl_is_node(n))
		return n->handler(n, name + indx, namelen - indx, req);
	return n->handler(n, NULL, 0, req);
}

/* ---- the sysctl.* nodes ---- */

int freebsd_sysctl_name(const struct bsd_sysctl_node *self, const int *name, unsigned namelen,
			struct bsd_sysctl_req *req)
{
	(void)self;
	int err = 0;
	int known = 1; /* the components so far are in the table */
	for (unsigned i = 0; i < namelen && !err; i++) {
		const struct bsd_sysctl_node *n =
		    known && i < 4 ? bsd_sysctl_node_at(TREE, name, i + 1) : NULL;
		char num[16];
		const char *part = n ? bsd_sysctl_leaf_name(n) : num;
		if (!n) {
			known = 0;
			snprintf(num, sizeof num, "%d", name[i]);
		}
		if (req->oldidx)
			err = bsd_sysctl_out(req, ".", 1);
		if (!err)
			err = bsd_sysctl_out(req, part, strlen(part));
		if (n && (!bsd_sysctl_is_node(n) || n->handler))
			known = 0;
	}
	return err ? err : bsd_sysctl_out(req, "", 1);
}

int freebsd_sysctl_name2oid_node(const struct bsd_sysctl_node *self, const int *a, unsigned na,
				 struct bsd_sysctl_req *req)
{
	(void)self, (void)a, (void)na;
	char name[FREEBSD_MAXPATHLEN];
	int oid[FREEBSD_CTL_MAXNAME];
	unsigned len;
	if (!req->new || req->newlen == 0)
		return ENOENT;
	if (req->newlen >= FREEBSD_MAXPATHLEN)
		return ENAMETOOLONG;
	int err = bsd_sysctl_in(req, name, req->newlen);
	if (err)
		return err;
	name[req->newlen] = '\0';
	if ((err = freebsd_sysctl_name2oid(name, oid, &len)))
		return err;
	return bsd_sysctl_out(req, oid, len * sizeof *oid);
}

int freebsd_sysctl_oidfmt(const struct bsd_sysctl_node *self, const int *name, unsigned namelen,
			  struct bsd_sysctl_req *req)
{
	(void)self;
	const struct bsd_sysctl_node *n;
	unsigned indx;
	int err = bsd_sysctl_find(TREE, name, namelen, &n, &indx);
	if (err)
		return err;
	if (!n->fmt)
		return ENOENT;
	err = bsd_sysctl_out(req, &n->kind, sizeof n->kind);
	return err ? err : bsd_sysctl_out(req, n->fmt, strlen(n->fmt) + 1);
}

/* ---- the system calls ---- */

long freebsd_sys___sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen, uint64_t old,
			  uint64_t oldlenp, uint64_t new, size_t newlen)
{
	int mib[FREEBSD_CTL_MAXNAME];
	if (namelen > FREEBSD_CTL_MAXNAME || namelen < 2)
		return -EINVAL;
	if (xeno_copy_in(mib, name, namelen * sizeof *mib) < 0)
		return -EFAULT;
	return bsd_sysctl_for_guest(t, freebsd_sysctl, mib, namelen, old, oldlenp, new, newlen,
				    BSD_SYSCTL_LENP_FIT);
}

/* kern___sysctlbyname: the name (namelen bytes, no NUL needed) goes through
 * sysctl.name2oid first. */
long freebsd_sys___sysctlbyname(struct xeno_thread *t, uint64_t name, size_t namelen, uint64_t old,
				uint64_t oldlenp, uint64_t new, size_t newlen)
{
	char buf[FREEBSD_MAXPATHLEN + 1];
	int mib[FREEBSD_CTL_MAXNAME];
	if (namelen > FREEBSD_MAXPATHLEN || namelen == 0)
		return -EINVAL;
	if (xeno_copy_in(buf, name, namelen) < 0)
		return -EFAULT;
	static const int name2oid[2] = {FREEBSD_CTL_SYSCTL, FREEBSD_CTL_SYSCTL_NAME2OID};
	struct bsd_sysctl_req req = {
	    .old = mib, .oldlen = sizeof mib, .new = buf, .newlen = namelen};
	int err = freebsd_sysctl(name2oid, 2, &req);
	if (err)
		return -err;
	return bsd_sysctl_for_guest(t, freebsd_sysctl, mib, (unsigned)(req.oldidx / sizeof(int)),
				    old, oldlenp, new, newlen, BSD_SYSCTL_LENP_FIT_ON_SUCCESS);
}
