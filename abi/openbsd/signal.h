/*
 * OpenBSD signal facts: the 4.4BSD numbering 1..31 (abi/bsd/signal.h) and
 * SIGTHR 32, libpthread's own (sys/sys/signal.h, NSIG 33); sigset_t is one
 * unsigned int (bit n-1: signal n); struct sigaction is {handler, mask,
 * flags}; siginfo_t (sys/sys/siginfo.h) and struct sigcontext, the
 * handler's third argument (sys/arch/amd64/include/signal.h, "plain match
 * trapframe").
 */
#ifndef XENO_ABI_OPENBSD_SIGNAL_H
#define XENO_ABI_OPENBSD_SIGNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/bsd/signal.h"

enum {
	OPENBSD_SIGTHR = 32,
	OPENBSD_NSIG = 33,
};
#define OPENBSD_SS_ALLBITS  0x0005	/* SS_ONSTACK | SS_DISABLE */
#define OPENBSD_MINSIGSTKSZ (3U * 4096) /* sys/sys/signal.h, amd64 */

/* sys/sys/siginfo.h: si_code values */
#define OPENBSD_SI_NOINFO 32767
#define OPENBSD_SI_USER	  0
#define OPENBSD_SI_LWP	  (-1) /* thrkill */
#define OPENBSD_SI_QUEUE  (-2)
#define OPENBSD_SI_TIMER  (-3)

typedef uint32_t openbsd_sigset;

struct openbsd_sigaction {
	uint64_t handler;
	openbsd_sigset mask;
	int32_t flags;
};
_Static_assert(sizeof(struct openbsd_sigaction) == 16, "struct sigaction layout");
_Static_assert(offsetof(struct openbsd_sigaction, flags) == 12, "struct sigaction layout");

/* siginfo_t: three ints, then the 8-aligned union _data of SI_MAXSZ - 12
 * bytes: _proc {_pid, _pdata {_kill {_uid, _value}, _cld {_utime,
 * _status, _stime}}} or _fault {_addr, _trapno} */
struct openbsd_siginfo {
	int32_t signo, code, err;
	int32_t pad0_;
	union {
		int32_t pad[29];
		struct {
			int32_t pid;
			int32_t pad_;
			union {
				struct {
					uint32_t uid;
					uint32_t pad_;
					uint64_t value;
				} kill;
				struct {
					int64_t utime;
					int32_t status;
					int32_t pad_;
					int64_t stime;
				} cld;
			} pdata;
		} proc;
		struct {
			uint64_t addr;
			int32_t trapno;
		} fault;
	} data;
};
_Static_assert(sizeof(struct openbsd_siginfo) == 136, "siginfo_t layout");
_Static_assert(offsetof(struct openbsd_siginfo, data.proc.pid) == 16, "si_pid");
_Static_assert(offsetof(struct openbsd_siginfo, data.proc.pdata.kill.uid) == 24, "si_uid");
_Static_assert(offsetof(struct openbsd_siginfo, data.proc.pdata.kill.value) == 32, "si_value");
_Static_assert(offsetof(struct openbsd_siginfo, data.proc.pdata.cld.status) == 32, "si_status");
_Static_assert(offsetof(struct openbsd_siginfo, data.fault.addr) == 16, "si_addr");

/* struct sigcontext (amd64) */
struct openbsd_sigcontext {
	int64_t sc_rdi, sc_rsi, sc_rdx, sc_rcx, sc_r8, sc_r9, sc_r10, sc_r11;
	int64_t sc_r12, sc_r13, sc_r14, sc_r15, sc_rbp, sc_rbx, sc_rax;
	int64_t sc_gs, sc_fs, sc_es, sc_ds, sc_trapno, sc_err;
	int64_t sc_rip, sc_cs, sc_rflags, sc_rsp, sc_ss;
	uint64_t sc_fpstate; /* struct fxsave64 * */
	int32_t sc_unused;
	int32_t sc_mask;
	int64_t sc_cookie;
};
_Static_assert(sizeof(struct openbsd_sigcontext) == 232, "struct sigcontext layout");
_Static_assert(offsetof(struct openbsd_sigcontext, sc_rip) == 168, "sc_rip");
_Static_assert(offsetof(struct openbsd_sigcontext, sc_rsp) == 192, "sc_rsp");
_Static_assert(offsetof(struct openbsd_sigcontext, sc_fpstate) == 208, "sc_fpstate");
_Static_assert(offsetof(struct openbsd_sigcontext, sc_mask) == 220, "sc_mask");

extern const struct bsd_signals openbsd_signals;
extern const struct bsd_signal_facts openbsd_signal_facts;
extern const struct xeno_flagset openbsd_sigaction_flags; /* "sigaction" */

int openbsd_signal_to_host(int sig);
int openbsd_signal_from_host(int sig);
const char *openbsd_signal_name(int sig);
int openbsd_signal_default_ignored(int sig);
void openbsd_sigset_to_host(openbsd_sigset set, sigset_t *host);
openbsd_sigset openbsd_sigset_from_host(const sigset_t *host);

#endif
