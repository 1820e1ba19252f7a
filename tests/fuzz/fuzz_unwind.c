/*
 * libFuzzer target: a guest object's unwind information, judged by the
 * linker's check (loader/eh_frame.c) and, when it passes, used by xeno's
 * walk of the guest's stack (libs/common/unwind.c on LLVM's libunwind)
 * through a fake stack (tests/fuzz/unwind_run.h).  A crash, an abort
 * (libunwind aborts on what it cannot decode), a sanitizer report, a leak
 * or a hang is a finding: what the check passes must walk, or fail, quietly.
 *
 *   make fuzz-unwind [FUZZ_UNWIND_SECONDS=600] [FUZZ_JOBS=2]
 */
#include "tests/fuzz/unwind_run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unwind_bytes(data, size);
	return 0;
}
