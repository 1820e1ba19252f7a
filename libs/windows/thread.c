/*
 * Windows threads: each has a TEB at its GS base (abi/windows/nt.h), with
 * xeno's struct win_thread after it in the same block, a guest stack of its
 * own that VirtualQuery describes (Go's minit asks it for the stack's
 * AllocationBase), and a thread object other threads wait on.  CreateThread
 * starts the routine in the Microsoft convention on a new guest thread
 * (core/threads.h); TLS slots (TlsAlloc) are the TEB's TlsSlots, which Go
 * 1.21 and later read directly at %gs:0x1480 + 8 * index.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/host.h"
#include "core/libgate_ms.h"
#include "core/thread.h"
#include "core/threads.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "loader/pe_module.h"
#include "windows_kernel32_proto.h"

#define PAGE	    4096ULL
#define STACK_GUARD PAGE
#define MIN_STACK   (1ULL << 20)	  /* room for xeno's handlers, which run on it */
#define MAX_STACK   (64ULL << 20)	  /* Go's minit refuses more ("bad g0 stack") */
#define BLOCK_SIZE  (WIN_TEB_SIZE + PAGE) /* the TEB, then struct win_thread */

static uint64_t round_page(uint64_t x)
{
	return (x + PAGE - 1) & ~(PAGE - 1);
}

/* The program's TLS block for a new thread, in the TEB's TLS array. */
static int new_tls_block(struct win_thread *w)
{
	const struct pe_module *m = pe_program();
	if (!m || !m->tls.present)
		return 0;
	size_t align = m->tls.align > 16 ? m->tls.align : 16;
	size_t size = m->tls.template_size + m->tls.zero_fill;
	void *block = NULL;
	if (posix_memalign(&block, align, size ? size : 1) != 0)
		return -ENOMEM;
	memset(block, 0, size);
	if (m->tls.template_addr &&
	    xeno_copy_in(block, m->tls.template_addr, m->tls.template_size) < 0) {
		free(block);
		return -EFAULT;
	}
	w->tls_block = block;
	w->tls_array[0] = (uint64_t)block;
	w->teb->thread_local_storage_pointer = (uint64_t)w->tls_array;
	return 0;
}

