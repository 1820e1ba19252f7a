/* The smallest OpenBSD program: write(2), argc, what sysctl says of the
 * system, and an exit status through libc's exit. */
#include "openbsd.h"

int main(int argc, char **argv)
{
	(void)argv;
	put("Hello from an OpenBSD program!\n");
	say("argc", argc);
	int mib[2] = {6, 7}; /* hw.pagesize */
	int v = 0;
	size_t len = sizeof v;
	if (sysctl(mib, 2, &v, &len, NULL, 0) < 0)
		return 1;
	say("hw.pagesize", v);
	char os[16] = {0};
	int ostype[2] = {1, 1}; /* kern.ostype */
	len = sizeof os;
	if (sysctl(ostype, 2, os, &len, NULL, 0) < 0)
		return 1;
	put(os);
	say(" length", (long)len);
	int nope[2] = {6, 9999};
	len = sizeof v;
	say("unknown MIB fails", sysctl(nope, 2, &v, &len, NULL, 0));
	return 3;
}
