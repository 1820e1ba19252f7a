/*
 * libFuzzer target: the whole load path of `xeno --check` (parse, OS
 * detection, the runnable check, mapping, the initial stack) on each input;
 * see tests/fuzz/load_bytes.h.  A crash, a sanitizer report, a leak or a
 * hang is a finding.
 *
 *   make fuzz [FUZZ_SECONDS=600] [FUZZ_JOBS=2]       (tests/fuzz/run.sh)
 */
#include <stdlib.h>

#include "tests/fuzz/load_bytes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char reason[512];
	if (load_bytes(data, size, reason, sizeof reason) < 0)
		abort(); /* the harness itself failed: never a finding of the loader */
	return 0;
}
