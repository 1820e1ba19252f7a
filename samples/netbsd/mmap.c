/*
 * Memory mappings the way a NetBSD program makes them: mmap's offset is
 * its seventh argument, after a padding slot, and comes from the user
 * stack (sys/arch/x86/x86/syscall.c); anonymous memory, protection
 * changes, fixed placement, MAP_ALIGNED, file mappings at an offset, and
 * the errors of sys/uvm/uvm_mmap.c.  One line per check, ending in "ok"
 * when it passed; exit status 0 only if all passed.
 *
 *   mmap DIRECTORY   run the checks; a scratch file goes into DIRECTORY
 *   mmap crash       write to a page made read-only: the program dies of
 *                    SIGSEGV after its earlier output is out
 */
#include "mini.h"

#define NPAGES 4

static void check(const char *what, int passed)
{
	mini_printf("%s %s\n", what, passed ? "ok" : "FAILED");
	mini_failures += !passed;
}

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + i / PAGE_SIZE + 1);
}

static int has_pattern(const unsigned char *p, size_t from, size_t n)
{
	for (size_t i = from; i < from + n; i++)
		if (p[i - from] != pattern(i))
			return 0;
	return 1;
}

static int is_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* mmap(addr, len, prot, flags, fd, pad, pos) */
static long map(void *addr, size_t len, int prot, int flags, long fd, long pos)
{
	return SYS7(mmap, addr, len, prot, flags, fd, 0, pos);
}

static unsigned char *map_anon(size_t len)
{
	long r = map(NULL, len, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
	return r < 0 ? NULL : (unsigned char *)r;
}

static void anonymous(void)
{
	const size_t len = NPAGES * PAGE_SIZE;
	unsigned char *p = map_anon(len);
	check("mmap(anonymous) gives zeroed, page-aligned memory",
	      p && ((uintptr_t)p & (PAGE_SIZE - 1)) == 0 && is_zero(p, len));
	if (!p)
		return;
	for (size_t i = 0; i < len; i++)
		p[i] = pattern(i);
	check("mmap(anonymous) keeps what is written", has_pattern(p, 0, len));
	check("mprotect(PROT_READ)",
	      SYS3(mprotect, p, len, PROT_READ) == 0 && has_pattern(p, 0, len));
	check("mprotect(PROT_READ|PROT_WRITE)",
	      SYS3(mprotect, p, len, PROT_READ | PROT_WRITE) == 0);
	long r = map(p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE,
		     MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	check("mmap(MAP_FIXED) over the second page", r == (long)(p + PAGE_SIZE));
	check("MAP_FIXED page is new and zeroed, its neighbours untouched",
	      is_zero(p + PAGE_SIZE, PAGE_SIZE) && has_pattern(p, 0, PAGE_SIZE) &&
		  has_pattern(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, 2 * PAGE_SIZE));
	check("munmap", SYS2(munmap, p, len) == 0);

	/* MAP_ALIGNED(n): the mapping starts on a 2^n boundary */
	r = map(NULL, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(21), -1, 0);
	check("mmap(MAP_ALIGNED(21)) starts on 2 MiB", r > 0 && (r & ((1L << 21) - 1)) == 0);
	if (r > 0)
		SYS2(munmap, r, PAGE_SIZE);
}

static long make_file(const char *name, size_t len)
{
	static unsigned char buf[3 * PAGE_SIZE];
	for (size_t i = 0; i < len && i < sizeof buf; i++)
		buf[i] = pattern(i);
	long fd = SYS3(open, name, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || mini_write_all((int)fd, buf, len) < 0) {
		mini_printf("cannot write %s: %s\n", name, mini_errname(fd < 0 ? -fd : 5));
		return -1;
	}
	return fd;
}

static void file(const char *dir)
{
	char name[1024];
	mini_strlcpy(name, dir, sizeof name);
	mini_strlcat(name, "/mapped", sizeof name);
	const size_t len = 2 * PAGE_SIZE + 100;
	long fd = make_file(name, len);
	check("write a 2-page-and-100-byte file", fd >= 0);
	if (fd < 0)
		return;
	long r = map(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	unsigned char *p = r < 0 ? NULL : (unsigned char *)r;
	check("mmap(file) shows its bytes, zeros after the end",
	      p && has_pattern(p, 0, len) && is_zero(p + len, 3 * PAGE_SIZE - len));
	if (p)
		SYS2(munmap, p, len);
	/* the offset travels on the stack: a wrong one shows other bytes */
	r = map(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, PAGE_SIZE);
	check("mmap(file, offset one page)",
	      r >= 0 && has_pattern((unsigned char *)r, PAGE_SIZE, PAGE_SIZE));
	if (r >= 0)
		SYS2(munmap, r, PAGE_SIZE);
	r = map(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned char byte = 0;
	if (r >= 0) {
		((unsigned char *)r)[5] = 0xa5;
		SYS2(munmap, r, len);
	}
	/* lseek(fd, pad, offset, whence) */
	check("mmap(file, MAP_SHARED) writes reach the file",
	      r >= 0 && SYS4(lseek, fd, 0, 5, SEEK_SET) == 5 && SYS3(read, fd, &byte, 1) == 1 &&
		  byte == 0xa5);
	/* pread(fd, buf, nbyte, pad, offset) */
	check("pread(offset one page)",
	      SYS5(pread, fd, &byte, 1, 0, PAGE_SIZE) == 1 && byte == pattern(PAGE_SIZE));
	SYS1(close, fd);
	check("remove the file", SYS1(unlink, name) == 0);
}

static void errors(void)
{
	unsigned char *p = map_anon(PAGE_SIZE);
	mini_expect_error("mmap(MAP_ANON, fd 0)",
			  map(NULL, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE, 0, 0), "EINVAL");
	mini_expect_error(
	    "mmap(MAP_SHARED|MAP_PRIVATE)",
	    map(NULL, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_SHARED | MAP_PRIVATE, -1, 0), "EINVAL");
	mini_expect_error(
	    "mmap(MAP_FIXED, unaligned address)",
	    map(p + 1, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0), "EINVAL");
	mini_expect_error("mmap(closed descriptor)",
			  map(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 99, 0), "EBADF");
	if (p)
		SYS2(munmap, p, PAGE_SIZE);
}

static int crash(void)
{
	volatile unsigned char *p = map_anon(PAGE_SIZE);
	if (!p || SYS3(mprotect, p, PAGE_SIZE, PROT_READ) != 0) {
		mini_printf("cannot set up the crash\n");
		return 1;
	}
	mini_printf("writing to a read-only page\n");
	mini_flush();
	p[0] = 1;
	mini_printf("still alive\n");
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc == 2 && mini_strcmp(argv[1], "crash") == 0)
		return crash();
	const char *dir = mini_scratch_dir(argc, argv, "mmap");
	anonymous();
	file(dir);
	errors();
	return mini_failures ? 1 : 0;
}
