/*
 * Vectored exception handlers, as Go's runtime uses them: faults in the
 * program's code reach the handlers as an EXCEPTION_RECORD and a CONTEXT,
 * and a handler that answers EXCEPTION_CONTINUE_EXECUTION resumes the
 * thread with the registers it left in the CONTEXT.
 *
 * Three faults at known instructions (labels in the assembly): a read of
 * address 0x10, a write to 0x20, an integer division by zero.  The
 * handler registered first (first = 1) only looks and passes on
 * (EXCEPTION_CONTINUE_SEARCH); the other recovers: it puts a value in RAX
 * and moves RIP past the faulting instruction.  Then that handler is
 * removed, and a fourth fault is passed on by the first alone: the process
 * dies of SIGSEGV (no handler wanted it).
 */
#include "win.h"

extern char read_at[], read_done[], write_at[], write_done[], div_at[], div_done[];

__attribute__((noinline)) static unsigned long long faulting_read(unsigned long long addr)
{
	unsigned long long v;
	__asm__ volatile(".globl read_at\nread_at: movq (%1), %0\n.globl read_done\nread_done:"
			 : "=a"(v)
			 : "r"(addr)
			 : "memory");
	return v;
}

__attribute__((noinline)) static unsigned long long faulting_write(unsigned long long addr)
{
	unsigned long long v = 0;
	__asm__ volatile(".globl write_at\nwrite_at: movq %1, (%2)\n.globl write_done\nwrite_done:"
			 : "+a"(v)
			 : "r"(7ULL), "r"(addr)
			 : "memory");
	return v;
}

__attribute__((noinline)) static unsigned long long faulting_divide(unsigned long long divisor)
{
	unsigned long long v = 100, rdx = 0;
	__asm__ volatile(".globl div_at\ndiv_at: divq %2\n.globl div_done\ndiv_done:"
			 : "+a"(v), "+d"(rdx)
			 : "r"(divisor));
	return v;
}

static int passes; /* calls of the handler that passes */
static char seen[160];
static unsigned nseen;

static void note(const char *s)
{
	while (*s && nseen < sizeof seen - 1)
		seen[nseen++] = *s++;
}

static void hex(unsigned long long v)
{
	char b[19] = "0x";
	int n = 2;
	for (int sh = 60; sh >= 0; sh -= 4)
		if ((v >> sh) & 15 || n > 2 || sh == 0)
			b[n++] = "0123456789abcdef"[(v >> sh) & 15];
	b[n] = 0;
	note(b);
}

static long pass_on(EXCEPTION_POINTERS *info)
{
	(void)info;
	passes++;
	return EXCEPTION_CONTINUE_SEARCH;
}

static long recover(EXCEPTION_POINTERS *info)
{
	EXCEPTION_RECORD *r = info->ExceptionRecord;
	CONTEXT *c = info->ContextRecord;
	char *done;
	if (c->Rip == (unsigned long long)read_at)
		done = read_done;
	else if (c->Rip == (unsigned long long)write_at)
		done = write_done;
	else if (c->Rip == (unsigned long long)div_at)
		done = div_done;
	else
		return EXCEPTION_CONTINUE_SEARCH;
	note("code ");
	hex(r->ExceptionCode);
	if (r->ExceptionAddress != (void *)c->Rip)
		note(" (address is not rip)");
	if (r->NumberParameters == 2) {
		note(" access ");
		hex(r->ExceptionInformation[0]);
		note(" at ");
		hex(r->ExceptionInformation[1]);
	}
	note("\n");
	c->Rax = 42;
	c->Rip = (unsigned long long)done;
	return EXCEPTION_CONTINUE_EXECUTION;
}

__attribute__((noreturn)) void start(void)
{
	void *late = AddVectoredExceptionHandler(0, recover);
	void *early = AddVectoredExceptionHandler(1, pass_on);
	if (!late || !early) {
		PUT("fault: no handler registered\n");
		ExitProcess(1);
	}
	unsigned long long a = faulting_read(0x10);
	unsigned long long b = faulting_write(0x20);
	unsigned long long c = faulting_divide(0);
	put(seen, nseen);
	int ok = a == 42 && b == 42 && c == 42 && passes == 3;
	if (ok)
		PUT("fault: recovered three times, rax 42 each, the first handler passed 3\n");
	else
		PUT("fault: recovery went wrong\n");
	if (!RemoveVectoredExceptionHandler(late) || RemoveVectoredExceptionHandler(late)) {
		PUT("fault: RemoveVectoredExceptionHandler went wrong\n");
		ExitProcess(1);
	}
	PUT("fault: now unhandled\n");
	faulting_read(0x30);
	PUT("fault: still alive\n");
	ExitProcess(ok ? 0 : 1);
}
