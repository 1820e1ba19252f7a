/*
 * The kqueue engine on host descriptors: pipes, sockets, regular files,
 * directories, devices, other kqueues and processes; edge (EV_CLEAR) and
 * level knotes, EOF, the close hook, and Go's netpoller pattern.
 */
#include "unit.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "kqtest.h"

/* The event for (ident, filter) among n, or NULL. */
static const struct kq_kevent *find(const struct kq_kevent *ev, long n, uint64_t ident,
				    int32_t filter)
{
	for (long i = 0; i < n; i++)
		if (ev[i].ident == ident && ev[i].filter == filter)
			return &ev[i];
	return NULL;
}

static void write_n(int fd, int n)
{
	char buf[64] = {0};
	assert_int_equal(write(fd, buf, (size_t)n), n);
}

/* Go's way: READ and WRITE with EV_CLEAR; events come once per change. */
static void pipe_edge(void **state)
{
	int p[2];
	struct kq_kevent ev[4];
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	struct kq_kevent ch[2] = {
	    kev(p[0], KQ_FILTER_READ, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0x1000),
	    kev(p[1], KQ_FILTER_WRITE, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0x2000),
	};
	assert_int_equal(kq_call(KQ, ch, 2, NULL, 0, 0), 0);
	long n = kq_poll(KQ, ev, 4);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].ident, p[1]);
	assert_int_equal(ev[0].udata, 0x2000);
	assert_true(ev[0].data > 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	write_n(p[1], 5);
	n = kq_poll(KQ, ev, 4);
	const struct kq_kevent *r = find(ev, n, p[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_int_equal(r->data, 5);
	assert_int_equal(r->udata, 0x1000);
	assert_int_equal(r->flags, KQ_EV_CLEAR);
	assert_null(find(ev, kq_poll(KQ, ev, 4), p[0], KQ_FILTER_READ));
	write_n(p[1], 3);
	n = kq_poll(KQ, ev, 4);
	r = find(ev, n, p[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_int_equal(r->data, 8);
	close_fd(p[1]);
	n = kq_poll(KQ, ev, 4);
	r = find(ev, n, p[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_true(r->flags & KQ_EV_EOF);
	assert_int_equal(r->data, 8);
	close_fd(p[0]);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
}

/* Level-triggered: reported while the data is there. */
static void pipe_level(void **state)
{
	int p[2];
	char buf[16];
	struct kq_kevent ev[4];
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	write_n(p[1], 4);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(kq_poll(KQ, ev, 4), 1);
		assert_int_equal(ev[0].data, 4);
		assert_int_equal(ev[0].flags, 0);
	}
	assert_int_equal(read(p[0], buf, sizeof buf), 4);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	/* disabled: silent; enabled again: reported */
	write_n(p[1], 2);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_DISABLE, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ENABLE, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	/* the writer goes away: EOF, still readable */
	close_fd(p[1]);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_true(ev[0].flags & KQ_EV_EOF);
	close_fd(p[0]);
}

static void pipe_dispatch_oneshot_lowat(void **state)
{
	int p[2];
	struct kq_kevent ev[4];
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	write_n(p[1], 6);
	assert_int_equal(
	    kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ADD | KQ_EV_DISPATCH, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(kq_poll(KQ, ev, 4), 0); /* disabled, data still there */
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ENABLE, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), 0);

	assert_int_equal(
	    kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ADD | KQ_EV_ONESHOT, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].data, 6);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), -ENOENT);

	/* NOTE_LOWAT: not before 10 bytes */
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ADD, KQ_NOTE_LOWAT, 10, 0)),
			 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	write_n(p[1], 4);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].data, 10);
	close_fd(p[0]);
	close_fd(p[1]);
}

