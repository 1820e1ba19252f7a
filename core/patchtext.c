/* Writing code for core/patch.c: see core/patchtext.h. */
#include "core/patchtext.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/membarrier.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "core/fd.h"
#include "core/host.h"
#include "core/hostmem.h"
#include "core/uaccess.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PAGE 4096ULL

/* ---- /proc/self/mem ---- */

static int mem_fd = -1;
static bool mem_stale; /* a forked child's: the parent's memory */
static bool synced;    /* membarrier SYNC_CORE registered for this process */

static long open_mem(void)
{
	return xeno_raw_syscall4(SYS_openat, AT_FDCWD, (long)"/proc/self/mem", O_RDWR | O_CLOEXEC,
				 0);
}

bool xeno_text_open(void)
{
	if (mem_fd >= 0 && !mem_stale)
		return true;
	long fd = open_mem();
	if (fd < 0)
		return false;
	if (mem_fd < 0) {
		int high = xeno_fd_move_high((int)fd);
		if (high < 0)
			return false;
		mem_fd = high;
	} else { /* keep the reserved number */
		long r = xeno_raw_syscall4(SYS_dup3, fd, mem_fd, O_CLOEXEC, 0);
		xeno_raw_syscall4(SYS_close, fd, 0, 0, 0);
		if (r < 0)
			return false;
	}
	mem_stale = false;
	return true;
}

bool xeno_text_is_open(void)
{
	return mem_fd >= 0;
}

void xeno_text_after_fork(void)
{
	mem_stale = mem_fd >= 0;
	synced = false; /* registrations are per address space */
}

int xeno_text_write(uint64_t addr, const void *bytes, size_t n)
{
	if (mem_stale && !xeno_text_open())
		return -EBADF;
	long r = xeno_raw_syscall4(SYS_pwrite64, mem_fd, (long)bytes, (long)n, (long)addr);
	return r == (long)n ? 0 : r < 0 ? (int)r : -EIO;
}

/* Every CPU running one of the process's threads executes a serialising
 * instruction before it runs user code again. */
int xeno_text_sync_ready(void)
{
	if (synced)
		return 0;
	long r = xeno_raw_syscall4(SYS_membarrier,
				   MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0, 0, 0);
	synced = r == 0;
	return (int)r;
}

static int sync_cores(void)
{
	int err = xeno_text_sync_ready();
	if (err)
		return err;
	return (int)xeno_raw_syscall4(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0,
				      0, 0);
}

int xeno_text_poke5(uint64_t addr, const uint8_t *new5, bool threads)
{
	if (!threads) /* no one else runs this code: the thread itself does not */
		return xeno_text_write(addr, new5, 5);
	/* As text_poke_bp: no CPU may see the old first byte with the new
	 * others, so the int3 is everywhere before they change, and they are
	 * everywhere before the first byte does.  (A CPU that still sees the
	 * int3 after that traps, and core/patch.c sends it on.) */
	static const uint8_t int3 = 0xcc;
	int err = xeno_text_sync_ready();
	if (err || (err = xeno_text_write(addr, &int3, 1)) || (err = sync_cores()) ||
	    (err = xeno_text_write(addr + 1, new5 + 1, 4)) || (err = sync_cores()))
		return err;
	return xeno_text_write(addr, new5, 1);
}

/* ---- which pages may be patched: /proc/self/maps ---- */

/* Mappings looked up already: [lo, hi) and whether they may be patched. */
static struct vma {
	uint64_t lo, hi;
	bool ok;
} known[8];
static unsigned nknown, next_victim;

static uint64_t hex(const char **p)
{
	uint64_t v = 0;
	for (;; (*p)++) {
		char c = **p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return v;
		v = v << 4 | (uint64_t)d;
	}
}

/* "lo-hi perms ...": true when it covers addr; *v what it says. */
static bool parse_line(const char *line, uint64_t addr, struct vma *v)
{
	const char *p = line;
	v->lo = hex(&p);
	if (*p++ != '-')
		return false;
	v->hi = hex(&p);
	if (*p++ != ' ' || addr < v->lo || addr >= v->hi)
		return false;
	/* perms: r w x p|s */
	v->ok = p[1] == '-' && p[2] == 'x' && p[3] == 'p';
	return true;
}

