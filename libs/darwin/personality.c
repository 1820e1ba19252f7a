/* The macOS personality (core/personality.h): a GS-owning guest of library
 * calls.  Go's macOS programs contain no system call instruction; the one
 * trapped call xeno answers is its own signal trampoline's sigreturn
 * (syscalls/darwin/syscalls.master), any other gets ENOSYS after the
 * one-time message. */
#include <signal.h>
#include <string.h>

#include "abi/darwin/errno.h"
#include "abi/darwin/signal.h"
#include "core/personality.h"
#include "libs/darwin/darwin.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_calltable darwin_systable;

/* The BSD class of xnu's calls: number in RAX (0x2000000 | n), arguments
 * in RDI, RSI, RDX, R10, R8, R9 (xnu osfmk/mach/i386/syscall_sw.h).  A
 * number of another class (Mach traps, 0x1000000 |) stays as it is: no
 * such call. */
static void decode_trap(const greg_t *g, struct xeno_call *call)
{
	uint64_t rax = (uint64_t)g[REG_RAX];
	call->nr = (rax >> 24) == 2 ? rax & 0xffffff : rax;
	const uint64_t regs[6] = {g[REG_RDI], g[REG_RSI], g[REG_RDX],
				  g[REG_R10], g[REG_R8],  g[REG_R9]};
	memcpy(call->args, regs, sizeof regs);
	call->args[6] = call->args[7] = 0;
}

static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

const struct xeno_personality darwin_personality = {
    .name = "darwin",
    .segment = XENO_GUEST_OWNS_GS,
    /* where ld64 and Go's linker put a macOS program's __TEXT */
    .pie_base = 0x1000000,
    .syscalls = &darwin_systable,
    .decode_trap = decode_trap,
    .set_result = bsd_set_result,
    .errno_from_host = darwin_errno_from_host,
    .errno_name = darwin_errno_name,
    .signal_name = darwin_signal_name,
    .signal_from_host = darwin_signal_from_host,
    .signal_default_ignored = default_ignored,
    .deliver_signal = darwin_deliver_signal,
    .build_stack = darwin_build_stack,
    .libraries = darwin_libraries,
};
