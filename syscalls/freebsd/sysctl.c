/*
 * FreeBSD __sysctl(202) and __sysctlbyname(570): the engine over the node
 * table (sysctl_table.c) with the semantics of sys/kern/kern_sysctl.c, and
 * the handlers that carry guest memory in and out of it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "abi/freebsd/sysctl.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"
#include "syscalls/freebsd/sysctl.h"

/* ---- the transfer functions (sysctl_old_user, sysctl_new_user) ---- */

int freebsd_sysctl_out(struct freebsd_sysctl_req *req, const void *p, size_t l)
{
	size_t origidx = req->oldidx;
	req->oldidx += l;
	if (!req->old)
		return 0;
	size_t room = req->oldlen < FREEBSD_SYSCTL_OUT_MAX ? req->oldlen : FREEBSD_SYSCTL_OUT_MAX;
	size_t i = origidx >= room ? 0 : (l < room - origidx ? l : room - origidx);
	if (i > 0 && p)
		memcpy((char *)req->old + origidx, p, i);
	return i < l ? ENOMEM : 0;
}

int freebsd_sysctl_in(struct freebsd_sysctl_req *req, void *p, size_t l)
{
	if (!req->new)
		return 0;
	if (req->new_fault)
		return EFAULT;
	if (req->newlen < l)
		return EINVAL;
	memcpy(p, req->new, l);
	return 0;
}

size_t freebsd_sysctl_retval(const struct freebsd_sysctl_req *req)
{
	return req->old && req->oldidx > req->oldlen ? req->oldlen : req->oldidx;
}

/* ---- finding nodes ---- */

static unsigned type_of(const struct sysctl_node *n)
{
	return n->kind & FREEBSD_CTLTYPE;
}

/* The node whose MIB is exactly name[0..depth). */
static const struct sysctl_node *node_at(const int *name, unsigned depth)
{
	for (unsigned i = 0; i < freebsd_sysctl_nnodes; i++) {
		const struct sysctl_node *n = &freebsd_sysctl_nodes[i];
		if (n->depth == depth && memcmp(n->mib, name, depth * sizeof *name) == 0)
			return n;
	}
	return NULL;
}

/* The last component of a node's dotted name. */
static const char *leaf_name(const struct sysctl_node *n)
{
	const char *dot = strrchr(n->name, '.');
	return dot ? dot + 1 : n->name;
}

/* The child of parent (NULL: the root) named name[0..len). */
static const struct sysctl_node *child_named(const struct sysctl_node *parent, const char *name,
					     size_t len)
{
	unsigned depth = parent ? parent->depth + 1 : 1;
	for (unsigned i = 0; i < freebsd_sysctl_nnodes; i++) {
		const struct sysctl_node *n = &freebsd_sysctl_nodes[i];
		const char *leaf = leaf_name(n);
		if (n->depth == depth && strlen(leaf) == len && memcmp(leaf, name, len) == 0 &&
		    (!parent || memcmp(n->mib, parent->mib, parent->depth * sizeof(int)) == 0))
			return n;
	}
	return NULL;
}

/* sysctl_find_oid: the node a MIB names, and how many components it took
 * (a node with a handler takes the rest as arguments). */
static int find_oid(const int *name, unsigned namelen, const struct sysctl_node **found,
		    unsigned *indx)
{
	for (unsigned i = 1; i <= namelen && i <= FREEBSD_CTL_MAXNAME; i++) {
		const struct sysctl_node *n = i <= 4 ? node_at(name, i) : NULL;
		if (!n)
			return ENOENT;
		if (type_of(n) == FREEBSD_CTLTYPE_NODE) {
			if (!n->handler && i < namelen)
				continue;
		} else if (i != namelen) {
			return ENOTDIR;
		}
		*found = n;
		*indx = i;
		return 0;
	}
	return ENOENT;
}

/* name2oid: component by component, as far as plain nodes go. */
int freebsd_sysctl_name2oid(const char *name, int *oid, unsigned *len)
{
	const struct sysctl_node *parent = NULL;
	for (*len = 0; *len < FREEBSD_CTL_MAXNAME;) {
		const char *end = strchrnul(name, '.');
		const struct sysctl_node *n = child_named(parent, name, (size_t)(end - name));
		if (!n)
			return ENOENT;
		oid[*len] = n->mib[*len];
		(*len)++;
		name = *end == '.' ? end + 1 : end;
		if (*name == '\0')
			return 0;
		if (type_of(n) != FREEBSD_CTLTYPE_NODE || n->handler)
			break;
		parent = n;
	}
	return ENOENT;
}

/* ---- running a request (sysctl_root) ---- */

int freebsd_sysctl(const int *name, unsigned namelen, struct freebsd_sysctl_req *req)
{
	const struct sysctl_node *n;
	unsigned indx;
	int err = find_oid(name, namelen, &n, &indx);
	if (err)
		return err;
	if (type_of(n) == FREEBSD_CTLTYPE_NODE && !n->handler)
		return EISDIR; /* a node, not a value */
	if (req->new && !(n->kind & FREEBSD_CTLFLAG_WR))
		return EPERM;
	if (type_of(n) == FREEBSD_CTLTYPE_NODE)
		return n->handler(n, name + indx, namelen - indx, req);
	return n->handler(n, NULL, 0, req);
}

