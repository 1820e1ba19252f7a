/*
 * A Windows process: the PEB and its process parameters (command line,
 * environment, current directory, standard handles), the main thread's TEB
 * and stack, KUSER_SHARED_DATA, and what runs before the entry point.  The
 * loader (loader/pe_image.c) has mapped and linked the program; here it is
 * started as Windows' loader starts an EXE: its TLS callbacks with
 * DLL_PROCESS_ATTACH, then its entry point called in the Microsoft
 * convention with the PEB in rcx (BaseThreadInitThunk's call), on the main
 * thread's stack; if the entry returns, the process exits with its result.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/libgate_ms.h"
#include "core/personality.h"
#include "core/process.h"
#include "core/stats.h"
#include "core/suspend.h"
#include "core/tracehook.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "loader/image.h"
#include "loader/pe_module.h"
#include "windows_kernel32_proto.h"
#include "windows_ntdll_proto.h"

#define DLL_PROCESS_ATTACH 1 /* winnt.h */

struct win_process win_proc;

/* The Windows version programs are told (RtlGetVersion, the PEB): Windows
 * 10 22H2, the build Go's long-path check wants at least (10.0.15063). */
#define OS_MAJOR 10
#define OS_MINOR 0
#define OS_BUILD 19045

/* A UNICODE_STRING holding UTF-8 s, its buffer in memory from xeno's heap
 * (guest-readable: one address space). */
static int unicode_string(struct win_unicode_string *u, const char *s)
{
	size_t n = strlen(s);
	size_t units = win_utf8_to_utf16(s, n, NULL, 0);
	win_wchar *w = calloc(units + 1, sizeof *w);
	if (!w)
		return -1;
	win_utf8_to_utf16(s, n, w, units);
	u->length = (uint16_t)(units * 2 > 0xfffe ? 0xfffe : units * 2);
	u->maximum_length = u->length;
	u->buffer = (uint64_t)w;
	return 0;
}

static int make_peb(const struct xeno_image *img, char *const argv[], char *const envp[])
{
	struct win_peb *peb = calloc(1, sizeof *peb);
	struct win_process_parameters *pp = calloc(1, sizeof *pp);
	if (!peb || !pp || win_env_init(envp) < 0)
		return -1;
	peb->image_base_address = img->lo + img->bias;
	peb->process_parameters = (uint64_t)pp;
	peb->number_of_processors = (uint32_t)(xeno_proc.ncpus > 0 ? xeno_proc.ncpus : 1);
	peb->os_major_version = OS_MAJOR;
	peb->os_minor_version = OS_MINOR;
	peb->os_build_number = OS_BUILD;
	peb->os_platform_id = 2;  /* VER_PLATFORM_WIN32_NT */
	peb->image_subsystem = 3; /* IMAGE_SUBSYSTEM_WINDOWS_CUI */
	pp->size = pp->allocation_size = sizeof *pp;
	pp->flags = 1; /* PROCESS_PARAMS_FLAG_NORMALIZED */
	size_t units = 0;
	pp->command_line.buffer = win_command_line(argv, &units);
	pp->command_line.length = pp->command_line.maximum_length =
	    (uint16_t)(units * 2 > 0xfffe ? 0xfffe : units * 2);
	pp->environment = win_env_block();
	char cwd[4096], wcwd[4200], image[4200];
	if (!getcwd(cwd, sizeof cwd))
		strcpy(cwd, "/");
	win_path_out(cwd, wcwd, sizeof wcwd - 1);
	strcat(wcwd, "\\");
	win_path_out(xeno_proc.exe_path, image, sizeof image);
	if (!pp->command_line.buffer || !pp->environment ||
	    unicode_string(&pp->current_directory, wcwd) < 0 ||
	    unicode_string(&pp->image_path_name, image) < 0)
		return -1;
	win_proc.peb = peb;
	win_proc.params = pp;
	win_proc.image_base = peb->image_base_address;
	snprintf(win_proc.exe_path, sizeof win_proc.exe_path, "%s", xeno_proc.exe_path);
	return 0;
}

/* The steps xeno_guest_start_program_ms runs before the entry: the
 * process's start in xeno, then each TLS callback (module, reason, 0). */
static uint64_t *start_steps(const struct xeno_library *ntdll, uint64_t base)
{
	const struct pe_module *m = pe_program();
	size_t n = m ? m->ncallbacks : 0;
	uint64_t *steps = calloc(4 * (n + 2), sizeof *steps);
	if (!steps)
		return NULL;
	steps[0] = pe_shim_export(ntdll, "__xeno_process_start", 0);
	for (size_t i = 0; i < n; i++) {
		uint64_t *s = steps + 4 * (i + 1);
		s[0] = m->callbacks[i];
		s[1] = base;
		s[2] = DLL_PROCESS_ATTACH;
	}
	return steps;
}

