/* The illumos/amd64 personality: its conventions and facts. */
#include <string.h>

#include "abi/illumos/errno.h"
#include "abi/illumos/signal.h"
#include "core/personality.h"
#include "core/syscall.h"
#include "core/thread.h"
#include "libs/illumos/illumos.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_library *const illumos_libraries[];

/* The amd64 system call convention (usr/src/uts/intel/ia32/os/syscall.c,
 * the syscall instruction's path): number in RAX, arguments in RDI, RSI,
 * RDX, R10, R8, R9; errors set the carry flag with the errno in RAX, as on
 * the BSDs (bsd_set_result). */
void illumos_decode_trap(const greg_t *g, struct xeno_call *call)
{
	call->nr = (uint64_t)g[REG_RAX];
	const uint64_t regs[6] = {g[REG_RDI], g[REG_RSI], g[REG_RDX],
				  g[REG_R10], g[REG_R8],  g[REG_R9]};
	memcpy(call->args, regs, sizeof regs);
	call->args[6] = call->args[7] = 0;
}

static bool default_ignored(int sig)
{
	return illumos_signal_default_ignored(illumos_signal_from_host(sig));
}

size_t illumos_trace_siginfo(int sig, const siginfo_t *si, void *out, size_t size)
{
	struct illumos_siginfo isi;
	if (size < sizeof isi)
		return 0;
	illumos_siginfo_from_host(sig, si, &isi);
	memcpy(out, &isi, sizeof isi);
	return sizeof isi;
}

const struct xeno_personality illumos_personality = {
    .name = "illumos",
    .segment = XENO_GUEST_OWNS_FS,
    /* where the illumos link-editor starts an amd64 executable's text */
    .pie_base = 0x400000,
    .syscalls = &illumos_systable,
    .decode_trap = illumos_decode_trap,
    .set_result = bsd_set_result,
    .errno_from_host = illumos_errno_from_host,
    .errno_name = illumos_errno_name,
    .signal_name = illumos_signal_name,
    .signal_from_host = illumos_signal_from_host,
    .signal_default_ignored = default_ignored,
    .deliver_signal = illumos_deliver_signal,
    .flagsets = illumos_flagsets,
    .trace_decoders = illumos_trace_decoders,
    .trace_siginfo = illumos_trace_siginfo,
    .build_stack = illumos_build_stack,
    .libraries = illumos_libraries,
    /* The thread pointer points at libc's ulwp_t, whose first word points
     * at itself (usr/src/lib/libc/inc/thr_uberdata.h: ul_self "must be the
     * first member"); the shims keep nothing else there. */
    .tcb_size = 64,
    .init_tcb = illumos_init_tcb,
    /* exit() runs the finalisers itself (libs/illumos/start.c) */
    .dynamic_entry = illumos_dynamic_entry,
    .facts = &illumos_bsd_abi,
};
