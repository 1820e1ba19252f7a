/* OpenBSD signals: sigaction with SA_SIGINFO (OpenBSD's numbers, a
 * siginfo_t that says SI_USER and nothing more for a signal a process sent,
 * a struct sigcontext as third argument), the mask, the alternate stack, a
 * handler interrupting a blocking read (EINTR), a signal to a thread that
 * unblocked it, and a return that restores every register.  With argument
 * "pipe" it only checks SIGPIPE (see broken_pipe). */
#include "openbsd.h"

static volatile int got, code, sender, errnum, onstack;
static volatile unsigned mask_seen, mask_inside;
static volatile long rip_seen;
static char altstack[65536] __attribute__((aligned(16)));

static void handler(int sig, siginfo_t *si, void *ctx)
{
	struct sigcontext *sc = ctx;
	got = sig;
	code = si->si_code;
	sender = si->si_pid;
	errnum = si->si_errno;
	rip_seen = sc->sc_rip;
	mask_seen = sc->sc_mask;
	sigset_t inside;
	sigprocmask(SIG_BLOCK, NULL, &inside);
	mask_inside = inside;
	stack_t now;
	sigaltstack(NULL, &now);
	onstack = (now.ss_flags & SS_ONSTACK) != 0;
}

static void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = {fn, 0, flags};
	if (sigaction(sig, &sa, NULL) < 0)
		exit(2);
}

static void basics(void)
{
	sigset_t usr2 = 1u << (SIGUSR2 - 1);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	on(SIGUSR1, handler, SA_SIGINFO);
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &usr2, NULL);
	say("kill: signal", got);
	say("si_code (SI_USER)", code);
	say("si_pid", sender);
	say("si_errno", errnum);
	say("sc_rip set", rip_seen != 0);
	say("sc_mask: the mask before (SIGUSR2's bit)", mask_seen);
	say("in the handler SIGUSR1 and SIGUSR2 blocked",
	    mask_inside == (usr2 | 1u << (SIGUSR1 - 1)));
	sigset_t block = 1u << (SIGUSR1 - 1), now = 0;
	sigprocmask(SIG_BLOCK, &block, NULL);
	got = 0;
	thrkill(0, SIGUSR1, NULL);
	say("blocked: signal", got);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	say("unblocked: signal", got);
	sigprocmask(SIG_BLOCK, NULL, &now);
	say("mask restored", now == 0);
	stack_t ss = {altstack, sizeof altstack, 0};
	sigaltstack(&ss, NULL);
	on(SIGUSR2, handler, SA_SIGINFO | SA_ONSTACK);
	thrkill(0, SIGUSR2, NULL);
	say("on the alternate stack: signal", got);
	say("on the alternate stack", onstack);
}

/* A read of an empty pipe that SIGALRM interrupts: no SA_RESTART, EINTR. */
static void interrupted_read(void)
{
	int fds[2];
	char c;
	if (pipe2(fds, 0) < 0)
		exit(2);
	on(SIGALRM, handler, SA_SIGINFO);
	struct itimerval it = {{0, 0}, {0, 50000}};
	setitimer(ITIMER_REAL, &it, NULL);
	errno = 0;
	long r = read(fds[0], &c, 1);
	say("read interrupted", r);
	say("errno (EINTR)", errno);
	say("by signal", got);
	close(fds[0]);
	close(fds[1]);
}

static volatile int spinning, spun, give_up;
static volatile pid_t spinner_id;

static void spun_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)si, (void)ctx;
	spun = sig;
}

static void *spinner(void *arg)
{
	(void)arg;
	sigset_t none = 0;
	spinner_id = getthrid();
	sigprocmask(SIG_SETMASK, &none, NULL);
	spinning = 1;
	while (!spun && !give_up)
		; /* guest code only: the signal must interrupt it */
	return 0;
}

/* A thread created while every signal is blocked inherits the mask; once it
 * unblocks them, thrkill reaches it. */
static void to_a_thread(void)
{
	on(SIGUSR2, spun_handler, SA_SIGINFO);
	sigset_t all = ~0u, old;
	sigprocmask(SIG_SETMASK, &all, &old);
	pthread_t t;
	if (pthread_create(&t, NULL, spinner, NULL) != 0)
		exit(2);
	sigprocmask(SIG_SETMASK, &old, NULL);
	struct timespec ms = {0, 1000000};
	while (!spinning)
		nanosleep(&ms, NULL);
	thrkill(spinner_id, SIGUSR2, NULL);
	for (int i = 0; !spun && i < 5000; i++)
		nanosleep(&ms, NULL);
	give_up = 1;
	pthread_join(t, NULL);
	say("to a thread that unblocked it: signal", spun);
}

/* Registers hold known values while the loop waits for SIGALRM; the
 * handler (C code, free to use every caller-saved register) returns and
 * they must all be as they were. */
