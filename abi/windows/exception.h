/*
 * Exceptions as Windows reports them: the status codes a processor fault
 * becomes (winnt.h / ntstatus.h: wine-mirror/wine include/winnt.h, the
 * STATUS_* values), what handlers return (EXCEPTION_CONTINUE_EXECUTION
 * -1, EXCEPTION_CONTINUE_SEARCH 0, EXCEPTION_EXECUTE_HANDLER 1: excpt.h)
 * and EXCEPTION_POINTERS (winnt.h).  EXCEPTION_RECORD and CONTEXT are in
 * abi/windows/context.h.
 */
#ifndef XENO_ABI_WINDOWS_EXCEPTION_H
#define XENO_ABI_WINDOWS_EXCEPTION_H

#include <stddef.h>
#include <stdint.h>

#define WIN_STATUS_BREAKPOINT		   0x80000003u
#define WIN_STATUS_SINGLE_STEP		   0x80000004u
#define WIN_STATUS_ACCESS_VIOLATION	   0xc0000005u
#define WIN_STATUS_IN_PAGE_ERROR	   0xc0000006u
#define WIN_STATUS_ILLEGAL_INSTRUCTION	   0xc000001du
#define WIN_STATUS_FLOAT_DENORMAL_OPERAND  0xc000008du
#define WIN_STATUS_FLOAT_DIVIDE_BY_ZERO	   0xc000008eu
#define WIN_STATUS_FLOAT_INEXACT_RESULT	   0xc000008fu
#define WIN_STATUS_FLOAT_INVALID_OPERATION 0xc0000090u
#define WIN_STATUS_FLOAT_OVERFLOW	   0xc0000091u
#define WIN_STATUS_FLOAT_UNDERFLOW	   0xc0000093u
#define WIN_STATUS_INTEGER_DIVIDE_BY_ZERO  0xc0000094u
#define WIN_STATUS_INTEGER_OVERFLOW	   0xc0000095u
#define WIN_STATUS_PRIVILEGED_INSTRUCTION  0xc0000096u
#define WIN_STATUS_CONTROL_C_EXIT	   0xc000013au

/* An access violation's first parameter: what the access was. */
#define WIN_ACCESS_READ	   0
#define WIN_ACCESS_WRITE   1
#define WIN_ACCESS_EXECUTE 8

#define WIN_EXCEPTION_CONTINUE_EXECUTION (-1)
#define WIN_EXCEPTION_CONTINUE_SEARCH	 0
#define WIN_EXCEPTION_EXECUTE_HANDLER	 1

struct win_exception_pointers {
	uint64_t record;  /* EXCEPTION_RECORD * */
	uint64_t context; /* CONTEXT * */
};
_Static_assert(sizeof(struct win_exception_pointers) == 16, "EXCEPTION_POINTERS");

/* Console control events (wincon.h: CTRL_C_EVENT...). */
#define WIN_CTRL_C_EVENT     0
#define WIN_CTRL_BREAK_EVENT 1
#define WIN_CTRL_CLOSE_EVENT 2

#endif
