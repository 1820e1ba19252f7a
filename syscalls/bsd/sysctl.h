/*
 * The sysctl MIB as the BSDs answer it: a table of nodes (dotted name, MIB,
 * the OS's kind word, value source) and the engine both kernels' lookups
 * come to (FreeBSD sys/kern/kern_sysctl.c sysctl_find_oid, sysctl_old_user;
 * NetBSD sys/kern/kern_sysctl.c sysctl_locate, sysctl_lookup).  Each OS
 * keeps its own table, its meta nodes (FreeBSD's sysctl.name2oid, NetBSD's
 * CTL_QUERY) and its dispatch; the engine works on host buffers only, so
 * the unit tests call it directly, and bsd_sysctl_for_guest carries guest
 * memory in and out around it.
 */
#ifndef XENO_SYSCALLS_BSD_SYSCTL_H
#define XENO_SYSCALLS_BSD_SYSCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xeno_thread;

/* No node answers more than this many bytes (a path is the longest). */
#define BSD_SYSCTL_OUT_MAX 8192
/* A node's kind word: FreeBSD's and NetBSD's CTLTYPE field and the type of
 * an inner node coincide (sys/sys/sysctl.h: CTLTYPE 0xf, CTLTYPE_NODE 1). */
#define BSD_CTLTYPE	 0xf
#define BSD_CTLTYPE_NODE 1
/* The most bytes a name or a new value may have (both OSes' MAXPATHLEN). */
#define BSD_SYSCTL_IN_MAX 1024

/* One request (FreeBSD's struct sysctl_req): what the caller offers and asks. */
struct bsd_sysctl_req {
	void *old;	 /* NULL: the caller asks for the size only */
	size_t oldlen;	 /* room the caller has (its *oldlenp); the engine writes
			  * at most min(oldlen, BSD_SYSCTL_OUT_MAX) bytes */
	size_t oldidx;	 /* out: the size of the whole answer */
	const void *new; /* NULL: nothing to set */
	size_t newlen;
	int new_fault; /* new points at unreadable guest memory */
};

struct bsd_sysctl_node;
/* A node's value source: writes its answer with bsd_sysctl_out().
 * args/nargs are the MIB components after a node with a handler. */
typedef int (*bsd_sysctl_handler)(const struct bsd_sysctl_node *n, const int *args, unsigned nargs,
				  struct bsd_sysctl_req *req);

struct bsd_sysctl_node {
	const char *name; /* dotted: "kern.ostype" */
	int mib[4];
	unsigned depth;		    /* components in mib */
	unsigned kind;		    /* the OS's CTLTYPE_* | CTLFLAG_* word */
	const char *fmt;	    /* FreeBSD's format string: "I", "A", "S,timeval" */
	bsd_sysctl_handler handler; /* NULL for a plain node */
	long value;		    /* for constants */
	const char *string;	    /* for constant strings */
	unsigned size;		    /* the value's size where the OS reports it (NetBSD) */
};

struct bsd_sysctl_tree {
	const struct bsd_sysctl_node *nodes;
	unsigned n;
	unsigned maxname; /* CTL_MAXNAME */
};

/* SYSCTL_OUT: appends l bytes of the answer (p may be NULL when only the size
 * is asked); ENOMEM (positive) once the caller's room is exhausted. */
int bsd_sysctl_out(struct bsd_sysctl_req *req, const void *p, size_t l);
/* SYSCTL_IN: takes l bytes of the new value; EINVAL if fewer were given. */
int bsd_sysctl_in(struct bsd_sysctl_req *req, void *p, size_t l);

static inline bool bsd_sysctl_is_node(const struct bsd_sysctl_node *n)
{
	return (n->kind & BSD_CTLTYPE) == BSD_CTLTYPE_NODE;
}
/* The node whose MIB is exactly name[0..depth), or NULL. */
const struct bsd_sysctl_node *bsd_sysctl_node_at(const struct bsd_sysctl_tree *tr, const int *name,
						 unsigned depth);
/* The last component of a node's dotted name. */
const char *bsd_sysctl_leaf_name(const struct bsd_sysctl_node *n);
/* The child of parent (NULL: the root) named name[0..len), or NULL. */
const struct bsd_sysctl_node *bsd_sysctl_child_named(const struct bsd_sysctl_tree *tr,
						     const struct bsd_sysctl_node *parent,
						     const char *name, size_t len);
/* The node a MIB names and how many components it took: 0, ENOENT, or
 * ENOTDIR when the MIB goes on below a value.  A node with a handler takes
 * the rest as arguments; a plain inner node is found only as the last
 * component. */
int bsd_sysctl_find(const struct bsd_sysctl_tree *tr, const int *name, unsigned namelen,
		    const struct bsd_sysctl_node **found, unsigned *indx);

/* Value sources the OSes' tables share. */
int bsd_sysctl_int(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		   struct bsd_sysctl_req *req); /* n->value as an int */
int bsd_sysctl_string(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		      struct bsd_sysctl_req *req); /* n->string */
int bsd_sysctl_hostname(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req);
int bsd_sysctl_domainname(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			  struct bsd_sysctl_req *req);
/* as many random bytes as the caller has room for, at most 256 */
int bsd_sysctl_arandom(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		       struct bsd_sysctl_req *req);
int bsd_sysctl_ncpu(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		    struct bsd_sysctl_req *req);
/* the host's RAM, as an unsigned long */
int bsd_sysctl_physmem(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		       struct bsd_sysctl_req *req);
/* the CPUID brand string */
int bsd_sysctl_model(const struct bsd_sysctl_node *n, const int *a, unsigned na,
		     struct bsd_sysctl_req *req);
/* the initial stack's top, as an unsigned long */
int bsd_sysctl_usrstack(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req);
/* the hard RLIMIT_NOFILE, as an int */
int bsd_sysctl_maxfiles(const struct bsd_sysctl_node *n, const int *a, unsigned na,
			struct bsd_sysctl_req *req);
/* The path of process args[0] (-1: this one), exactly one argument. */
int bsd_sysctl_pathname_of(const int *args, unsigned nargs, struct bsd_sysctl_req *req);

/* How *oldlenp is written back. */
enum bsd_sysctl_lenp {
	/* the answer's size, or the room when it did not fit; written on
	 * success and on ENOMEM (FreeBSD __sysctl) */
	BSD_SYSCTL_LENP_FIT,
	/* the same, on success only (FreeBSD __sysctlbyname) */
	BSD_SYSCTL_LENP_FIT_ON_SUCCESS,
	/* the answer's whole size, whatever the outcome; a buffer too small is
	 * ENOMEM (NetBSD sys___sysctl) */
	BSD_SYSCTL_LENP_NEEDED,
};

/* Runs a request of the OS on the MIB name[0..namelen): 0 or a positive
 * host errno. */
typedef int (*bsd_sysctl_dispatch)(const int *name, unsigned namelen, struct bsd_sysctl_req *req);

/* userland_sysctl: the guest's buffers around run.  Returns 0 or -errno. */
long bsd_sysctl_for_guest(struct xeno_thread *t, bsd_sysctl_dispatch run, const int *mib,
			  unsigned namelen, uint64_t old, uint64_t oldlenp, uint64_t new,
			  size_t newlen, enum bsd_sysctl_lenp lenp);

#endif
