/*
 * Shows what the program was given: its arguments and the environment
 * variables whose names start with XENO_SAMPLE_, in the order the kernel put
 * them on the stack.  Every value is printed between brackets, so empty
 * strings, spaces and any other bytes survive the round trip unchanged.
 *
 *   args [ARG...]
 */
#include "mini.h"

#define PREFIX "XENO_SAMPLE_"

int main(int argc, char **argv, char **envp)
{
	mini_printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		mini_printf("argv[%d]=[%s]\n", i, argv[i]);
	/* argv ends with a NULL pointer (sys/kern/kern_exec.c exec_copyout_strings). */
	if (argv[argc] != NULL)
		mini_printf("argv[%d] is not NULL\n", argc);
	for (char **e = envp; *e; e++)
		if (mini_strncmp(*e, PREFIX, sizeof PREFIX - 1) == 0)
			mini_printf("env[%s]\n", *e);
	return 0;
}
