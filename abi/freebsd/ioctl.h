/*
 * FreeBSD ioctl(2): the encoding, commands and struct termios are the
 * 4.4BSD family's (abi/bsd/ioctl.h); FreeBSD's own are the control flags
 * (sys/sys/_termios.h).
 */
#ifndef XENO_ABI_FREEBSD_IOCTL_H
#define XENO_ABI_FREEBSD_IOCTL_H

#include "abi/bsd/ioctl.h"

struct termios2;

#define FREEBSD_VERASE2 7 /* sys/sys/_termios.h */

/* FreeBSD's control flags ("cflag"). */
extern const struct xeno_flagset freebsd_cflag_flagset;

/* struct termios (a struct bsd_termios) <-> Linux struct termios2, as
 * bsd_termios_to_host and bsd_termios_from_host with FreeBSD's facts. */
int freebsd_termios_to_host(const void *foreign, struct termios2 *host);
int freebsd_termios_from_host(const struct termios2 *host, void *foreign);

#endif
