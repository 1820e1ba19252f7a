/*
 * macOS signals: a handler installed with sigaction (SA_SIGINFO, the
 * 16-byte struct sigaction) on an alternate stack, reached by raise and
 * pthread_kill; it gets macOS's signal number (SIGUSR1 30), a siginfo_t
 * with it, and a ucontext whose uc_mcontext (at 48) holds the thread state
 * in __darwin_x86_thread_state64's order (rip at 16 words in); the
 * 32-bit mask comes back after the handler.
 */
#include "darwin.h"

struct sigaction_ {
	void (*handler)(int, void *, void *);
	uint32_t mask;
	int flags;
};
struct stack_ {
	void *sp;
	size_t size;
	int flags;
};
int sigaction(int, const struct sigaction_ *, struct sigaction_ *);
int sigaltstack(const struct stack_ *, struct stack_ *);
int pthread_sigmask(int, const uint32_t *, uint32_t *);
int raise(int);
void *pthread_self(void);
int pthread_kill(void *, int);

#define SIGUSR1	    30
#define SIGUSR2	    31
#define SA_ONSTACK  0x1
#define SA_SIGINFO  0x40
#define SIG_SETMASK 3
#define SS_ONSTACK  1

static char altstack[65536] __attribute__((aligned(16)));
static volatile int hits, on_alt, infosig;
static volatile uint64_t rip_seen;

static void handler(int sig, void *info, void *uctx)
{
	struct stack_ st;
	sigaltstack(0, &st);
	on_alt += (st.flags & SS_ONSTACK) != 0;
	infosig = *(int *)info;
	uint64_t *ss = (uint64_t *)(*(uint64_t *)((char *)uctx + 48) + 16);
	rip_seen = ss[16];
	hits += sig == SIGUSR1 || sig == SIGUSR2;
}

int main(void)
{
	struct stack_ st = {altstack, sizeof altstack, 0};
	struct sigaction_ sa = {handler, 0, SA_SIGINFO | SA_ONSTACK};
	if (sigaltstack(&st, 0) || sigaction(SIGUSR1, &sa, 0) || sigaction(SIGUSR2, &sa, 0))
		fail("set up");
	uint32_t mask = 1u << (SIGUSR2 - 1), old;
	if (pthread_sigmask(SIG_SETMASK, &mask, 0) || raise(SIGUSR1) || hits != 1 ||
	    infosig != SIGUSR1)
		fail("raise SIGUSR1");
	if (pthread_sigmask(SIG_SETMASK, 0, &old) || old != mask)
		fail("the mask after the handler");
	pthread_sigmask(SIG_SETMASK, &(uint32_t){0}, 0);
	if (pthread_kill(pthread_self(), SIGUSR2) || hits != 2 || infosig != SIGUSR2 ||
	    on_alt != 2 || !rip_seen)
		fail("pthread_kill SIGUSR2");
	put("signals: SIGUSR1 ");
	put_num(SIGUSR1);
	put(" and SIGUSR2 ");
	put_num(SIGUSR2);
	put(" handled on the alternate stack, mask kept\n");
	return 0;
}
