/* xeno --check: what preparing a program found, in words. */
#ifndef XENO_CORE_CHECK_H
#define XENO_CORE_CHECK_H

#include <stdio.h>

struct xeno_launch;

/* Writes the report of a prepared program (core/launch.h) to out. */
void xeno_check_report(FILE *out, const char *path, const struct xeno_launch *l);

#endif
