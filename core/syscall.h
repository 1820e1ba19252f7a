/*
 * The shape of a foreign system call table, as generated from each OS's
 * syscalls.master by tools/gensyscalls.awk, and the results handlers return.
 */
#ifndef XENO_CORE_SYSCALL_H
#define XENO_CORE_SYSCALL_H

#include <stdint.h>

#include "core/nofpu.h"

struct xeno_thread;

/*
 * Handlers return a non-negative result or a negated *host* errno; the
 * personality translates it into the foreign convention at the one exit point.
 * Two values above the Linux errno range steer the dispatcher itself.
 */
#define XENO_ERESTART	 512 /* roll the guest back to re-issue the syscall */
#define XENO_EJUSTRETURN 513 /* the handler set the guest registers itself */
#define XENO_ERESTARTSYS                                                                           \
	514 /* interrupted: restart if the signal's handler                                        \
	     * asked for it (SA_RESTART), else EINTR */

/* For handlers of calls that restart under SA_RESTART: an interrupted
 * blocking host call becomes XENO_ERESTARTSYS. */
static inline long xeno_restartable(long r)
{
	return r == -4 /* -EINTR */ ? -XENO_ERESTARTSYS : r;
}

/* Argument and result kinds the tracer can decode (tools/gensyscalls.awk). */
enum xeno_argkind {
	XA_NONE,     /* a result: nothing (a void function that returns) */
	XA_INT,	     /* 32-bit signed decimal */
	XA_UINT,     /* 32-bit unsigned decimal */
	XA_LONG,     /* 64-bit signed decimal */
	XA_ULONG,    /* 64-bit unsigned decimal */
	XA_HEX,	     /* unsigned hexadecimal */
	XA_FD,	     /* descriptor */
	XA_ATFD,     /* descriptor or AT_FDCWD */
	XA_OCTAL,    /* 32-bit mode bits */
	XA_PTR,	     /* address, printed in hex */
	XA_STR,	     /* NUL-terminated string read from the guest */
	XA_IBUF,     /* buffer the call reads: length in another argument */
	XA_OBUF,     /* buffer the call fills: length is the result */
	XA_FLAGS,    /* 32-bit flag set; names from the personality's flag tables */
	XA_LFLAGS,   /* the same, 64 bits wide */
	XA_SIG,	     /* foreign signal number */
	XA_PID,	     /* process id (32-bit) */
	XA_TID,	     /* thread id (64-bit) */
	XA_IN,	     /* pointer to structures the call reads, with a decoder */
	XA_OUT,	     /* pointer to structures the call fills */
	XA_INOUT,    /* pointer to structures the call reads and updates */
	XA_NORETURN, /* a result: the call does not return (exit, thr_exit) */
	XA_HEX32,    /* 32-bit unsigned hexadecimal (a Windows DWORD, NTSTATUS) */
};

#define XENO_NOARG 0xff /* argdesc.len_arg: no length argument */

/* Sizes of the names a table entry holds in place (the generator refuses
 * longer ones): the descriptions are pointer-free, so a static PIE has
 * nothing to relocate in them and they stay clean, shared file pages.
 * Library functions' names run longer than system calls' (FreeBSD's
 * posix_spawn_file_actions_addclosefrom_np, Windows' API). */
#define XENO_SYSNAME_SIZE 48
#define XENO_ARGNAME_SIZE 20
#define XENO_DECODER_SIZE 16

/* One argument: its kind; for IBUF and arrays of structures the index of the
 * argument holding their length (or a fixed element count); for FLAGS and
 * structures the decoder's name. */
struct xeno_argdesc {
	uint8_t kind;
	uint8_t len_arg;		 /* XENO_NOARG if none */
	uint8_t count;			 /* fixed element count of in(S,N), or 0 */
	char name[XENO_ARGNAME_SIZE];	 /* the argument's name in the table */
	char decoder[XENO_DECODER_SIZE]; /* flag set or struct decoder, or "" */
};

/* Classes of calls, for trace filters (%file, %desc...): syscalls.master
 * names them after the return kind. */
