/* Stopping a guest thread where it is (core/suspend.h). */
#include "core/suspend.h"

#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <unistd.h>

#include "core/crossing.h"
#include "core/host.h"
#include "core/libgate_ms.h"
#include "core/stats.h"
#include "core/thread.h"
#include "core/threadlist.h"

int xeno_suspend_init(void)
{
	static bool done;
	if (done)
		return 0;
	done = true;
	/* SA_RESTART: a host call the signal interrupts inside xeno goes on */
	return xeno_catch_host_signal(XENO_SIG_SUSPEND, SA_RESTART);
}

static void futex_wait(uint32_t *word, uint32_t val)
{
	host_syscall4(SYS_futex, word, FUTEX_WAIT_PRIVATE, val, NULL);
}

static void futex_wake(uint32_t *word)
{
	host_syscall3(SYS_futex, word, FUTEX_WAKE_PRIVATE, 0x7fffffff);
}

struct op {
	long result;
	struct xeno_thread *t;
};

static void do_suspend(struct xeno_thread *t, void *arg)
{
	struct op *op = arg;
	/* "not standing" before the count says suspended: the thread, if it
	 * still waits from a suspension just ended, sees the new one and
	 * says it stands again (xeno_suspend_wait) */
	if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) == 0)
		__atomic_store_n(&t->suspend_stopped, 0, __ATOMIC_RELEASE);
	uint32_t prev = __atomic_fetch_add(&t->suspend_count, 1, __ATOMIC_ACQ_REL);
	__atomic_add_fetch(&t->suspend_seq, 1, __ATOMIC_ACQ_REL);
	futex_wake(&t->suspend_seq);
	if (prev == 0) {
		xeno_count(&xeno_counters.suspensions);
		host_syscall3(SYS_tgkill, getpid(), t->tid, XENO_SIG_SUSPEND);
	}
	op->result = prev;
}

long xeno_suspend_thread(long tid)
{
	struct op op = {0};
	int r = xeno_thread_with(tid, do_suspend, &op);
	return r < 0 ? r : op.result;
}

static void do_resume(struct xeno_thread *t, void *arg)
{
	struct op *op = arg;
	uint32_t n = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE);
	op->result = n;
	if (n) {
		__atomic_sub_fetch(&t->suspend_count, 1, __ATOMIC_ACQ_REL);
		__atomic_add_fetch(&t->suspend_seq, 1, __ATOMIC_ACQ_REL);
		futex_wake(&t->suspend_seq);
	}
}

long xeno_resume_thread(long tid)
{
	struct op op = {0};
	int r = xeno_thread_with(tid, do_resume, &op);
	return r < 0 ? r : op.result;
}

static void find(struct xeno_thread *t, void *arg)
{
	((struct op *)arg)->t = t;
}

/* The suspended thread tid once it stands, or NULL. */
static struct xeno_thread *standing(long tid)
{
	struct op op = {0};
	if (xeno_thread_with(tid, find, &op) < 0 || !op.t ||
	    !__atomic_load_n(&op.t->suspend_count, __ATOMIC_ACQUIRE))
		return NULL;
	while (!__atomic_load_n(&op.t->suspend_stopped, __ATOMIC_ACQUIRE))
		futex_wait(&op.t->suspend_stopped, 0);
	return op.t;
}

int xeno_suspended_regs(long tid, greg_t regs[NGREG])
{
	struct xeno_thread *t = standing(tid);
	if (!t)
		return -EINVAL;
	memcpy(regs, t->suspend_regs, sizeof t->suspend_regs);
	return 0;
}

int xeno_set_suspended_regs(long tid, const greg_t regs[NGREG])
{
	struct xeno_thread *t = standing(tid);
	if (!t)
		return -EINVAL;
	memcpy(t->suspend_regs, regs, sizeof t->suspend_regs);
	t->suspend_dirty = true;
	return 0;
}

/* The call site of a thread inside a Microsoft-convention direct call:
 * what its entry saved (core/libgate_ms.h), as if the call had returned. */
static void call_site(struct xeno_thread *t, greg_t *g)
{
	const uint64_t *f = (const uint64_t *)t->direct_frame;
	memset(g, 0, sizeof(greg_t) * NGREG);
	g[REG_RIP] = (greg_t)f[MSF_RETURN / 8];
	g[REG_RSP] = (greg_t)(t->direct_frame + MSF_RETURN + 8);
	g[REG_RBX] = (greg_t)f[MSF_RBX / 8];
	g[REG_RBP] = (greg_t)f[MSF_RBP / 8];
	g[REG_RSI] = (greg_t)f[MSF_RSI / 8];
	g[REG_RDI] = (greg_t)f[MSF_RDI / 8];
	g[REG_R12] = (greg_t)f[MSF_R12 / 8];
	g[REG_R13] = (greg_t)f[MSF_R13 / 8];
	g[REG_R14] = (greg_t)f[MSF_R14 / 8];
	g[REG_R15] = (greg_t)f[MSF_R15 / 8];
	g[REG_EFL] = 0x202;
}

void xeno_suspend_signal(struct xeno_thread *t, ucontext_t *uc, bool in_guest)
{
	if (!__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE))
		return;
	if (in_guest) {
		memcpy(t->suspend_regs, uc->uc_mcontext.gregs, sizeof t->suspend_regs);
		xeno_suspend_wait(t, uc);
		return;
	}
	if (t->direct_frame)
		call_site(t, t->suspend_regs);
	else if (t->uc)
		memcpy(t->suspend_regs, t->uc->uc_mcontext.gregs, sizeof t->suspend_regs);
	else
		memset(t->suspend_regs, 0, sizeof t->suspend_regs);
	t->suspend_in_xeno = true;
	t->sigpending = 1; /* its way back traps, and waits there */
	__atomic_store_n(&t->suspend_stopped, 1, __ATOMIC_RELEASE);
	futex_wake(&t->suspend_stopped);
}

void xeno_suspend_wait(struct xeno_thread *t, ucontext_t *uc)
{
	if (!__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) && !t->suspend_in_xeno)
		return;
	/* Says it stands each time it finds itself suspended: a suspension
	 * that begins before this wait ends is answered here too. */
	for (;;) {
		uint32_t seq = __atomic_load_n(&t->suspend_seq, __ATOMIC_ACQUIRE);
		if (!__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE))
			break;
		if (!__atomic_load_n(&t->suspend_stopped, __ATOMIC_ACQUIRE)) {
			__atomic_store_n(&t->suspend_stopped, 1, __ATOMIC_RELEASE);
			futex_wake(&t->suspend_stopped);
		}
		futex_wait(&t->suspend_seq, seq); /* until either changes */
	}
	greg_t *g = uc->uc_mcontext.gregs;
	if (t->suspend_dirty && t->suspend_in_xeno) {
		/* it stood at its call site: the result stays, the rest is
		 * what the suspender set (the entry's `ret` is skipped) */
		greg_t rax = g[REG_RAX];
		memcpy(g, t->suspend_regs, sizeof t->suspend_regs);
		g[REG_RAX] = rax;
	} else if (t->suspend_dirty) {
		memcpy(g, t->suspend_regs, sizeof t->suspend_regs);
	}
	t->suspend_dirty = false;
	t->suspend_in_xeno = false;
}
