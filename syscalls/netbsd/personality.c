/* The NetBSD/amd64 personality: its table, conventions and facts. */
#include "abi/netbsd/abi.h"
#include "abi/netbsd/errno.h"
#include "abi/netbsd/signal.h"
#include "abi/netbsd/trace_decode.h"
#include "core/personality.h"
#include "loader/image.h"
#include "syscalls/netbsd/netbsd.h"

/* sys/arch/x86/x86/syscall.c: the number is RAX & (SYS_NSYSENT - 1), and
 * the arguments past six come from the user stack. */
#define NETBSD_SYS_NSYSENT 512

static void netbsd_decode_trap(const greg_t *g, struct xeno_call *call)
{
	bsd_decode_trap_masked(g, call, NETBSD_SYS_NSYSENT - 1);
}

/* NOFPU calls at patched sites, without the dispatcher. */
XENO_NOFPU static bool netbsd_sitecall_fast(struct xeno_thread *t, greg_t *g,
					    struct xeno_callrec *rec)
{
	return bsd_sitecall_nofpu(t, g, rec, true);
}

static bool netbsd_host_signal_default_ignored(int sig)
{
	return netbsd_signal_default_ignored(netbsd_signal_from_host(sig));
}

static size_t netbsd_trace_siginfo(int sig, const siginfo_t *si, void *out, size_t size)
{
	return size < sizeof(struct netbsd_siginfo)
		   ? 0
		   : bsd_siginfo_write(&netbsd_signal_facts, sig, si, out);
}

const struct xeno_personality netbsd_personality = {
    .name = "netbsd",
    .segment = XENO_GUEST_OWNS_FS,
    /* sys/kern/exec_elf.c elf_placedynexec without ASLR: the largest
     * segment alignment, 2 MiB for amd64 programs */
    .pie_base = 0x200000,
    .syscalls = &netbsd_systable,
    .decode_trap = netbsd_decode_trap,
    .set_result = bsd_set_result_rdx_zeroed,
    .sitecall_fast = netbsd_sitecall_fast,
    .errno_from_host = netbsd_errno_from_host,
    .errno_name = netbsd_errno_name,
    .signal_name = netbsd_signal_name,
    .signal_from_host = netbsd_signal_from_host,
    .signal_default_ignored = netbsd_host_signal_default_ignored,
    .deliver_signal = netbsd_deliver_signal,
    .flagsets = netbsd_flagsets,
    .trace_decoders = netbsd_trace_decoders,
    .trace_siginfo = netbsd_trace_siginfo,
    .build_stack = netbsd_build_stack,
    .facts = &netbsd_bsd_abi,
};
