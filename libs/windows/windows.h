/*
 * Windows (PE32+ x86-64 console programs): what the shim DLLs of
 * libs/windows/ share.  Their functions are entered in the Microsoft
 * convention (core/libgate_ms.S) and run on the calling thread's stack with
 * glibc's FS base loaded (the guest owns GS: its TEB), so they may use
 * glibc freely.  A handler returns the function's value; a failing one
 * records its Windows error in the TEB (win_fail...) or returns a negated
 * host errno for its spec's convention to turn into one (ZERO: 0 and
 * LastError).
 */
#ifndef XENO_LIBS_WINDOWS_H
#define XENO_LIBS_WINDOWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/windows/errors.h"
#include "abi/windows/nt.h"
#include <sys/ucontext.h>
#include "core/personality.h"

struct xeno_thread;
struct xeno_image;
struct xeno_entry;
struct xeno_sigaction;

extern const struct xeno_personality windows_personality;
extern const struct xeno_library *const windows_libraries[];

/* ---- threads (libs/windows/thread.c) ---- */

/* What xeno keeps of a Windows thread: after its TEB, in the same block, so
 * that %gs:0x30 finds both. */
struct win_thread {
	struct win_teb *teb;
	struct xeno_thread *xt;		 /* set once it runs */
	uint64_t stack_base, stack_size; /* its guest stack (xeno's to free) */
	struct win_object *object;	 /* its thread object: signalled when it ends */
	uint32_t tid;
	void *tls_block; /* the program's TLS block (TEB ThreadLocalStoragePointer[0]) */
	uint64_t tls_array[1];
};
#define WIN_TEB_SIZE 0x2000 /* the TEB's pages; struct win_thread follows */

/* The calling thread's TEB and state (through %gs:0x30). */
static inline struct win_teb *win_teb(void)
{
	struct win_teb *teb;
	__asm__ volatile("movq %%gs:0x30, %0" : "=r"(teb));
	return teb;
}
static inline struct win_thread *win_self(void)
{
	return (struct win_thread *)((char *)win_teb() + WIN_TEB_SIZE);
}

/* Records code as the calling thread's last error (SetLastError). */
static inline void win_set_error(uint32_t code)
{
	win_teb()->last_error_value = code;
}
/* Sets the last error and returns 0 (a BOOL or HANDLE function's failure). */
static inline long win_fail(uint32_t code)
{
	win_set_error(code);
	return 0;
}
/* The same with the Windows error for a negated host errno. */
long win_fail_errno(long neg_errno);

/* A new thread's TEB block with its guest stack of stack_size bytes (0: the
 * image's default): NULL when out of memory. */
struct win_thread *win_thread_new(uint64_t stack_size);
/* Frees w's TEB block and TLS block, not its stack. */
void win_thread_free_block(struct win_thread *w);
/* Frees blocks of threads that have ended. */
void win_thread_reap(void);
/* The personality's hook (core/personality.h set_lib_error). */
void windows_set_lib_error(struct xeno_thread *t, int code);

/* ---- the process (libs/windows/process.c) ---- */

struct win_process {
	struct win_peb *peb;
	struct win_process_parameters *params;
	struct win_thread *main_thread;
	uint64_t image_base;
	char exe_path[4096]; /* Linux path of the program */
};
extern struct win_process win_proc;

int windows_build_stack(const struct xeno_image *img, char *const argv[], char *const envp[],
			struct xeno_entry *entry);

/* KUSER_SHARED_DATA (libs/windows/kuser.c): mapped once; refreshed by a
 * host thread every millisecond and by win_kuser_refresh. */
int win_kuser_map(void);
void win_kuser_start(void);
void win_kuser_refresh(void);
/* 100 ns units: since boot (InterruptTime), since 1601 (SystemTime). */
uint64_t win_interrupt_time(void);
uint64_t win_system_time(void);

/* ---- strings (libs/windows/wstr.c) ---- */

/* Length in UTF-16 units of the guest's NUL-terminated wide string at p
 * (at most max), or -1 if it cannot be read. */
long win_wcslen(uint64_t p, size_t max);
/* The guest's wide string at p as UTF-8 in out (size bytes): its length,
 * or -1 (unreadable, too long). */
long win_wstr_in(uint64_t p, char *out, size_t size);
/* UTF-8 s (n bytes) to UTF-16 in out (room units, no NUL added): units
 * written, or the units needed if more than room. */
size_t win_utf8_to_utf16(const char *s, size_t n, win_wchar *out, size_t room);
/* UTF-16 w (n units) to UTF-8 in out (size bytes, no NUL added): bytes
 * written, or needed. */
size_t win_utf16_to_utf8(const win_wchar *w, size_t n, char *out, size_t size);
/* Copies UTF-8 s as a NUL-terminated wide string into the guest's buffer of
 * room units the way GetCurrentDirectoryW and friends answer: the length
 * without the NUL when it fits, else the room needed with the NUL. */
uint32_t win_wstr_out(const char *s, uint64_t buf, uint32_t room);

/* ---- handles (libs/windows/handle.c) ---- */

enum win_kind {
	WIN_FILE = 1, /* a descriptor: file, directory, pipe, terminal */
	WIN_EVENT,
	WIN_TIMER,
	WIN_THREAD,
	WIN_IOCP,
	WIN_SOCKET,
	WIN_FIND, /* FindFirstFileW's search */
};

/* Pseudo-handles (winbase.h GetCurrentProcess, GetCurrentThread). */
#define WIN_CURRENT_PROCESS ((uint64_t)-1)
#define WIN_CURRENT_THREAD  ((uint64_t)-2)

struct win_waiter;