enum {
	XENO_TC_FILE = 1 << 0,	  /* takes a file name */
	XENO_TC_DESC = 1 << 1,	  /* takes or returns a descriptor */
	XENO_TC_PROCESS = 1 << 2, /* process and thread life */
	XENO_TC_SIGNAL = 1 << 3,  /* signals */
	XENO_TC_MEMORY = 1 << 4,  /* the address space */
	XENO_TC_NETWORK = 1 << 5, /* sockets */
	XENO_TC_IPC = 1 << 6,	  /* System V IPC */
	XENO_TC_CLOCK = 1 << 7,	  /* reading and setting clocks */
	XENO_TC_CREDS = 1 << 8,	  /* user and group identities */
};

typedef long (*xeno_thunk)(struct xeno_thread *t, const uint64_t *args);

/* Table flags (syscalls.master status STD|NOTLS). */
enum {
	/* The handler uses nothing of glibc's thread state (no stdio, malloc,
	 * pthread locks, errno): it may run on the guest's FS base. */
	XENO_SYF_NOTLS = 1 << 0,
	/* The handler and all it calls use no FP or vector register (built
	 * XENO_NOFPU, making host calls only through xeno_host_syscall): at a
	 * patched site it runs before the guest's FP state is saved
	 * (core/sitecall.S), which costs more than a short host call.  It
	 * returns a result or an error, never a restart or a new context, and
	 * does not use t->uc.  Implies NOTLS. */
	XENO_SYF_NOFPU = 1 << 1,
};

/* What dispatch needs of a call, one small entry per number.  The thunk is
 * held as its distance from the field, not as a pointer: the generators
 * (tools/kinds.awk write_call_table) write these tables in assembly as
 * `.quad thunk - .`, which the linker resolves, so that the static PIE has
 * nothing to relocate (no page to write) in them at start-up. */
struct xeno_syscall {
	int64_t call_at; /* the thunk at &call_at + call_at; 0: not implemented */
	uint8_t flags;	 /* XENO_SYF_* */
};

/* A pointer a generated table holds as its distance from where it is stored
 * (0: none). */
static inline void *xeno_rel_ptr(const int64_t *at)
{
	return *at ? (void *)((uintptr_t)at + (uintptr_t)*at) : (void *)0;
}

/* The same, 32 bits wide (what a `.long sym@PLT` can hold: see genlibs.awk
 * write_exports). */
static inline void *xeno_rel32_ptr(const int32_t *at)
{
	return *at ? (void *)((intptr_t)at + *at) : (void *)0;
}

static inline xeno_thunk xeno_syscall_thunk(const struct xeno_syscall *sc)
{
	return (xeno_thunk)xeno_rel_ptr(&sc->call_at);
}

/* An entry made at run time (a table in memory). */
static inline void xeno_syscall_set(struct xeno_syscall *sc, xeno_thunk call, uint8_t flags)
{
	sc->call_at = call ? (int64_t)((uintptr_t)call - (uintptr_t)&sc->call_at) : 0;
	sc->flags = flags;
}

/* The description of a call, for messages, traces and filters. */
struct xeno_sysent {
	char name[XENO_SYSNAME_SIZE]; /* "": no such call */
	uint8_t nargs;
	uint8_t ret_kind;
	uint16_t classes; /* XENO_TC_* */
	struct xeno_argdesc args[8];
	/* A library function: how a failure reaches the guest (enum
	 * xeno_libconv, core/library.h), as the trace shows it; 0 for a system
	 * call, whose failures are the personality's business. */
	uint8_t conv;
};

/* A table of calls: a personality's system calls (library NULL) or the
 * functions of one of its shim libraries (generated), or one made at run
 * time (an import nothing defines: loader/link_missing.c). */
struct xeno_calltable {
	const char *library;		  /* NULL, or "libc.so.7" */
	unsigned id;			  /* 0, or the library's (core/library.h XENO_LIBID_*) */
	const struct xeno_syscall *calls; /* n entries each */
	const struct xeno_sysent *sysent;
	unsigned n;
};

/* A call as the guest made it: its table, its number there, and its
 * arguments (a system call's registers, or a library function's). */
struct xeno_call {
	const struct xeno_calltable *table;
	uint64_t nr;
	uint64_t args[8];
};

#endif
