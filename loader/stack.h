/*
 * Building a new process's initial stack: strings and vectors pushed from the
 * top of a fresh mapping downwards.  Each OS arranges them its own way
 * (its personality's stack.c); these are the bricks.
 */
#ifndef XENO_LOADER_STACK_H
#define XENO_LOADER_STACK_H

#include <stddef.h>
#include <stdint.h>

struct xeno_stack {
	uint64_t base, top; /* the mapping */
	uint64_t sp;	    /* next free byte is below sp */
};

/* Maps a stack of the size RLIMIT_STACK allows (8 MiB if unlimited):
 * 0 or -errno. exec_stack adds PROT_EXEC. */
int xeno_stack_map(struct xeno_stack *st, int exec_stack);
/* Pushes n bytes aligned to align: their guest address, 0 if the stack is full. */
uint64_t xeno_stack_push(struct xeno_stack *st, const void *p, size_t n, size_t align);
uint64_t xeno_stack_push_string(struct xeno_stack *st, const char *s);
/* Reserves n bytes aligned to align and returns their address (0 if full). */
uint64_t xeno_stack_alloc(struct xeno_stack *st, size_t n, size_t align);

size_t xeno_count_strings(char *const v[]);

#endif
