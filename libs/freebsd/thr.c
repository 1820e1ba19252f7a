/*
 * FreeBSD's libthr.so.3 (libthr.spec): threads, thread-specific data,
 * attributes, once, fork handlers and cleanup handlers.
 *
 * A pthread_t is a record of ours on the guest heap, and each thread's TCB
 * points at its record (tcb_thread, at %fs:16, as libthr's _get_curthread
 * reads it: lib/libthr/arch/amd64/include/pthread_md.h), so pthread_self
 * and the thread-specific data are read by guest code without entering
 * xeno.  pthread_create gives the new thread its own static TLS block
 * (xeno_link_new_tls) and, unless the caller gave one, a stack of its own;
 * the thread starts in xeno_guest_start_thread (core/libgate.S), which calls
 * pthread_exit with what the start routine returns.  What an ended thread
 * held is given back once core/threads.c says it has left its stack (the
 * record's `done`, the thread's exit_state): by the thread that joins it,
 * or, for a detached one, by the next pthread_create, join or detach.
 */
#include <errno.h>
#include <sys/mman.h>

#include "abi/freebsd/errno.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/libcall.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "freebsd_libthr_proto.h"
#include "libs/common/heap.h"
#include "libs/freebsd/freebsd.h"
#include "libs/freebsd/thr.h"
#include "loader/link.h"

#define PAGE 4096ULL

extern const struct xeno_library freebsd_libthr_library;

static struct fbsd_pthread main_thread = {
    .magic = FBSD_THREAD_MAGIC, .is_main = true, .spawned = true};
/* Threads made by pthread_create that have not ended, and the main one:
 * the last to call pthread_exit ends the process with exit(0), as
 * lib/libthr/thread/thr_exit.c has it. */
static int live_threads = 1;

/* The first TCB the linker makes is the main thread's (libs/freebsd/start.c). */
uint64_t freebsd_tcb_thread(void)
{
	static bool given;
	if (__atomic_exchange_n(&given, true, __ATOMIC_ACQ_REL))
		return 0;
	main_thread.tid = (int)host_syscall0(SYS_gettid);
	return (uint64_t)&main_thread;
}

struct fbsd_pthread *freebsd_self(struct xeno_thread *t)
{
	uint64_t p = 0;
	if (t->guest_fs && xeno_copy_in(&p, t->guest_fs + 16, sizeof p) < 0)
		return NULL;
	return (struct fbsd_pthread *)p;
}

struct fbsd_pthread *fbsd_thread_of(uint64_t handle)
{
	uint32_t magic;
	if (!handle || handle % 8 || xeno_copy_in(&magic, handle, sizeof magic) < 0 ||
	    magic != FBSD_THREAD_MAGIC)
		return NULL;
	return (struct fbsd_pthread *)handle;
}

int freebsd_pthread_tid(const struct fbsd_pthread *p)
{
	return __atomic_load_n(&p->tid, __ATOMIC_ACQUIRE);
}

/* ---- read by guest code (HOST): the guest's FS base is loaded ---- */

static struct fbsd_pthread *current(void)
{
	struct fbsd_pthread *p;
	__asm__("movq %%fs:16, %0" : "=r"(p));
	return p;
}

uint64_t freebsd_pthread_self(void)
{
	return (uint64_t)current();
}

int freebsd_pthread_equal(uint64_t a, uint64_t b)
{
	return a == b;
}

/* Keys: a sequence number each, odd while the key exists; a value counts
 * only under the sequence number it was set with (thr_spec.c's seqno). */
static struct {
	uint32_t seq;
	uint64_t destructor;
} keys[FREEBSD_PTHREAD_KEYS_MAX];
static int keys_lock;
static int atfork_lock; /* pthread_atfork's list, below */

uint64_t freebsd_pthread_getspecific(int key)
{
	unsigned k = (unsigned)key - 1;
	struct fbsd_pthread *p = current();
	if (k >= FREEBSD_PTHREAD_KEYS_MAX || !p)
		return 0;
	uint32_t seq = __atomic_load_n(&keys[k].seq, __ATOMIC_ACQUIRE);
	return seq & 1 && p->specific[k].seq == seq ? p->specific[k].value : 0;
}

int freebsd_pthread_setspecific(int key, uint64_t value)
{
	unsigned k = (unsigned)key - 1;
	struct fbsd_pthread *p = current();
	if (k >= FREEBSD_PTHREAD_KEYS_MAX || !p)
		return BSD_EINVAL;
	uint32_t seq = __atomic_load_n(&keys[k].seq, __ATOMIC_ACQUIRE);
	if (!(seq & 1))
		return BSD_EINVAL;
	p->specific[k] = (struct fbsd_specific){value, seq};
	return 0;
}

