/*
 * FreeBSD ioctl(2): the command encoding of sys/sys/ioccom.h, the terminal
 * commands of sys/sys/ttycom.h, the descriptor commands of sys/sys/filio.h,
 * and struct termios with its flags and c_cc slots from sys/sys/_termios.h.
 */
#ifndef XENO_ABI_FREEBSD_IOCTL_H
#define XENO_ABI_FREEBSD_IOCTL_H

#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct termios2;

/* sys/sys/ioccom.h: direction in the top 3 bits, parameter length in the
 * 13 bits above the low word, then group and number. */
#define FREEBSD_IOCPARM_SHIFT 13
#define FREEBSD_IOCPARM_MASK  ((1u << FREEBSD_IOCPARM_SHIFT) - 1)
#define FREEBSD_IOC_VOID      0x20000000u
#define FREEBSD_IOC_OUT	      0x40000000u
#define FREEBSD_IOC_IN	      0x80000000u
#define FREEBSD_IOC(inout, group, num, len)                                                        \
	((uint32_t)((inout) | (((len)&FREEBSD_IOCPARM_MASK) << 16) | ((group) << 8) | (num)))
#define FREEBSD_IO(g, n)       FREEBSD_IOC(FREEBSD_IOC_VOID, (g), (n), 0)
#define FREEBSD_IOR(g, n, len) FREEBSD_IOC(FREEBSD_IOC_OUT, (g), (n), (len))
#define FREEBSD_IOW(g, n, len) FREEBSD_IOC(FREEBSD_IOC_IN, (g), (n), (len))
#define FREEBSD_IOCPARM_LEN(x) (((x) >> 16) & FREEBSD_IOCPARM_MASK)

/* sys/sys/_termios.h: c_cc slots */
enum {
	FREEBSD_VEOF = 0,
	FREEBSD_VEOL = 1,
	FREEBSD_VEOL2 = 2,
	FREEBSD_VERASE = 3,
	FREEBSD_VWERASE = 4,
	FREEBSD_VKILL = 5,
	FREEBSD_VREPRINT = 6,
	FREEBSD_VERASE2 = 7,
	FREEBSD_VINTR = 8,
	FREEBSD_VQUIT = 9,
	FREEBSD_VSUSP = 10,
	FREEBSD_VDSUSP = 11,
	FREEBSD_VSTART = 12,
	FREEBSD_VSTOP = 13,
	FREEBSD_VLNEXT = 14,
	FREEBSD_VDISCARD = 15,
	FREEBSD_VMIN = 16,
	FREEBSD_VTIME = 17,
	FREEBSD_VSTATUS = 18,
	FREEBSD_NCCS = 20,
};
#define FREEBSD_POSIX_VDISABLE 0xff /* sys/sys/_termios.h _POSIX_VDISABLE */

/* sys/sys/_termios.h: struct termios */
struct freebsd_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_cc[FREEBSD_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};
_Static_assert(sizeof(struct freebsd_termios) == 44, "struct termios");
_Static_assert(offsetof(struct freebsd_termios, c_ispeed) == 36, "termios c_ispeed");

/* sys/sys/ttycom.h: struct winsize, four unsigned shorts as on Linux */
struct freebsd_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};
_Static_assert(sizeof(struct freebsd_winsize) == 8, "struct winsize");

/* sys/sys/ttycom.h and sys/sys/filio.h: the commands xeno knows */
#define FREEBSD_TIOCSCTTY  FREEBSD_IO('t', 97)
#define FREEBSD_TIOCGSID   FREEBSD_IOR('t', 99, sizeof(int))
#define FREEBSD_TIOCGETA   FREEBSD_IOR('t', 19, sizeof(struct freebsd_termios))
#define FREEBSD_TIOCSETA   FREEBSD_IOW('t', 20, sizeof(struct freebsd_termios))
#define FREEBSD_TIOCSETAW  FREEBSD_IOW('t', 21, sizeof(struct freebsd_termios))
#define FREEBSD_TIOCSETAF  FREEBSD_IOW('t', 22, sizeof(struct freebsd_termios))
#define FREEBSD_TIOCSWINSZ FREEBSD_IOW('t', 103, sizeof(struct freebsd_winsize))
#define FREEBSD_TIOCGWINSZ FREEBSD_IOR('t', 104, sizeof(struct freebsd_winsize))
#define FREEBSD_TIOCNOTTY  FREEBSD_IO('t', 113)
#define FREEBSD_TIOCSPGRP  FREEBSD_IOW('t', 118, sizeof(int))
#define FREEBSD_TIOCGPGRP  FREEBSD_IOR('t', 119, sizeof(int))
#define FREEBSD_FIOCLEX	   FREEBSD_IO('f', 1)
#define FREEBSD_FIONCLEX   FREEBSD_IO('f', 2)
#define FREEBSD_FIONREAD   FREEBSD_IOR('f', 127, sizeof(int))
#define FREEBSD_FIONBIO	   FREEBSD_IOW('f', 126, sizeof(int))
#define FREEBSD_FIOASYNC   FREEBSD_IOW('f', 125, sizeof(int))

/* The commands, each with the Linux command that does its work ("ioctl"). */
extern const struct xeno_flagset freebsd_ioctl_flagset;
/* The termios flag words, one set each ("iflag", "oflag", "cflag", "lflag"). */
extern const struct xeno_flagset freebsd_iflag_flagset;
extern const struct xeno_flagset freebsd_oflag_flagset;
extern const struct xeno_flagset freebsd_cflag_flagset;
extern const struct xeno_flagset freebsd_lflag_flagset;

/*
 * struct termios <-> Linux struct termios2.  to_host merges: *host comes in
 * holding the terminal's current state and keeps what FreeBSD cannot express
 * (IUTF8, the delay bits, c_line, VSWTC...); -EINVAL for a flag bit FreeBSD
 * does not define.  from_host drops what FreeBSD cannot express, and sets
 * FreeBSD-only slots (VERASE2, VDSUSP, VSTATUS) to _POSIX_VDISABLE.  The
 * foreign pointer is a struct freebsd_termios.
 */
int freebsd_termios_to_host(const void *foreign, struct termios2 *host);
int freebsd_termios_from_host(const struct termios2 *host, void *foreign);

#endif
