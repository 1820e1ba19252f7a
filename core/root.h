/*
 * The compat root (--root DIR, XENO_ROOT=DIR): a directory holding files of
 * the foreign system (/etc, /usr/share/zoneinfo, /usr/lib...) that the guest
 * should find at their usual absolute paths, as FreeBSD's Linuxulator finds
 * Linux files under /compat/linux (compat.linux.emul_path).
 *
 * The rules, after FreeBSD's namei with an alternate ABI root (sys/kern/
 * vfs_lookup.c, sys/kern/kern_descrip.c pwd_altroot, since FreeBSD 14):
 * - An absolute path is looked up under DIR first: "/" is DIR, ".." at the
 *   top of DIR stays there (as ".." at "/" does), and an absolute symbolic
 *   link met inside DIR goes on from DIR's top, not the host's.
 * - If it is not found there, the host's own path is used, unchanged.
 * - A call that creates its last component uses DIR if the parent
 *   directory exists under DIR.
 * - Relative paths are the host's: the working directory is a host
 *   directory, which may lie inside DIR.
 * - getcwd shows a working directory inside DIR without the DIR prefix.
 *
 * Every path-taking system call handler gets its paths through one function,
 * bsd_path_in (syscalls/bsd/fs_util.c), and execve's through the same: that
 * is where xeno_root_path is called.
 */
#ifndef XENO_CORE_ROOT_H
#define XENO_CORE_ROOT_H

#include <stdbool.h>
#include <stddef.h>

/* How a call uses the path it names (the flags combine). */
enum {
	XENO_ROOT_FOLLOW = 0,	/* follows a symbolic link in the last component */
	XENO_ROOT_NOFOLLOW = 1, /* acts on the link itself (lstat, unlink, readlink) */
	XENO_ROOT_CREATE = 2,	/* may create the last component (O_CREAT, mkdir) */
	XENO_ROOT_VERBATIM = 4, /* not looked up at all (a symbolic link's target) */
};

/* Makes dir (which must be a directory) the compat root; its absolute form
 * is passed on to programs the guest runs.  0 or -errno. */
int xeno_root_init(const char *dir);
/* The compat root, absolute and without symbolic links, or NULL if none. */
const char *xeno_root_dir(void);

/* Rewrites the guest path in buf (size bytes) into the host path to use,
 * following the rules above for a call that uses it as how says.  0, or
 * -ENAMETOOLONG if the host path does not fit. */
long xeno_root_path(char *buf, size_t size, int how);

/* Rewrites a host working directory in place as the guest sees it (without
 * the DIR prefix when it lies inside DIR); its new length. */
size_t xeno_root_guest_cwd(char *path, size_t len);

#endif
