/*
 * Prints the working directory as FreeBSD's __getcwd gives it (under
 * `xeno --root DIR`, a directory inside DIR shows without DIR's prefix).
 *
 *   pwd [DIR]     chdir(DIR) first, if given
 */
#include "mini.h"

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	char cwd[1024];
	if (argc > 1) {
		long err = SYS1(chdir, argv[1]);
		if (err < 0) {
			mini_dprintf(2, "pwd: %s: %s\n", argv[1], mini_errname(-err));
			return 1;
		}
	}
	long err = SYS2(__getcwd, cwd, sizeof cwd);
	if (err < 0) {
		mini_dprintf(2, "pwd: %s\n", mini_errname(-err));
		return 1;
	}
	mini_printf("%s\n", cwd);
	return 0;
}
