/*
 * Waiting (WaitForSingleObject, WaitForMultipleObjects, Sleep) on events,
 * waitable timers and threads, in one process with no kernel objects behind
 * them: the objects' states live here under one lock, and a waiting thread
 * hangs a wait entry on each object it waits for and sleeps on a futex of
 * its own.  A state change wakes the entries' threads, which look again;
 * an auto-reset event or synchronization timer is taken by the first that
 * looks (winbase.h semantics).  A timer is signalled once its due time has
 * passed: a waiter sleeps no longer than the earliest due time it waits for.
 */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/host.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"
#include "windows_ntdll_proto.h"

struct win_waiter {
	uint32_t wake; /* futex: set to 1 by whoever changes an object's state */
};

struct win_wait_entry {
	struct win_waiter *w;
	struct win_wait_entry *next;
};

static pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;

void win_sync_lock(void)
{
	pthread_mutex_lock(&sync_lock);
}

void win_sync_unlock(void)
{
	pthread_mutex_unlock(&sync_lock);
}

uint64_t win_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

void win_wake_waiters(struct win_object *o)
{
	for (struct win_wait_entry *e = o->waiters; e; e = e->next) {
		__atomic_store_n(&e->w->wake, 1, __ATOMIC_RELEASE);
		host_syscall3(SYS_futex, &e->w->wake, FUTEX_WAKE_PRIVATE, 1);
	}
}

/* Whether o is signalled now; takes it if it resets on a wait (take). */
static bool signalled(struct win_object *o, uint64_t now, bool take)
{
	switch (o->kind) {
	case WIN_EVENT:
		if (!o->event.signalled)
			return false;
		if (take && !o->event.manual)
			o->event.signalled = false;
		return true;
	case WIN_TIMER:
		if (o->timer.due && now >= o->timer.due) {
			o->timer.signalled = true;
			o->timer.due = o->timer.period ? now + o->timer.period : 0;
		}
		if (!o->timer.signalled)
			return false;
		if (take && !o->timer.manual)
			o->timer.signalled = false;
		return true;
	case WIN_THREAD:
		return o->thread.ended;
	default:
		return false;
	}
}

/* The earliest time a timer among objs becomes signalled, or limit. */
static uint64_t earliest_due(struct win_object **objs, unsigned n, uint64_t limit)
{
	for (unsigned i = 0; i < n; i++)
		if (objs[i] && objs[i]->kind == WIN_TIMER && objs[i]->timer.due &&
		    objs[i]->timer.due < limit)
			limit = objs[i]->timer.due;
	return limit;
}

/* Under the lock: the index of a signalled object (taken), all of them
 * when all (all taken at once), or -1. */
static int check(struct win_object **objs, unsigned n, bool all, uint64_t now)
{
	if (!all) {
		for (unsigned i = 0; i < n; i++)
			if (objs[i] && signalled(objs[i], now, true))
				return (int)i;
		return -1;
	}
	for (unsigned i = 0; i < n; i++)
		if (objs[i] && !signalled(objs[i], now, false))
			return -1;
	for (unsigned i = 0; i < n; i++)
		if (objs[i])
			signalled(objs[i], now, true);
	return 0;
}

static void hang(struct win_object **objs, unsigned n, struct win_wait_entry *e,
		 struct win_waiter *w)
{
	for (unsigned i = 0; i < n; i++) {
		e[i].w = w;
		e[i].next = NULL;
		if (!objs[i])
			continue;
		e[i].next = objs[i]->waiters;
		objs[i]->waiters = &e[i];
	}
}

static void unhang(struct win_object **objs, unsigned n, struct win_wait_entry *e)
{
	for (unsigned i = 0; i < n; i++) {
		if (!objs[i])
			continue;
		for (struct win_wait_entry **p = &objs[i]->waiters; *p; p = &(*p)->next)
			if (*p == &e[i]) {
				*p = e[i].next;
				break;
			}
	}
}

/* Waits for objs (NULL entries: never signalled, the process pseudo-handle)
 * until deadline (ns, UINT64_MAX: none): the WAIT_* result. */
static uint32_t wait_objects(struct win_object **objs, unsigned n, bool all, uint64_t deadline)
{
	struct win_wait_entry e[64];
	struct win_waiter w = {0};
	win_sync_lock();
	for (;;) {
		uint64_t now = win_now_ns();
		int i = check(objs, n, all, now);
		if (i >= 0) {
			win_sync_unlock();
			return WIN_WAIT_OBJECT_0 + (uint32_t)i;
		}
		if (now >= deadline) {
			win_sync_unlock();
			return WIN_WAIT_TIMEOUT;
		}
		uint64_t until = earliest_due(objs, n, deadline);
		w.wake = 0;
		hang(objs, n, e, &w);
		win_sync_unlock();
		if (until > now) {
			uint64_t d = until - now;
			struct timespec ts = {(time_t)(d / 1000000000ULL),
					      (long)(d % 1000000000ULL)};
			host_syscall4(SYS_futex, &w.wake, FUTEX_WAIT_PRIVATE, 0,
				      until == UINT64_MAX ? NULL : &ts);
		}
		win_sync_lock();
		unhang(objs, n, e);
		win_kuser_refresh();
	}
}

