/*
 * Exceptions unwinding through the program's frames and a library's, as
 * Rust's panics and C++'s throws do: main -> catch_frame (a personality
 * routine that catches) -> through_library -> throw_cleanup (libthrow.so.1:
 * a cleanup, then _Unwind_Resume from the library) -> raise_it ->
 * throw_raise (libthrow.so.1: _Unwind_RaiseException).  The exception is
 * caught twice in a row, on another thread, and deleted by its own cleanup
 * (_Unwind_DeleteException); callee-saved registers hold their values
 * across the catch; an exception nothing catches comes back with
 * _URC_END_OF_STACK; a forced unwind (_Unwind_ForcedUnwind) runs the
 * cleanup, passes the catching frame and tells its stop function of every
 * frame up to the end of the stack.
 */
#include "eh.h"

long throw_raise(long value);
long throw_forced(long value, _Unwind_Stop_Fn stop, void *arg);
long throw_value(struct _Unwind_Exception *exc);
long throw_cleanup(long (*fn)(long), long arg);

long catch_frame_landed(struct _Unwind_Exception *exc)
{
	long v = throw_value(exc);
	printf("caught exception %ld\n", v);
	_Unwind_DeleteException(exc);
	return -v;
}
EH_FRAME(catch_frame, EH_CATCH);

static volatile long sink;

__attribute__((noinline)) static long raise_it(long x)
{
	long r = throw_raise(x * 2);
	sink = r;
	printf("not reached: %ld\n", r);
	return r;
}

__attribute__((noinline)) static long through_library(long x)
{
	long r = throw_cleanup(raise_it, x);
	sink = r;
	printf("not reached: %ld\n", r);
	return r + 1;
}

__attribute__((noinline)) static long plus_one(long x)
{
	return x + 1;
}

__attribute__((noinline)) static long quietly(long x)
{
	long r = throw_cleanup(plus_one, x);
	sink = r;
	return r;
}

static int stop_frames;

static int stop(int version, int actions, unsigned long cls, struct _Unwind_Exception *exc,
		struct _Unwind_Context *context, void *arg)
{
	(void)context, (void)arg;
	if (version != 1 || cls != EH_CLASS || !(actions & UA_FORCE_UNWIND) ||
	    !(actions & UA_CLEANUP_PHASE)) {
		printf("stop: unexpected call (actions %d)\n", actions);
		exit(1);
	}
	if (!(actions & UA_END_OF_STACK)) {
		stop_frames++;
		return URC_NO_REASON;
	}
	printf("forced unwind of %ld reached the end of the stack, stop told of %s frames\n",
	       throw_value(exc), stop_frames >= 6 ? "at least 6" : "too few");
	exit(0);
}

__attribute__((noinline)) static long force_it(long x)
{
	long r = throw_forced(x, stop, NULL);
	printf("not reached: %ld\n", r);
	return r;
}

__attribute__((noinline)) static long forced_through_library(long x)
{
	long r = throw_cleanup(force_it, x);
	sink = r;
	return r;
}

static void *thread_main(void *arg)
{
	return (void *)catch_frame(through_library, (long)arg);
}

int main(int argc, char **argv)
{
	(void)argv;
	long a = argc * 3, b = argc * 5, c = argc * 7, d = argc * 11;
	long r = catch_frame(through_library, 21);
	printf("result %ld\n", r);
	r = catch_frame(through_library, a + b + c + d);
	printf("result %ld\n", r);
	printf("registers kept: %s\n", a + b + c + d == 26L * argc && sink != 1 ? "yes" : "no");
	printf("nothing raised: %ld\n", catch_frame(quietly, 6));
	pthread_t th;
	void *res = NULL;
	if (pthread_create(&th, NULL, thread_main, (void *)50L) != 0 || pthread_join(th, &res) != 0)
		printf("no thread\n");
	printf("on a thread: %ld\n", (long)res);
	printf("uncaught: _Unwind_RaiseException returned %ld\n", throw_raise(9));
	r = catch_frame(forced_through_library, 3);
	printf("not reached: %ld\n", r);
	return 1;
}