struct win_object {
	enum win_kind kind;
	int refs; /* handles and users; freed at 0 */
	/* waitable objects (libs/windows/sync.c): who waits on it */
	struct win_wait_entry *waiters;
	union {
		struct {
			int fd;
			bool console;	 /* a terminal: GetConsoleMode succeeds */
			bool directory;	 /* opened as a directory */
			bool overlapped; /* FILE_FLAG_OVERLAPPED */
			bool append;	 /* FILE_APPEND_DATA only */
			bool delete_on_close;
			char *path;		 /* the Linux path it was opened by, or NULL */
			void *dir;		 /* the directory listing's state */
			struct win_object *iocp; /* the completion port it is bound to */
			uint64_t iocp_key;
			bool skip_on_success;	 /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS */
			struct win_socket *sock; /* a socket's (libs/windows/net.h) */
		} file;
		struct {
			bool manual, signalled;
		} event;
		struct {
			bool manual, signalled;
			uint64_t due;	 /* CLOCK_MONOTONIC ns; 0: not set */
			uint64_t period; /* ns; 0: once */
		} timer;
		struct {
			struct win_thread *thread;
			bool ended;
			uint32_t exit_code;
			uint32_t tid;
			int suspend; /* SuspendThread's count */
		} thread;
		struct win_iocp *iocp;
		struct {
			void *search; /* libs/windows/find.c */
		} find;
	};
};

/* A new object of kind (refs 1), its handle in *h: NULL when out of memory
 * or handles. */
struct win_object *win_object_new(enum win_kind kind, uint64_t *h);
/* The object behind handle h with a reference taken (win_put gives it
 * back), or NULL: a pseudo-handle, or not a handle. */
struct win_object *win_get(uint64_t h);
/* The same when h is of kind; sets ERROR_INVALID_HANDLE otherwise. */
struct win_object *win_get_kind(uint64_t h, enum win_kind kind);
void win_put(struct win_object *o);
/* A new handle for o (a reference taken): 0 if there is no room. */
uint64_t win_handle_add(struct win_object *o);
/* Closes h: 0, or -EBADF. */
int win_handle_close(uint64_t h);
/* Standard handles: created at start for descriptors 0, 1, 2. */
void win_std_handles_init(void);
uint64_t win_std_handle(int which); /* 0, 1, 2 */
/* A handle for descriptor fd (taken over): 0 on failure. */
uint64_t win_file_handle(int fd, const char *path, bool directory);

/* ---- waiting (libs/windows/sync.c) ---- */

#define WIN_INFINITE	  0xffffffffu
#define WIN_WAIT_OBJECT_0 0u
#define WIN_WAIT_FAILED	  0xffffffffu

/* Wakes the waiters on o after its state changed; under the sync lock. */
void win_sync_lock(void);
void win_sync_unlock(void);
void win_wake_waiters(struct win_object *o);
/* The thread object's end: signalled, waiters woken. */
void win_thread_object_end(struct win_object *o, uint32_t code);
/* Monotonic clock in ns. */
uint64_t win_now_ns(void);
/* Sleeps ms milliseconds (WIN_INFINITE: for ever). */
void win_sleep_ms(uint32_t ms);

/* ---- memory (libs/windows/memory.c) ---- */

/* Records guest memory xeno allocated itself (thread stacks) as one
 * reservation, committed read-write, so VirtualQuery describes it. */
void win_memory_record(uint64_t base, uint64_t size);
void win_memory_forget(uint64_t base);

/* ---- exceptions and signals (libs/windows/exception.c) ---- */

/* The personality's deliver_signal: guest faults become exceptions for
 * the vectored handlers; Ctrl-C reaches the console control handlers. */
void windows_deliver_signal(struct xeno_thread *t, ucontext_t *uc, int sig, const siginfo_t *si,
			    const struct xeno_sigaction *act, const sigset_t *old_mask);
/* Takes over the host signals Windows programs meet (at start). */
void win_exceptions_init(void);
/* Makes host signal sig reach windows_deliver_signal. */
void win_take_signal(int sig);
/* CONTEXT <-> host registers, by the CONTEXT_* flags (libs/windows/context.c). */
struct win_context;
void win_context_from_regs(struct win_context *c, const greg_t *g, uint32_t flags);
void win_context_to_regs(const struct win_context *c, greg_t *g, uint32_t flags);
/* A console control signal (SIGINT: Ctrl-C) for the console control
 * handlers (libs/windows/console_ctrl.c): whether sig was one. */
bool win_console_signal(struct xeno_thread *t, int sig);

/* ---- paths (libs/windows/path.c) ---- */

/* The Linux path for the guest's wide path at p, as Wine maps them (Z:\ is
 * /, \\?\ and \??\ prefixes, \\?\unix\, / or \ separators, relative to the
 * current directory): 0, or a Windows error code. */
int win_path_in(uint64_t p, char *out, size_t size);
/* The same for a UTF-8 Windows path. */
int win_path_from_utf8(const char *in, char *out, size_t size);
/* The Windows form of Linux path in: Z:\a\b. */
void win_path_out(const char *in, char *out, size_t size);

/* ---- environment and command line (libs/windows/env.c) ---- */

/* Builds the process's UTF-16 environment block and command line. */
int win_env_init(char *const envp[]);
uint64_t win_env_block(void);
uint64_t win_command_line(char *const argv[], size_t *units);

/* Appends argument arg to the command line in out as Windows programs
 * parse it back (CommandLineToArgvW's rules): quoted when it has spaces,
 * tabs or quotes or is empty, backslashes doubled before a quote. */
size_t win_quote_arg(const char *arg, char *out, size_t size);

#endif
