/*
 * NetBSD ioctl(2): the encoding, commands and struct termios are the
 * 4.4BSD family's (abi/bsd/ioctl.h); NetBSD's own are the control flags
 * (sys/sys/termios.h rev 1.36: CRTSCTS one bit, CDTRCTS, MDMBUF).
 */
#ifndef XENO_ABI_NETBSD_IOCTL_H
#define XENO_ABI_NETBSD_IOCTL_H

#include "abi/bsd/ioctl.h"

/* NetBSD's control flags ("cflag"). */
extern const struct xeno_flagset netbsd_cflag_flagset;

#endif
