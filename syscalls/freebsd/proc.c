/*
 * FreeBSD process calls with FreeBSD-only structures: wait6 (its siginfo and
 * struct __wrusage).  fork/vfork/execve/wait4 are shared (syscalls/bsd).
 */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include "abi/freebsd/signal.h"
#include "abi/freebsd/wait.h"
#include "core/blocking.h"
#include "core/host.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "syscalls/freebsd/freebsd.h"

/* The status word wait4 would have given, from waitid's siginfo. */
static int status_from_siginfo(const siginfo_t *si)
{
	int sig = freebsd_signal_from_host(si->si_status);
	switch (si->si_code) {
	case CLD_EXITED:
		return (si->si_status & 0xff) << 8;
	case CLD_KILLED:
		return sig;
	case CLD_DUMPED:
		return sig | 0200;
	case CLD_STOPPED:
	case CLD_TRAPPED:
		return sig << 8 | 0177;
	case CLD_CONTINUED:
		return FREEBSD_WCONTINUED_STATUS;
	}
	return 0;
}

long freebsd_sys_wait6(struct xeno_thread *t, int idtype, long id, uint64_t status, int options,
		       uint64_t wrusage, uint64_t info)
{
	(void)t;
	uint64_t htype, hopt;
	if (xeno_flags_to_host(&freebsd_idtypes, (uint32_t)idtype, &htype) < 0 ||
	    xeno_flags_to_host(&freebsd_wait_options, (uint32_t)options, &hopt) < 0)
		return -EINVAL;
	/* wait6 without WEXITED, WUNTRACED or WCONTINUED asks for exits */
	if (!(hopt & (WEXITED | WUNTRACED | WCONTINUED)))
		hopt |= WEXITED;
	if (hopt & WUNTRACED)
		hopt = (hopt & ~(uint64_t)WUNTRACED) | WSTOPPED;
	siginfo_t si;
	memset(&si, 0, sizeof si);
	struct freebsd_wrusage ru;
	memset(&ru, 0, sizeof ru);
	long r = host_blocking_syscall(SYS_waitid, htype, id, &si, hopt, &ru.self, 0);
	if (r < 0)
		return xeno_restartable(r);
	if (si.si_pid == 0)
		return 0; /* WNOHANG and nothing to report */
	int st = status_from_siginfo(&si);
	if (status && xeno_copy_out(status, &st, sizeof st) < 0)
		return -EFAULT;
	if (wrusage && xeno_copy_out(wrusage, &ru, sizeof ru) < 0)
		return -EFAULT;
	if (info) {
		struct freebsd_siginfo fsi;
		memset(&fsi, 0, sizeof fsi);
		fsi.signo = BSD_SIGCHLD;
		fsi.code = si.si_code; /* CLD_* agree */
		fsi.pid = si.si_pid;
		fsi.uid = si.si_uid;
		fsi.status = si.si_code == CLD_EXITED ? si.si_status
						      : freebsd_signal_from_host(si.si_status);
		if (xeno_copy_out(info, &fsi, sizeof fsi) < 0)
			return -EFAULT;
	}
	return si.si_pid;
}
