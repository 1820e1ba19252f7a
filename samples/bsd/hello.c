/* The smallest BSD program: one line on standard output ("Hello from
 * FreeBSD!", "Hello from NetBSD!": the OS is the one mini.h names). */
#include "mini.h"

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	static const char msg[] = "Hello from " MINI_OS "!\n";
	return SYS3(write, 1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
