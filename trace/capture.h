/* Capturing trace events from the running guest (core/trace_capture.c). */
#ifndef XENO_TRACE_CAPTURE_H
#define XENO_TRACE_CAPTURE_H

#include <signal.h>
#include <stdbool.h>

#include "trace/event.h"

struct xeno_thread;
struct xeno_call;
struct xeno_sysent;

/* An event and the guest bytes it keeps. */
struct xt_capture {
	struct xt_event ev;
	size_t used;
	uint8_t pool[XT_POOL_SIZE];
};

void xt_capture_init(struct xt_capture *c, uint8_t type, uint32_t tid);
/* A call that returned ret (host convention), or has not and will not
 * (unfinished: exit, execve). */
void xt_capture_call(struct xt_capture *c, struct xeno_thread *t, const struct xeno_call *trap,
		     const struct xeno_sysent *e, long ret, bool unfinished);
/* A signal about to be delivered to a guest handler (host number sig). */
void xt_capture_signal(struct xt_capture *c, struct xeno_thread *t, int sig, const siginfo_t *si);

#endif
