/*
 * Calls a system call xeno does not implement, twice: ktrace(2) (number 45),
 * which would need a kernel trace facility xeno does not have.  Under xeno
 * both calls fail with ENOSYS, and xeno says once on standard error that the
 * call is not implemented.  With --strict the first call ends the program by
 * SIGSYS, as FreeBSD does for a call it lacks (nosys, sys/kern/kern_sig.c).
 * A FreeBSD kernel built without "options KTRACE" answers ENOSYS to this one
 * too (sys/kern/kern_ktrace.c).
 */
#include "mini.h"

/* sys/sys/ktrace.h */
#define KTROP_CLEAR    1
#define KTRFAC_SYSCALL 0x00000002

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	int enosys = 0;
	mini_printf("calling ktrace(2) twice\n");
	mini_flush(); /* whatever happens next, this line is out */
	for (int i = 1; i <= 2; i++) {
		long r = SYS4(ktrace, "/dev/null", KTROP_CLEAR, KTRFAC_SYSCALL, SYS0(getpid));
		mini_printf("ktrace #%d: %s\n", i, r < 0 ? mini_errname(-r) : "succeeded");
		enosys += r < 0 && mini_strcmp(mini_errname(-r), "ENOSYS") == 0;
	}
	return enosys == 2 ? 0 : 1;
}
