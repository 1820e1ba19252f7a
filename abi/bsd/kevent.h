/*
 * struct kevent as the kqueue engine (syscalls/bsd/kqueue.c) sees it: one
 * neutral form in host terms, whatever layout and numbering a BSD gives it.
 * Each BSD personality converts its own struct kevent to and from this form
 * (abi/<os>/event.c) through a struct kq_codec.
 *
 * The values below are xeno's own, deliberately unlike any BSD's, so that a
 * conversion that forgets a table shows up in the tests.  What the fields
 * carry follows FreeBSD's kern_event.c; where a field holds an error number,
 * a wait status or a signal, it is in host (Linux) terms here.
 */
#ifndef XENO_ABI_BSD_KEVENT_H
#define XENO_ABI_BSD_KEVENT_H

#include <stddef.h>
#include <stdint.h>

/* Filters.  KQ_FILTER_NONE is a change the kernel skips (FreeBSD's
 * kqueue_kevent ignores entries whose filter is 0). */
enum kq_filter {
	KQ_FILTER_NONE,
	KQ_FILTER_READ,
	KQ_FILTER_WRITE,
	KQ_FILTER_AIO,
	KQ_FILTER_VNODE,
	KQ_FILTER_PROC,
	KQ_FILTER_SIGNAL,
	KQ_FILTER_TIMER,
	KQ_FILTER_PROCDESC,
	KQ_FILTER_FS,
	KQ_FILTER_LIO,
	KQ_FILTER_USER,
	KQ_FILTER_SENDFILE,
	KQ_FILTER_EMPTY,
	KQ_FILTER_COUNT,
};

/* flags: actions, then behaviours kept with the knote, then results */
#define KQ_EV_ADD	   (1u << 0)
#define KQ_EV_DELETE	   (1u << 1)
#define KQ_EV_ENABLE	   (1u << 2)
#define KQ_EV_DISABLE	   (1u << 3)
#define KQ_EV_FORCEONESHOT (1u << 4)
#define KQ_EV_KEEPUDATA	   (1u << 5)
#define KQ_EV_ONESHOT	   (1u << 6)
#define KQ_EV_CLEAR	   (1u << 7)
#define KQ_EV_RECEIPT	   (1u << 8)
#define KQ_EV_DISPATCH	   (1u << 9)
#define KQ_EV_EOF	   (1u << 10) /* result: end of file; fflags = host errno */
#define KQ_EV_ERROR	   (1u << 11) /* result: data = host errno */
#define KQ_EV_DROP	   (1u << 12) /* engine-internal: drop without reporting */
/* With EV_ONESHOT on a descriptor's READ and WRITE knotes: the two are one
 * registration (an illumos event port's association).  Reporting either
 * deletes both, and sets KQ_EV_OTHER in the event when the other is
 * enabled and its event holds too. */
#define KQ_EV_ASSOC (1u << 13)
#define KQ_EV_OTHER (1u << 14) /* result: see KQ_EV_ASSOC */

/* fflags of EVFILT_READ / EVFILT_WRITE */
#define KQ_NOTE_LOWAT	  (1u << 0) /* data is the low-water mark */
#define KQ_NOTE_FILE_POLL (1u << 1) /* a file is readable even at its end */

/* fflags of EVFILT_TIMER: the unit of data (none: milliseconds), absolute */
#define KQ_NOTE_ABSTIME	 (1u << 0)
#define KQ_NOTE_SECONDS	 (1u << 1)
#define KQ_NOTE_MSECONDS (1u << 2)
#define KQ_NOTE_USECONDS (1u << 3)
#define KQ_NOTE_NSECONDS (1u << 4)

/* fflags of EVFILT_PROC.  With KQ_NOTE_EXIT in a reported event, data is
 * the host wait status of the process. */
#define KQ_NOTE_EXIT	 (1u << 0)
#define KQ_NOTE_FORK	 (1u << 1)
#define KQ_NOTE_EXEC	 (1u << 2)
#define KQ_NOTE_TRACK	 (1u << 3)
#define KQ_NOTE_TRACKERR (1u << 4)
#define KQ_NOTE_CHILD	 (1u << 5)

/* fflags of EVFILT_USER.  The one part that keeps a BSD's own bit layout:
 * its low 24 bits are the program's, copied as they are, so the control
 * bits keep their places too (FreeBSD and NetBSD share these values). */
#define KQ_NOTE_FFLAGSMASK 0x00ffffffu
#define KQ_NOTE_TRIGGER	   0x01000000u
#define KQ_NOTE_FFCTRLMASK 0xc0000000u
#define KQ_NOTE_FFNOP	   0x00000000u
#define KQ_NOTE_FFAND	   0x40000000u
#define KQ_NOTE_FFOR	   0x80000000u
#define KQ_NOTE_FFCOPY	   0xc0000000u

struct kq_kevent {
	uint64_t ident;
	int32_t filter; /* enum kq_filter */
	uint32_t flags; /* KQ_EV_* */
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
	uint64_t ext[4];
};

/*
 * How one BSD lays out struct kevent in guest memory: size of one entry and
 * the pure conversions.  to_host fails with -EINVAL on a filter or flag bit
 * the OS does not define; it converts a change whose filter is 0 to
 * KQ_FILTER_NONE without looking further (the kernel skips those).
 * set_error turns a foreign entry into the error report kevent(2) writes
 * for a failed change: flags = EV_ERROR, data = the foreign errno.
 */
struct kq_codec {
	size_t size;
	int (*to_host)(const void *foreign, struct kq_kevent *kev);
	int (*from_host)(const struct kq_kevent *kev, void *foreign);
	void (*set_error)(void *foreign, int host_errno);
};

/*
 * What a BSD's own struct kevent numbering is: the tables a codec reads to
 * turn one entry into the neutral form and back (abi/bsd/kevent.c does the
 * work; each layout only moves its fields into struct bsd_kevent_fields).
 */
struct xeno_flagset;
struct bsd_kevent_facts {
	const struct xeno_flagset *filters; /* enum: foreign filter <-> KQ_FILTER_* */
	const struct xeno_flagset *flags;   /* EV_* <-> KQ_EV_* */
	uint32_t sysflags;		    /* bits the kernel clears in a change */
	uint8_t zero_filter_skipped;	    /* a change with filter 0 is skipped */
	/* fflags of the filters xeno interprets (NULL: passed through) */
	const struct xeno_flagset *note_rw, *note_timer, *note_proc, *note_user;
	uint32_t user_fflagsmask; /* EVFILT_USER's bits that are the program's */
	int (*errno_from_host)(int host_errno);
	int (*signal_from_host)(int host_sig);
};

/* The fields every BSD's struct kevent has, at their widest: the filter
 * sign-extended where the OS's is signed (FreeBSD's short). */
struct bsd_kevent_fields {
	uint64_t ident;
	int64_t filter;
	uint32_t flags;
	uint32_t fflags;
	int64_t data;
	uint64_t udata;
};

/* One entry each way: 0, or -EINVAL for a value the OS (or xeno's neutral
 * form) does not define. */
int bsd_kevent_to_host(const struct bsd_kevent_facts *f, const struct bsd_kevent_fields *c,
		       struct kq_kevent *kev);
int bsd_kevent_from_host(const struct bsd_kevent_facts *f, const struct kq_kevent *kev,
			 struct bsd_kevent_fields *c);
/* The data of the error report kevent(2) writes for a failed change. */
int64_t bsd_kevent_error_data(const struct bsd_kevent_facts *f, int host_errno);

#endif