/* Reads /proc/self/maps up to the line covering addr (lines come in
 * address order): true and *v if there is one. */
static bool read_maps(uint64_t addr, struct vma *v)
{
	long fd = xeno_raw_syscall4(SYS_openat, AT_FDCWD, (long)"/proc/self/maps",
				    O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return false;
	char buf[2048], line[64];
	size_t used = 0;
	bool found = false, done = false;
	while (!done) {
		long n = xeno_raw_syscall4(SYS_read, fd, (long)buf, sizeof buf, 0);
		if (n <= 0)
			break;
		for (long i = 0; i < n && !done; i++) {
			if (buf[i] != '\n') {
				if (used < sizeof line - 1)
					line[used++] = buf[i];
				continue;
			}
			line[used] = '\0';
			used = 0;
			if (parse_line(line, addr, v))
				found = done = true;
			else if (v->lo > addr) /* past it: a hole */
				done = true;
		}
	}
	xeno_raw_syscall4(SYS_close, fd, 0, 0, 0);
	return found;
}

static bool page_ok(uint64_t addr)
{
	for (unsigned i = 0; i < nknown; i++)
		if (addr >= known[i].lo && addr < known[i].hi)
			return known[i].ok;
	struct vma v;
	if (!read_maps(addr, &v))
		return false;
	if (nknown < sizeof known / sizeof known[0])
		known[nknown++] = v;
	else
		known[next_victim++ % nknown] = v;
	return v.ok;
}

bool xeno_text_patchable(uint64_t addr, uint64_t len)
{
	return page_ok(addr) && page_ok(addr + len - 1);
}

void xeno_text_forget(uint64_t addr, uint64_t len)
{
	uint64_t end = addr + len;
	for (unsigned i = 0; i < nknown;)
		if (known[i].lo < end && addr < known[i].hi)
			known[i] = known[--nknown];
		else
			i++;
}

/* ---- trampoline pages ---- */

/* A page at addr (MAP_FIXED_NOREPLACE: nothing is ever mapped over), or,
 * with fixed false, wherever the kernel puts one asked for there. */
static uint64_t map_page(uint64_t addr, bool fixed)
{
	long r = xeno_raw_syscall(SYS_mmap, (long)addr, PAGE, PROT_READ | PROT_EXEC,
				  MAP_PRIVATE | MAP_ANONYMOUS | (fixed ? MAP_FIXED_NOREPLACE : 0),
				  -1, 0);
	if (r < 0)
		return 0;
	if (fixed && (uint64_t)r != addr) { /* a kernel before 4.17 */
		xeno_raw_syscall4(SYS_munmap, r, PAGE, 0, 0);
		return 0;
	}
	return (uint64_t)r;
}

static bool within(uint64_t a, uint64_t b, uint64_t reach)
{
	return (a > b ? a - b : b - a) < reach;
}

uint64_t xeno_text_tramp_page(uint64_t near, uint64_t entry)
{
	const uint64_t step = 64 * 1024, reach = (1ULL << 31) - (1ULL << 20), low = 1ULL << 20;
	for (unsigned i = 0; i < nknown; i++) /* from the start of the site's mapping */
		if (near >= known[i].lo && near < known[i].hi)
			near = known[i].lo;
	uint64_t base = near & ~(step - 1), page = 0;
	/* Right below the site's mapping (above a program's data may lie its
	 * heap); else where the kernel puts a page asked for there; else the
	 * first free place further down or up. */
	if (base > low + step)
		page = map_page(base - step, true);
	if (!page && (page = map_page(base > low + step ? base - step : base, false)) &&
	    !within(page, near, reach)) {
		xeno_raw_syscall4(SYS_munmap, (long)page, PAGE, 0, 0);
		page = 0;
	}
	for (uint64_t d = 2 * step; d < reach && !page; d += d < (16ULL << 20) ? step : d) {
		if (base > low + d)
			page = map_page(base - d, true);
		if (!page && d >= (4ULL << 20) && base + d + PAGE < XENO_USER_END)
			page = map_page(base + d, true);
	}
	if (!page)
		return 0;
	if (xeno_hostmem_add(page, PAGE) < 0 || xeno_text_write(page, &entry, sizeof entry) < 0) {
		xeno_raw_syscall4(SYS_munmap, (long)page, PAGE, 0, 0);
		return 0;
	}
	return page;
}
