/*
 * Modules: the program's own image and the DLLs xeno provides (the
 * personality's shim libraries).  LoadLibraryExW and friends find a DLL by
 * its file name, without case and directory (Go asks for
 * "bcryptprimitives.dll" and, with its system directory in front,
 * "C:\Windows\system32\ntdll.dll"); a DLL xeno does not provide is not
 * found (ERROR_MOD_NOT_FOUND), which programs probing for optional ones
 * expect (Go: powrprof.dll, winmm.dll).  A module handle of a shim DLL is
 * the address of its description; GetProcAddress takes a name, or an
 * ordinal in the low word of a pointer-sized value.
 */
#include <stdio.h>
#include <string.h>

#include "core/library.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "libs/windows/windows.h"
#include "loader/pe_module.h"
#include "windows_kernel32_proto.h"

static const struct xeno_library *library_of(const struct xeno_thread *t, uint64_t h)
{
	for (const struct xeno_library *const *l = t->os->libraries; l && *l; l++)
		if ((uint64_t)*l == h)
			return *l;
	return NULL;
}

static long load(struct xeno_thread *t, const char *name)
{
	const struct xeno_library *lib = pe_shim_named(t->os, name);
	return lib ? (long)lib : win_fail(WIN_ERROR_MOD_NOT_FOUND);
}

long windows_kernel32_LoadLibraryExW(struct xeno_thread *t, uint64_t wname, uint64_t file,
				     unsigned int flags)
{
	(void)file, (void)flags;
	char name[1024];
	if (win_wstr_in(wname, name, sizeof name) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return load(t, name);
}

long windows_kernel32_LoadLibraryW(struct xeno_thread *t, uint64_t wname)
{
	return windows_kernel32_LoadLibraryExW(t, wname, 0, 0);
}

long windows_kernel32_LoadLibraryExA(struct xeno_thread *t, uint64_t aname, uint64_t file,
				     unsigned int flags)
{
	(void)file, (void)flags;
	char name[1024];
	if (xeno_strncpy_in(name, aname, sizeof name) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return load(t, name);
}

long windows_kernel32_LoadLibraryA(struct xeno_thread *t, uint64_t aname)
{
	return windows_kernel32_LoadLibraryExA(t, aname, 0, 0);
}

long windows_kernel32_FreeLibrary(struct xeno_thread *t, uint64_t h)
{
	return library_of(t, h) || h == win_proc.image_base ? 1
							    : win_fail(WIN_ERROR_INVALID_HANDLE);
}

long windows_kernel32_GetModuleHandleW(struct xeno_thread *t, uint64_t wname)
{
	if (!wname)
		return (long)win_proc.image_base;
	char name[1024];
	if (win_wstr_in(wname, name, sizeof name) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return load(t, name);
}

long windows_kernel32_GetModuleHandleA(struct xeno_thread *t, uint64_t aname)
{
	if (!aname)
		return (long)win_proc.image_base;
	char name[1024];
	if (xeno_strncpy_in(name, aname, sizeof name) < 0)
		return win_fail(WIN_ERROR_INVALID_PARAMETER);
	return load(t, name);
}

long windows_kernel32_GetProcAddress(struct xeno_thread *t, uint64_t h, uint64_t name)
{
	const struct xeno_library *lib = library_of(t, h);
	if (!lib)
		return win_fail(h == win_proc.image_base ? WIN_ERROR_PROC_NOT_FOUND
							 : WIN_ERROR_MOD_NOT_FOUND);
	uint64_t addr;
	if (name < 0x10000) {
		addr = pe_shim_export(lib, NULL, (unsigned)name);
	} else {
		char s[256];
		if (xeno_strncpy_in(s, name, sizeof s) < 0)
			return win_fail(WIN_ERROR_PROC_NOT_FOUND);
		addr = pe_shim_export(lib, s, 0);
	}
	return addr ? (long)addr : win_fail(WIN_ERROR_PROC_NOT_FOUND);
}

long windows_kernel32_GetModuleFileNameW(struct xeno_thread *t, uint64_t h, uint64_t buf,
					 unsigned int size)
{
	char path[4200];
	if (h && h != win_proc.image_base) {
		const struct xeno_library *lib = library_of(t, h);
		if (!lib)
			return win_fail(WIN_ERROR_MOD_NOT_FOUND);
		snprintf(path, sizeof path, "C:\\windows\\system32\\%s", lib->soname);
	} else {
		win_path_out(win_proc.exe_path, path, sizeof path);
	}
	uint32_t r = win_wstr_out(path, buf, size);
	if (r >= size && size) { /* truncated, NUL-terminated, as Windows does */
		win_wchar zero = 0;
		xeno_copy_out(buf + 2 * (size - 1), &zero, 2);
		win_set_error(WIN_ERROR_INSUFFICIENT_BUFFER);
		return size;
	}
	return r;
}