long freebsd_libthr_pthread_key_create(struct xeno_thread *t, uint64_t key, uint64_t destructor)
{
	(void)t;
	int32_t id = 0;
	fbsd_spin_lock(&keys_lock);
	for (unsigned k = 0; k < FREEBSD_PTHREAD_KEYS_MAX && !id; k++)
		if (!(keys[k].seq & 1)) {
			keys[k].destructor = destructor;
			__atomic_store_n(&keys[k].seq, keys[k].seq + 1, __ATOMIC_RELEASE);
			id = (int32_t)k + 1; /* thr_spec.c: keys count from 1 */
		}
	fbsd_spin_unlock(&keys_lock);
	if (!id)
		return -EAGAIN;
	if (xeno_copy_out(key, &id, sizeof id) < 0) {
		freebsd_libthr_pthread_key_delete(t, id);
		return -EINVAL;
	}
	return 0;
}

long freebsd_libthr_pthread_key_delete(struct xeno_thread *t, int key)
{
	(void)t;
	unsigned k = (unsigned)key - 1;
	if (k >= FREEBSD_PTHREAD_KEYS_MAX)
		return -EINVAL;
	long r = -EINVAL;
	fbsd_spin_lock(&keys_lock);
	if (keys[k].seq & 1) {
		__atomic_store_n(&keys[k].seq, keys[k].seq + 1, __ATOMIC_RELEASE);
		r = 0;
	}
	fbsd_spin_unlock(&keys_lock);
	return r;
}

/* At thread exit: each value with a destructor is cleared and handed to
 * it, for up to PTHREAD_DESTRUCTOR_ITERATIONS rounds (thr_spec.c). */
static void run_destructors(struct fbsd_pthread *p)
{
	for (int round = 0; round < FREEBSD_PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		bool called = false;
		for (unsigned k = 0; k < FREEBSD_PTHREAD_KEYS_MAX; k++) {
			uint32_t seq = __atomic_load_n(&keys[k].seq, __ATOMIC_ACQUIRE);
			struct fbsd_specific *s = &p->specific[k];
			if (!(seq & 1) || s->seq != seq || !s->value || !keys[k].destructor)
				continue;
			struct xeno_guest_call gc = {.fn = keys[k].destructor, .args = {s->value}};
			s->value = 0;
			xeno_guest_call(&gc);
			called = true;
		}
		if (!called)
			return;
	}
}

/* ---- cleanup handlers: kept in the guest's struct _pthread_cleanup_info ---- */

struct cleanup {
	uint64_t routine, arg, prev;
};
_Static_assert(sizeof(struct cleanup) <= sizeof(struct freebsd_pthread_cleanup_info),
	       "a cleanup record fits the guest's _pthread_cleanup_info");

long freebsd_libthr___pthread_cleanup_push_imp(struct xeno_thread *t, uint64_t routine,
					       uint64_t arg, uint64_t info)
{
	struct fbsd_pthread *self = freebsd_self(t);
	struct cleanup c = {routine, arg, self ? self->cleanup : 0};
	if (self && xeno_copy_out(info, &c, sizeof c) == 0)
		self->cleanup = info;
	return 0;
}

long freebsd_libthr___pthread_cleanup_pop_imp(struct xeno_thread *t, int execute)
{
	struct fbsd_pthread *self = freebsd_self(t);
	struct cleanup c;
	if (!self || !self->cleanup || xeno_copy_in(&c, self->cleanup, sizeof c) < 0)
		return 0;
	self->cleanup = c.prev;
	if (execute) {
		struct xeno_guest_call gc = {.fn = c.routine, .args = {c.arg}};
		xeno_guest_call(&gc);
	}
	return 0;
}

/* Stores a value for the guest: 0 or -EINVAL. */
static long give(uint64_t to, const void *value, size_t size)
{
	return xeno_copy_out(to, value, size) < 0 ? -EINVAL : 0;
}

/* ---- threads ---- */

static struct fbsd_pthread *dead; /* ended detached threads, not yet given back */
static int dead_lock;

/* A fork holds these spinlocks (core/forklock.h): none is held while
 * another is taken, nor while the heap's are (rank 50). */
static void lock_libthr(void)
{
	fbsd_spin_lock(&keys_lock);
	fbsd_spin_lock(&dead_lock);
	fbsd_spin_lock(&atfork_lock);
}

