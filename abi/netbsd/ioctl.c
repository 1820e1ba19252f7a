/* NetBSD's own terminal control flags (sys/sys/termios.h); the rest of the
 * terminal settings is shared (abi/bsd/ioctl.c). */
#include "abi/netbsd/ioctl.h"

#include <asm/termbits.h>

/* DTR/CTS and DTR/DCD flow control have no Linux twin and are accepted as
 * no-ops. */
static const struct xeno_flag cflags[] = {
    BSD_CFLAGS_SHARED,
    XENO_FLAG("CRTSCTS", 0x00010000, CRTSCTS),
    XENO_FLAG_FOREIGN("CDTRCTS", 0x00020000),
    XENO_FLAG_FOREIGN("MDMBUF", 0x00100000),
    BSD_CFLAGS_HOST_ONLY,
};
const struct xeno_flagset netbsd_cflag_flagset = XENO_FLAGSET("cflag", cflags, 0);
