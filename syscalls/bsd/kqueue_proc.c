/*
 * EVFILT_PROC (filt_proc* in sys/kern/kern_event.c) on a pidfd, which
 * epoll reports readable once the process has exited.  Only NOTE_EXIT is
 * ever reported: NOTE_FORK, NOTE_EXEC and NOTE_TRACK are accepted and
 * never fire (xeno sees no fork or exec of another process).  The exit
 * status is read without reaping the process (waitid WNOWAIT), so the
 * program's own wait still finds it; for a process that is not the
 * program's child the status is not known and reads 0.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/wait.h>

#include "core/fd.h"
#include "core/host.h"
#include "syscalls/bsd/kqueue_impl.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static int proc_attach(struct kq *kq, struct kq_knote *kn)
{
	if (kn->kev.ident == 0 || kn->kev.ident > INT_MAX)
		return -ESRCH;
	long fd = host_syscall2(SYS_pidfd_open, (int)kn->kev.ident, 0);
	if (fd < 0)
		return fd == -EINVAL ? -ESRCH : (int)fd;
	fd = xeno_fd_move_high((int)fd);
	if (fd < 0)
		return (int)fd;
	struct kq_watch *w = kq_watch_new(kq, (int)fd, KQ_WATCH_PROC);
	if (!w) {
		host_syscall1(SYS_close, fd);
		return -ENOMEM;
	}
	w->owner = kn;
	kn->watch = w;
	kn->kev.flags |= KQ_EV_CLEAR; /* automatically set */
	return 0;
}

static void proc_detach(struct kq *kq, struct kq_knote *kn)
{
	int fd = kn->watch->fd;
	kq_watch_free(kq, kn->watch);
	host_syscall1(SYS_close, fd);
}

static int proc_sync(struct kq *kq, struct kq_knote *kn)
{
	struct kq_watch *w = kn->watch;
	bool want = !(kn->status & KN_DISABLED) && !w->exited;
	return kq_watch_epoll(kq, w, want ? EPOLLIN : 0);
}

/* The host wait status of an exited process, 0 if it cannot be read. */
static int64_t exit_status(int pidfd)
{
	siginfo_t si = {0};
	if (host_syscall5(SYS_waitid, P_PIDFD, pidfd, &si, WEXITED | WNOHANG | WNOWAIT, NULL) < 0)
		return 0;
	switch (si.si_code) {
	case CLD_EXITED:
		return (si.si_status & 0xff) << 8;
	case CLD_KILLED:
		return si.si_status;
	case CLD_DUMPED:
		return si.si_status | 0x80;
	}
	return 0;
}

/* filt_proc with NOTE_EXIT: the knote ends with the process (EV_EOF,
 * EV_ONESHOT), reports the exit status if the program asked for
 * NOTE_EXIT, and goes away unreported if it asked for nothing that
 * happened (EV_DROP). */
static void proc_harvest(struct kq *kq, struct kq_watch *w, uint32_t revents)
{
	struct kq_knote *kn = w->owner;
	(void)revents;
	if (w->exited)
		return;
	w->exited = true;
	kq_watch_epoll(kq, w, 0);
	if (kn->sfflags & KQ_NOTE_EXIT) {
		kn->kev.fflags |= KQ_NOTE_EXIT;
		kn->kev.data = exit_status(w->fd);
	}
	kn->kev.flags |= KQ_EV_EOF | KQ_EV_ONESHOT;
	if (kn->kev.fflags == 0)
		kn->kev.flags |= KQ_EV_DROP;
	kq_activate(kq, kn);
}

static bool proc_event(struct kq *kq, struct kq_knote *kn)
{
	(void)kq;
	return kn->kev.fflags != 0;
}

const struct kq_filterops kq_proc_filterops = {
    .attach = proc_attach,
    .detach = proc_detach,
    .event = proc_event,
    .on_register = proc_event,
    .sync = proc_sync,
    .harvest = proc_harvest,
};
