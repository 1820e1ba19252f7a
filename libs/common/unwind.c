/*
 * The guest's stack unwound by LLVM's libunwind (libs/common/unwind.h).
 * Only libunwind's public interface (libunwind.h: unw_*) is used: a cursor
 * is made for xeno's own context and then given the guest's registers one
 * by one, the instruction pointer last, which makes libunwind look up the
 * guest function's FDE.  xeno links glibc statically with libgcc_eh, which
 * has the _Unwind_* names: those of libunwind are never pulled in.
 */
#include "libs/common/unwind.h"

#include <link.h>
#include <stddef.h>
#include <stdio.h>

#include "core/faultguard.h"
#include "core/libcall.h"
#include "core/log.h"
#include "core/uaccess.h"
#include "loader/link.h"

#define UNWIND_MAGIC 0x646e69776e75786eull /* "nxunwind" */

/* ---- dl_iterate_phdr, as libunwind (and libgcc_eh) see it ---- */

int __real_dl_iterate_phdr(int (*fn)(struct dl_phdr_info *, size_t, void *), void *data);
int __wrap_dl_iterate_phdr(int (*fn)(struct dl_phdr_info *, size_t, void *), void *data);

struct iterate {
	int (*fn)(struct dl_phdr_info *, size_t, void *);
	void *data;
};

/* An object whose unwind information failed its check as it was linked
 * (loader/eh_frame.h) is left out, said once: the first time libunwind
 * would have read it. */
static void say_hidden(const struct xeno_link_object *o)
{
	if (!__atomic_exchange_n(o->unwind_said, true, __ATOMIC_RELAXED))
		fprintf(stderr, "xeno: %s: unwind information with %s: not used\n", o->name,
			o->unwind_why);
}

static int guest_object(const struct xeno_link_object *o, void *arg)
{
	struct iterate *it = arg;
	if (!o->phdr) /* a shim: no ELF object of the guest's */
		return 0;
	if (o->unwind_why) {
		say_hidden(o);
		return 0;
	}
	struct dl_phdr_info info = {
	    .dlpi_addr = o->base,
	    .dlpi_name = o->name,
	    .dlpi_phdr = (const ElfW(Phdr) *)o->phdr,
	    .dlpi_phnum = (ElfW(Half))o->phnum,
	};
	/* the size says the fields after dlpi_phnum are absent: libgcc_eh's
	 * cache, keyed on dlpi_adds and dlpi_subs, stays with xeno's objects */
	return it->fn(&info, offsetof(struct dl_phdr_info, dlpi_adds), it->data);
}

/* The guest's objects first, then xeno's own (the real one's). */
int __wrap_dl_iterate_phdr(int (*fn)(struct dl_phdr_info *, size_t, void *), void *data)
{
	struct iterate it = {fn, data};
	int r = xeno_link_each(guest_object, &it);
	return r ? r : __real_dl_iterate_phdr(fn, data);
}

/* ---- walks ---- */

/*
 * The walk starts in a frame of xeno's that stands for the shim function
 * just called: its stack pointer at the guest's return address, its
 * instruction pointer at xeno_unwind_callee, whose unwind information is
 * that of a function's first instruction (the return address at the CFA
 * minus 8, no register saved).  One step then reaches the guest's caller
 * the way every later step reaches a frame: its IP a return address, whose
 * function libunwind finds at IP - 1 (a call to a function that does not
 * return, as _Unwind_Resume, may be the last instruction of its function;
 * its return address is then another function's).
 */
__asm__(".text\n"
	".type xeno_unwind_callee, @function\n"
	"xeno_unwind_callee:\n"
	".cfi_startproc\n"
	"\tud2\n"
	".cfi_endproc\n"
	".size xeno_unwind_callee, .-xeno_unwind_callee\n");
extern const char xeno_unwind_callee[];

/* xeno's own code: where a walk of the guest's stack ends (a guest
 * function called back by xeno returns into xeno). */
extern const char __executable_start[], etext[];

static bool in_xeno(uint64_t ip)
{
	return ip >= (uint64_t)__executable_start && ip < (uint64_t)etext;
}

/*
 * What reads the guest's memory: looking up the FDE of a new instruction
 * pointer (.eh_frame, checked as the object was linked, but the guest may
 * have unmapped it) and a step, whose CFA rules and expressions read the
 * guest's stack where the guest's unwind information says.  Each runs
 * guarded (core/faultguard.h): a fault ends the walk with an error.
 */
struct set_ip {
	unw_cursor_t *cursor;
	uint64_t pc;
};

static long set_ip_call(void *arg)
{
	struct set_ip *s = arg;
	return unw_set_reg(s->cursor, UNW_REG_IP, s->pc);
}

static int guarded_set_ip(unw_cursor_t *cursor, uint64_t pc)
{
	long r = xeno_fault_guard_call(set_ip_call, &(struct set_ip){cursor, pc});
	return r == XENO_FAULT_GUARD_FAULTED ? UNW_EUNSPEC : (int)r;
}

static long step_call(void *cursor)
{
	return unw_step(cursor);
}

