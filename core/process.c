#include "core/process.h"

struct xeno_process xeno_proc;
