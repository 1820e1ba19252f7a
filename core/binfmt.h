/*
 * xeno --binfmt=install|uninstall|status: binfmt_misc entries that make the
 * kernel start foreign programs (BSD ELF, Windows PE) through xeno, so that
 * ./program just runs.
 */
#ifndef XENO_CORE_BINFMT_H
#define XENO_CORE_BINFMT_H

/* Carries out action ("install", "uninstall" or "status"): the exit status. */
int xeno_binfmt(const char *action);

#endif
