/* FreeBSD's own terminal control flags (sys/sys/_termios.h); the rest of
 * the terminal settings is shared (abi/bsd/ioctl.c). */
#include "abi/freebsd/ioctl.h"

#include <asm/termbits.h>

/* The modem flow controls other than CTS/RTS have no Linux twin and are
 * accepted as no-ops. */
static const struct xeno_flag cflags[] = {
    BSD_CFLAGS_SHARED,
    XENO_FIELD("CRTSCTS", 0x00030000, 0x00030000, CRTSCTS, CRTSCTS),
    XENO_FLAG_FOREIGN("CCTS_OFLOW", 0x00010000),
    XENO_FLAG_FOREIGN("CRTS_IFLOW", 0x00020000),
    XENO_FLAG_FOREIGN("CDTR_IFLOW", 0x00040000),
    XENO_FLAG_FOREIGN("CDSR_OFLOW", 0x00080000),
    XENO_FLAG_FOREIGN("CCAR_OFLOW", 0x00100000),
    BSD_CFLAGS_HOST_ONLY,
};
const struct xeno_flagset freebsd_cflag_flagset = XENO_FLAGSET("cflag", cflags, 0);

int freebsd_termios_to_host(const void *foreign, struct termios2 *host)
{
	return bsd_termios_to_host(&freebsd_cflag_flagset, foreign, host);
}

int freebsd_termios_from_host(const struct termios2 *host, void *foreign)
{
	return bsd_termios_from_host(&freebsd_cflag_flagset, host, foreign);
}
