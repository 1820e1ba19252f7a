/* Common includes for the cmocka unit tests. */
#ifndef XENO_TESTS_UNIT_H
#define XENO_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#define RUN(...)                                                                                   \
	do {                                                                                       \
		const struct CMUnitTest tests_[] = {__VA_ARGS__};                                  \
		return cmocka_run_group_tests(tests_, NULL, NULL);                                 \
	} while (0)

#endif