int windows_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry)
{
	const struct xeno_personality *os = &windows_personality;
	if (!win_proc.peb && make_peb(img, argv, envp) < 0)
		return -ENOMEM;
	int err = win_kuser_map();
	if (err < 0)
		return err;
	/* Built again only where the loader's fuzzer prepares image after
	 * image (it unmaps the stack itself). */
	if (win_proc.main_thread)
		win_thread_free_block(win_proc.main_thread);
	struct win_thread *w = win_thread_new(0);
	win_proc.main_thread = w;
	if (!w)
		return -ENOMEM;
	const struct xeno_library *k32 = pe_shim_named(os, "kernel32.dll");
	const struct xeno_library *ntdll = pe_shim_named(os, "ntdll.dll");
	static uint64_t *steps;
	free(steps);
	steps = start_steps(ntdll, img->lo + img->bias);
	if (!steps || !k32)
		return -ENOMEM;
	xeno_proc.stack_top = w->stack_base + w->stack_size;
	xeno_proc.stack_base = w->stack_base;
	*entry = (struct xeno_entry){
	    .rip = (uint64_t)xeno_guest_start_program_ms,
	    .rsp = xeno_proc.stack_top,
	    .rbx = (uint64_t)steps,
	    .r12 = img->entry + img->bias,
	    .r13 = (uint64_t)win_proc.peb,
	    .r14 = pe_shim_export(k32, "ExitProcess", 0),
	    .gs = (uint64_t)w->teb,
	};
	return 0;
}

/* The first thing the main thread runs, as guest code calling into xeno:
 * what needs a running thread (its id, the handle table, the clock's
 * updater, the exception plumbing). */
long windows_ntdll___xeno_process_start(struct xeno_thread *t)
{
	struct win_teb *teb = win_teb();
	teb->client_id_thread = (uint64_t)t->tid;
	win_std_handles_init();
	struct win_process_parameters *pp = win_proc.params;
	pp->std_input = win_std_handle(0);
	pp->std_output = win_std_handle(1);
	pp->std_error = win_std_handle(2);
	win_exceptions_init();
	xeno_suspend_init();
	win_kuser_start();
	return 0;
}

long windows_kernel32_ExitProcess(struct xeno_thread *t, unsigned int code)
{
	xeno_trace_exit(t, (int)code);
	xeno_stats_report();
	fflush(NULL);
	_exit((int)(code & 0xff));
}

long windows_kernel32_TerminateProcess(struct xeno_thread *t, uint64_t h, unsigned int code)
{
	if (h != WIN_CURRENT_PROCESS)
		return win_fail(WIN_ERROR_ACCESS_DENIED);
	return windows_kernel32_ExitProcess(t, code);
}

long windows_ntdll_RtlGetCurrentPeb(struct xeno_thread *t)
{
	(void)t;
	return (long)win_proc.peb;
}

/* RTL_OSVERSIONINFOW: dwOSVersionInfoSize, major, minor, build, platform,
 * szCSDVersion[128] (winnt.h) */
long windows_ntdll_RtlGetVersion(struct xeno_thread *t, uint64_t info)
{
	(void)t;
	uint32_t v[5] = {0, OS_MAJOR, OS_MINOR, OS_BUILD, 2};
	if (xeno_copy_in(&v[0], info, 4) < 0 || v[0] < 20)
		return (long)WIN_STATUS_INVALID_PARAMETER;
	if (xeno_copy_out(info + 4, &v[1], 16) < 0)
		return (long)WIN_STATUS_ACCESS_VIOLATION;
	return WIN_STATUS_SUCCESS;
}

/* The version numbers alone (Wine's dlls/ntdll/version.c: the build number
 * with 0xF0000000 set, as Windows answers).  Go 1.19 reads them to decide
 * whether long paths may be enabled. */
long windows_ntdll_RtlGetNtVersionNumbers(struct xeno_thread *t, uint64_t major, uint64_t minor,
					  uint64_t build)
{
	(void)t;
	uint32_t v[3] = {OS_MAJOR, OS_MINOR, 0xf0000000u | OS_BUILD};
	if (major)
		xeno_copy_out(major, &v[0], 4);
	if (minor)
		xeno_copy_out(minor, &v[1], 4);
	if (build)
		xeno_copy_out(build, &v[2], 4);
	return 0;
}
