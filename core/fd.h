/*
 * Descriptors xeno keeps for itself (the trace file, …) live at the top of
 * the descriptor space, close-on-exec, out of the guest's way.
 */
#ifndef XENO_CORE_FD_H
#define XENO_CORE_FD_H

/* Raises the process's soft RLIMIT_NOFILE so that xeno has room above the
 * guest's descriptors; the guest goes on seeing the limit it started with. */
void xeno_fd_init(void);
/* Moves fd into xeno's range (close-on-exec): the new fd, or -errno. */
int xeno_fd_move_high(int fd);
/* The soft descriptor limit the guest sees. */
unsigned long xeno_fd_guest_limit(void);

#endif
