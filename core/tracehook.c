#include "core/tracehook.h"

#ifndef XENO_NO_TRACE
const struct xeno_trace_hooks *xeno_tracer;
bool xeno_trace_host;
#endif
void (*xeno_flight_report)(const char *why, bool self_sent);
