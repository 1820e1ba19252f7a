#include "core/crossing.h"

#include <errno.h>
#include <linux/prctl.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/gate.h"
#include "core/host.h"
#include "core/hostmem.h"
#include "core/log.h"
#include "core/thread.h"

/* asm/prctl.h */
#define ARCH_SET_GS 0x1001
#define ARCH_GET_FS 0x1003
/* asm/hwcap2.h: the kernel allows rdfsbase/wrfsbase in user mode */
#define HWCAP2_FSGSBASE (1 << 1)
/* asm/ucontext.h: rt_sigreturn takes SS from the frame as it is */
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4
/* asm/signal.h */
#define SA_RESTORER 0x04000000

#define ALTSTACK_SIZE (256 * 1024)

uint8_t xeno_have_fsgsbase;
uint8_t xeno_state_via_fs;
/* Local-exec: xeno and its tests link libxeno.a into the executable, and the
 * gate reads it as %fs:xeno_tls_self@tpoff. */
__thread struct xeno_thread *xeno_tls_self __attribute__((tls_model("local-exec")));

void xeno_locator_init(enum xeno_guest_segment segment)
{
	xeno_state_via_fs = segment == XENO_GUEST_OWNS_GS;
}

/* The gate (core/gate.S): its section bounds come from the linker. */
extern const char __start_xeno_gate[], __stop_xeno_gate[];
void xeno_gate_signal(int, siginfo_t *, void *);
void xeno_gate_restorer(void);
noreturn void xeno_gate_enter(void *frame, uint64_t guest_fs);

/* The kernel's struct sigaction for rt_sigaction (asm/signal.h). */
struct kernel_sigaction {
	uintptr_t handler;
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

/* Signals a fault raises synchronously: never blocked in xeno's handlers,
 * since the kernel kills a thread that faults with them blocked. */
static uint64_t sync_signal_bits(void)
{
	static const int sync[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS};
	uint64_t bits = 0;
	for (unsigned i = 0; i < sizeof sync / sizeof sync[0]; i++)
		bits |= 1ULL << (sync[i] - 1);
	return bits;
}

/* A raw call (no errno): it may run on the guest's FS base (core/gate.h). */
static int raw_sigaction(int sig, const struct kernel_sigaction *ka)
{
	long r = host_syscall4(SYS_rt_sigaction, sig, ka, NULL, sizeof ka->mask);
	return r < 0 ? (int)r : 0;
}

/* What every handler of xeno's blocks (core/blocking.S restores it). */
uint64_t xeno_handler_mask;

int xeno_catch_host_signal(int sig, unsigned long extra_flags)
{
	struct kernel_sigaction ka = {
	    .handler = (uintptr_t)xeno_gate_signal,
	    .flags = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | extra_flags,
	    .restorer = xeno_gate_restorer,
	    .mask = xeno_handler_mask,
	};
	return raw_sigaction(sig, &ka);
}

int xeno_set_host_disposition(int sig, uintptr_t handler)
{
	struct kernel_sigaction ka = {
	    .handler = handler,
	    .flags = SA_RESTORER,
	    .restorer = xeno_gate_restorer,
	};
	return raw_sigaction(sig, &ka);
}

int xeno_crossing_init(void)
{
	xeno_have_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
	xeno_handler_mask = ~sync_signal_bits();
	static const int caught[] = {SIGSYS, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
	for (unsigned i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		int err = xeno_catch_host_signal(caught[i], 0);
		if (err)
			return err;
	}
	return 0;
}

struct xeno_thread *xeno_thread_new(const struct xeno_personality *os)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t state = (sizeof(struct xeno_thread) + page - 1) & ~(page - 1);
	size_t size = page + ALTSTACK_SIZE + state;
	char *m = xeno_hostmem_map(size); /* xeno's: no guest mapping may replace it */
	if (!m)
		return NULL;
	mprotect(m, page, PROT_NONE); /* guard below the signal stack */
	struct xeno_thread *t = (struct xeno_thread *)(m + page + ALTSTACK_SIZE);
	t->self = t;
	t->selector = XENO_SEL_ALLOW;
	t->host_tls = 1; /* made by host code, on glibc's FS base */
	t->altstack = m + page;
	t->altstack_size = ALTSTACK_SIZE;
	t->map_size = size;
	t->os = os;
	return t;
}

void xeno_thread_free(struct xeno_thread *t)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	xeno_hostmem_unmap((char *)t->altstack - page, t->map_size);
}

int xeno_thread_attach(struct xeno_thread *t)
{
	if (syscall(SYS_arch_prctl, ARCH_GET_FS, &t->host_fs) < 0)
		return -errno;
	if (xeno_state_via_fs)
		xeno_tls_self = t; /* the guest's GS base is loaded on entry */
	else if (syscall(SYS_arch_prctl, ARCH_SET_GS, t) < 0)
		return -errno;
	t->tid = gettid();
	stack_t ss = {.ss_sp = t->altstack, .ss_size = t->altstack_size};
	if (sigaltstack(&ss, NULL) < 0)
		return -errno;
	return xeno_thread_enable_sud(t);
}

int xeno_thread_enable_sud(struct xeno_thread *t)
{
	t->selector = XENO_SEL_ALLOW;
	if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
		  (unsigned long)__start_xeno_gate,
		  (unsigned long)(__stop_xeno_gate - __start_xeno_gate), &t->selector) < 0)
		return -errno;
	return 0;
}

noreturn void xeno_enter_guest(const struct xeno_entry *e, const sigset_t *mask)
{
	/* What rt_sigreturn reads: a return-address slot, then the ucontext. */
	struct {
		uint64_t pretcode;
		ucontext_t uc;
	} __attribute__((aligned(16))) frame;
	memset(&frame, 0, sizeof frame);

	greg_t *g = frame.uc.uc_mcontext.gregs;
	g[REG_RIP] = (greg_t)e->rip;
	g[REG_RSP] = (greg_t)e->rsp;
	g[REG_RDI] = (greg_t)e->rdi;
	g[REG_RSI] = (greg_t)e->rsi;
	g[REG_RDX] = (greg_t)e->rdx;
	g[REG_RBX] = (greg_t)e->rbx;
	g[REG_RAX] = (greg_t)e->rax;
	g[REG_RCX] = (greg_t)e->rcx;
	g[REG_RBP] = (greg_t)e->rbp;
	g[REG_R8] = (greg_t)e->r8;
	g[REG_R9] = (greg_t)e->r9;
	g[REG_R10] = (greg_t)e->r10;
	g[REG_R11] = (greg_t)e->r11;
	g[REG_R12] = (greg_t)e->r12;
	g[REG_R13] = (greg_t)e->r13;
	g[REG_R14] = (greg_t)e->r14;
	g[REG_R15] = (greg_t)e->r15;
	g[REG_EFL] = 0x202; /* IF and the always-one bit, as a fresh process has */
	uint16_t cs, ss;
	__asm__("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
	g[REG_CSGSFS] = (greg_t)((uint64_t)cs | ((uint64_t)ss << 48));
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	sigaltstack(NULL, &frame.uc.uc_stack);
	frame.uc.uc_sigmask = *mask;

	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, NULL);
	/* xeno finds its state through FS from here on (core/gate.h) */
	if (xeno_state_via_fs && syscall(SYS_arch_prctl, ARCH_SET_GS, e->gs) < 0)
		xeno_fatal("cannot load the guest's GS base");
	xeno_gate_enter(&frame.uc, e->fs);
}
