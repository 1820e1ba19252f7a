/*
 * What Rust's standard library asks libc.so.7 beyond the basics: sysconf
 * and getpagesize, realpath (the kernel's __realpathat), strerror_r,
 * arc4random, and posix_spawn with file actions, its failure as its
 * result, posix_spawnp's PATH search.
 */
#include "libc.h"

/* <unistd.h>, <stdlib.h>, <string.h>, <spawn.h>, <sys/wait.h> */
long sysconf(int name);
int getpagesize(void);
char *realpath(const char *path, char *resolved);
int strerror_r(int errnum, char *buf, size_t buflen);
unsigned int arc4random_uniform(unsigned int upper_bound);
void arc4random_buf(void *buf, size_t nbytes);
void free(void *p);
typedef struct posix_spawn_file_actions *posix_spawn_file_actions_t;
typedef struct posix_spawnattr *posix_spawnattr_t;
int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
				     int oflag, int mode);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
pid_t waitpid(pid_t pid, int *status, int options);
#define SC_OPEN_MAX	    5
#define SC_PAGESIZE	    47
#define SC_NPROCESSORS_ONLN 58
#define O_TRUNC		    0x0400

static void sysinfo(void)
{
	printf("sysconf(_SC_PAGESIZE): %ld, getpagesize: %d\n", sysconf(SC_PAGESIZE),
	       getpagesize());
	printf("processors online: %s\n",
	       sysconf(SC_NPROCESSORS_ONLN) >= 1 ? "at least one" : "none");
	printf("open files: %s\n", sysconf(SC_OPEN_MAX) > 0 ? "limited" : "?");
	errno = 0;
	long r = sysconf(9999);
	printf("sysconf(9999): %ld errno=%d\n", r, errno);
}

static void paths(void)
{
	char buf[1024];
	char *p = realpath("/usr/../usr//bin/.", buf);
	printf("realpath: %s (%s)\n", p ? p : "(null)", p == buf ? "in the buffer" : "elsewhere");
	p = realpath("/", NULL);
	printf("realpath of /: %s\n", p ? p : "(null)");
	free(p);
	errno = 0;
	p = realpath("/no/such/file", buf);
	printf("realpath of a missing file: %s errno=%d\n", p ? p : "(null)", errno);
}

static void messages(void)
{
	char buf[64];
	int r = strerror_r(2, buf, sizeof buf);
	printf("strerror_r(ENOENT): %d \"%s\"\n", r, buf);
	r = strerror_r(2, buf, 5);
	printf("strerror_r(ENOENT) in 5 bytes: %d \"%s\"\n", r, buf);
}

static void randoms(void)
{
	int below = 1;
	for (int i = 0; i < 1000; i++)
		if (arc4random_uniform(10) >= 10)
			below = 0;
	unsigned char b[32] = {0};
	arc4random_buf(b, sizeof b);
	int nonzero = 0;
	for (unsigned i = 0; i < sizeof b; i++)
		nonzero |= b[i];
	printf("arc4random_uniform(10) below 10: %s; arc4random_buf: %s\n", below ? "yes" : "no",
	       nonzero ? "bytes" : "zeros");
}

static void spawns(void)
{
	char *exit3[] = {"sh", "-c", "exit 3", NULL};
	pid_t pid = 0;
	int status = 0;
	int r = posix_spawn(&pid, "/bin/sh", NULL, NULL, exit3, environ);
	pid_t waited = waitpid(pid, &status, 0);
	printf("posix_spawn sh: %d, waitpid: %s, status 0x%x\n", r,
	       waited == pid ? "the child" : "?", status);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "spawn-sample.txt", O_WRONLY | O_CREAT | O_TRUNC,
					 0644);
	char *echo[] = {"echo", "written by a spawned echo", NULL};
	r = posix_spawnp(&pid, "echo", &fa, NULL, echo, environ);
	posix_spawn_file_actions_destroy(&fa);
	waitpid(pid, &status, 0);
	printf("posix_spawnp echo: %d, status 0x%x\n", r, status);
	char buf[64] = {0};
	int fd = open("spawn-sample.txt", 0);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
	close(fd);
	unlink("spawn-sample.txt");
	printf("its output: %s", n > 0 ? buf : "(none)\n");
	r = posix_spawn(&pid, "/no/such/program", NULL, NULL, echo, environ);
	printf("posix_spawn of a missing program: %d\n", r);
}

int main(void)
{
	sysinfo();
	paths();
	messages();
	randoms();
	spawns();
	return 0;
}
