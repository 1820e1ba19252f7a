/* The smallest dynamically linked FreeBSD program: libc.so.7's puts and
 * printf, its exit status through __libc_start1. */
#include "libc.h"

int main(int argc, char **argv)
{
	puts("Hello from a dynamically linked FreeBSD program!");
	printf("argc=%d argv[0]=%s %s %.3f\n", argc, argv[0], "formatted", 3.14159);
	return 3;
}
