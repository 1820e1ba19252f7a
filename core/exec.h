/*
 * The guest's execve: a program for an OS xeno runs goes through xeno again
 * (a new process image of xeno, with the same options); a foreign image xeno
 * cannot run (another OS's, a damaged one, one it cannot read) fails, with
 * ENOEXEC or EACCES; anything else — a Linux program, a script — goes to the
 * kernel as it is.  Either way the
 * new program inherits nothing of xeno's: xeno's descriptors are
 * close-on-exec, and the descriptor limit is the guest's again.
 */
#ifndef XENO_CORE_EXEC_H
#define XENO_CORE_EXEC_H

struct xeno_thread;

/* Returns only on failure: -errno. */
long xeno_execve(struct xeno_thread *t, const char *path, char *const argv[], char *const envp[]);

#endif
