#include "core/regcall.h"

#include "core/call.h"
#include "core/personality.h"
#include "core/thread.h"

long xeno_regs_call(struct xeno_thread *t, ucontext_t *uc)
{
	const struct xeno_personality *os = t->os;
	greg_t *g = uc->uc_mcontext.gregs;
	struct xeno_call c = {.table = os->syscalls};
	os->decode_trap(g, &c);
	t->have_rval2 = 0;
	t->uc = uc;
	long ret = xeno_call(t, &c);
	/* restart: the personality rolls the guest back onto its syscall */
	os->set_result(t, g, ret);
	return ret;
}
