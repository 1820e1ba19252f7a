/*
 * environ, getenv, setenv, unsetenv and putenv (lib/libc/stdlib/getenv.c).
 * Run with XENO_SAMPLE=one as the only XENO_ variable of its environment.
 */
#include "libc.h"

static void show_environ(void)
{
	for (char **e = environ; *e; e++)
		if (strncmp(*e, "XENO_", 5) == 0)
			printf("  environ: %s\n", *e);
}

static const char *show(const char *value)
{
	return value ? value : "(unset)";
}

int main(void)
{
	static char entry[] = "XENO_PUT=put";
	/* (each call before the printf that shows its effect: the order in
	 * which a call's arguments are evaluated is the compiler's) */
	printf("getenv XENO_SAMPLE: %s\n", show(getenv("XENO_SAMPLE")));
	printf("getenv XENO_NOT_THERE: %s\n", show(getenv("XENO_NOT_THERE")));
	int r = setenv("XENO_NEW", "fresh", 0);
	printf("setenv XENO_NEW: %d -> %s\n", r, show(getenv("XENO_NEW")));
	r = setenv("XENO_SAMPLE", "two", 0);
	printf("setenv without overwrite: %d -> %s\n", r, show(getenv("XENO_SAMPLE")));
	r = setenv("XENO_SAMPLE", "three", 1);
	printf("setenv with overwrite: %d -> %s\n", r, show(getenv("XENO_SAMPLE")));
	errno = 0;
	r = setenv("BAD=NAME", "x", 1);
	printf("setenv with '=' in the name: %d errno=%d\n", r, errno);
	/* putenv keeps the string itself: a change to it shows */
	r = putenv(entry);
	printf("putenv: %d -> %s\n", r, show(getenv("XENO_PUT")));
	entry[9] = 'P';
	printf("after changing the string: %s\n", show(getenv("XENO_PUT")));
	show_environ();
	r = unsetenv("XENO_SAMPLE");
	printf("unsetenv XENO_SAMPLE: %d -> %s\n", r, show(getenv("XENO_SAMPLE")));
	show_environ();
	return 0;
}
