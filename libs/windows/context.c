/*
 * Threads stopped by another (SuspendThread, GetThreadContext,
 * SetThreadContext, ResumeThread), on core/suspend.h: Go preempts
 * goroutines so, and its profiler samples.  GetThreadContext returns once
 * the thread really stands.  Registers move between the host's ucontext
 * order and the CONTEXT (abi/windows/context.h) by the flags asked for.
 */
#include <string.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include "abi/windows/context.h"
#include "core/suspend.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_kernel32_proto.h"

/* The thread behind handle h: its id, or 0 (error set). */
static long thread_id(uint64_t h)
{
	struct win_object *o = win_get_kind(h, WIN_THREAD);
	if (!o)
		return 0;
	long tid = o->thread.ended ? 0 : (long)o->thread.tid;
	win_put(o);
	if (!tid || tid == gettid())
		return win_fail(WIN_ERROR_INVALID_HANDLE); /* no suspending oneself here */
	return tid;
}

long windows_kernel32_SuspendThread(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	long tid = thread_id(h);
	long r = tid ? xeno_suspend_thread(tid) : -1;
	return r < 0 ? (long)(uint32_t)(win_fail(WIN_ERROR_INVALID_HANDLE), -1) : r;
}

long windows_kernel32_ResumeThread(struct xeno_thread *t, uint64_t h)
{
	(void)t;
	long tid = thread_id(h);
	long r = tid ? xeno_resume_thread(tid) : -1;
	return r < 0 ? (long)(uint32_t)(win_fail(WIN_ERROR_INVALID_HANDLE), -1) : r;
}

static const struct {
	int reg;
	size_t off;
} integer_regs[] = {
    {REG_RAX, offsetof(struct win_context, rax)}, {REG_RCX, offsetof(struct win_context, rcx)},
    {REG_RDX, offsetof(struct win_context, rdx)}, {REG_RBX, offsetof(struct win_context, rbx)},
    {REG_RBP, offsetof(struct win_context, rbp)}, {REG_RSI, offsetof(struct win_context, rsi)},
    {REG_RDI, offsetof(struct win_context, rdi)}, {REG_R8, offsetof(struct win_context, r8)},
    {REG_R9, offsetof(struct win_context, r9)},	  {REG_R10, offsetof(struct win_context, r10)},
    {REG_R11, offsetof(struct win_context, r11)}, {REG_R12, offsetof(struct win_context, r12)},
    {REG_R13, offsetof(struct win_context, r13)}, {REG_R14, offsetof(struct win_context, r14)},
    {REG_R15, offsetof(struct win_context, r15)},
};

void win_context_from_regs(struct win_context *c, const greg_t *g, uint32_t flags)
{
	if ((flags & WIN_CONTEXT_CONTROL) == WIN_CONTEXT_CONTROL) {
		c->rip = (uint64_t)g[REG_RIP];
		c->rsp = (uint64_t)g[REG_RSP];
		c->eflags = (uint32_t)g[REG_EFL];
		c->seg_cs = (uint16_t)g[REG_CSGSFS];
		c->seg_ss = (uint16_t)((uint64_t)g[REG_CSGSFS] >> 48);
	}
	if ((flags & WIN_CONTEXT_INTEGER) == WIN_CONTEXT_INTEGER)
		for (size_t i = 0; i < sizeof integer_regs / sizeof integer_regs[0]; i++)
			memcpy((char *)c + integer_regs[i].off, &g[integer_regs[i].reg], 8);
}

void win_context_to_regs(const struct win_context *c, greg_t *g, uint32_t flags)
{
	if ((flags & WIN_CONTEXT_CONTROL) == WIN_CONTEXT_CONTROL) {
		g[REG_RIP] = (greg_t)c->rip;
		g[REG_RSP] = (greg_t)c->rsp;
		g[REG_EFL] =
		    (greg_t)((c->eflags & 0xcd5) | 0x202); /* the flags user code may set */
	}
	if ((flags & WIN_CONTEXT_INTEGER) == WIN_CONTEXT_INTEGER)
		for (size_t i = 0; i < sizeof integer_regs / sizeof integer_regs[0]; i++)
			memcpy(&g[integer_regs[i].reg], (const char *)c + integer_regs[i].off, 8);
}

long windows_kernel32_GetThreadContext(struct xeno_thread *t, uint64_t h, uint64_t ctx)
{
	(void)t;
	struct win_context c;
	if (xeno_copy_in(&c, ctx, offsetof(struct win_context, flt_save)) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	long tid = thread_id(h);
	greg_t g[NGREG];
	if (!tid)
		return 0;
	if (xeno_suspended_regs(tid, g) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER); /* not suspended */
	win_context_from_regs(&c, g, c.context_flags);
	return xeno_copy_out(ctx, &c, offsetof(struct win_context, flt_save)) < 0
		   ? win_fail(WIN_ERROR_NOACCESS)
		   : 1;
}

long windows_kernel32_SetThreadContext(struct xeno_thread *t, uint64_t h, uint64_t ctx)
{
	(void)t;
	struct win_context c;
	if (xeno_copy_in(&c, ctx, offsetof(struct win_context, flt_save)) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	long tid = thread_id(h);
	greg_t g[NGREG];
	if (!tid)
		return 0;
	if (xeno_suspended_regs(tid, g) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	win_context_to_regs(&c, g, c.context_flags);
	return xeno_set_suspended_regs(tid, g) < 0 ? win_fail(WIN_ERROR_INVALID_PARAMETER) : 1;
}