#define NREGS 17
uint64_t regs_in[NREGS], regs_out[NREGS];
volatile int alarmed;

static void clobbering_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)si, (void)ctx;
	volatile double x = sig;
	for (int i = 0; i < 10; i++)
		x = x * 1.5 + 0.25;
	alarmed = (int)x != 0;
}

static void context_restored(void)
{
	for (int i = 0; i < NREGS; i++)
		regs_in[i] = 0x1111111111111111ULL * (uint64_t)(i + 1) ^ 0x0123456789abcdefULL;
	on(SIGALRM, clobbering_handler, SA_SIGINFO);
	struct itimerval it = {{0, 0}, {0, 20000}};
	setitimer(ITIMER_REAL, &it, NULL);
	__asm__ volatile("movq regs_in+0(%%rip), %%rax\n\tmovq regs_in+8(%%rip), %%rbx\n\t"
			 "movq regs_in+16(%%rip), %%rcx\n\tmovq regs_in+24(%%rip), %%rdx\n\t"
			 "movq regs_in+32(%%rip), %%rsi\n\tmovq regs_in+40(%%rip), %%rdi\n\t"
			 "movq regs_in+48(%%rip), %%r8\n\tmovq regs_in+56(%%rip), %%r9\n\t"
			 "movq regs_in+64(%%rip), %%r10\n\tmovq regs_in+72(%%rip), %%r11\n\t"
			 "movq regs_in+80(%%rip), %%r12\n\tmovq regs_in+88(%%rip), %%r13\n\t"
			 "movq regs_in+96(%%rip), %%r14\n\tmovq regs_in+104(%%rip), %%r15\n\t"
			 "movq regs_in+112(%%rip), %%xmm0\n\tmovq regs_in+120(%%rip), %%xmm7\n\t"
			 "movq regs_in+128(%%rip), %%xmm15\n"
			 "1:\tcmpl $0, alarmed(%%rip)\n\tje 1b\n\t"
			 "movq %%rax, regs_out+0(%%rip)\n\tmovq %%rbx, regs_out+8(%%rip)\n\t"
			 "movq %%rcx, regs_out+16(%%rip)\n\tmovq %%rdx, regs_out+24(%%rip)\n\t"
			 "movq %%rsi, regs_out+32(%%rip)\n\tmovq %%rdi, regs_out+40(%%rip)\n\t"
			 "movq %%r8, regs_out+48(%%rip)\n\tmovq %%r9, regs_out+56(%%rip)\n\t"
			 "movq %%r10, regs_out+64(%%rip)\n\tmovq %%r11, regs_out+72(%%rip)\n\t"
			 "movq %%r12, regs_out+80(%%rip)\n\tmovq %%r13, regs_out+88(%%rip)\n\t"
			 "movq %%r14, regs_out+96(%%rip)\n\tmovq %%r15, regs_out+104(%%rip)\n\t"
			 "movq %%xmm0, regs_out+112(%%rip)\n\tmovq %%xmm7, regs_out+120(%%rip)\n\t"
			 "movq %%xmm15, regs_out+128(%%rip)"
			 :
			 :
			 : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
			   "r12", "r13", "r14", "r15", "xmm0", "xmm7", "xmm15", "cc", "memory");
	int same = 0;
	for (int i = 0; i < NREGS; i++)
		same += regs_in[i] == regs_out[i];
	say("registers as they were after the handler", same);
}

static volatile int sigpipe_count;

static void on_sigpipe(int sig, siginfo_t *si, void *ctx)
{
	(void)si, (void)ctx;
	sigpipe_count += sig == SIGPIPE;
}

/* A write into a pipe whose reading end is closed fails with EPIPE and
 * raises SIGPIPE once (sys/kern/sys_pipe.c pipe_write, sys/kern/
 * sys_generic.c dofilewritev).  Says so by its exit status alone: 0 if so,
 * else 10 + the number of SIGPIPEs (to 99) — standard output and error may
 * be such a pipe themselves (tests/guest: xeno's trace there must not reach
 * the program). */
static int broken_pipe(void)
{
	on(SIGPIPE, on_sigpipe, SA_SIGINFO);
	int fds[2];
	if (pipe2(fds, 0) < 0)
		return 2;
	close(fds[0]);
	errno = 0;
	long r = write(fds[1], "x", 1);
	int err = errno;
	close(fds[1]);
	if (r == -1 && err == EPIPE && sigpipe_count == 1)
		return 0;
	return 10 + (sigpipe_count < 89 ? sigpipe_count : 89);
}

int main(int argc, char **argv)
{
	if (argc > 1 && argv[1][0] == 'p')
		return broken_pipe();
	basics();
	interrupted_read();
	to_a_thread();
	context_restored();
	return 0;
}
