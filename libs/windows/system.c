/*
 * The system's description and clocks (GetSystemInfo, the performance
 * counter, FILETIME clocks, tick counts), error modes, random bytes
 * (bcryptprimitives' ProcessPrng, advapi32's RtlGenRandom), and the calls
 * that only matter to crash reporting and debugging, answered as a plain
 * Windows 10 machine would.
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "abi/windows/memory.h"
#include "core/process.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "windows_advapi32_proto.h"
#include "windows_bcryptprimitives_proto.h"
#include "windows_kernel32_proto.h"
#include "windows_ntdll_proto.h"
#include "windows_winmm_proto.h"

static uint64_t affinity_mask(void)
{
	cpu_set_t set;
	uint64_t mask = 0;
	if (sched_getaffinity(0, sizeof set, &set) == 0) {
		for (int i = 0; i < 64; i++)
			if (CPU_ISSET(i, &set))
				mask |= 1ULL << i;
	}
	return mask ? mask : 1;
}

static void system_info(struct win_system_info *si)
{
	*si = (struct win_system_info){
	    .processor_architecture = 9, /* PROCESSOR_ARCHITECTURE_AMD64 */
	    .page_size = 4096,
	    .minimum_application_address = 0x10000,
	    .maximum_application_address = 0x7ffffffeffffULL,
	    .active_processor_mask = affinity_mask(),
	    .number_of_processors = (uint32_t)__builtin_popcountll(affinity_mask()),
	    .processor_type = 8664, /* PROCESSOR_AMD_X8664 */
	    .allocation_granularity = WIN_ALLOCATION_GRANULARITY,
	    .processor_level = 6,
	};
}

long windows_kernel32_GetSystemInfo(struct xeno_thread *t, uint64_t out)
{
	(void)t;
	struct win_system_info si;
	system_info(&si);
	xeno_copy_out(out, &si, sizeof si);
	return 0;
}

long windows_kernel32_GetNativeSystemInfo(struct xeno_thread *t, uint64_t out)
{
	return windows_kernel32_GetSystemInfo(t, out);
}

long windows_kernel32_GetProcessAffinityMask(struct xeno_thread *t, uint64_t h, uint64_t proc_out,
					     uint64_t sys_out)
{
	(void)t;
	if (h != WIN_CURRENT_PROCESS)
		return win_fail(WIN_ERROR_INVALID_HANDLE);
	uint64_t mask = affinity_mask();
	if (xeno_copy_out(proc_out, &mask, 8) < 0 || xeno_copy_out(sys_out, &mask, 8) < 0)
		return win_fail(WIN_ERROR_NOACCESS);
	return 1;
}

long windows_kernel32_SetProcessPriorityBoost(struct xeno_thread *t, uint64_t h, int disable)
{
	(void)t, (void)h, (void)disable;
	return 1;
}

static uint32_t error_mode;

long windows_kernel32_SetErrorMode(struct xeno_thread *t, unsigned int mode)
{
	(void)t;
	uint32_t old = error_mode;
	error_mode = mode;
	return old;
}

long windows_kernel32_GetErrorMode(struct xeno_thread *t)
{
	(void)t;
	return error_mode;
}

static uint32_t wer_flags;

long windows_kernel32_WerSetFlags(struct xeno_thread *t, unsigned int flags)
{
	(void)t;
	wer_flags = flags;
	return 0; /* S_OK */
}

long windows_kernel32_WerGetFlags(struct xeno_thread *t, uint64_t process, uint64_t out)
{
	(void)t, (void)process;
	return xeno_copy_out(out, &wer_flags, sizeof wer_flags) < 0 ? 0x80070057 /* E_INVALIDARG */
								    : 0;
}

/* The system directory programs prefix system DLL names with (Go's
 * initSysDirectory): never opened, only named. */
#define SYSTEM_DIRECTORY "C:\\Windows\\system32"

long windows_kernel32_GetSystemDirectoryA(struct xeno_thread *t, uint64_t buf, unsigned int size)
{
	(void)t;
	size_t n = strlen(SYSTEM_DIRECTORY);
	if (n + 1 > size)
		return (long)(n + 1);
	return xeno_copy_out(buf, SYSTEM_DIRECTORY, n + 1) < 0 ? win_fail(WIN_ERROR_NOACCESS)
							       : (long)n;
}

long windows_kernel32_GetSystemDirectoryW(struct xeno_thread *t, uint64_t buf, unsigned int size)
{
	(void)t;
	return win_wstr_out(SYSTEM_DIRECTORY, buf, size);
}

long windows_kernel32_GetWindowsDirectoryW(struct xeno_thread *t, uint64_t buf, unsigned int size)
{
	(void)t;
	return win_wstr_out("C:\\Windows", buf, size);
}

