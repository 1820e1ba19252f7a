/* Process-wide state of the process VM. */
#ifndef XENO_CORE_PROCESS_H
#define XENO_CORE_PROCESS_H

#include <limits.h>
#include <stdint.h>

struct xeno_personality;

struct xeno_process {
	const struct xeno_personality *os;
	char exe_path[PATH_MAX]; /* absolute path of the guest program */
	int ncpus;		 /* CPUs this process may run on */
	uint64_t image_base;	 /* load bias of the guest program */
	char self_exe[PATH_MAX]; /* xeno itself, to run further foreign programs */
	char **options;		 /* xeno's own options, passed on through execve */
	int noptions;
	uint64_t stack_top;  /* top of the initial stack */
	uint64_t stack_base; /* its lowest address (its mapping is [base, top)) */
};

extern struct xeno_process xeno_proc;

#endif
