/* `xeno trace show|diff ...`: reading recordings (core/tracecmd.c). */
#ifndef XENO_CORE_TRACECMD_H
#define XENO_CORE_TRACECMD_H

/* argv[0] is "trace"; the exit status. */
int xeno_trace_command(int argc, char **argv);

#endif
