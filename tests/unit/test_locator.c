/*
 * The locator (core/gate.h): a guest that owns GS — as macOS and Windows
 * programs do — runs with a GS base of its own, and xeno still finds its
 * thread state, through glibc's FS base.  A tiny guest, run on a guest thread
 * of a test personality that owns GS, reads %gs:0x30 (where Go on macOS keeps
 * its g) and hands the value to a trapped system call; the handler sees its
 * own state, the guest's GS base still loaded, glibc's FS base untouched, and
 * its result reaches the guest.
 */
#include "unit.h"

#include <asm/prctl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/personality.h"
#include "core/thread.h"
#include "core/threads.h"

#define MAGIC	    0x5eed600dcafef00dULL
#define NOTE_RESULT 42

static struct {
	uint64_t notes[2];
	int nnotes;
	int state_ok; /* the handler's t is xeno_current() */
	int gs_ok;    /* the guest's GS base is loaded in the handler */
	int fs_ok;    /* glibc's FS base is, too */
	volatile int done;
} seen;

static uint64_t guest_gs;

static uint64_t arch_get(int code)
{
	uint64_t v = 0;
	syscall(SYS_arch_prctl, code, &v);
	return v;
}

/* Call 0: note(value), returns NOTE_RESULT. */
static long sys_note(struct xeno_thread *t, const uint64_t *a)
{
	if (seen.nnotes < 2)
		seen.notes[seen.nnotes++] = a[0];
	seen.state_ok += t == xeno_current();
	seen.gs_ok += arch_get(ARCH_GET_GS) == guest_gs;
	seen.fs_ok += arch_get(ARCH_GET_FS) == t->host_fs;
	return NOTE_RESULT;
}

/* Call 1: the thread ends. */
static long sys_exit(struct xeno_thread *t, const uint64_t *a)
{
	(void)a;
	__atomic_store_n(&seen.done, 1, __ATOMIC_RELEASE);
	xeno_thread_exit(t);
}

static struct xeno_syscall calls[2]; /* set in main: entries hold distances */
static const struct xeno_sysent ents[] = {{.name = "note", .nargs = 1},
					  {.name = "exit", .nargs = 0}};
static const struct xeno_calltable table = {NULL, 0, calls, ents, 2};

static void decode(const greg_t *g, struct xeno_call *c)
{
	c->nr = (uint64_t)g[REG_RAX];
	c->args[0] = (uint64_t)g[REG_RDI];
}

static void set_result(struct xeno_thread *t, greg_t *g, long ret)
{
	(void)t;
	g[REG_RAX] = ret;
}

static int errno_same(int e)
{
	return e;
}

static const struct xeno_personality gs_owner = {
    .name = "gs-owner",
    .segment = XENO_GUEST_OWNS_GS,
    .syscalls = &table,
    .decode_trap = decode,
    .set_result = set_result,
    .errno_from_host = errno_same,
};

/* mov %gs:0x30,%rdi; xor %eax,%eax; syscall; mov %rax,%rdi; xor %eax,%eax;
 * syscall; mov $1,%eax; syscall; ud2 */
static const unsigned char guest_code[] = {
    0x65, 0x48, 0x8b, 0x3c, 0x25, 0x30, 0,    0, 0, 0x31, 0xc0, 0x0f, 0x05, 0x48, 0x89,
    0xc7, 0x31, 0xc0, 0x0f, 0x05, 0xb8, 0x01, 0, 0, 0,	  0x0f, 0x05, 0x0f, 0x0b};

static void *map(size_t size, int prot)
{
	void *p = mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(p != MAP_FAILED);
	return p;
}

static void guest_with_its_own_gs(void **state)
{
	(void)state;
	xeno_locator_init(XENO_GUEST_OWNS_GS);
	assert_int_equal(xeno_crossing_init(), 0);
	/* The test's own thread stands for the program's main thread. */
	struct xeno_thread *main_thread = xeno_thread_new(&gs_owner);
	assert_non_null(main_thread);
	xeno_threads_init(main_thread);

	unsigned char *code = map(4096, PROT_READ | PROT_WRITE);
	memcpy(code, guest_code, sizeof guest_code);
	assert_int_equal(mprotect(code, 4096, PROT_READ | PROT_EXEC), 0);
	uint64_t *block = map(4096, PROT_READ | PROT_WRITE);
	block[0x30 / 8] = MAGIC;
	guest_gs = (uint64_t)block;
	char *stack = map(65536, PROT_READ | PROT_WRITE);

	struct xeno_thread_start start = {
	    .entry = {.rip = (uint64_t)code, .rsp = (uint64_t)(stack + 65536 - 8), .gs = guest_gs},
	};
	sigemptyset(&start.sigmask);
	assert_true(xeno_thread_spawn(main_thread, &start) >= 0);
	for (int i = 0; i < 5000 && !__atomic_load_n(&seen.done, __ATOMIC_ACQUIRE); i++)
		nanosleep(&(struct timespec){0, 1000000}, NULL);

	assert_true(seen.done);
	assert_int_equal(seen.nnotes, 2);
	assert_true(seen.notes[0] == MAGIC);	      /* the guest read its own %gs:0x30 */
	assert_int_equal(seen.notes[1], NOTE_RESULT); /* and got the handler's result */
	assert_int_equal(seen.state_ok, 2);
	assert_int_equal(seen.gs_ok, 2);
	assert_int_equal(seen.fs_ok, 2);
}

int main(void)
{
	xeno_syscall_set(&calls[0], sys_note, 0);
	xeno_syscall_set(&calls[1], sys_exit, 0);
	RUN(cmocka_unit_test(guest_with_its_own_gs));
}
