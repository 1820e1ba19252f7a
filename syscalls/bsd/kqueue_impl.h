/*
 * Inside the kqueue engine (syscalls/bsd/kqueue*.c): the state of one
 * kqueue and its knotes, shared by the files of the engine only.
 *
 * A kqueue is an epoll instance.  Everything epoll can wait on is a
 * "watch", one per host descriptor, whose epoll data is (generation << 32 |
 * descriptor): the guest descriptors of read/write knotes (one watch serves
 * both), the timerfd of a timer, the pidfd of a process, and the kqueue's
 * own eventfd, which is kept readable while knotes are queued so that a
 * thread asleep in epoll_wait wakes for events another thread queued.
 * Knotes whose readiness epoll does not report (EVFILT_USER, descriptors
 * epoll refuses such as regular files) are queued by the engine itself.
 *
 * One mutex per kqueue guards all of it; no host call that blocks is made
 * with it held.
 */
#ifndef XENO_SYSCALLS_BSD_KQUEUE_IMPL_H
#define XENO_SYSCALLS_BSD_KQUEUE_IMPL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "abi/bsd/kevent.h"

#define KQ_HASH 256 /* buckets of the knote and watch tables */

enum kq_watch_kind { KQ_WATCH_FD, KQ_WATCH_TIMER, KQ_WATCH_PROC, KQ_WATCH_WAKE };

/* What a watched guest descriptor is: decides how readiness is measured. */
enum kq_fd_type {
	KQ_FD_PIPE,
	KQ_FD_SOCKET,
	KQ_FD_LISTEN, /* a listening socket */
	KQ_FD_KQUEUE, /* another kqueue (readable when it has events) */
	KQ_FD_OTHER,  /* ttys, devices: whatever poll(2) says */
	/* not in epoll (it refuses them): */
	KQ_FD_VNODE,  /* regular files, directories: FreeBSD's vnode filters */
	KQ_FD_ALWAYS, /* anything else epoll refuses: always ready */
};

struct kq_knote;

struct kq_watch {
	int fd;
	uint32_t gen;
	uint8_t kind;	/* enum kq_watch_kind */
	uint8_t fdtype; /* enum kq_fd_type, for KQ_WATCH_FD */
	bool in_epoll;
	bool exited;		       /* KQ_WATCH_PROC: the exit has been seen */
	struct kq_knote *read, *write; /* KQ_WATCH_FD */
	struct kq_knote *owner;	       /* KQ_WATCH_TIMER, KQ_WATCH_PROC */
	struct kq_watch *next;	       /* hash chain */
};

/* kn_status (kern_event.c KN_*), plus where xeno keeps the knote */
#define KN_ACTIVE   0x01
#define KN_QUEUED   0x02
#define KN_DISABLED 0x04
#define KN_POLLED   0x08 /* on kq->polled: evaluated at every scan */

struct kq_knote {
	struct kq_kevent kev; /* what is reported; kev.flags keep ONESHOT, CLEAR... */
	uint32_t sfflags;     /* the fflags and data the program registered */
	int64_t sdata;
	unsigned status;
	bool triggered; /* EVFILT_USER: kn_hookid */
	struct kq_watch *watch;
	struct kq_knote *hnext;		/* hash chain */
	struct kq_knote *qprev, *qnext; /* the queue of active knotes */
	struct kq_knote *pprev, *pnext; /* kq->polled */
};

struct kq {
	pthread_mutex_t lock;
	int fd;	    /* the guest's descriptor: the epoll instance */
	int epfd;   /* xeno's own duplicate of it, to wait on */
	int wakefd; /* eventfd, readable while knotes are queued */
	int refs;   /* the registry's, and each kevent call's (atomic) */
	bool closing;
	bool wake_set;
	uint32_t next_gen;
	unsigned nqueued;
	struct kq_knote *qhead, *qtail;
	struct kq_knote *polled;
	struct kq_knote *knotes[KQ_HASH];
	struct kq_watch *watches[KQ_HASH];
	struct kq *next; /* in the registry */
};

/* What each filter does (kern_event.c struct filterops, split the way the
 * engine needs it).  All called with kq->lock held. */
struct kq_filterops {
	bool isfd; /* ident is a descriptor */
	/* a new knote: 0 or -errno (the knote is then freed) */
	int (*attach)(struct kq *kq, struct kq_knote *kn);
	void (*detach)(struct kq *kq, struct kq_knote *kn);
	/* whether the event is there now; refreshes kn->kev.data, flags, fflags */
	bool (*event)(struct kq *kq, struct kq_knote *kn);
	/* whether to activate the knote when a change leaves it enabled */
	bool (*on_register)(struct kq *kq, struct kq_knote *kn);
	/* a change to an existing knote (f_touch EVENT_REGISTER); NULL:
	 * store fflags and data */
	int (*touch)(struct kq *kq, struct kq_knote *kn, struct kq_kevent *kev);
	/* the event to report (f_touch EVENT_PROCESS); NULL: a copy of
	 * kn->kev, cleared afterwards for EV_CLEAR */
	void (*process)(struct kq_knote *kn, struct kq_kevent *out);
	/* the knote was enabled, disabled or changed: update epoll */
	int (*sync)(struct kq *kq, struct kq_knote *kn);
	/* epoll reported the knote's watch */
	void (*harvest)(struct kq *kq, struct kq_watch *w, uint32_t revents);
};

/* The operations of a filter: NULL for no such filter (EINVAL), and
 * kq_unsupported_filterops for filters xeno knows but does not implement. */
const struct kq_filterops *kq_filterops(int32_t filter);
extern const struct kq_filterops kq_fd_filterops, kq_user_filterops, kq_timer_filterops,
    kq_proc_filterops, kq_unsupported_filterops;

/* kqueue_knote.c: tables and queue */
struct kq_knote *kq_knote_find(struct kq *kq, uint64_t ident, int32_t filter);
void kq_knote_drop(struct kq *kq, struct kq_knote *kn);
void kq_activate(struct kq *kq, struct kq_knote *kn);
void kq_enqueue(struct kq *kq, struct kq_knote *kn);
void kq_dequeue(struct kq *kq, struct kq_knote *kn);
void kq_polled_set(struct kq *kq, struct kq_knote *kn, bool on);
struct kq_watch *kq_watch_find(struct kq *kq, int fd);
struct kq_watch *kq_watch_new(struct kq *kq, int fd, enum kq_watch_kind kind);
/* Counts kqueues that are guest descriptor fd or watch it (delta +1 or -1):
 * a descriptor none counts closes without visiting the engine. */
void kq_fd_users_add(int fd, int delta);
/* Whether some kqueue may be fd or watch it (true for descriptors beyond
 * the counted range). */
bool kq_fd_used(int fd);
void kq_watch_free(struct kq *kq, struct kq_watch *w);
/* Registers w in epoll for events (0: removes it): 0 or -errno. */
int kq_watch_epoll(struct kq *kq, struct kq_watch *w, uint32_t events);
/* The wake descriptor follows the queue: call before unlocking. */
void kq_wake_update(struct kq *kq);

/* kqueue_knote.c: the two halves of kevent */
int kq_register(struct kq *kq, struct kq_kevent *kev);
void kq_harvest(struct kq *kq, const void *epoll_events, int n);
int kq_collect(struct kq *kq, struct kq_kevent *out, int max);

/* kqueue.c: whether fd is a kqueue's descriptor */
bool kq_is_kqueue_fd(int fd);

#endif