static uint64_t deadline_of(uint32_t ms)
{
	return ms == WIN_INFINITE ? UINT64_MAX : win_now_ns() + (uint64_t)ms * 1000000ULL;
}

/* The monotonic time (ns) of a time given as NT does (a LARGE_INTEGER of
 * 100 ns units): negative, relative to now; otherwise absolute, since 1601. */
static uint64_t deadline_of_nt_time(int64_t t)
{
	uint64_t now = win_now_ns();
	if (t < 0)
		return now + (uint64_t)(-t) * 100;
	uint64_t sys = win_system_time();
	return (uint64_t)t > sys ? now + ((uint64_t)t - sys) * 100 : now;
}

/* The objects behind handles: 0, or a Windows error; refs taken. */
static int take_objects(const uint64_t *handles, unsigned n, struct win_object **objs)
{
	for (unsigned i = 0; i < n; i++) {
		objs[i] = NULL;
		if (handles[i] == WIN_CURRENT_PROCESS)
			continue; /* never signalled while the process runs */
		if (handles[i] == WIN_CURRENT_THREAD) {
			objs[i] = win_self()->object;
			if (objs[i])
				__atomic_add_fetch(&objs[i]->refs, 1, __ATOMIC_ACQ_REL);
			continue;
		}
		objs[i] = win_get(handles[i]);
		if (!objs[i] || objs[i]->kind == WIN_FILE || objs[i]->kind == WIN_SOCKET ||
		    objs[i]->kind == WIN_FIND) {
			for (unsigned k = 0; k <= i; k++)
				win_put(objs[k]);
			return WIN_ERROR_INVALID_HANDLE;
		}
	}
	return 0;
}

long windows_kernel32_WaitForMultipleObjects(struct xeno_thread *t, unsigned int count,
					     uint64_t handles, int wait_all, unsigned int ms)
{
	(void)t;
	uint64_t hs[64];
	struct win_object *objs[64];
	if (count == 0 || count > 64)
		return (long)(win_fail(WIN_ERROR_INVALID_PARAMETER), WIN_WAIT_FAILED);
	if (xeno_copy_in(hs, handles, count * sizeof hs[0]) < 0)
		return (long)(win_fail(WIN_ERROR_NOACCESS), WIN_WAIT_FAILED);
	int err = take_objects(hs, count, objs);
	if (err)
		return (long)(win_fail((uint32_t)err), WIN_WAIT_FAILED);
	uint32_t r = wait_objects(objs, count, wait_all != 0, deadline_of(ms));
	for (unsigned i = 0; i < count; i++)
		win_put(objs[i]);
	return r;
}

long windows_kernel32_WaitForSingleObject(struct xeno_thread *t, uint64_t handle, unsigned int ms)
{
	(void)t;
	struct win_object *obj;
	int err = take_objects(&handle, 1, &obj);
	if (err)
		return (long)(win_fail((uint32_t)err), WIN_WAIT_FAILED);
	uint32_t r = wait_objects(&obj, 1, false, deadline_of(ms));
	win_put(obj);
	return r;
}

long windows_kernel32_WaitForSingleObjectEx(struct xeno_thread *t, uint64_t handle, unsigned int ms,
					    int alertable)
{
	(void)alertable; /* no APCs are ever queued */
	return windows_kernel32_WaitForSingleObject(t, handle, ms);
}

/* NtWaitForSingleObject (Wine's dlls/ntdll/sync.c): the timeout as NT
 * times are given, NULL for none; STATUS_WAIT_0 (0) or STATUS_TIMEOUT.  Go
 * 1.19 and earlier sleep so (usleep2: the process pseudo-handle, never
 * signalled, with a relative timeout). */
long windows_ntdll_NtWaitForSingleObject(struct xeno_thread *t, uint64_t handle, int alertable,
					 uint64_t timeout)
{
	(void)t, (void)alertable; /* no APCs are ever queued */
	int64_t nt_time = 0;
	if (timeout && xeno_copy_in(&nt_time, timeout, sizeof nt_time) < 0)
		return (long)WIN_STATUS_ACCESS_VIOLATION;
	struct win_object *obj;
	if (take_objects(&handle, 1, &obj))
		return (long)WIN_STATUS_INVALID_HANDLE;
	uint32_t r =
	    wait_objects(&obj, 1, false, timeout ? deadline_of_nt_time(nt_time) : UINT64_MAX);
	win_put(obj);
	return r == WIN_WAIT_TIMEOUT ? (long)WIN_STATUS_TIMEOUT : (long)r;
}

void win_sleep_ms(uint32_t ms)
{
	wait_objects(NULL, 0, false, deadline_of(ms));
}

long windows_kernel32_Sleep(struct xeno_thread *t, unsigned int ms)
{
	(void)t;
	win_sleep_ms(ms);
	return 0;
}