struct win_thread *win_thread_new(uint64_t stack_size)
{
	const struct pe_module *m = pe_program();
	if (!stack_size)
		stack_size = m ? m->stack_reserve : 0;
	stack_size = round_page(stack_size < MIN_STACK ? MIN_STACK : stack_size);
	if (stack_size > MAX_STACK)
		stack_size = MAX_STACK;
	char *block =
	    mmap(NULL, BLOCK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (block == MAP_FAILED)
		return NULL;
	char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (stack == MAP_FAILED) {
		munmap(block, BLOCK_SIZE);
		return NULL;
	}
	mprotect(stack, STACK_GUARD, PROT_NONE);
	struct win_teb *teb = (struct win_teb *)block;
	struct win_thread *w = (struct win_thread *)(block + WIN_TEB_SIZE);
	w->teb = teb;
	w->stack_base = (uint64_t)stack;
	w->stack_size = stack_size;
	teb->self = (uint64_t)teb;
	teb->stack_base = (uint64_t)stack + stack_size;
	teb->stack_limit = (uint64_t)stack + STACK_GUARD;
	teb->deallocation_stack = (uint64_t)stack;
	teb->peb = (uint64_t)win_proc.peb;
	teb->client_id_process = (uint64_t)getpid();
	if (new_tls_block(w) < 0) {
		munmap(stack, stack_size);
		munmap(block, BLOCK_SIZE);
		return NULL;
	}
	win_memory_record((uint64_t)stack, stack_size);
	return w;
}

/* ---- ended threads: their blocks go once the host thread is gone ---- */

struct ended {
	struct win_thread *w;
	pid_t tid;
	struct ended *next;
};
static struct ended *ended;
static pthread_mutex_t ended_lock = PTHREAD_MUTEX_INITIALIZER;

static void free_thread(struct win_thread *w)
{
	win_memory_forget(w->stack_base);
	munmap((void *)w->stack_base, w->stack_size);
	free(w->tls_block);
	munmap(w->teb, BLOCK_SIZE);
}

void win_thread_free_block(struct win_thread *w)
{
	win_memory_forget(w->stack_base);
	free(w->tls_block);
	munmap(w->teb, BLOCK_SIZE);
}

void win_thread_reap(void)
{
	pid_t pid = getpid();
	pthread_mutex_lock(&ended_lock);
	for (struct ended **p = &ended; *p;) {
		struct ended *e = *p;
		if (host_syscall3(SYS_tgkill, pid, e->tid, 0) == -ESRCH) {
			*p = e->next;
			free_thread(e->w);
			free(e);
		} else {
			p = &e->next;
		}
	}
	pthread_mutex_unlock(&ended_lock);
}

/* The calling thread's object, made when first asked for. */
static struct win_object *self_object(void)
{
	struct win_thread *w = win_self();
	if (!w->object) {
		struct win_object *o = calloc(1, sizeof *o);
		if (!o)
			return NULL;
		o->kind = WIN_THREAD;
		o->refs = 1;
		o->thread.thread = w;
		o->thread.tid = (uint32_t)gettid();
		w->object = o;
	}
	return w->object;
}

/* winbase.h CREATE_SUSPENDED, STACK_SIZE_PARAM_IS_A_RESERVATION */
#define CREATE_SUSPENDED		  0x4
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x10000

long windows_kernel32_CreateThread(struct xeno_thread *t, uint64_t attrs, uint64_t stack_size,
				   uint64_t routine, uint64_t arg, unsigned int flags,
				   uint64_t tid_out)
{
	(void)attrs;
	if (flags & ~(unsigned)STACK_SIZE_PARAM_IS_A_RESERVATION)
		return win_fail(WIN_ERROR_NOT_SUPPORTED); /* CREATE_SUSPENDED: not yet */
	win_thread_reap();
	struct win_thread *w = win_thread_new(stack_size);
	if (!w)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	uint64_t h;
	struct win_object *o = win_object_new(WIN_THREAD, &h);
	if (!o) {
		free_thread(w);
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	}
	o->thread.thread = w;
	__atomic_add_fetch(&o->refs, 1, __ATOMIC_ACQ_REL); /* the thread's own */
	w->object = o;
	const struct xeno_library *k32 = pe_shim_named(t->os, "kernel32.dll");
	struct xeno_thread_start start = {
	    .entry = {.rip = (uint64_t)xeno_guest_start_thread_ms,
		      .rsp = w->stack_base + w->stack_size,
		      .rbx = routine,
		      .rdi = arg,
		      .r12 = pe_shim_export(k32, "ExitThread", 0),
		      .gs = (uint64_t)w->teb},
	    .sigmask = t->sigmask,
	    .tid_out = {(uint64_t)&w->teb->client_id_thread},
	    .id_size = 8,
	};
	long tid = xeno_thread_spawn(t, &start);
	if (tid < 0) {
		w->object = NULL;
		win_put(o);
		win_handle_close(h);
		free_thread(w);
		return win_fail_errno(tid);
	}
	o->thread.tid = (uint32_t)tid;
	w->tid = (uint32_t)tid;
	if (tid_out) {
		uint32_t id = (uint32_t)tid;
		xeno_copy_out(tid_out, &id, sizeof id);
	}
	return (long)h;
}

long windows_kernel32_ExitThread(struct xeno_thread *t, unsigned int code)
{
	struct win_thread *w = win_self();
	struct win_object *o = self_object();
	if (o) {
		win_thread_object_end(o, code);
		w->object = NULL;
		win_put(o);
	}
	if (w != win_proc.main_thread) {
		struct ended *e = malloc(sizeof *e);
		if (e) {
			*e = (struct ended){w, (pid_t)gettid(), NULL};
			pthread_mutex_lock(&ended_lock);
			e->next = ended;
			ended = e;
			pthread_mutex_unlock(&ended_lock);
		}
	}
	xeno_thread_exit(t);
}

long windows_kernel32_GetCurrentThreadId(struct xeno_thread *t)
{
	return t->tid;
}

long windows_kernel32_GetCurrentProcessId(struct xeno_thread *t)
{
	(void)t;
	return getpid();
}

long windows_kernel32_GetCurrentThread(struct xeno_thread *t)
{
	(void)t;
	return (long)WIN_CURRENT_THREAD;
}

long windows_kernel32_GetCurrentProcess(struct xeno_thread *t)
{
	(void)t;
	return (long)WIN_CURRENT_PROCESS;
}

long windows_kernel32_GetExitCodeThread(struct xeno_thread *t, uint64_t h, uint64_t code_out)
{
	(void)t;
	struct win_object *o = win_get_kind(h, WIN_THREAD);
	if (!o)
		return 0;
	uint32_t code = o->thread.ended ? o->thread.exit_code : 259; /* STILL_ACTIVE */
	win_put(o);
	return xeno_copy_out(code_out, &code, sizeof code) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_SetThreadPriority(struct xeno_thread *t, uint64_t h, int priority)
{
	(void)t, (void)h, (void)priority; /* accepted; Linux threads keep theirs */
	return 1;
}

long windows_kernel32_GetThreadPriority(struct xeno_thread *t, uint64_t h)
{
	(void)t, (void)h;
	return 0; /* THREAD_PRIORITY_NORMAL */
}

/* ---- handles of threads and processes ---- */

#define DUPLICATE_CLOSE_SOURCE 1

long windows_kernel32_DuplicateHandle(struct xeno_thread *t, uint64_t src_process, uint64_t src,
				      uint64_t dst_process, uint64_t dst_out, unsigned int access,
				      int inherit, unsigned int options)
{
	(void)t, (void)access, (void)inherit;
	if (src_process != WIN_CURRENT_PROCESS || dst_process != WIN_CURRENT_PROCESS)
		return win_fail(WIN_ERROR_NOT_SUPPORTED); /* one process: no others to share with */
	struct win_object *o;
	if (src == WIN_CURRENT_THREAD) {
		o = self_object();
		if (o)
			__atomic_add_fetch(&o->refs, 1, __ATOMIC_ACQ_REL);
	} else if (src == WIN_CURRENT_PROCESS) {
		uint64_t h = WIN_CURRENT_PROCESS;
		return xeno_copy_out(dst_out, &h, sizeof h) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
	} else {
		o = win_get(src);
	}
	if (!o)
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	uint64_t h = win_handle_add(o);
	win_put(o);
	if (!h)
		return win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY);
	if (options & DUPLICATE_CLOSE_SOURCE)
		win_handle_close(src);
	if (dst_out && xeno_copy_out(dst_out, &h, sizeof h) < 0) {
		win_handle_close(h);
		return win_fail(WIN_ERROR_NOACCESS);
	}
	return 1;
}

long windows_kernel32_CloseHandle(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	if (h == WIN_CURRENT_PROCESS || h == WIN_CURRENT_THREAD)
		return 1;
	return win_handle_close(h) < 0 ? win_fail(WIN_ERROR_INVALID_HANDLE) : 1;
}

/* ---- thread-local storage slots ---- */

#define TLS_OUT_OF_INDEXES 0xffffffffu

static uint64_t tls_used; /* bit i: TlsSlots[i] allocated */

long windows_kernel32_TlsAlloc(struct xeno_thread *t)
{
	(void)t;
	for (;;) {
		uint64_t used = __atomic_load_n(&tls_used, __ATOMIC_ACQUIRE);
		if (used == ~0ULL)
			return (long)(win_fail(WIN_ERROR_NOT_ENOUGH_MEMORY), TLS_OUT_OF_INDEXES);
		int i = __builtin_ctzll(~used);
		if (__atomic_compare_exchange_n(&tls_used, &used, used | 1ULL << i, false,
						__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
			win_teb()->tls_slots[i] = 0;
			return i;
		}
	}
}

long windows_kernel32_TlsFree(struct xeno_thread *t, unsigned int i)
{
	(void)t;
	if (i >= 64 || !(__atomic_load_n(&tls_used, __ATOMIC_ACQUIRE) & 1ULL << i))
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	__atomic_and_fetch(&tls_used, ~(1ULL << i), __ATOMIC_ACQ_REL);
	return 1;
}

long windows_kernel32_TlsGetValue(struct xeno_thread *t, unsigned int i)
{
	(void)t;
	if (i >= 64)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	win_set_error(WIN_ERROR_SUCCESS);
	return (long)win_teb()->tls_slots[i];
}

long windows_kernel32_TlsSetValue(struct xeno_thread *t, unsigned int i, uint64_t value)
{
	(void)t;
	if (i >= 64)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	win_teb()->tls_slots[i] = value;
	return 1;
}

void windows_set_lib_error(struct xeno_thread *t, int code)
{
	(void)t;
	win_set_error((uint32_t)code);
}

long win_fail_errno(long neg_errno)
{
	return win_fail((uint32_t)windows_error_from_host((int)-neg_errno));
}
