/*
 * libFuzzer target: the recording reader and everything that consumes what
 * it reads (formatting, host lines, normalisation), on arbitrary bytes.
 * Built and run by `make fuzz-trace` (tests/fuzz/fuzz.mk).
 */
#include <stddef.h>
#include <stdint.h>

#include "tests/fuzz/trace_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xt_fuzz_walk(data, size);
	return 0;
}