static void unlock_libthr(bool child)
{
	(void)child;
	fbsd_spin_unlock(&atfork_lock);
	fbsd_spin_unlock(&dead_lock);
	fbsd_spin_unlock(&keys_lock);
}

XENO_FORK_LOCK(libthr, 40, lock_libthr, unlock_libthr);

static void bury(struct fbsd_pthread *p)
{
	fbsd_spin_lock(&dead_lock);
	p->next = dead;
	dead = p;
	fbsd_spin_unlock(&dead_lock);
}

/* Gives back what thread p held (it has left them: p->done). */
static void release(struct xeno_thread *t, struct fbsd_pthread *p)
{
	if (p->is_main)
		return;
	xeno_host_tls(t); /* the linker frees TLS blocks with glibc's free */
	if (p->tp)
		xeno_link_free_tls(p->tp);
	if (p->stack)
		host_syscall2(SYS_munmap, p->stack, p->stack_size);
	p->magic = 0;
	xeno_heap_free(p);
}

/* Gives back the ended detached threads that have left their stacks. */
static void reap(struct xeno_thread *t)
{
	if (!__atomic_load_n(&dead, __ATOMIC_RELAXED))
		return;
	struct fbsd_pthread *gone = NULL;
	fbsd_spin_lock(&dead_lock);
	for (struct fbsd_pthread **pp = &dead; *pp;) {
		struct fbsd_pthread *p = *pp;
		if (__atomic_load_n(&p->done, __ATOMIC_ACQUIRE)) {
			*pp = p->next;
			p->next = gone;
			gone = p;
		} else {
			pp = &p->next;
		}
	}
	fbsd_spin_unlock(&dead_lock);
	while (gone) {
		struct fbsd_pthread *next = gone->next;
		release(t, gone);
		gone = next;
	}
}

/* The guest address of the pthread_exit the thread starts call at the end. */
static uint64_t exit_function(void)
{
	static uint64_t fn;
	if (!fn) {
		const struct xeno_library *l = &freebsd_libthr_library;
		for (unsigned i = 0; i < l->nexports && !fn; i++)
			if (strcmp(xeno_export_name(&l->exports[i]), "pthread_exit") == 0)
				fn = (uint64_t)xeno_export_addr(&l->exports[i]);
	}
	return fn;
}

/* A stack of size bytes (page-rounded) above a guard of guard bytes. */
static int map_stack(struct fbsd_pthread *p, uint64_t size, uint64_t guard)
{
	size = (size + PAGE - 1) & ~(PAGE - 1);
	guard = (guard + PAGE - 1) & ~(PAGE - 1);
	long base = host_syscall6(SYS_mmap, 0, guard + size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (base < 0 && base > -4096)
		return -EAGAIN;
	if (guard)
		host_syscall3(SYS_mprotect, base, guard, PROT_NONE);
	p->stack = (uint64_t)base;
	p->stack_size = guard + size;
	p->stackaddr = (uint64_t)base + guard, p->stacksize = size, p->guardsize = guard;
	return 0;
}

long freebsd_libthr_pthread_create(struct xeno_thread *t, uint64_t thread, uint64_t attr,
				   uint64_t start_routine, uint64_t arg)
{
	struct fbsd_attr a = fbsd_default_attr;
	if (attr) {
		struct fbsd_attr *ap = fbsd_attr_at(attr);
		if (!ap)
			return -EINVAL;
		a = *ap;
	}
	reap(t);
	struct fbsd_pthread *p = xeno_heap_calloc(1, sizeof *p);
	if (!p)
		return -EAGAIN;
	*p = (struct fbsd_pthread){.magic = FBSD_THREAD_MAGIC, .detached = a.detached};
	uint64_t top = a.stackaddr + a.stacksize;
	long err = 0;
	if (!a.stackaddr && (err = map_stack(p, a.stacksize, a.guardsize)) == 0)
		top = p->stack + p->stack_size;
	if (a.stackaddr) /* the caller's: as its attributes say */
		p->stackaddr = a.stackaddr, p->stacksize = a.stacksize, p->guardsize = a.guardsize;
	if (!err && !(p->tp = xeno_link_new_tls()))
		err = -EAGAIN;
	if (!err) {
		((uint64_t *)p->tp)[2] = (uint64_t)p; /* tcb_thread */
		if (xeno_copy_out(thread, &p, sizeof p) < 0)
			err = -EINVAL;
	}
	if (!err) {
		struct xeno_thread_start st = {
		    .entry = {.rip = (uint64_t)xeno_guest_start_thread,
			      .rsp = top,
			      .rbx = start_routine,
			      .rdi = arg,
			      .r12 = exit_function(),
			      .fs = p->tp},
		    .sigmask = t->sigmask,
		};
		__atomic_add_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
		long tid = xeno_thread_spawn(t, &st);
		if (tid >= 0) {
			fbsd_spin_lock(&p->lock);
			__atomic_store_n(&p->tid, (int)tid, __ATOMIC_RELEASE);
			p->spawned = true;
			bool gone = p->exited && p->detached;
			fbsd_spin_unlock(&p->lock);
			if (gone)
				bury(p);
			return 0;
		}
		__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
		err = tid == -ENOMEM ? -EAGAIN : tid;
	}
	release(t, p);
	return err;
}

long freebsd_libthr_pthread_exit(struct xeno_thread *t, uint64_t value)
{
	struct fbsd_pthread *self = freebsd_self(t);
	while (self && self->cleanup)
		freebsd_libthr___pthread_cleanup_pop_imp(t, 1);
	if (self)
		run_destructors(self);
	if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL) == 0)
		return freebsd_libc_exit(t, 0);
	if (self) {
		self->result = value;
		fbsd_spin_lock(&self->lock);
		self->exited = true;
		bool gone = self->detached && self->spawned;
		fbsd_spin_unlock(&self->lock);
		t->exit_state = (uint64_t)&self->done;
		if (gone)
			bury(self);
	}
	xeno_thread_exit(t);
}

