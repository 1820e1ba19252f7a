#include "loader/stack.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#define DEFAULT_STACK (8ULL << 20)
#define MAX_STACK     (512ULL << 20)

int xeno_stack_map(struct xeno_stack *st, int exec_stack)
{
	struct rlimit rl;
	uint64_t size = DEFAULT_STACK;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur >= 128 * 1024)
		size = rl.rlim_cur < MAX_STACK ? rl.rlim_cur : MAX_STACK;
	size &= ~4095ULL;
	int prot = PROT_READ | PROT_WRITE | (exec_stack ? PROT_EXEC : 0);
	void *p =
	    mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return -errno;
	st->base = (uint64_t)p;
	st->top = st->base + size;
	st->sp = st->top;
	return 0;
}

uint64_t xeno_stack_alloc(struct xeno_stack *st, size_t n, size_t align)
{
	if (n > st->sp - st->base)
		return 0;
	uint64_t sp = (st->sp - n) & ~(uint64_t)(align - 1);
	if (sp < st->base + 4096) /* keep a page of room below */
		return 0;
	st->sp = sp;
	return sp;
}

uint64_t xeno_stack_push(struct xeno_stack *st, const void *p, size_t n, size_t align)
{
	uint64_t at = xeno_stack_alloc(st, n, align);
	if (at)
		memcpy((void *)at, p, n);
	return at;
}

uint64_t xeno_stack_push_string(struct xeno_stack *st, const char *s)
{
	return xeno_stack_push(st, s, strlen(s) + 1, 1);
}

size_t xeno_count_strings(char *const v[])
{
	size_t n = 0;
	while (v && v[n])
		n++;
	return n;
}
