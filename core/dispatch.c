#include "core/dispatch.h"

#include "core/patch.h"
#include "core/regcall.h"
#include "core/sigstate.h"
#include "core/stats.h"
#include "core/suspend.h"
#include "core/thread.h"

void xeno_dispatch(struct xeno_thread *t, ucontext_t *uc)
{
	xeno_count(&xeno_counters.traps);
	if (xeno_patching)
		xeno_patch_trapped(t, uc);
	xeno_regs_call(t, uc);
	if (t->sigpending || t->has_saved_mask) {
		xeno_host_tls(t);
		xeno_suspend_wait(t, uc);
		xeno_sig_deliver_queued(t, uc);
	}
	t->uc = NULL;
}