long freebsd_libthr_pthread_join(struct xeno_thread *t, uint64_t thread, uint64_t value_ptr)
{
	struct fbsd_pthread *p = fbsd_thread_of(thread);
	if (!p)
		return -ESRCH;
	if (p == freebsd_self(t))
		return -EDEADLK;
	fbsd_spin_lock(&p->lock);
	long err = p->detached || p->joining ? -EINVAL : 0;
	p->joining = true;
	fbsd_spin_unlock(&p->lock);
	if (err)
		return err;
	while (!__atomic_load_n(&p->done, __ATOMIC_ACQUIRE))
		if (fbsd_futex_wait(&p->done, 0, NULL, 0) == -EINTR) {
			/* deliver the signal, then wait again (POSIX: join is
			 * not interrupted by signals) */
			__atomic_store_n(&p->joining, false, __ATOMIC_RELEASE);
			return -XENO_ERESTART;
		}
	/* its creator may still be finishing with it (a third thread joined) */
	while (!__atomic_load_n(&p->spawned, __ATOMIC_ACQUIRE))
		host_syscall0(SYS_sched_yield);
	if (value_ptr)
		xeno_copy_out(value_ptr, &p->result, sizeof p->result);
	release(t, p);
	reap(t);
	return 0;
}

long freebsd_libthr_pthread_detach(struct xeno_thread *t, uint64_t thread)
{
	struct fbsd_pthread *p = fbsd_thread_of(thread);
	if (!p)
		return -ESRCH;
	fbsd_spin_lock(&p->lock);
	long err = p->detached ? -EINVAL : 0;
	p->detached = true;
	bool gone = p->exited && p->spawned;
	fbsd_spin_unlock(&p->lock);
	if (!err && gone && !p->is_main)
		bury(p);
	reap(t);
	return err;
}

long freebsd_libthr_pthread_main_np(struct xeno_thread *t)
{
	struct fbsd_pthread *self = freebsd_self(t);
	return self && self->is_main;
}

long freebsd_libthr_pthread_getthreadid_np(struct xeno_thread *t)
{
	return t->tid;
}

long freebsd_libthr_pthread_kill(struct xeno_thread *t, uint64_t thread, int sig)
{
	struct fbsd_pthread *p = fbsd_thread_of(thread);
	if (!p || p->exited || !freebsd_pthread_tid(p))
		return -ESRCH;
	return freebsd_sys_thr_kill(t, freebsd_pthread_tid(p), sig);
}

long freebsd_libthr_pthread_setname_np(struct xeno_thread *t, uint64_t thread, uint64_t name)
{
	struct fbsd_pthread *p = fbsd_thread_of(thread);
	if (!p || !freebsd_pthread_tid(p))
		return -ESRCH;
	return freebsd_sys_thr_set_name(t, freebsd_pthread_tid(p), name);
}

long freebsd_libthr_pthread_set_name_np(struct xeno_thread *t, uint64_t thread, uint64_t name)
{
	freebsd_libthr_pthread_setname_np(t, thread, name);
	return 0;
}

/* thr_once.c: NEEDS_INIT -> IN_PROGRESS (the caller runs the routine) ->
 * DONE; a thread that finds it in progress marks it WAIT and sleeps. */
