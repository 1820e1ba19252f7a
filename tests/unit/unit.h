/* Common includes for the cmocka unit tests. */
#ifndef XENO_TESTS_UNIT_H
#define XENO_TESTS_UNIT_H

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/uaccess.h"

#define RUN(...)                                                                                   \
	do {                                                                                       \
		const struct CMUnitTest tests_[] = {__VA_ARGS__};                                  \
		return cmocka_run_group_tests(tests_, NULL, NULL);                                 \
	} while (0)

/* Guest-memory faults become EFAULT, as under xeno's own handler. */
static inline void unit_on_guest_fault(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si;
	if (!xeno_uaccess_fixup(uc))
		abort();
}

/* For tests that hand handlers bad guest pointers.  Call it inside the test:
 * cmocka installs its own SIGSEGV handler around each. */
static inline void unit_catch_guest_faults(void)
{
	struct sigaction sa = {.sa_sigaction = unit_on_guest_fault, .sa_flags = SA_SIGINFO};
	sigaction(SIGSEGV, &sa, NULL);
}

#endif
