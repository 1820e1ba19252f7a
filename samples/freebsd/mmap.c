/*
 * Memory mappings the way a FreeBSD program uses them: anonymous memory,
 * protection changes, fixed placement, file mappings, and the errors
 * FreeBSD's mmap, munmap and mprotect give (sys/vm/vm_mmap.c).  One line per
 * check, ending in "ok" when it passed; exit status 0 only if all passed.
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

/* The byte at offset i of the test pattern. */
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

static unsigned char *map_anon(size_t len)
{
	long r = SYS6(mmap, NULL, len, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
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
	p[0] = pattern(0);

	long r = SYS6(mmap, p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	check("mmap(MAP_FIXED) over the second page", r == (long)(p + PAGE_SIZE));
	check("MAP_FIXED page is new and zeroed, its neighbours untouched",
	      is_zero(p + PAGE_SIZE, PAGE_SIZE) && has_pattern(p, 0, PAGE_SIZE) &&
		  has_pattern(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, 2 * PAGE_SIZE));

	/* FreeBSD rounds an unaligned address down to its page (kern_munmap,
	 * kern_mprotect) where Linux says EINVAL. */
	check("mprotect(unaligned address) applies to its page",
	      SYS3(mprotect, p + 100, 1, PROT_READ) == 0 &&
		  SYS3(mprotect, p, PAGE_SIZE, PROT_READ | PROT_WRITE) == 0);
	check("munmap(unaligned address) unmaps its page",
	      SYS2(munmap, p + 3 * PAGE_SIZE + 100, 1) == 0 &&
		  has_pattern(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, PAGE_SIZE));
	check("munmap", SYS2(munmap, p, 3 * PAGE_SIZE) == 0);
}

/* Writes len pattern bytes to a new file: its descriptor (read-write) or -1. */
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

	long r = SYS6(mmap, NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	unsigned char *p = r < 0 ? NULL : (unsigned char *)r;
	check("mmap(file) shows its bytes, zeros after the end",
	      p && has_pattern(p, 0, len) && is_zero(p + len, 3 * PAGE_SIZE - len));
	if (p)
		SYS2(munmap, p, len);

	r = SYS6(mmap, NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, PAGE_SIZE);
	check("mmap(file, offset one page)",
	      r >= 0 && has_pattern((unsigned char *)r, PAGE_SIZE, PAGE_SIZE));
	if (r >= 0)
		SYS2(munmap, r, PAGE_SIZE);

	r = SYS6(mmap, NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned char byte = 0;
	if (r >= 0) {
		((unsigned char *)r)[5] = 0xa5;
		SYS2(munmap, r, len);
	}
	check("mmap(file, MAP_SHARED) writes reach the file",
	      r >= 0 && SYS3(lseek, fd, 5, SEEK_SET) == 5 && SYS3(read, fd, &byte, 1) == 1 &&
		  byte == 0xa5);

	SYS1(close, fd);
	check("remove the file", SYS1(unlink, name) == 0);
}

/* A file's byte at off, read through the descriptor: -1 if it cannot be. */
static int file_byte(long fd, long off)
{
	unsigned char byte;
	if (SYS3(lseek, fd, off, SEEK_SET) != off || SYS3(read, fd, &byte, 1) != 1)
		return -1;
	return byte;
}

static long map_fixed_anon(void *at, size_t len, int extra)
{
	return SYS6(mmap, at, len, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE | MAP_FIXED | extra, -1, 0);
}

/* MAP_FIXED anonymous memory over memory already mapped gives zeroed
 * memory whatever was there (xeno makes some of it in place over the
 * program's own anonymous memory, syscalls/bsd/mm_anon.h): over written,
 * read-only and never-touched pages, over a private file mapping (zeros
 * again after MADV_FREE, where a file page would show the file), over a
 * shared file mapping and over an address given back and mapped to the file
 * since (the file keeps its bytes). */
static void remaps(const char *dir)
{
	const size_t len = 8 * PAGE_SIZE;
	unsigned char *p = map_anon(len);
	check("mmap(anonymous) for the remaps", p != NULL);
	if (!p)
		return;
	for (size_t i = 0; i < 6 * PAGE_SIZE; i++) /* the last two pages never touched */
		p[i] = pattern(i);
	SYS3(mprotect, p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ);
	long r = map_fixed_anon(p + PAGE_SIZE, 4 * PAGE_SIZE, 0);
	check("MAP_FIXED anonymous over written and read-only pages: zeroed, neighbours kept",
	      r == (long)(p + PAGE_SIZE) && is_zero(p + PAGE_SIZE, 4 * PAGE_SIZE) &&
		  has_pattern(p, 0, PAGE_SIZE) &&
		  has_pattern(p + 5 * PAGE_SIZE, 5 * PAGE_SIZE, PAGE_SIZE));
	p[3 * PAGE_SIZE] = 1; /* writable: a fault would end the program here */
	r = map_fixed_anon(p + 5 * PAGE_SIZE, 3 * PAGE_SIZE, MAP_STACK);
	check("MAP_FIXED|MAP_STACK anonymous over written and untouched pages: zeroed",
	      r == (long)(p + 5 * PAGE_SIZE) && is_zero(p + 5 * PAGE_SIZE, 3 * PAGE_SIZE) &&
		  p[3 * PAGE_SIZE] == 1);
	SYS2(munmap, p, len);

	char name[1024];
	mini_strlcpy(name, dir, sizeof name);
	mini_strlcat(name, "/remapped", sizeof name);
	long fd = make_file(name, 2 * PAGE_SIZE);
	if (fd < 0)
		return;
	r = SYS6(mmap, NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	unsigned char *q = r < 0 ? NULL : (unsigned char *)r;
	if (q)
		q[0] = 0x11; /* a private copy of the file's page */
	check("MAP_FIXED anonymous over a private file mapping: zeros, also after MADV_FREE",
	      q && map_fixed_anon(q, PAGE_SIZE, 0) == (long)q && is_zero(q, PAGE_SIZE) &&
		  SYS3(madvise, q, PAGE_SIZE, MADV_FREE) == 0 && is_zero(q, PAGE_SIZE) &&
		  has_pattern(q + PAGE_SIZE, PAGE_SIZE, PAGE_SIZE));
	if (q)
		SYS2(munmap, q, 2 * PAGE_SIZE);

	r = SYS6(mmap, NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	q = r < 0 ? NULL : (unsigned char *)r;
	if (q && map_fixed_anon(q, PAGE_SIZE, 0) == (long)q)
		q[0] = 0x22; /* the new memory's, not the file's */
	check("MAP_FIXED anonymous over a shared file mapping leaves the file alone",
	      q && is_zero(q + 1, PAGE_SIZE - 1) && file_byte(fd, 0) == pattern(0));
	if (q)
		SYS2(munmap, q, PAGE_SIZE);

	q = map_anon(PAGE_SIZE);
	if (q) {
		q[1] = 0x33;
		SYS2(munmap, q, PAGE_SIZE);
	}
	r = q ? SYS6(mmap, q, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0)
	      : -1;
	if (r == (long)q && map_fixed_anon(q, PAGE_SIZE, 0) == (long)q)
		q[1] = 0x44;
	check("MAP_FIXED anonymous where anonymous memory was given back and the file mapped since",
	      r == (long)q && q[1] == 0x44 && file_byte(fd, 1) == pattern(1));
	if (q)
		SYS2(munmap, q, PAGE_SIZE);
	SYS1(close, fd);
	SYS1(unlink, name);
}

static void errors(void)
{
	unsigned char *p = map_anon(PAGE_SIZE);
	mini_expect_error("munmap(length 0)", SYS2(munmap, p, 0), "EINVAL");
	mini_expect_error("mmap(length 0)",
			  SYS6(mmap, NULL, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0), "EINVAL");
	mini_expect_error("mmap(MAP_ANON, fd 0)",
			  SYS6(mmap, NULL, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE, 0, 0),
			  "EINVAL");
	mini_expect_error("mmap(unknown flag 0x100)",
			  SYS6(mmap, NULL, PAGE_SIZE, PROT_READ,
			       MAP_ANON | MAP_PRIVATE | MAP_RESERVED0100, -1, 0),
			  "EINVAL");
	mini_expect_error(
	    "mmap(MAP_SHARED|MAP_PRIVATE)",
	    SYS6(mmap, NULL, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_SHARED | MAP_PRIVATE, -1, 0),
	    "EINVAL");
	mini_expect_error(
	    "mmap(MAP_FIXED, unaligned address)",
	    SYS6(mmap, p + 1, PAGE_SIZE, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0),
	    "EINVAL");
	/* Only PROT_READ|PROT_WRITE|PROT_EXEC and their PROT_MAX (<< 16) exist. */
	mini_expect_error("mprotect(unknown protection 0x8)", SYS3(mprotect, p, PAGE_SIZE, 0x8),
			  "EINVAL");
	if (p)
		SYS2(munmap, p, PAGE_SIZE);
}

static int crash(void)
{
	volatile unsigned char *p = map_anon(PAGE_SIZE);
	if (!p || SYS3(mprotect, p, PAGE_SIZE, PROT_READ) != 0) {
		mini_printf("cannot set up a read-only page\n");
		return 1;
	}
	mini_printf("writing to a read-only page\n");
	mini_flush();
	p[0] = 1;
	mini_printf("still alive after writing to a read-only page\n");
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (argc != 2) {
		mini_dprintf(2, "usage: mmap DIRECTORY | mmap crash\n");
		return 2;
	}
	if (mini_strcmp(argv[1], "crash") == 0)
		return crash();
	anonymous();
	file(argv[1]);
	remaps(argv[1]);
	errors();
	return mini_failures ? 1 : 0;
}
