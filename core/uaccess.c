#include "core/uaccess.h"

#include <errno.h>

long xeno_raw_copy(void *dst, const void *src, size_t n);
long xeno_raw_strncpy(char *dst, const char *src, size_t max);
extern const char xeno_uaccess_begin[], xeno_uaccess_end[], xeno_uaccess_fault[];

static bool user_range_ok(uint64_t addr, size_t n)
{
	return addr < XENO_USER_END && n <= XENO_USER_END - addr;
}

long xeno_copy_in(void *dst, uint64_t guest_src, size_t n)
{
	if (n == 0)
		return 0;
	if (!user_range_ok(guest_src, n))
		return -EFAULT;
	return xeno_raw_copy(dst, (const void *)guest_src, n);
}

long xeno_copy_out(uint64_t guest_dst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (!user_range_ok(guest_dst, n))
		return -EFAULT;
	return xeno_raw_copy((void *)guest_dst, src, n);
}

long xeno_strncpy_in(char *dst, uint64_t guest_src, size_t max)
{
	if (max == 0)
		return -ENAMETOOLONG;
	if (guest_src >= XENO_USER_END)
		return -EFAULT;
	size_t room = XENO_USER_END - guest_src;
	long n = xeno_raw_strncpy(dst, (const char *)guest_src, max < room ? max : room);
	if (n < 0)
		return n;
	if ((size_t)n == max) {
		dst[max - 1] = '\0';
		return -ENAMETOOLONG;
	}
	if ((size_t)n == room)
		return -EFAULT;
	return n;
}

bool xeno_uaccess_fixup(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t rip = g[REG_RIP];
	if (rip < (uint64_t)xeno_uaccess_begin || rip >= (uint64_t)xeno_uaccess_end)
		return false;
	g[REG_RIP] = (greg_t)xeno_uaccess_fault;
	return true;
}