static int guarded_step(unw_cursor_t *cursor)
{
	long r = xeno_fault_guard_call(step_call, cursor);
	return r == XENO_FAULT_GUARD_FAULTED ? UNW_EUNSPEC : (int)r;
}

int xeno_unwind_start(struct xeno_unwind *u, const uint64_t *regs)
{
	static const int callee[] = {UNW_X86_64_RBX, UNW_X86_64_RBP, UNW_X86_64_R12,
				     UNW_X86_64_R13, UNW_X86_64_R14, UNW_X86_64_R15};
	unw_context_t here;
	u->magic = 0;
	if (!regs)
		return UNW_EINVAL;
	int r = unw_getcontext(&here);
	if (r == 0)
		r = unw_init_local(&u->cursor, &here);
	for (int i = 0; r == 0 && i < (int)(sizeof callee / sizeof *callee); i++)
		r = unw_set_reg(&u->cursor, callee[i], regs[XENO_LIBREGS_CALLEE + i]);
	if (r == 0)
		r = unw_set_reg(&u->cursor, UNW_REG_SP, (unw_word_t)(regs + XENO_LIBREGS_RETURN));
	if (r == 0)
		r = guarded_set_ip(&u->cursor, (uint64_t)xeno_unwind_callee);
	if (r == 0 && guarded_step(&u->cursor) <= 0)
		r = UNW_EBADFRAME;
	if (r == 0) {
		u->magic = UNWIND_MAGIC;
		u->mark_ip = xeno_unwind_ip(u);
		u->mark_sp = xeno_unwind_sp(u);
		u->since_mark = 0;
		u->mark_every = 1;
	}
	return r;
}

/* Whether u's frame is one the walk passed: two live frames never share
 * an instruction and a stack pointer, so a walk that meets one again would
 * go round for ever. */
static bool comes_back(struct xeno_unwind *u)
{
	uint64_t ip = xeno_unwind_ip(u), sp = xeno_unwind_sp(u);
	if (ip == u->mark_ip && sp == u->mark_sp) {
		static bool said;
		if (!__atomic_exchange_n(&said, true, __ATOMIC_RELAXED))
			xeno_msg(
			    "the guest's stack unwinds in a loop (back at ip %#llx, sp %#llx): "
			    "the walk ends there",
			    (unsigned long long)ip, (unsigned long long)sp);
		return true;
	}
	if (++u->since_mark >= u->mark_every) {
		u->mark_ip = ip;
		u->mark_sp = sp;
		u->since_mark = 0;
		u->mark_every *= 2;
	}
	return false;
}

int xeno_unwind_step(struct xeno_unwind *u)
{
	int r = guarded_step(&u->cursor);
	if (r > 0 && comes_back(u))
		return UNW_EBADFRAME;
	return r > 0 && in_xeno(xeno_unwind_ip(u)) ? 0 : r;
}

void xeno_unwind_set_reg(struct xeno_unwind *u, int reg, uint64_t value)
{
	unw_set_reg(&u->cursor, reg, value);
}

void xeno_unwind_jump(struct xeno_unwind *u, struct xeno_guest_jump *to)
{
	static const int order[15] = {
	    UNW_X86_64_RAX, UNW_X86_64_RDX, UNW_X86_64_RCX, UNW_X86_64_RBX, UNW_X86_64_RSI,
	    UNW_X86_64_RDI, UNW_X86_64_RBP, UNW_X86_64_R8,  UNW_X86_64_R9,  UNW_X86_64_R10,
	    UNW_X86_64_R11, UNW_X86_64_R12, UNW_X86_64_R13, UNW_X86_64_R14, UNW_X86_64_R15};
	for (int i = 0; i < 15; i++)
		to->regs[i] = xeno_unwind_reg(u, order[i]);
	to->rip = xeno_unwind_ip(u);
	to->rsp = xeno_unwind_sp(u);
}

struct xeno_unwind *xeno_unwind_at(uint64_t ctx)
{
	uint64_t magic;
	if (!ctx || ctx % 8 || xeno_copy_in(&magic, ctx, sizeof magic) < 0 || magic != UNWIND_MAGIC)
		return NULL;
	return (struct xeno_unwind *)ctx;
}

uint64_t xeno_unwind_reg(struct xeno_unwind *u, int reg)
{
	unw_word_t v = 0;
	unw_get_reg(&u->cursor, reg, &v);
	return v;
}

uint64_t xeno_unwind_ip(struct xeno_unwind *u)
{
	return xeno_unwind_reg(u, UNW_REG_IP);
}

uint64_t xeno_unwind_sp(struct xeno_unwind *u)
{
	return xeno_unwind_reg(u, UNW_REG_SP);
}

bool xeno_unwind_signal_frame(struct xeno_unwind *u)
{
	return unw_is_signal_frame(&u->cursor) > 0;
}

bool xeno_unwind_proc(struct xeno_unwind *u, unw_proc_info_t *info)
{
	return unw_get_proc_info(&u->cursor, info) == UNW_ESUCCESS;
}

void xeno_unwind_set_ip(struct xeno_unwind *u, uint64_t pc)
{
	guarded_set_ip(&u->cursor, pc);
}
