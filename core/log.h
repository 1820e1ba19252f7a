/* Messages from xeno itself: one line each, "xeno: " first, on stderr. */
#ifndef XENO_CORE_LOG_H
#define XENO_CORE_LOG_H

#include <stdnoreturn.h>

/* Prints "xeno: <message>\n" with one write(2), so it is safe in handlers. */
void xeno_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An internal error: message, the flight recorder, then exit status 127. */
noreturn void xeno_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
