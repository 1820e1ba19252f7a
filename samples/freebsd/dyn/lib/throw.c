/*
 * libthrow.so.1: the library half of the unwinding sample (dyn/unwind.c):
 * it raises the samples' exceptions (_Unwind_RaiseException,
 * _Unwind_ForcedUnwind), owns their cleanup, and has a frame with a
 * cleanup landing pad of its own, which resumes unwinding from the library
 * (_Unwind_Resume).
 */
#include "eh.h"

struct throw_exception {
	struct _Unwind_Exception header;
	long value;
};

static void throw_delete(int reason, struct _Unwind_Exception *exc)
{
	struct throw_exception *e = (struct throw_exception *)exc;
	printf("libthrow: exception %ld deleted (reason %d)\n", e->value, reason);
	free(e);
}

static struct throw_exception *throw_new(long value)
{
	struct throw_exception *e = malloc(sizeof *e);
	memset(e, 0, sizeof *e);
	e->header.exception_class = EH_CLASS;
	e->header.exception_cleanup = throw_delete;
	e->value = value;
	return e;
}

long throw_value(struct _Unwind_Exception *exc)
{
	return ((struct throw_exception *)exc)->value;
}

/* Raises value; returns only if nothing catches it: the reason. */
long throw_raise(long value)
{
	struct throw_exception *e = throw_new(value);
	int r = _Unwind_RaiseException(&e->header);
	free(e);
	return r;
}

/* A forced unwind of value: stop is told of each frame. */
long throw_forced(long value, _Unwind_Stop_Fn stop, void *arg)
{
	struct throw_exception *e = throw_new(value);
	int r = _Unwind_ForcedUnwind(&e->header, stop, arg);
	free(e);
	return r;
}

__attribute__((visibility("hidden"))) long throw_cleanup_landed(struct _Unwind_Exception *exc)
{
	printf("libthrow: cleanup while exception %ld passes\n", throw_value(exc));
	return 0;
}
EH_FRAME(throw_cleanup, EH_CLEANUP);
