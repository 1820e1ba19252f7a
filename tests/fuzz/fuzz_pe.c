/*
 * libFuzzer target: the PE parser (loader/pe*.c) on each input, then the
 * rest of `xeno --check`'s path on an image it accepts (tests/fuzz/
 * load_bytes.h): the neutral image (loader/pe_image.c), mapping it — through
 * the aligned image cache (loader/image_cache.c) when XENO_CACHE_DIR names a
 * directory, as make fuzz-pe sets it — and linking it: base
 * relocations (pe_apply_relocs), imports bound into the IAT, the TLS
 * directory's index slot and callbacks, the main thread's start (its block
 * freed after each input).  No guest code runs.  A relocatable image finds its ImageBase taken (the
 * harness holds a page there), so it is moved and its relocations are applied.
 *
 * A crash, a sanitizer report, a leak, a hang, a refusal without a reason,
 * or an accepted image that breaks one of the parser's promises
 * (tests/fuzz/pe_check.h) is a finding.
 *
 *   make fuzz-pe [FUZZ_PE_SECONDS=600] [FUZZ_JOBS=2]     (tests/fuzz/run-campaign.sh)
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "libs/windows/windows.h"
#include "loader/pe.h"
#include "tests/fuzz/load_bytes.h"
#include "tests/fuzz/pe_check.h"

/* A page at the image's preferred base, so that a relocatable image moves;
 * MAP_FAILED if it could not be held (something is there already). */
static void *hold_base(const struct pe_image *img)
{
	if (!img->relocatable)
		return MAP_FAILED;
	void *want = (void *)img->image_base;
	void *p = mmap(want, 4096, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
	if (p != MAP_FAILED && p != want) {
		munmap(p, 4096); /* a kernel that took the flag for a hint */
		return MAP_FAILED;
	}
	return p;
}

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
	void *held = hold_base(&img);
	pe_free(&img);
	char reason[512];
	int err = load_bytes(data, size, reason, sizeof reason);
	if (held != MAP_FAILED)
		munmap(held, 4096);
	/* The main thread's block (load_bytes unmapped its stack): what it
	 * points to would otherwise be held only by mapped memory, which the
	 * leak checker does not read. */
	if (win_proc.main_thread) {
		win_thread_free_block(win_proc.main_thread);
		win_proc.main_thread = NULL;
	}
	if (err < 0 || (err && !reason[0]))
		abort(); /* the harness failed, or a refusal without a reason */
	return 0;
}
