/*
 * System call handlers the BSD personalities share.  They take their
 * per-OS facts (flag tables, struct layouts) from bsd_abi_of(t) (abi/bsd/abi.h).
 */
#ifndef XENO_SYSCALLS_BSD_H
#define XENO_SYSCALLS_BSD_H

#include <stddef.h>
#include <stdint.h>
#include <ucontext.h>

#include "core/personality.h"
#include "core/thread.h"

#include "syscalls/bsd/event.h"
#include "syscalls/bsd/fs.h"
#include "syscalls/bsd/mm.h"
#include "syscalls/bsd/net.h"
#include "syscalls/bsd/proc.h"

struct xeno_call;
struct xeno_callrec;
struct bsd_abi;
struct bsd_clock;

/* The facts of the calling thread's BSD (abi/bsd/abi.h). */
static inline const struct bsd_abi *bsd_abi_of(const struct xeno_thread *t)
{
	return (const struct bsd_abi *)t->os->facts;
}

/* The BSD system call convention on amd64 (FreeBSD and NetBSD alike):
 * number in RAX, syscall(0) and __syscall(198) pass it in RDI; errors set
 * the carry flag with a positive errno in RAX. */
void bsd_decode_trap(const greg_t *g, struct xeno_call *trap);
void bsd_set_result(struct xeno_thread *t, greg_t *g, long ret);
/* A successful result that may be negative (getpriority's nice value): set
 * in the guest's registers at once; returns what the handler returns. */
long bsd_return_value(struct xeno_thread *t, long value);

/* Clock reads at patched sites, from the host's vDSO (syscalls/bsd/
 * time_sitecall.c): the personality's sitecall_fast (core/personality.h) for
 * its numbers of clock_gettime and gettimeofday; general-regs-only. */
bool bsd_sitecall_clock(greg_t *g, struct xeno_callrec *rec, uint64_t nr_clock_gettime,
			uint64_t nr_gettimeofday) __attribute__((target("general-regs-only")));
/* What the ordinary handler found a foreign clock id to be, for the above. */
void bsd_sitecall_clock_learn(int clock_id, const struct bsd_clock *c);

#endif
