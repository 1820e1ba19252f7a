/* The OpenBSD/amd64 personality: its conventions and facts. */
#include <string.h>

#include "abi/openbsd/abi.h"
#include "abi/openbsd/errno.h"
#include "abi/openbsd/signal.h"
#include "core/personality.h"
#include "libs/openbsd/openbsd.h"
#include "syscalls/bsd/bsd.h"

extern const struct xeno_library *const openbsd_libraries[];

static bool default_ignored(int sig)
{
	return openbsd_signal_default_ignored(openbsd_signal_from_host(sig));
}

static size_t trace_siginfo(int sig, const siginfo_t *si, void *out, size_t size)
{
	if (size < sizeof(struct openbsd_siginfo))
		return 0;
	return bsd_siginfo_write(&openbsd_signal_facts, sig, si, out);
}

const struct xeno_personality openbsd_personality = {
    .name = "openbsd",
    .segment = XENO_GUEST_OWNS_FS,
    /* where OpenBSD's ld places a non-PIE amd64 executable */
    .pie_base = 0x400000,
    /* the one trap: sigreturn from the signal trampoline; the amd64
     * convention is the BSDs' (carry flag and errno in RAX) */
    .syscalls = &openbsd_systable,
    .decode_trap = bsd_decode_trap,
    .set_result = bsd_set_result,
    .errno_from_host = openbsd_errno_from_host,
    .errno_name = openbsd_errno_name,
    .signal_name = openbsd_signal_name,
    .signal_from_host = openbsd_signal_from_host,
    .signal_default_ignored = default_ignored,
    .deliver_signal = openbsd_deliver_signal,
    .flagsets = openbsd_flagsets,
    .trace_decoders = openbsd_trace_decoders,
    .trace_siginfo = trace_siginfo,
    .build_stack = openbsd_build_stack,
    .libraries = openbsd_libraries,
    /* include/tib.h struct tib (variant II): __tib_self first, then
     * tib_dtv, tib_thread, tib_locale, tib_errno, tib_cancel... 48 bytes,
     * rounded to 64; Go keeps g in the executable's TLS block just below */
    .tcb_size = 64,
    .init_tcb = openbsd_init_tcb,
    .dynamic_entry = openbsd_dynamic_entry,
    .facts = &openbsd_bsd_abi,
};