long windows_kernel32_SleepEx(struct xeno_thread *t, unsigned int ms, int alertable)
{
	(void)t, (void)alertable;
	win_sleep_ms(ms);
	return 0;
}

long windows_kernel32_SwitchToThread(struct xeno_thread *t)
{
	(void)t;
	return host_syscall0(SYS_sched_yield) == 0;
}

/* ---- events ---- */

static long create_event(int manual, int initial)
{
	uint64_t h;
	struct win_object *o = win_object_new(WIN_EVENT, &h);
	if (!o)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	o->event.manual = manual != 0;
	o->event.signalled = initial != 0;
	return (long)h;
}

long windows_kernel32_CreateEventA(struct xeno_thread *t, uint64_t attrs, int manual, int initial,
				   uint64_t name)
{
	(void)t, (void)attrs, (void)name; /* named events are not shared with anyone */
	return create_event(manual, initial);
}

long windows_kernel32_CreateEventW(struct xeno_thread *t, uint64_t attrs, int manual, int initial,
				   uint64_t name)
{
	return windows_kernel32_CreateEventA(t, attrs, manual, initial, name);
}

/* winbase.h CREATE_EVENT_MANUAL_RESET, CREATE_EVENT_INITIAL_SET */
long windows_kernel32_CreateEventExW(struct xeno_thread *t, uint64_t attrs, uint64_t name,
				     unsigned int flags, unsigned int access)
{
	(void)t, (void)attrs, (void)name, (void)access;
	return create_event(flags & 1, flags & 2);
}

static long set_event(uint64_t h, bool state)
{
	struct win_object *o = win_get_kind(h, WIN_EVENT);
	if (!o)
		return 0;
	win_sync_lock();
	o->event.signalled = state;
	if (state)
		win_wake_waiters(o);
	win_sync_unlock();
	win_put(o);
	return 1;
}

void win_event_signal(uint64_t h)
{
	set_event(h, true);
}

long windows_kernel32_SetEvent(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	return set_event(h, true);
}

long windows_kernel32_ResetEvent(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	return set_event(h, false);
}

/* ---- waitable timers ---- */

/* winbase.h CREATE_WAITABLE_TIMER_MANUAL_RESET, _HIGH_RESOLUTION */
#define TIMER_MANUAL_RESET    1
#define TIMER_HIGH_RESOLUTION 2

static long create_timer(bool manual)
{
	uint64_t h;
	struct win_object *o = win_object_new(WIN_TIMER, &h);
	if (!o)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	o->timer.manual = manual;
	return (long)h;
}

long windows_kernel32_CreateWaitableTimerA(struct xeno_thread *t, uint64_t attrs, int manual,
					   uint64_t name)
{
	(void)t, (void)attrs, (void)name;
	return create_timer(manual != 0);
}

long windows_kernel32_CreateWaitableTimerW(struct xeno_thread *t, uint64_t attrs, int manual,
					   uint64_t name)
{
	return windows_kernel32_CreateWaitableTimerA(t, attrs, manual, name);
}

long windows_kernel32_CreateWaitableTimerExW(struct xeno_thread *t, uint64_t attrs, uint64_t name,
					     unsigned int flags, unsigned int access)
{
	(void)t, (void)attrs, (void)name, (void)access;
	if (flags & ~(unsigned)(TIMER_MANUAL_RESET | TIMER_HIGH_RESOLUTION))
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return create_timer(flags & TIMER_MANUAL_RESET);
}

/* due: a FILETIME (100 ns units), negative relative, positive absolute
 * (since 1601); period in ms.  No completion routine is ever called: xeno
 * queues no APCs (the routine would need an alertable wait). */
long windows_kernel32_SetWaitableTimer(struct xeno_thread *t, uint64_t h, uint64_t due_at,
				       int period, uint64_t routine, uint64_t arg, int resume)
{
	(void)t, (void)arg, (void)resume;
	int64_t due;
	if (xeno_copy_in(&due, due_at, sizeof due) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	if (period < 0 || routine)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	struct win_object *o = win_get_kind(h, WIN_TIMER);
	if (!o)
		return 0;
	uint64_t when = deadline_of_nt_time(due);
	win_sync_lock();
	o->timer.signalled = false;
	o->timer.due = when ? when : 1;
	o->timer.period = (uint64_t)period * 1000000ULL;
	win_wake_waiters(o); /* they sleep until the new due time */
	win_sync_unlock();
	win_put(o);
	return 1;
}

long windows_kernel32_CancelWaitableTimer(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_TIMER);
	if (!o)
		return 0;
	win_sync_lock();
	o->timer.due = 0;
	win_sync_unlock();
	win_put(o);
	return 1;
}

void win_thread_object_end(struct win_object *o, uint32_t code)
{
	win_sync_lock();
	o->thread.ended = true;
	o->thread.exit_code = code;
	win_wake_waiters(o);
	win_sync_unlock();
}