/* A pipe without readers: WRITE reports EOF with data 0. */
static void pipe_write_eof(void **state)
{
	int p[2];
	struct kq_kevent ev[4];
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	assert_int_equal(
	    kq_change(KQ, kev(p[1], KQ_FILTER_WRITE, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_false(ev[0].flags & KQ_EV_EOF);
	close_fd(p[0]);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_true(ev[0].flags & KQ_EV_EOF);
	assert_int_equal(ev[0].data, 0);
	close_fd(p[1]);
}

/* One descriptor, two knotes: a level READ beside an EV_CLEAR WRITE. */
static void socket_mixed(void **state)
{
	int s[2];
	char buf[16];
	struct kq_kevent ev[4];
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s), 0);
	struct kq_kevent ch[2] = {
	    kev(s[0], KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 1),
	    kev(s[0], KQ_FILTER_WRITE, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 2),
	};
	assert_int_equal(kq_call(KQ, ch, 2, NULL, 0, 0), 0);
	long n = kq_poll(KQ, ev, 4);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].filter, KQ_FILTER_WRITE);
	assert_int_equal(ev[0].udata, 2);
	assert_true(ev[0].data > 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	write_n(s[1], 7);
	n = kq_poll(KQ, ev, 4);
	const struct kq_kevent *r = find(ev, n, s[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_int_equal(r->data, 7);
	/* level READ again; the cleared WRITE not, nothing changed */
	n = kq_poll(KQ, ev, 4);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].filter, KQ_FILTER_READ);
	assert_int_equal(read(s[0], buf, sizeof buf), 7);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	/* the peer hangs up: EOF on READ */
	close_fd(s[1]);
	n = kq_poll(KQ, ev, 4);
	r = find(ev, n, s[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_true(r->flags & KQ_EV_EOF);
	assert_int_equal(r->fflags, 0);
	close_fd(s[0]);
}

/* Regular files and directories: epoll refuses them, FreeBSD does not. */
static void regular_file(void **state)
{
	char path[] = "/tmp/xeno-kq-XXXXXX";
	char buf[4];
	struct kq_kevent ev[4];
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	write_n(fd, 10);
	lseek(fd, 0, SEEK_SET);
	assert_int_equal(kq_change(KQ, kev(fd, KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].data, 10);
	assert_int_equal(read(fd, buf, 4), 4);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].data, 6);
	lseek(fd, 0, SEEK_END);
	assert_int_equal(kq_poll(KQ, ev, 4), 0); /* at the end: not ready */
	assert_int_equal(kq_change(KQ, kev(fd, KQ_FILTER_READ, KQ_EV_ADD, KQ_NOTE_FILE_POLL, 0, 0)),
			 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].data, 0);
	assert_int_equal(kq_change(KQ, kev(fd, KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), 0);
	/* WRITE: always, data 0; EV_CLEAR: once */
	assert_int_equal(kq_change(KQ, kev(fd, KQ_FILTER_WRITE, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0)),
			 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].filter, KQ_FILTER_WRITE);
	assert_int_equal(ev[0].data, 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	close_fd(fd);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);

	int dir = open("/", O_RDONLY | O_DIRECTORY);
	assert_true(dir >= 0);
	assert_int_equal(kq_change(KQ, kev(dir, KQ_FILTER_READ, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0)),
			 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_true(ev[0].data > 0);
	close_fd(dir);

	int null = open("/dev/null", O_RDWR);
	assert_true(null >= 0);
	assert_int_equal(kq_change(KQ, kev(null, KQ_FILTER_WRITE, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	close_fd(null);
}

/* Closing a descriptor removes its knotes: the number, reused, starts
 * clean. */
static void close_removes_knotes(void **state)
{
	int p[2], q[2];
	struct kq_kevent ev[4];
	assert_int_equal(pipe2(p, O_NONBLOCK), 0);
	write_n(p[1], 1);
	assert_int_equal(kq_change(KQ, kev(p[0], KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	int old = p[0];
	close_fd(p[0]);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(pipe2(q, O_NONBLOCK), 0);
	assert_int_equal(q[0], old);
	write_n(q[1], 1);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(kq_change(KQ, kev(old, KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), -ENOENT);
	assert_int_equal(kq_change(KQ, kev(old, KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	close_fd(p[1]);
	close_fd(q[0]);
	close_fd(q[1]);
}

/* A kqueue in a kqueue: readable while it has events. */
static void nested_kqueue(void **state)
{
	struct kq_kevent ev[4];
	long inner = kq_create(0);
	assert_true(inner >= 0);
	assert_int_equal(kq_change((int)inner, kev(1, KQ_FILTER_USER, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_change(KQ, kev(inner, KQ_FILTER_READ, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(kq_change(KQ, kev(inner, KQ_FILTER_WRITE, KQ_EV_ADD, 0, 0, 0)), -EINVAL);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(kq_change((int)inner, kev(1, KQ_FILTER_USER, 0, KQ_NOTE_TRIGGER, 0, 0)),
			 0);
	assert_int_equal(kq_poll(KQ, ev, 4), 1);
	assert_int_equal(ev[0].ident, inner);
	assert_int_equal(kq_poll((int)inner, ev, 4), 1);
	close_fd((int)inner);
	assert_int_equal(kq_change(KQ, kev(inner, KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), -EBADF);
}

/* EVFILT_PROC with NOTE_EXIT: the exit status, once; the process is left
 * for the parent to reap. */
static void process_exit(void **state)
{
	struct kq_kevent ev[4];
	pid_t child = fork();
	if (child == 0) {
		usleep(20000);
		_exit(7);
	}
	assert_int_equal(kq_change(KQ, kev(child, KQ_FILTER_PROC, KQ_EV_ADD, KQ_NOTE_EXIT, 0, 3)),
			 0);
	assert_int_equal(kq_call(KQ, NULL, 0, ev, 4, 5000), 1);
	assert_int_equal(ev[0].ident, child);
	assert_int_equal(ev[0].fflags, KQ_NOTE_EXIT);
	assert_int_equal(ev[0].data, 7 << 8);
	assert_true(ev[0].flags & KQ_EV_EOF);
	assert_true(ev[0].flags & KQ_EV_ONESHOT);
	assert_int_equal(ev[0].udata, 3);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_int_equal(WEXITSTATUS(status), 7);
	/* nothing asked for: dropped unreported */
	child = fork();
	if (child == 0)
		_exit(0);
	assert_int_equal(kq_change(KQ, kev(child, KQ_FILTER_PROC, KQ_EV_ADD, KQ_NOTE_FORK, 0, 0)),
			 0);
	assert_int_equal(kq_call(KQ, NULL, 0, ev, 4, 100), 0);
	waitpid(child, &status, 0);
	assert_int_equal(kq_change(KQ, kev(child, KQ_FILTER_PROC, KQ_EV_DELETE, 0, 0, 0)), -ENOENT);
	assert_int_equal(kq_change(KQ, kev(child, KQ_FILTER_PROC, KQ_EV_ADD, KQ_NOTE_EXIT, 0, 0)),
			 -ESRCH);
}

/* ---- Go's netpoller ---- */

struct poller {
	int kq;
	long n;
	struct kq_kevent ev[64];
};

static void *netpoll(void *arg)
{
	struct poller *p = arg;
	kqtest_attach_thread();
	__atomic_store_n(&p->n, kq_call(p->kq, NULL, 0, p->ev, 64, -1), __ATOMIC_RELEASE);
	return NULL;
}

#define GO_WAKE 0xee1eb9f4

/* netpollinit, netpollopen, netpoll(-1) woken by netpollBreak (Go 1.23:
 * an EVFILT_USER event), the drain, and readiness of a socket. */
static void go_netpoller(void **state)
{
	int s[2];
	assert_int_equal(kq_change(KQ, kev(GO_WAKE, KQ_FILTER_USER, KQ_EV_ADD, 0, 0, 0)), 0);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, s), 0);
	struct kq_kevent ch[2] = {
	    kev(s[0], KQ_FILTER_READ, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0xc000001000),
	    kev(s[0], KQ_FILTER_WRITE, KQ_EV_ADD | KQ_EV_CLEAR, 0, 0, 0xc000001000),
	};
	assert_int_equal(kq_call(KQ, ch, 2, NULL, 0, -1), 0);
	struct poller p = {.kq = KQ};
	assert_int_equal(kq_call(KQ, NULL, 0, p.ev, 64, 0), 1); /* writable */
	assert_int_equal(p.ev[0].filter, KQ_FILTER_WRITE);
	assert_int_equal(p.ev[0].udata, 0xc000001000);

	/* blocked poller, woken by netpollBreak */
	pthread_t t;
	pthread_create(&t, NULL, netpoll, &p);
	usleep(20000);
	assert_int_equal(__atomic_load_n(&p.n, __ATOMIC_ACQUIRE), 0);
	assert_int_equal(
	    kq_change(KQ, kev(GO_WAKE, KQ_FILTER_USER, KQ_EV_ENABLE, KQ_NOTE_TRIGGER, 0, 0)), 0);
	pthread_join(t, NULL);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.ev[0].ident, GO_WAKE);
	assert_int_equal(p.ev[0].filter, KQ_FILTER_USER);
	assert_int_equal(kq_change(KQ, kev(GO_WAKE, KQ_FILTER_USER, KQ_EV_DISABLE, 0, 0, 0)), 0);

	/* blocked poller, woken by data */
	p.n = 0;
	pthread_create(&t, NULL, netpoll, &p);
	usleep(20000);
	write_n(s[1], 3);
	pthread_join(t, NULL);
	const struct kq_kevent *r = find(p.ev, p.n, s[0], KQ_FILTER_READ);
	assert_non_null(r);
	assert_int_equal(r->udata, 0xc000001000);
	assert_int_equal(r->data, 3);
	/* netpollclose does nothing: close removes the knotes */
	close_fd(s[0]);
	close_fd(s[1]);
	assert_int_equal(kq_poll(KQ, p.ev, 64), 0);
}

/* KQ_EV_ASSOC (an illumos event port's association): the descriptor's
 * one-shot READ and WRITE knotes are one registration.  The first event
 * reported ends both, and says whether the other's event held too. */
static void association(void **state)
{
	int s[2];
	struct kq_kevent ev[4];
	const uint32_t assoc = KQ_EV_ADD | KQ_EV_ONESHOT | KQ_EV_ASSOC;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, s), 0);
	struct kq_kevent both[2] = {kev(s[0], KQ_FILTER_READ, assoc | KQ_EV_ENABLE, 0, 0, 7),
				    kev(s[0], KQ_FILTER_WRITE, assoc | KQ_EV_ENABLE, 0, 0, 7)};
	assert_int_equal(kq_call(KQ, both, 2, NULL, 0, 0), 0);
	/* writable, not readable: one event, WRITE alone */
	assert_int_equal(kq_call(KQ, NULL, 0, ev, 4, 100), 1);
	assert_int_equal(ev[0].filter, KQ_FILTER_WRITE);
	assert_false(ev[0].flags & KQ_EV_OTHER);
	/* both knotes are gone: nothing more, and nothing to delete */
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	assert_int_equal(kq_change(KQ, kev(s[0], KQ_FILTER_READ, KQ_EV_DELETE, 0, 0, 0)), -ENOENT);
	/* readable and writable: one event, the other's held too */
	write_n(s[1], 1);
	assert_int_equal(kq_call(KQ, both, 2, NULL, 0, 0), 0);
	assert_int_equal(kq_call(KQ, NULL, 0, ev, 4, 100), 1);
	assert_true(ev[0].flags & KQ_EV_OTHER);
	assert_int_equal(ev[0].udata, 7);
	assert_int_equal(kq_poll(KQ, ev, 4), 0);
	/* a disabled half is part of the association, reports nothing, and
	 * goes with the other */
	struct kq_kevent rd[2] = {kev(s[0], KQ_FILTER_READ, assoc | KQ_EV_ENABLE, 0, 0, 8),
				  kev(s[0], KQ_FILTER_WRITE, assoc | KQ_EV_DISABLE, 0, 0, 8)};
	assert_int_equal(kq_call(KQ, rd, 2, NULL, 0, 0), 0);
	assert_int_equal(kq_call(KQ, NULL, 0, ev, 4, 100), 1);
	assert_int_equal(ev[0].filter, KQ_FILTER_READ);
	assert_false(ev[0].flags & KQ_EV_OTHER);
	assert_int_equal(kq_change(KQ, kev(s[0], KQ_FILTER_WRITE, KQ_EV_DELETE, 0, 0, 0)), -ENOENT);
	close_fd(s[0]);
	close_fd(s[1]);
}

int main(void)
{
	RUN(KQ_TEST(pipe_edge), KQ_TEST(pipe_level), KQ_TEST(pipe_dispatch_oneshot_lowat),
	    KQ_TEST(pipe_write_eof), KQ_TEST(socket_mixed), KQ_TEST(regular_file),
	    KQ_TEST(close_removes_knotes), KQ_TEST(nested_kqueue), KQ_TEST(process_exit),
	    KQ_TEST(go_netpoller), KQ_TEST(association));
}
