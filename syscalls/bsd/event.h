/* Event handlers shared by the BSD personalities (syscalls/bsd/event.c);
 * the engine behind them is syscalls/bsd/kqueue.h. */
#ifndef XENO_SYSCALLS_BSD_EVENT_H
#define XENO_SYSCALLS_BSD_EVENT_H

struct xeno_thread;

long bsd_sys_kqueue(struct xeno_thread *t);

#endif
