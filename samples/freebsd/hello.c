/* The smallest FreeBSD program: one line on standard output. */
#include "mini.h"

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	static const char msg[] = "Hello from FreeBSD!\n";
	return SYS3(write, 1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
