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
__declspec(dllimport) void Sleep(DWORD ms);
__declspec(dllimport) DWORD GetCurrentThreadId(void);

/* Exceptions (winnt.h: EXCEPTION_RECORD, CONTEXT's integer and control
 * registers at their offsets, EXCEPTION_POINTERS; excpt.h: what a handler
 * returns). */
typedef struct {
	DWORD ExceptionCode, ExceptionFlags;
	void *ExceptionRecord, *ExceptionAddress;
	DWORD NumberParameters;
	unsigned long long ExceptionInformation[15];
} EXCEPTION_RECORD;
typedef struct {
	unsigned long long P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
	DWORD ContextFlags, MxCsr;
	unsigned short SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
	DWORD EFlags;
	unsigned long long Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
	unsigned long long Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi;
	unsigned long long R8, R9, R10, R11, R12, R13, R14, R15, Rip;
	/* the FPU state and the rest follow */
} CONTEXT;
typedef struct {
	EXCEPTION_RECORD *ExceptionRecord;
	CONTEXT *ContextRecord;
} EXCEPTION_POINTERS;
typedef long (*PVECTORED_EXCEPTION_HANDLER)(EXCEPTION_POINTERS *info);
#define EXCEPTION_CONTINUE_EXECUTION (-1)
#define EXCEPTION_CONTINUE_SEARCH    0
__declspec(dllimport) void *AddVectoredExceptionHandler(DWORD first,
							PVECTORED_EXCEPTION_HANDLER handler);
__declspec(dllimport) DWORD RemoveVectoredExceptionHandler(void *handle);

/* Console control (wincon.h). */
#define CTRL_C_EVENT 0
typedef BOOL (*PHANDLER_ROUTINE)(DWORD event);
__declspec(dllimport) BOOL SetConsoleCtrlHandler(PHANDLER_ROUTINE routine, BOOL add);

/* Writes the n bytes at s to standard output; whether all were written. */
static inline int put(const char *s, DWORD n)
{
	DWORD written = 0;
	return WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, n, &written, 0) && written == n;
}

#define PUT(lit) put(lit, sizeof lit - 1)

#endif
