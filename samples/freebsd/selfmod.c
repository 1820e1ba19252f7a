/*
 * A program that writes its own code after running it: each piece of code
 * makes a system call (getpid), is run twice (under xeno, the first run
 * traps and patches the site: core/patch.h), then is changed to make
 * another (getppid) in the ways a JIT or a loader does: mprotect to write
 * it, mapping new code over it, unmapping and mapping again, and code that
 * stays writable and executable.  It must read back the bytes it wrote and
 * run what it wrote last.  One "name: ok" line per check; exit 0 if all
 * passed.
 */
#include "mini.h"

/* The code: mov $nr,%eax; syscall; ret */
#define CODE_LEN 8
static void code_for(long nr, unsigned char out[CODE_LEN])
{
	static const unsigned char code[CODE_LEN] = {0xb8, 0, 0, 0, 0, 0x0f, 0x05, 0xc3};
	memcpy(out, code, CODE_LEN);
	memcpy(out + 1, &nr, 4);
}

typedef long (*call_fn)(void);

/* Runs the code at p twice: both results, if they agree, else -1. */
static long run_twice(const void *p)
{
	call_fn f = (call_fn)p;
	long a = f(), b = f();
	return a == b ? a : -1;
}

static void *map(void *at, int prot, int flags)
{
	return (void *)SYS6(mmap, at, PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANON | flags, -1, 0);
}

/* A page of its own in the program's text, made by hand. */
extern const unsigned char text_site[];
__asm__(".text\n"
	".balign 4096\n"
	".globl text_site\n"
	"text_site:\n"
	"\tmov $20, %eax\n" /* getpid, FreeBSD sys/kern/syscalls.master */
	"\tsyscall\n"
	"\tret\n"
	".balign 4096\n");

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	long pid = SYS0(getpid), ppid = SYS0(getppid);
	unsigned char getpid_code[CODE_LEN], getppid_code[CODE_LEN];
	code_for(FREEBSD_SYS_getpid, getpid_code);
	code_for(FREEBSD_SYS_getppid, getppid_code);

	/* anonymous code, made writable again to change one immediate */
	unsigned char *page = map(NULL, PROT_READ | PROT_WRITE, 0);
	memcpy(page, getpid_code, CODE_LEN);
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_EXEC);
	mini_check("anonymous code runs", run_twice(page) == pid);
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_WRITE);
	mini_check("it reads back as written", memcmp(page, getpid_code, CODE_LEN) == 0);
	memcpy(page + 1, getppid_code + 1, 4); /* only the call's number */
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_EXEC);
	mini_check("its new number is used", run_twice(page) == ppid);
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ);
	mini_check("read-only, it reads as written", memcmp(page, getppid_code, CODE_LEN) == 0);

	/* new code mapped over it, then unmapped and mapped again */
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_EXEC);
	run_twice(page);
	mini_check("mapped over", map(page, PROT_READ | PROT_WRITE, MAP_FIXED) == page);
	memcpy(page, getpid_code, CODE_LEN);
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_EXEC);
	mini_check("the new mapping's code runs", run_twice(page) == pid);
	SYS2(munmap, page, PAGE_SIZE);
	mini_check("mapped again", map(page, PROT_READ | PROT_WRITE, MAP_FIXED) == page);
	memcpy(page, getppid_code, CODE_LEN);
	SYS3(mprotect, page, PAGE_SIZE, PROT_READ | PROT_EXEC);
	mini_check("its code runs", run_twice(page) == ppid);
	SYS2(munmap, page, PAGE_SIZE);

	/* code that stays writable and executable, changed between runs */
	page = map(NULL, PROT_READ | PROT_WRITE | PROT_EXEC, 0);
	memcpy(page, getpid_code, CODE_LEN);
	mini_check("writable code runs", run_twice(page) == pid);
	memcpy(page + 1, getppid_code + 1, 4);
	mini_check("changed in place", run_twice(page) == ppid);
	SYS2(munmap, page, PAGE_SIZE);

	/* the program's own text */
	unsigned char *text = (unsigned char *)text_site;
	mini_check("text runs", run_twice(text) == pid);
	SYS3(mprotect, text, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC);
	mini_check("text reads back as built", memcmp(text, getpid_code, CODE_LEN) == 0);
	memcpy(text + 1, getppid_code + 1, 4);
	SYS3(mprotect, text, PAGE_SIZE, PROT_READ | PROT_EXEC);
	mini_check("changed text runs", run_twice(text) == ppid);
	mini_check("and again", run_twice(text) == ppid);
	return mini_failures ? 1 : 0;
}
