#include "core/dispatch.h"

#include "core/call.h"
#include "core/personality.h"
#include "core/sigstate.h"
#include "core/stats.h"
#include "core/suspend.h"
#include "core/thread.h"

void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc)
{
	const struct xeno_personality *os = t->os;
	greg_t *g = uc->uc_mcontext.gregs;
	struct xeno_call c = {.table = os->syscalls};
	os->decode_trap(g, &c);
	xeno_count(&xeno_counters.traps);
	t->have_rval2 = 0;
	t->uc = uc;
	long ret = xeno_call(t, &c);
	/* restart: the personality rolls the guest back onto its syscall */
	os->set_result(t, g, ret);
	if (t->sigpending || t->has_saved_mask) {
		xeno_host_tls(t);
		xeno_suspend_wait(t, uc);
		xeno_sig_deliver_queued(t, uc);
	}
	t->uc = NULL;
}
