/*
 * FreeBSD kernel threads: struct thr_param and thr_new flags (sys/sys/thr.h).
 * Thread ids are stored as longs on amd64 (kern_thr.c suword_lwpid = suword).
 */
#ifndef XENO_ABI_FREEBSD_THR_H
#define XENO_ABI_FREEBSD_THR_H

#include <stddef.h>
#include <stdint.h>

#define FREEBSD_THR_SUSPENDED	 0x0001
#define FREEBSD_THR_SYSTEM_SCOPE 0x0002

struct freebsd_thr_param {
	uint64_t start_func;
	uint64_t arg;
	uint64_t stack_base;
	uint64_t stack_size;
	uint64_t tls_base;
	uint64_t tls_size;
	uint64_t child_tid;  /* long * */
	uint64_t parent_tid; /* long * */
	int32_t flags;
	int32_t pad_;
	uint64_t rtp; /* struct rtprio * */
	uint64_t spare[3];
};
_Static_assert(sizeof(struct freebsd_thr_param) == 104, "struct thr_param layout");
_Static_assert(offsetof(struct freebsd_thr_param, child_tid) == 48, "struct thr_param layout");
_Static_assert(offsetof(struct freebsd_thr_param, flags) == 64, "struct thr_param layout");
_Static_assert(offsetof(struct freebsd_thr_param, rtp) == 72, "struct thr_param layout");

/* sys/sys/param.h MAXCOMLEN: longest thread name kept */
#define FREEBSD_MAXCOMLEN 19

#endif
