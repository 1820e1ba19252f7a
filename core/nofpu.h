/* Code that may run before the guest's FP state is saved (a patched site's
 * NOFPU calls, core/syscall.h XENO_SYF_NOFPU): the compiler may not use an
 * SSE/AVX register in it, and it calls only functions built the same way. */
#ifndef XENO_CORE_NOFPU_H
#define XENO_CORE_NOFPU_H

#define XENO_NOFPU __attribute__((target("general-regs-only")))

#endif
