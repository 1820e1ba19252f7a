/* The FreeBSD/amd64 personality: its table, conventions and facts. */
#include <string.h>

#include "abi/freebsd/abi.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/trace_decode.h"
#include "freebsd_sysnums.h"
#include "core/personality.h"
#include "loader/image.h"
#include "libs/freebsd/freebsd.h"
#include "syscalls/freebsd/freebsd.h"

extern const struct xeno_library *const freebsd_libraries[];

static bool freebsd_host_signal_default_ignored(int sig)
{
	return freebsd_signal_default_ignored(freebsd_signal_from_host(sig));
}

static size_t freebsd_trace_siginfo(int sig, const siginfo_t *si, void *out, size_t size)
{
	return size < sizeof(struct freebsd_siginfo)
		   ? 0
		   : bsd_siginfo_write(&freebsd_signal_facts, sig, si, out);
}

/* Clock reads and NOFPU calls at patched sites, without the dispatcher. */
XENO_NOFPU static bool freebsd_sitecall_fast(struct xeno_thread *t, greg_t *g,
					     struct xeno_callrec *rec)
{
	return bsd_sitecall_clock(g, rec, FREEBSD_SYS_clock_gettime, FREEBSD_SYS_gettimeofday) ||
	       bsd_sitecall_nofpu(t, g, rec, false);
}

const struct xeno_personality freebsd_personality = {
    .name = "freebsd",
    .segment = XENO_GUEST_OWNS_FS,
    /* FreeBSD's ET_DYN_LOAD_ADDR for amd64 (sys/amd64/include/vmparam.h) */
    .pie_base = 0x01021000,
    .syscalls = &freebsd_systable,
    .decode_trap = bsd_decode_trap,
    .set_result = bsd_set_result,
    .sitecall_fast = freebsd_sitecall_fast,
    .errno_from_host = freebsd_errno_from_host,
    .errno_name = freebsd_errno_name,
    .signal_name = freebsd_signal_name,
    .signal_from_host = freebsd_signal_from_host,
    .signal_default_ignored = freebsd_host_signal_default_ignored,
    .deliver_signal = freebsd_deliver_signal,
    .flagsets = freebsd_flagsets,
    .trace_decoders = freebsd_trace_decoders,
    .trace_siginfo = freebsd_trace_siginfo,
    .build_stack = freebsd_build_stack,
    .libraries = freebsd_libraries,
    .tcb_size = 32, /* struct tcb: self, dtv, thread (lib/libthr pthread_md.h), 16-aligned */
    .init_tcb = freebsd_init_tcb,
    .exit_hook = "__xeno_rtld_exit",
    .dynamic_entry = freebsd_dynamic_entry,
    .facts = &freebsd_bsd_abi,
};