/* ---- the sysctl.* nodes ---- */

int freebsd_sysctl_name(const struct sysctl_node *self, const int *name, unsigned namelen,
			struct freebsd_sysctl_req *req)
{
	(void)self;
	int err = 0;
	int known = 1; /* the components so far are in the table */
	for (unsigned i = 0; i < namelen && !err; i++) {
		const struct sysctl_node *n = known && i < 4 ? node_at(name, i + 1) : NULL;
		char num[16];
		const char *part = n ? leaf_name(n) : num;
		if (!n) {
			known = 0;
			snprintf(num, sizeof num, "%d", name[i]);
		}
		if (req->oldidx)
			err = freebsd_sysctl_out(req, ".", 1);
		if (!err)
			err = freebsd_sysctl_out(req, part, strlen(part));
		if (n && (type_of(n) != FREEBSD_CTLTYPE_NODE || n->handler))
			known = 0;
	}
	return err ? err : freebsd_sysctl_out(req, "", 1);
}

int freebsd_sysctl_name2oid_node(const struct sysctl_node *self, const int *a, unsigned na,
				 struct freebsd_sysctl_req *req)
{
	(void)self, (void)a, (void)na;
	char name[FREEBSD_MAXPATHLEN];
	int oid[FREEBSD_CTL_MAXNAME];
	unsigned len;
	if (!req->new || req->newlen == 0)
		return ENOENT;
	if (req->newlen >= FREEBSD_MAXPATHLEN)
		return ENAMETOOLONG;
	int err = freebsd_sysctl_in(req, name, req->newlen);
	if (err)
		return err;
	name[req->newlen] = '\0';
	if ((err = freebsd_sysctl_name2oid(name, oid, &len)))
		return err;
	return freebsd_sysctl_out(req, oid, len * sizeof *oid);
}

int freebsd_sysctl_oidfmt(const struct sysctl_node *self, const int *name, unsigned namelen,
			  struct freebsd_sysctl_req *req)
{
	(void)self;
	const struct sysctl_node *n;
	unsigned indx;
	int err = find_oid(name, namelen, &n, &indx);
	if (err)
		return err;
	if (!n->fmt)
		return ENOENT;
	err = freebsd_sysctl_out(req, &n->kind, sizeof n->kind);
	return err ? err : freebsd_sysctl_out(req, n->fmt, strlen(n->fmt) + 1);
}

/* ---- the system calls ---- */

/* userland_sysctl: guest buffers around the engine.  lenp_on_error says
 * whether *oldlenp is written when the answer did not fit (__sysctl does,
 * __sysctlbyname does not). */
static long run_for_guest(struct xeno_thread *t, const int *mib, unsigned namelen, uint64_t old,
			  uint64_t oldlenp, uint64_t new, size_t newlen, int lenp_on_enomem)
{
	_Static_assert(FREEBSD_SYSCTL_OUT_MAX <= XENO_SCRATCH_SIZE, "sysctl answer in the scratch");
	char *out = (char *)t->scratch;
	char in[FREEBSD_MAXPATHLEN];
	struct freebsd_sysctl_req req = {0};
	if (oldlenp && xeno_copy_in(&req.oldlen, oldlenp, sizeof req.oldlen) < 0)
		return -EFAULT;
	req.old = old ? out : NULL;
	if (new) {
		size_t n = newlen < sizeof in ? newlen : sizeof in;
		req.new = in;
		req.newlen = newlen;
		req.new_fault = xeno_copy_in(in, new, n) < 0;
	}
	int err = freebsd_sysctl(mib, namelen, &req);
	if (err && err != ENOMEM)
		return -err;
	size_t done = freebsd_sysctl_retval(&req);
	size_t copied = done < FREEBSD_SYSCTL_OUT_MAX ? done : FREEBSD_SYSCTL_OUT_MAX;
	if (old && copied && xeno_copy_out(old, out, copied) < 0)
		return -EFAULT;
	if (oldlenp && (err == 0 || lenp_on_enomem) &&
	    xeno_copy_out(oldlenp, &done, sizeof done) < 0)
		return -EFAULT;
	return -err;
}

long freebsd_sys___sysctl(struct xeno_thread *t, uint64_t name, unsigned int namelen, uint64_t old,
			  uint64_t oldlenp, uint64_t new, size_t newlen)
{
	int mib[FREEBSD_CTL_MAXNAME];
	if (namelen > FREEBSD_CTL_MAXNAME || namelen < 2)
		return -EINVAL;
	if (xeno_copy_in(mib, name, namelen * sizeof *mib) < 0)
		return -EFAULT;
	return run_for_guest(t, mib, namelen, old, oldlenp, new, newlen, 1);
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
	struct freebsd_sysctl_req req = {
	    .old = mib, .oldlen = sizeof mib, .new = buf, .newlen = namelen};
	int err = freebsd_sysctl(name2oid, 2, &req);
	if (err)
		return -err;
	return run_for_guest(t, mib, (unsigned)(req.oldidx / sizeof(int)), old, oldlenp, new,
			     newlen, 0);
}
