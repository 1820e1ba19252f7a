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
#include "syscalls/bsd/signal.h"

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
/* The same with the number masked as NetBSD masks it (code & (SYS_NSYSENT
 * - 1)); the table of trap->table says how many arguments a call has. */
void bsd_decode_trap_masked(const greg_t *g, struct xeno_call *trap, uint64_t nr_mask);
void bsd_set_result(struct xeno_thread *t, greg_t *g, long ret);
/* The same, RDX cleared on success unless the call set a second result
 * (NetBSD). */
void bsd_set_result_rdx_zeroed(struct xeno_thread *t, greg_t *g, long ret);
/* pad.c: the calls with a padding slot before a 64-bit offset */
long bsd_sys_mmap_pad(struct xeno_thread *t, uint64_t addr, size_t len, int prot, int flags, int fd,
		      long pad, int64_t pos);
long bsd_sys_lseek_pad(struct xeno_thread *t, int fd, int pad, int64_t offset, int whence);
long bsd_sys_pread_pad(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int pad,
		       int64_t offset);
long bsd_sys_pwrite_pad(struct xeno_thread *t, int fd, uint64_t buf, size_t nbyte, int pad,
			int64_t offset);
long bsd_sys_preadv_pad(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt, int pad,
			int64_t offset);
long bsd_sys_pwritev_pad(struct xeno_thread *t, int fd, uint64_t iovp, unsigned int iovcnt, int pad,
			 int64_t offset);
long bsd_sys_truncate_pad(struct xeno_thread *t, uint64_t path, int pad, int64_t length);
long bsd_sys_ftruncate_pad(struct xeno_thread *t, int fd, int pad, int64_t length);

/* A successful result that may be negative (getpriority's nice value): set
 * in the guest's registers at once; returns what the handler returns. */
long bsd_return_value(struct xeno_thread *t, long value);

/* Clock reads at patched sites, from the host's vDSO (syscalls/bsd/
 * time_sitecall.c): the personality's sitecall_fast (core/personality.h) for
 * its numbers of clock_gettime and gettimeofday; general-regs-only. */
bool bsd_sitecall_clock(greg_t *g, struct xeno_callrec *rec, uint64_t nr_clock_gettime,
			uint64_t nr_gettimeofday) __attribute__((target("general-regs-only")));
/* A NOFPU call (core/syscall.h) at a patched site, before the guest's FP
 * state is saved (syscalls/bsd/nofpu_sitecall.c): false if call g[RAX] is
 * not one.  rdx_zeroed: the convention clears RDX when a call sets no second
 * result (NetBSD), or keeps it (FreeBSD). */
bool bsd_sitecall_nofpu(struct xeno_thread *t, greg_t *g, struct xeno_callrec *rec,
			bool rdx_zeroed) XENO_NOFPU;
/* What the ordinary handler found a foreign clock id to be, for the above. */
void bsd_sitecall_clock_learn(int clock_id, const struct bsd_clock *c);

#endif
