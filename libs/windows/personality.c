/* The Windows personality (core/personality.h): a GS-owning guest of
 * library calls only, started by libs/windows/process.c. */
#include <signal.h>
#include <string.h>

#include "abi/windows/errors.h"
#include "core/personality.h"
#include "libs/windows/windows.h"

/* A Windows program never makes a system call itself: a trapped `syscall`
 * is numbered by rax, as NT's are, and answered STATUS_NOT_IMPLEMENTED
 * after the one-time message. */
static const struct xeno_syscall no_calls[1];
static const struct xeno_sysent no_names[1];
static const struct xeno_calltable windows_systable = {NULL, 0, no_calls, no_names, 0};

static void decode_trap(const greg_t *g, struct xeno_call *c)
{
	c->nr = (uint64_t)g[REG_RAX];
	c->args[0] = (uint64_t)g[REG_R10];
	c->args[1] = (uint64_t)g[REG_RDX];
	c->args[2] = (uint64_t)g[REG_R8];
	c->args[3] = (uint64_t)g[REG_R9];
}

static void set_result(struct xeno_thread *t, greg_t *g, long ret)
{
	(void)t;
	g[REG_RAX] = ret < 0 ? (greg_t)WIN_STATUS_NOT_IMPLEMENTED : ret;
}

static int errno_from_host(int e)
{
	return windows_error_from_host(e);
}

/* Windows has no signals: none is the program's to see, and those Linux
 * would end the process with where Windows has no such event (a write to
 * a closed pipe) are dropped. */
static bool default_ignored(int sig)
{
	return sig == SIGPIPE || sig == SIGURG || sig == SIGWINCH || sig == SIGCHLD;
}

const struct xeno_personality windows_personality = {
    .name = "windows",
    .segment = XENO_GUEST_OWNS_GS,
    .pie_base = 0x140000000ULL, /* where a moved image goes first: Go's own ImageBase */
    .syscalls = &windows_systable,
    .decode_trap = decode_trap,
    .set_result = set_result,
    .errno_from_host = errno_from_host,
    .errno_name = windows_error_name,
    .signal_default_ignored = default_ignored,
    .deliver_signal = windows_deliver_signal,
    .build_stack = windows_build_stack,
    .libraries = windows_libraries,
    .set_lib_error = windows_set_lib_error,
};
