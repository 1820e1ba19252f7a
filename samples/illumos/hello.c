/* The smallest illumos program: libc.so.1's printf and puts, what uname
 * says, where the program is (AT_SUN_EXECNAME), and an exit status. */
#include "illumos.h"

int main(int argc, char **argv)
{
	struct utsname u;
	puts("Hello from an illumos program!");
	printf("argc=%d argv[0]=%s %s %.3f\n", argc, argv[0], "formatted", 3.14159);
	if (uname(&u) < 0)
		return 1;
	printf("%s %s %s\n", u.sysname, u.release, u.machine);
	const char *exe = getexecname();
	size_t n = exe ? strlen(exe) : 0;
	printf("execname ends in %s\n", n >= 6 ? exe + n - 6 : "?");
	printf("page size %ld, cpus %s\n", sysconf(_SC_PAGESIZE),
	       sysconf(_SC_NPROCESSORS_ONLN) > 0 ? "some" : "none");
	for (char **e = environ; *e; e++)
		if (strncmp(*e, "GREETING=", 9) == 0)
			printf("%s\n", *e);
	return 3;
}
