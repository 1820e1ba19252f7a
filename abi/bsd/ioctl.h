/*
 * ioctl(2) as the 4.4BSD family encodes it, and the terminal settings it
 * carries.  FreeBSD and NetBSD agree on the command encoding (sys/sys/
 * ioccom.h), the terminal and descriptor commands (sys/sys/ttycom.h,
 * sys/sys/filio.h), struct termios and its input, output and local flags
 * and c_cc slots (FreeBSD sys/sys/_termios.h; NetBSD sys/sys/termios.h rev
 * 1.32); the control flags are partly each OS's.
 */
#ifndef XENO_ABI_BSD_IOCTL_H
#define XENO_ABI_BSD_IOCTL_H

#include <stddef.h>
#include <stdint.h>

#include "core/xlat.h"

struct termios2;

/* sys/sys/ioccom.h: direction in the top 3 bits, parameter length in the
 * 13 bits above the low word, then group and number. */
#define BSD_IOCPARM_SHIFT 13
#define BSD_IOCPARM_MASK  ((1u << BSD_IOCPARM_SHIFT) - 1)
#define BSD_IOC_VOID	  0x20000000u
#define BSD_IOC_OUT	  0x40000000u
#define BSD_IOC_IN	  0x80000000u
#define BSD_IOC(inout, group, num, len)                                                            \
	((uint32_t)((inout) | (((len)&BSD_IOCPARM_MASK) << 16) | ((group) << 8) | (num)))
#define BSD_IO(g, n)	   BSD_IOC(BSD_IOC_VOID, (g), (n), 0)
#define BSD_IOR(g, n, len) BSD_IOC(BSD_IOC_OUT, (g), (n), (len))
#define BSD_IOW(g, n, len) BSD_IOC(BSD_IOC_IN, (g), (n), (len))
#define BSD_IOCPARM_LEN(x) (((x) >> 16) & BSD_IOCPARM_MASK)

/* c_cc slots (slot 7 is FreeBSD's VERASE2, spare on NetBSD; 19 is spare) */
enum {
	BSD_VEOF = 0,
	BSD_VEOL = 1,
	BSD_VEOL2 = 2,
	BSD_VERASE = 3,
	BSD_VWERASE = 4,
	BSD_VKILL = 5,
	BSD_VREPRINT = 6,
	BSD_VINTR = 8,
	BSD_VQUIT = 9,
	BSD_VSUSP = 10,
	BSD_VDSUSP = 11,
	BSD_VSTART = 12,
	BSD_VSTOP = 13,
	BSD_VLNEXT = 14,
	BSD_VDISCARD = 15,
	BSD_VMIN = 16,
	BSD_VTIME = 17,
	BSD_VSTATUS = 18,
	BSD_NCCS = 20,
};
#define BSD_POSIX_VDISABLE 0xff	      /* _POSIX_VDISABLE */
#define BSD_CIGNORE	   0x00000001 /* c_cflag: leave the control flags alone */

/* struct termios */
struct bsd_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_cc[BSD_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};
_Static_assert(sizeof(struct bsd_termios) == 44, "struct termios");
_Static_assert(offsetof(struct bsd_termios, c_ispeed) == 36, "termios c_ispeed");

/* sys/sys/ttycom.h: struct winsize, four unsigned shorts as on Linux */
struct bsd_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};
_Static_assert(sizeof(struct bsd_winsize) == 8, "struct winsize");

