/*
 * The load path of `xeno --check`, on bytes in memory: what the loader
 * fuzzer runs on each input (tests/fuzz/fuzz_loader.c), and what the unit
 * tests of the seed corpus and of damaged dynamic programs run
 * (tests/unit/test_loader_seeds.c, test_link.c).  Parse (loader/image.c,
 * through libelf), OS detection (loader/detect.c), the judgement of whether
 * xeno runs it (core/launch.c), mapping the segments for real — from a memfd
 * holding the bytes, at the addresses the file asks for, never over memory
 * already in use (the loader reserves its span with MAP_FIXED_NOREPLACE) —
 * then, for a dynamically linked program, linking it against the
 * personality's shim libraries (loader/link*.c: no library file is opened,
 * no guest code runs: initialisers and resolvers are only listed), and
 * building the initial stack; then everything is undone.
 */
#ifndef XENO_TESTS_FUZZ_LOAD_BYTES_H
#define XENO_TESTS_FUZZ_LOAD_BYTES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/brand.h"
#include "core/launch.h"
#include "core/process.h"
#include "loader/link.h"

/* Whether the linker may open library files (XENO_LIBRARY_PATH): the
 * fuzzer's never does; a unit test's may. */
static bool load_bytes_library_files;

/* A descriptor holding exactly data, for the loader to map; -1 on failure. */
static int load_bytes_file(const uint8_t *data, size_t size)
{
	static int memfd = -1;
	if (memfd < 0)
		memfd = memfd_create("loaded-image", MFD_CLOEXEC);
	if (memfd < 0 || ftruncate(memfd, 0) < 0 || pwrite(memfd, data, size, 0) != (ssize_t)size)
		return -1;
	return memfd;
}

/* Loads data as `xeno --check` loads a file and unloads it: 0 if it could
 * be run, else XENO_LOAD_BAD with the reason in reason (n bytes); -1 if the
 * harness itself failed. */
static int load_bytes(const uint8_t *data, size_t size, char *reason, size_t n)
{
	static char *argv[] = {"loaded", "an argument", NULL};
	static char *envp[] = {"HOME=/nonexistent", NULL};
	struct xeno_launch l;
	struct xeno_image *img = &l.img;
	xeno_image_init(img, "loaded");
	snprintf(reason, n, "%s", "");
	if (size == 0)
		return XENO_LOAD_BAD; /* xeno_image_open refuses an empty file */
	/* a private copy: libelf may convert in place, as it may in the
	 * private mapping xeno_image_open makes */
	uint8_t *copy = malloc(size);
	if (!copy)
		return -1;
	memcpy(copy, data, size);
	int err = xeno_image_parse(img, copy, size);
	free(copy);
	if (!err)
		err = xeno_image_check_runnable(img);
	if (!err) {
		if ((img->fd = load_bytes_file(data, size)) < 0)
			return -1;
		err = xeno_image_map(img, img->brand->personality->pie_base);
		img->fd = -1; /* the memfd is kept for the next image */
	}
	if (err) {
		xeno_reason_printable(img->reason);
		snprintf(reason, n, "%s", img->reason);
		xeno_image_close(img); /* the dynamic section's description */
		return err;
	}
	l.os = img->brand->personality;
	snprintf(xeno_proc.exe_path, sizeof xeno_proc.exe_path, "/loaded");
	xeno_proc.ncpus = 1;
	xeno_link_shims_only = !load_bytes_library_files;
	l.entry = (struct xeno_entry){0};
	xeno_proc.stack_base = xeno_proc.stack_top = 0;
	err = xeno_launch_finish(&l, argv, envp);
	if (xeno_proc.stack_top > xeno_proc.stack_base)
		munmap((void *)xeno_proc.stack_base, xeno_proc.stack_top - xeno_proc.stack_base);
	if (!err && l.dynamic && img->format == XENO_FORMAT_ELF)
		free((void *)l.entry.rbx); /* the start list (another format's
					    * personality keeps its own) */
	xeno_link_forget();
	xeno_image_close(img);
	xeno_image_unmap(img);
	if (err) {
		xeno_reason_printable(img->reason);
		snprintf(reason, n, "%s", img->reason);
	}
	return err;
}

#endif