/* ---- clocks ---- */

long windows_kernel32_QueryPerformanceCounter(struct xeno_thread *t, uint64_t out)
{
	(void)t;
	uint64_t v = win_interrupt_time(); /* 100 ns ticks: the frequency below */
	return xeno_copy_out(out, &v, sizeof v) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_QueryPerformanceFrequency(struct xeno_thread *t, uint64_t out)
{
	(void)t;
	uint64_t f = 10000000;
	return xeno_copy_out(out, &f, sizeof f) < 0 ? win_fail(WIN_ERROR_NOACCESS) : 1;
}

long windows_kernel32_GetSystemTimeAsFileTime(struct xeno_thread *t, uint64_t out)
{
	(void)t;
	uint64_t v = win_system_time();
	xeno_copy_out(out, &v, sizeof v);
	return 0;
}

long windows_kernel32_GetSystemTimePreciseAsFileTime(struct xeno_thread *t, uint64_t out)
{
	return windows_kernel32_GetSystemTimeAsFileTime(t, out);
}

long windows_kernel32_GetTickCount(struct xeno_thread *t)
{
	(void)t;
	return (long)(uint32_t)(win_interrupt_time() / 10000);
}

long windows_kernel32_GetTickCount64(struct xeno_thread *t)
{
	(void)t;
	return (long)(win_interrupt_time() / 10000);
}

/* ---- random ---- */

static bool random_fill(uint64_t buf, uint64_t n)
{
	unsigned char chunk[256];
	while (n) {
		size_t k = n < sizeof chunk ? n : sizeof chunk;
		ssize_t r = getrandom(chunk, k, 0);
		if (r <= 0)
			continue;
		if (xeno_copy_out(buf, chunk, (size_t)r) < 0)
			return false;
		buf += (uint64_t)r, n -= (uint64_t)r;
	}
	return true;
}

long windows_bcryptprimitives_ProcessPrng(struct xeno_thread *t, uint64_t buf, uint64_t n)
{
	(void)t;
	return random_fill(buf, n); /* always TRUE on Windows; FALSE: a bad buffer */
}

long windows_advapi32_SystemFunction036(struct xeno_thread *t, uint64_t buf, unsigned int n)
{
	(void)t;
	return random_fill(buf, n);
}

/* ---- errors and crash reporting ---- */

long windows_kernel32_GetLastError(struct xeno_thread *t)
{
	(void)t;
	return win_teb()->last_error_value;
}

long windows_kernel32_SetLastError(struct xeno_thread *t, unsigned int code)
{
	(void)t;
	win_set_error(code);
	return 0;
}

long windows_kernel32_RaiseFailFastException(struct xeno_thread *t, uint64_t record,
					     uint64_t context, unsigned int flags)
{
	(void)t, (void)record, (void)context, (void)flags;
	abort(); /* the process ends at once, as Windows ends it */
}

/* No unwind data is read: programs ask only to trace through frames that
 * are not their own (Go: external code), and take "none" in their stride. */
long windows_kernel32_RtlLookupFunctionEntry(struct xeno_thread *t, uint64_t pc, uint64_t base_out,
					     uint64_t history)
{
	(void)t, (void)pc, (void)history;
	uint64_t zero = 0;
	if (base_out)
		xeno_copy_out(base_out, &zero, sizeof zero);
	return 0;
}

long windows_kernel32_RtlVirtualUnwind(struct xeno_thread *t, unsigned int type, uint64_t base,
				       uint64_t pc, uint64_t entry, uint64_t context,
				       uint64_t handler_data, uint64_t frame, uint64_t ctx_ptrs)
{
	(void)t, (void)type, (void)base, (void)pc, (void)entry, (void)context, (void)handler_data,
	    (void)frame, (void)ctx_ptrs;
	return 0;
}

long windows_kernel32_IsDebuggerPresent(struct xeno_thread *t)
{
	(void)t;
	return 0;
}

long windows_kernel32_GetVersion(struct xeno_thread *t)
{
	(void)t;
	return 19045L << 16 | 0 << 8 | 10; /* build, minor, major */
}

long windows_kernel32_LocalFree(struct xeno_thread *t, uint64_t p)
{
	(void)t;
	free((void *)p);
	return 0;
}

long windows_winmm_timeBeginPeriod(struct xeno_thread *t, unsigned int period)
{
	(void)t, (void)period;
	return 0; /* TIMERR_NOERROR */
}

long windows_winmm_timeEndPeriod(struct xeno_thread *t, unsigned int period)
{
	(void)t, (void)period;
	return 0;
}
