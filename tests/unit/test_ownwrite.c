/* xeno's own output (core/ownwrite.c): into a pipe nobody reads, a write
 * fails with EPIPE and leaves no SIGPIPE behind — whether the thread had
 * SIGPIPE blocked (a trap) or not (a library call under the guest's mask)
 * — while a SIGPIPE pending before it (the guest's own) stays; later
 * writes to a broken output return at once. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "core/ownwrite.h"

static volatile sig_atomic_t caught;

static void count_sigpipe(int sig)
{
	(void)sig;
	caught++;
}

/* A pipe whose reading end is closed: its writing end. */
static int broken_pipe(void)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	return fds[1];
}

static bool sigpipe_pending(void)
{
	sigset_t set;
	sigpending(&set);
	return sigismember(&set, SIGPIPE) == 1;
}

static void set_sigpipe_blocked(bool blocked)
{
	sigset_t pipe_only;
	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &pipe_only, NULL);
}

static int setup(void **state)
{
	(void)state;
	struct sigaction sa = {.sa_handler = count_sigpipe};
	sigemptyset(&sa.sa_mask);
	return sigaction(SIGPIPE, &sa, NULL);
}

/* Under a trap every signal is blocked: the SIGPIPE would stay pending for
 * the guest, and is taken back instead. */
static void blocked_sigpipe_taken_back(void **state)
{
	(void)state;
	set_sigpipe_blocked(true);
	struct xeno_own_out o;
	xeno_own_out_init(&o, broken_pipe());
	assert_true(o.may_sigpipe);
	assert_int_equal(xeno_own_write(&o, "line\n", 5), -EPIPE);
	assert_false(sigpipe_pending());
	assert_true(o.broken);
	/* broken: no write any more, nothing raised */
	assert_int_equal(xeno_own_write(&o, "line\n", 5), -EPIPE);
	assert_false(sigpipe_pending());
	set_sigpipe_blocked(false);
	assert_int_equal(caught, 0);
	close(o.fd);
}

/* A library call runs under the guest's mask, which may let SIGPIPE in:
 * the write blocks it meanwhile, and unblocks it after. */
static void unblocked_sigpipe_never_delivered(void **state)
{
	(void)state;
	caught = 0;
	int fd = broken_pipe();
	assert_int_equal(xeno_own_write_fd(fd, "message\n", 8), -EPIPE);
	assert_int_equal(caught, 0);
	sigset_t now;
	pthread_sigmask(SIG_BLOCK, NULL, &now);
	assert_int_equal(sigismember(&now, SIGPIPE), 0);
	close(fd);
}

/* The guest's own write to the same pipe raised a SIGPIPE a moment ago,
 * still pending while xeno traces that write: it stays the guest's. */
static void guests_sigpipe_kept(void **state)
{
	(void)state;
	caught = 0;
	set_sigpipe_blocked(true);
	int fd = broken_pipe();
	assert_int_equal(write(fd, "guest", 5), -1);
	assert_int_equal(errno, EPIPE);
	assert_true(sigpipe_pending());
	assert_int_equal(xeno_own_write_fd(fd, "trace\n", 6), -EPIPE);
	assert_true(sigpipe_pending());
	set_sigpipe_blocked(false);
	assert_int_equal(caught, 1);
	close(fd);
}

/* A file never raises SIGPIPE: written without the guard, in full. */
static void file_written_whole(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	assert_non_null(f);
	struct xeno_own_out o;
	xeno_own_out_init(&o, fileno(f));
	assert_false(o.may_sigpipe);
	assert_int_equal(xeno_own_write(&o, "abc", 3), 0);
	assert_int_equal(lseek(o.fd, 0, SEEK_END), 3);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(blocked_sigpipe_taken_back),
	    cmocka_unit_test(unblocked_sigpipe_never_delivered),
	    cmocka_unit_test(guests_sigpipe_kept),
	    cmocka_unit_test(file_written_whole),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
