/*
 * POSIX threads of the library-interface OSes (illumos, OpenBSD) on host
 * threads (core/threads.h), written once: a pthread_attr_t is a pointer to
 * the library's own record (both OSes' pthread.h), a pthread_t the thread
 * id.  A new thread gets the stack its attributes give or one of their size
 * (the OS's default), its own TLS block in the program's layout
 * (loader/link_tls.c), and the creator's signal mask; its start routine
 * returning ends it through the library's pthread_exit.  Each OS says its
 * numbers in a struct lib_pthread_os; its spec's handlers call these, and
 * name the ones that need no OS's numbers (in a handler's form: the thread
 * first) as their own (=lib_pthread_attr_destroy).
 *
 * Stacks and TLS blocks xeno made are given back once their thread is gone
 * (the kernel no longer knows its id), when a later thread is made.
 * Results are 0 or a negated host errno (the specs' RET convention).
 */
#ifndef XENO_LIBS_COMMON_PTHREAD_H
#define XENO_LIBS_COMMON_PTHREAD_H

#include <stddef.h>
#include <stdint.h>

struct xeno_thread;
struct xeno_library;

struct lib_pthread_os {
	int detached, joinable;		 /* PTHREAD_CREATE_DETACHED, _JOINABLE */
	uint64_t default_stack;		 /* a new attribute object's stack size */
	uint64_t min_stack;		 /* PTHREAD_STACK_MIN */
	size_t id_size;			 /* bytes of pthread_t that pthread_create writes */
	const struct xeno_library *libc; /* the library whose pthread_exit a */
	const char *exit_name;		 /* returning start routine reaches */
};

long lib_pthread_attr_init(const struct lib_pthread_os *os, uint64_t attr);
long lib_pthread_attr_destroy(struct xeno_thread *t, uint64_t attr);
long lib_pthread_attr_setstack(const struct lib_pthread_os *os, uint64_t attr, uint64_t addr,
			       size_t size);
long lib_pthread_attr_getstack(struct xeno_thread *t, uint64_t attr, uint64_t addr, uint64_t size);
long lib_pthread_attr_setstacksize(const struct lib_pthread_os *os, uint64_t attr, size_t size);
long lib_pthread_attr_getstacksize(struct xeno_thread *t, uint64_t attr, uint64_t size);
long lib_pthread_attr_setdetachstate(const struct lib_pthread_os *os, uint64_t attr, int state);
long lib_pthread_attr_getdetachstate(struct xeno_thread *t, uint64_t attr, uint64_t state);
long lib_pthread_create(const struct lib_pthread_os *os, struct xeno_thread *t, uint64_t thread,
			uint64_t attr, uint64_t start, uint64_t arg);
_Noreturn long lib_pthread_exit(struct xeno_thread *t, uint64_t value);
long lib_pthread_join(struct xeno_thread *t, uint64_t thread, uint64_t status);
long lib_pthread_detach(struct xeno_thread *t, uint64_t thread);
/* pthread_self: the thread id */
long lib_pthread_self(struct xeno_thread *t);

#endif
