/*
 * Exceptions in C for the unwinding samples: the level-1 interface of
 * libgcc_s.so.1 (LLVM's unwind.h), and frames that have a personality
 * routine, written in assembly since C gives a function no way to name
 * its own.  EH_FRAME(name, kind) defines
 *     long name(long (*fn)(long), long arg)
 * which returns fn(arg); when an exception of the samples' class unwinds
 * through that call, name_landed(exception) (the includer's) is called at
 * the frame's landing pad, and then: EH_CATCH returns what it returned,
 * EH_CLEANUP goes on unwinding (_Unwind_Resume).  The personality routine
 * (eh_personality, one copy in each object) reads the frame's own little
 * LSDA: kind, then where the call starts and ends and the landing pad, as
 * offsets from the function's start.
 */
#ifndef SAMPLE_EH_H
#define SAMPLE_EH_H

#include "libc.h"

struct _Unwind_Context;
struct _Unwind_Exception {
	unsigned long exception_class;
	void (*exception_cleanup)(int reason, struct _Unwind_Exception *exc);
	unsigned long private_1, private_2;
} __attribute__((aligned(16)));

int _Unwind_RaiseException(struct _Unwind_Exception *exc);
void _Unwind_Resume(struct _Unwind_Exception *exc) __attribute__((noreturn));
void _Unwind_DeleteException(struct _Unwind_Exception *exc);
typedef int (*_Unwind_Stop_Fn)(int version, int actions, unsigned long exception_class,
			       struct _Unwind_Exception *exc, struct _Unwind_Context *context,
			       void *stop_arg);
int _Unwind_ForcedUnwind(struct _Unwind_Exception *exc, _Unwind_Stop_Fn stop, void *stop_arg);
void *_Unwind_GetLanguageSpecificData(struct _Unwind_Context *context);
unsigned long _Unwind_GetRegionStart(struct _Unwind_Context *context);
unsigned long _Unwind_GetIPInfo(struct _Unwind_Context *context, int *ip_before_insn);
void _Unwind_SetGR(struct _Unwind_Context *context, int index, unsigned long value);
void _Unwind_SetIP(struct _Unwind_Context *context, unsigned long value);

#define URC_NO_REASON		  0
#define URC_FOREIGN_EXCEPTION_CAUGHT 1
#define URC_FATAL_PHASE2_ERROR	  2
#define URC_END_OF_STACK	  5
#define URC_HANDLER_FOUND	  6
#define URC_INSTALL_CONTEXT	  7
#define URC_CONTINUE_UNWIND	  8
#define UA_SEARCH_PHASE		  1
#define UA_CLEANUP_PHASE	  2
#define UA_HANDLER_FRAME	  4
#define UA_FORCE_UNWIND		  8
#define UA_END_OF_STACK		  16

/* "XENO" "SMPL": the samples' exceptions */
#define EH_CLASS 0x584e454f534d504cul

#define EH_CATCH   1
#define EH_CLEANUP 2

struct eh_lsda {
	int kind;
	int call_start, call_end, landing;
};

/* The landing pads find the exception in rax (DWARF register 0). */
__attribute__((used)) static int eh_personality(int version, int actions, unsigned long cls,
						 struct _Unwind_Exception *exc,
						 struct _Unwind_Context *context)
{
	const struct eh_lsda *l = _Unwind_GetLanguageSpecificData(context);
	unsigned long start = _Unwind_GetRegionStart(context);
	int before = 0;
	unsigned long ip = _Unwind_GetIPInfo(context, &before);
	if (!before)
		ip--; /* a return address: the call is before it */
	if (version != 1 || cls != EH_CLASS || !l || ip < start + l->call_start ||
	    ip >= start + l->call_end)
		return URC_CONTINUE_UNWIND;
	int catches = l->kind == EH_CATCH && !(actions & UA_FORCE_UNWIND);
	if (actions & UA_SEARCH_PHASE)
		return catches ? URC_HANDLER_FOUND : URC_CONTINUE_UNWIND;
	if (l->kind == EH_CATCH && !catches)
		return URC_CONTINUE_UNWIND;
	_Unwind_SetGR(context, 0, (unsigned long)exc);
	_Unwind_SetIP(context, start + l->landing);
	return URC_INSTALL_CONTEXT;
}

#define EH_STR_(x) #x
#define EH_STR(x)  EH_STR_(x)
#define EH_AFTER_CATCH	 "\tpopq %rbx\n\t.cfi_def_cfa_offset 8\n\tret\n"
#define EH_AFTER_CLEANUP "\tmovq %rbx, %rdi\n\tcall _Unwind_Resume@PLT\n\tud2\n"
#define EH_FRAME(name, kind)                                                                   \
	long name(long (*fn)(long), long arg);                                                 \
	__asm__(".text\n\t.globl " #name "\n\t.type " #name ", @function\n" #name ":\n"        \
		"\t.cfi_startproc\n"                                                           \
		"\t.cfi_personality 0x1b, eh_personality\n"                                    \
		"\t.cfi_lsda 0x1b, " #name "_lsda\n"                                           \
		"\tpushq %rbx\n\t.cfi_def_cfa_offset 16\n\t.cfi_offset %rbx, -16\n"            \
		"\tmovq %rdi, %rax\n\tmovq %rsi, %rdi\n" #name "_call:\n"                      \
		"\tcall *%rax\n" #name "_call_end:\n"                                          \
		"\tpopq %rbx\n\t.cfi_def_cfa_offset 8\n\tret\n"                                \
		"\t.cfi_def_cfa_offset 16\n" #name "_landing:\n"                               \
		"\tmovq %rax, %rbx\n\tmovq %rax, %rdi\n\tcall " #name "_landed\n"              \
		kind##_AFTER "\t.cfi_endproc\n\t.size " #name ", .-" #name "\n"                \
		"\t.section .rodata\n\t.p2align 2\n" #name "_lsda:\n"                          \
		"\t.long " EH_STR(kind) "\n"                                                   \
		"\t.long " #name "_call - " #name "\n"                                         \
		"\t.long " #name "_call_end - " #name "\n"                                     \
		"\t.long " #name "_landing - " #name "\n"                                      \
		"\t.text\n")
#define EH_CATCH_AFTER	 EH_AFTER_CATCH
#define EH_CLEANUP_AFTER EH_AFTER_CLEANUP

#endif
