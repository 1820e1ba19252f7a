/*
 * libFuzzer target: the PE parser (loader/pe*.c) on each input.  A crash, a
 * sanitizer report, a leak, a hang, a refusal without a reason, or an
 * accepted image that breaks one of the parser's promises
 * (tests/fuzz/pe_check.h) is a finding.
 *
 *   make fuzz-pe [FUZZ_PE_SECONDS=600] [FUZZ_JOBS=2]     (tests/fuzz/run-pe.sh)
 */
#include <stdlib.h>

#include "loader/pe.h"
#include "tests/fuzz/pe_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pe_image img;
	if (pe_parse(&img, data, size) != 0) {
		if (!img.reason[0])
			abort();
		return 0;
	}
	if (pe_check_image(&img, size))
		abort();
	pe_free(&img);
	return 0;
}
