/*
 * What the Windows samples use of kernel32, declared here instead of taken
 * from an SDK: the few functions (imported through the IAT: dllimport) and
 * constants, as Wine's include/winbase.h and include/winnt.h give them
 * (wine-mirror/wine).  On x86-64 there is one calling convention, the
 * Microsoft one, which is clang's default for the windows-gnu target.
 */
#ifndef XENO_SAMPLES_WINDOWS_WIN_H
#define XENO_SAMPLES_WINDOWS_WIN_H

typedef void *HANDLE;
typedef unsigned int DWORD; /* 32 bits, as LLP64's unsigned long */
typedef int BOOL;

#define STD_OUTPUT_HANDLE  ((DWORD)-11) /* winbase.h */
#define DLL_PROCESS_ATTACH 1		/* winnt.h: a TLS callback's reason at start */

__declspec(dllimport) HANDLE GetStdHandle(DWORD which);
__declspec(dllimport) BOOL
    WriteFile(HANDLE h, const void *buf, DWORD n, DWORD *written, void *overlapped);
__declspec(dllimport) __attribute__((noreturn)) void ExitProcess(unsigned code);
__declspec(dllimport) HANDLE LoadLibraryA(const char *name);
__declspec(dllimport) void *GetProcAddress(HANDLE module, const char *name);

/* Writes the n bytes at s to standard output; whether all were written. */
static inline int put(const char *s, DWORD n)
{
	DWORD written = 0;
	return WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, n, &written, 0) && written == n;
}

#define PUT(lit) put(lit, sizeof lit - 1)

#endif