/* sys/sys/ttycom.h and sys/sys/filio.h: the commands xeno knows */
#define BSD_TIOCSCTTY  BSD_IO('t', 97)
#define BSD_TIOCGSID   BSD_IOR('t', 99, sizeof(int))
#define BSD_TIOCGETA   BSD_IOR('t', 19, sizeof(struct bsd_termios))
#define BSD_TIOCSETA   BSD_IOW('t', 20, sizeof(struct bsd_termios))
#define BSD_TIOCSETAW  BSD_IOW('t', 21, sizeof(struct bsd_termios))
#define BSD_TIOCSETAF  BSD_IOW('t', 22, sizeof(struct bsd_termios))
#define BSD_TIOCSWINSZ BSD_IOW('t', 103, sizeof(struct bsd_winsize))
#define BSD_TIOCGWINSZ BSD_IOR('t', 104, sizeof(struct bsd_winsize))
#define BSD_TIOCNOTTY  BSD_IO('t', 113)
#define BSD_TIOCSPGRP  BSD_IOW('t', 118, sizeof(int))
#define BSD_TIOCGPGRP  BSD_IOR('t', 119, sizeof(int))
#define BSD_FIOCLEX    BSD_IO('f', 1)
#define BSD_FIONCLEX   BSD_IO('f', 2)
#define BSD_FIONREAD   BSD_IOR('f', 127, sizeof(int))
#define BSD_FIONBIO    BSD_IOW('f', 126, sizeof(int))
#define BSD_FIOASYNC   BSD_IOW('f', 125, sizeof(int))

/* The commands, each with the Linux command that does its work ("ioctl"). */
extern const struct xeno_flagset bsd_ioctl_flagset;
/* The termios flag words the BSDs share ("iflag", "oflag", "lflag"). */
extern const struct xeno_flagset bsd_iflag_flagset;
extern const struct xeno_flagset bsd_oflag_flagset;
extern const struct xeno_flagset bsd_lflag_flagset;

/* The control flags ("cflag") are each BSD's own table, which starts with
 * the ones they share and ends with the Linux-only parts (HOST_ONLY: dropped
 * when read, kept from the terminal when set); the speed bits (CBAUD,
 * CIBAUD) are handled with c_ispeed/c_ospeed, CIGNORE by the codec. */
#define BSD_HOST_ONLY(name, mask, val) XENO_FIELD(name, 0, 0, (mask), (val))
#define BSD_CFLAGS_SHARED                                                                          \
	XENO_FLAG_FOREIGN("CIGNORE", BSD_CIGNORE),                                                 \
	    XENO_FIELD("CS5", 0x00000300, 0x00000000, CSIZE, CS5),                                 \
	    XENO_FIELD("CS6", 0x00000300, 0x00000100, CSIZE, CS6),                                 \
	    XENO_FIELD("CS7", 0x00000300, 0x00000200, CSIZE, CS7),                                 \
	    XENO_FIELD("CS8", 0x00000300, 0x00000300, CSIZE, CS8),                                 \
	    XENO_FLAG("CSTOPB", 0x00000400, CSTOPB), XENO_FLAG("CREAD", 0x00000800, CREAD),        \
	    XENO_FLAG("PARENB", 0x00001000, PARENB), XENO_FLAG("PARODD", 0x00002000, PARODD),      \
	    XENO_FLAG("HUPCL", 0x00004000, HUPCL), XENO_FLAG("CLOCAL", 0x00008000, CLOCAL)
#define BSD_CFLAGS_HOST_ONLY                                                                       \
	BSD_HOST_ONLY("CBAUD", CBAUD, CBAUD), BSD_HOST_ONLY("CIBAUD", CIBAUD, CIBAUD),             \
	    BSD_HOST_ONLY("CMSPAR", CMSPAR, CMSPAR), BSD_HOST_ONLY("ADDRB", ADDRB, ADDRB)

/*
 * struct termios <-> Linux struct termios2.  to_host merges: *host comes in
 * holding the terminal's current state and keeps what the BSD cannot express
 * (IUTF8, the delay bits, c_line, VSWTC...); -EINVAL for a flag bit the BSD
 * does not define.  from_host drops what the BSD cannot express, and sets
 * the BSD-only slots (FreeBSD's VERASE2, VDSUSP, VSTATUS) to
 * _POSIX_VDISABLE.  The foreign pointer is a struct bsd_termios.
 */
int bsd_termios_to_host(const struct xeno_flagset *cflags, const void *foreign,
			struct termios2 *host);
int bsd_termios_from_host(const struct xeno_flagset *cflags, const struct termios2 *host,
			  void *foreign);

#endif
