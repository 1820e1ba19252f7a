/* `xeno trace show|diff ...`: reading recordings (core/tracecmd.c). */
#ifndef XENO_TRACE_CMD_H
#define XENO_TRACE_CMD_H

/* argv[0] is "trace"; the exit status. */
int xeno_trace_command(int argc, char **argv);

#endif