long freebsd_libthr_pthread_once(struct xeno_thread *t, uint64_t once_control,
				 uint64_t init_routine)
{
	(void)t;
	int32_t v;
	if (once_control % 4 || xeno_copy_in(&v, once_control, sizeof v) < 0)
		return -EINVAL;
	int32_t *state = (int32_t *)once_control;
	for (;;) {
		v = __atomic_load_n(state, __ATOMIC_ACQUIRE);
		if (v == FREEBSD_PTHREAD_DONE_INIT)
			return 0;
		if (v == FREEBSD_PTHREAD_NEEDS_INIT) {
			if (!__atomic_compare_exchange_n(state, &v, FREEBSD_ONCE_IN_PROGRESS, false,
							 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				continue;
			struct xeno_guest_call gc = {.fn = init_routine};
			xeno_guest_call(&gc);
			if (__atomic_exchange_n(state, FREEBSD_PTHREAD_DONE_INIT,
						__ATOMIC_ACQ_REL) == FREEBSD_ONCE_WAIT)
				fbsd_futex_wake((uint32_t *)state, INT32_MAX);
			return 0;
		}
		if (v == FREEBSD_ONCE_IN_PROGRESS) {
			__atomic_compare_exchange_n(state, &v, FREEBSD_ONCE_WAIT, false,
						    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
			continue;
		}
		if (v != FREEBSD_ONCE_WAIT)
			return -EINVAL;
		if (fbsd_futex_wait((uint32_t *)state, FREEBSD_ONCE_WAIT, NULL, 0) == -EINTR)
			return -XENO_ERESTART;
	}
}

/* ---- fork handlers (thr_fork.c): prepare newest first, the others in order ---- */

#define MAX_ATFORK 64

static struct {
	uint64_t prepare, parent, child;
} atfork[MAX_ATFORK];
static unsigned natfork;

long freebsd_libthr_pthread_atfork(struct xeno_thread *t, uint64_t prepare, uint64_t parent,
				   uint64_t child)
{
	(void)t;
	long r = -ENOMEM;
	fbsd_spin_lock(&atfork_lock);
	if (natfork < MAX_ATFORK) {
		atfork[natfork].prepare = prepare;
		atfork[natfork].parent = parent;
		atfork[natfork].child = child;
		natfork++;
		r = 0;
	}
	fbsd_spin_unlock(&atfork_lock);
	return r;
}

static void call_guest(uint64_t fn)
{
	if (fn) {
		struct xeno_guest_call gc = {.fn = fn};
		xeno_guest_call(&gc);
	}
}

void freebsd_atfork_prepare(struct xeno_thread *t)
{
	(void)t;
	for (unsigned i = __atomic_load_n(&natfork, __ATOMIC_ACQUIRE); i-- > 0;)
		call_guest(atfork[i].prepare);
}

void freebsd_atfork_after(struct xeno_thread *t, int child)
{
	unsigned n = __atomic_load_n(&natfork, __ATOMIC_ACQUIRE);
	if (child) {
		main_thread.tid = t->tid; /* the only thread of the child */
		__atomic_store_n(&live_threads, 1, __ATOMIC_RELEASE);
	}
	for (unsigned i = 0; i < n; i++)
		call_guest(child ? atfork[i].child : atfork[i].parent);
}

/* ---- cancellation: not offered, but its state is kept and reported ---- */

long freebsd_libthr_pthread_setcancelstate(struct xeno_thread *t, int state, uint64_t oldstate)
{
	struct fbsd_pthread *self = freebsd_self(t);
	if (state != FREEBSD_PTHREAD_CANCEL_ENABLE && state != FREEBSD_PTHREAD_CANCEL_DISABLE)
		return -EINVAL;
	int32_t old = self ? self->cancel_state : 0;
	if (self)
		self->cancel_state = state;
	return oldstate ? give(oldstate, &old, sizeof old) : 0;
}

long freebsd_libthr_pthread_setcanceltype(struct xeno_thread *t, int type, uint64_t oldtype)
{
	struct fbsd_pthread *self = freebsd_self(t);
	if (type != FREEBSD_PTHREAD_CANCEL_DEFERRED && type != FREEBSD_PTHREAD_CANCEL_ASYNCHRONOUS)
		return -EINVAL;
	int32_t old = self ? self->cancel_type : 0;
	if (self)
		self->cancel_type = type;
	return oldtype ? give(oldtype, &old, sizeof old) : 0;
}

long freebsd_libthr_pthread_testcancel(struct xeno_thread *t)
{
	(void)t;
	return 0;
}
