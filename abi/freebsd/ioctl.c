/* FreeBSD <-> Linux ioctl commands and terminal settings (abi/freebsd/ioctl.h).
 * Linux's kernel termios (asm/termbits.h), not glibc's, is the host side. */
#include "abi/freebsd/ioctl.h"

#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <errno.h>
#include <string.h>

/* The encoding checked against values FreeBSD programs are known to pass. */
_Static_assert(FREEBSD_TIOCGETA == 0x402c7413, "TIOCGETA");
_Static_assert(FREEBSD_TIOCSETAF == 0x802c7416, "TIOCSETAF");
_Static_assert(FREEBSD_TIOCGWINSZ == 0x40087468, "TIOCGWINSZ");
_Static_assert(FREEBSD_FIONBIO == 0x8004667e, "FIONBIO");
_Static_assert(FREEBSD_FIOCLEX == 0x20006601, "FIOCLEX");

static const struct xeno_flag ioctl_cmds[] = {
    XENO_ENUM("TIOCGETA", FREEBSD_TIOCGETA, TCGETS2),
    XENO_ENUM("TIOCSETA", FREEBSD_TIOCSETA, TCSETS2),
    XENO_ENUM("TIOCSETAW", FREEBSD_TIOCSETAW, TCSETSW2),
    XENO_ENUM("TIOCSETAF", FREEBSD_TIOCSETAF, TCSETSF2),
    XENO_ENUM("TIOCGWINSZ", FREEBSD_TIOCGWINSZ, TIOCGWINSZ),
    XENO_ENUM("TIOCSWINSZ", FREEBSD_TIOCSWINSZ, TIOCSWINSZ),
    XENO_ENUM("TIOCSCTTY", FREEBSD_TIOCSCTTY, TIOCSCTTY),
    XENO_ENUM("TIOCNOTTY", FREEBSD_TIOCNOTTY, TIOCNOTTY),
    XENO_ENUM("TIOCGSID", FREEBSD_TIOCGSID, TIOCGSID),
    XENO_ENUM("TIOCGPGRP", FREEBSD_TIOCGPGRP, TIOCGPGRP),
    XENO_ENUM("TIOCSPGRP", FREEBSD_TIOCSPGRP, TIOCSPGRP),
    XENO_ENUM("FIOCLEX", FREEBSD_FIOCLEX, FIOCLEX),
    XENO_ENUM("FIONCLEX", FREEBSD_FIONCLEX, FIONCLEX),
    XENO_ENUM("FIONREAD", FREEBSD_FIONREAD, FIONREAD),
    XENO_ENUM("FIONBIO", FREEBSD_FIONBIO, FIONBIO),
    XENO_ENUM("FIOASYNC", FREEBSD_FIOASYNC, FIOASYNC),
};
const struct xeno_flagset freebsd_ioctl_flagset = XENO_FLAGSET("ioctl", ioctl_cmds, 1);

/* A Linux-only part: dropped when read, kept from the terminal when set. */
#define HOST_ONLY(name, mask, val) XENO_FIELD(name, 0, 0, (mask), (val))

/* sys/sys/_termios.h input flags */
static const struct xeno_flag iflags[] = {
    XENO_FLAG("IGNBRK", 0x00000001, IGNBRK),   XENO_FLAG("BRKINT", 0x00000002, BRKINT),
    XENO_FLAG("IGNPAR", 0x00000004, IGNPAR),   XENO_FLAG("PARMRK", 0x00000008, PARMRK),
    XENO_FLAG("INPCK", 0x00000010, INPCK),     XENO_FLAG("ISTRIP", 0x00000020, ISTRIP),
    XENO_FLAG("INLCR", 0x00000040, INLCR),     XENO_FLAG("IGNCR", 0x00000080, IGNCR),
    XENO_FLAG("ICRNL", 0x00000100, ICRNL),     XENO_FLAG("IXON", 0x00000200, IXON),
    XENO_FLAG("IXOFF", 0x00000400, IXOFF),     XENO_FLAG("IXANY", 0x00000800, IXANY),
    XENO_FLAG("IMAXBEL", 0x00002000, IMAXBEL), HOST_ONLY("IUCLC", IUCLC, IUCLC),
    HOST_ONLY("IUTF8", IUTF8, IUTF8),
};
const struct xeno_flagset freebsd_iflag_flagset = XENO_FLAGSET("iflag", iflags, 0);

/* sys/sys/_termios.h output flags; TABDLY is a field (TAB0, TAB3) */
static const struct xeno_flag oflags[] = {
    XENO_FLAG("OPOST", 0x00000001, OPOST),
    XENO_FLAG("ONLCR", 0x00000002, ONLCR),
    XENO_FIELD("TAB3", 0x00000004, 0x00000004, TABDLY, TAB3),
    XENO_FIELD("TAB0", 0x00000004, 0x00000000, TABDLY, TAB0),
    XENO_FLAG_FOREIGN("ONOEOT", 0x00000008),
    XENO_FLAG("OCRNL", 0x00000010, OCRNL),
    XENO_FLAG("ONOCR", 0x00000020, ONOCR),
    XENO_FLAG("ONLRET", 0x00000040, ONLRET),
    HOST_ONLY("TAB1", TABDLY, TAB1),
    HOST_ONLY("TAB2", TABDLY, TAB2),
    HOST_ONLY("OLCUC", OLCUC, OLCUC),
    HOST_ONLY("OFILL", OFILL, OFILL),
    HOST_ONLY("OFDEL", OFDEL, OFDEL),
    HOST_ONLY("NLDLY", NLDLY, NL1),
    HOST_ONLY("CR1", CRDLY, CR1),
    HOST_ONLY("CR2", CRDLY, CR2),
    HOST_ONLY("CR3", CRDLY, CR3),
    HOST_ONLY("BSDLY", BSDLY, BS1),
    HOST_ONLY("VTDLY", VTDLY, VT1),
    HOST_ONLY("FFDLY", FFDLY, FF1),
};
const struct xeno_flagset freebsd_oflag_flagset = XENO_FLAGSET("oflag", oflags, 0);

/* sys/sys/_termios.h control flags.  CIGNORE (leave the control flags alone)
 * is acted on by freebsd_termios_to_host; the modem flow controls other than
 * CTS/RTS have no Linux twin and are accepted as no-ops.  The speed bits
 * (CBAUD, CIBAUD) are handled with c_ispeed/c_ospeed. */
static const struct xeno_flag cflags[] = {
    XENO_FLAG_FOREIGN("CIGNORE", 0x00000001),
    XENO_FIELD("CS5", 0x00000300, 0x00000000, CSIZE, CS5),
    XENO_FIELD("CS6", 0x00000300, 0x00000100, CSIZE, CS6),
    XENO_FIELD("CS7", 0x00000300, 0x00000200, CSIZE, CS7),
    XENO_FIELD("CS8", 0x00000300, 0x00000300, CSIZE, CS8),
    XENO_FLAG("CSTOPB", 0x00000400, CSTOPB),
    XENO_FLAG("CREAD", 0x00000800, CREAD),
    XENO_FLAG("PARENB", 0x00001000, PARENB),
    XENO_FLAG("PARODD", 0x00002000, PARODD),
    XENO_FLAG("HUPCL", 0x00004000, HUPCL),
    XENO_FLAG("CLOCAL", 0x00008000, CLOCAL),
    XENO_FIELD("CRTSCTS", 0x00030000, 0x00030000, CRTSCTS, CRTSCTS),
    XENO_FLAG_FOREIGN("CCTS_OFLOW", 0x00010000),
    XENO_FLAG_FOREIGN("CRTS_IFLOW", 0x00020000),
    XENO_FLAG_FOREIGN("CDTR_IFLOW", 0x00040000),
    XENO_FLAG_FOREIGN("CDSR_OFLOW", 0x00080000),
    XENO_FLAG_FOREIGN("CCAR_OFLOW", 0x00100000),
    HOST_ONLY("CBAUD", CBAUD, CBAUD),
    HOST_ONLY("CIBAUD", CIBAUD, CIBAUD),
    HOST_ONLY("CMSPAR", CMSPAR, CMSPAR),
    HOST_ONLY("ADDRB", ADDRB, ADDRB),
};
const struct xeno_flagset freebsd_cflag_flagset = XENO_FLAGSET("cflag", cflags, 0);

/* sys/sys/_termios.h local flags */
static const struct xeno_flag lflags[] = {
    XENO_FLAG("ECHOKE", 0x00000001, ECHOKE),	 XENO_FLAG("ECHOE", 0x00000002, ECHOE),
    XENO_FLAG("ECHOK", 0x00000004, ECHOK),	 XENO_FLAG("ECHO", 0x00000008, ECHO),
    XENO_FLAG("ECHONL", 0x00000010, ECHONL),	 XENO_FLAG("ECHOPRT", 0x00000020, ECHOPRT),
    XENO_FLAG("ECHOCTL", 0x00000040, ECHOCTL),	 XENO_FLAG("ISIG", 0x00000080, ISIG),
    XENO_FLAG("ICANON", 0x00000100, ICANON),	 XENO_FLAG_FOREIGN("ALTWERASE", 0x00000200),
    XENO_FLAG("IEXTEN", 0x00000400, IEXTEN),	 XENO_FLAG("EXTPROC", 0x00000800, EXTPROC),
    XENO_FLAG("TOSTOP", 0x00400000, TOSTOP),	 XENO_FLAG("FLUSHO", 0x00800000, FLUSHO),
    XENO_FLAG_FOREIGN("NOKERNINFO", 0x02000000), XENO_FLAG("PENDIN", 0x20000000, PENDIN),
    XENO_FLAG("NOFLSH", 0x80000000, NOFLSH),	 HOST_ONLY("XCASE", XCASE, XCASE),
};
const struct xeno_flagset freebsd_lflag_flagset = XENO_FLAGSET("lflag", lflags, 0);

#define FREEBSD_CIGNORE 0x00000001

/* FreeBSD c_cc slot -> Linux slot, -1 where Linux has none. */
static const int8_t cc_slot[FREEBSD_NCCS] = {
    [FREEBSD_VEOF] = VEOF,	   [FREEBSD_VEOL] = VEOL,
    [FREEBSD_VEOL2] = VEOL2,	   [FREEBSD_VERASE] = VERASE,
    [FREEBSD_VWERASE] = VWERASE,   [FREEBSD_VKILL] = VKILL,
    [FREEBSD_VREPRINT] = VREPRINT, [FREEBSD_VERASE2] = -1,
    [FREEBSD_VINTR] = VINTR,	   [FREEBSD_VQUIT] = VQUIT,
    [FREEBSD_VSUSP] = VSUSP,	   [FREEBSD_VDSUSP] = -1,
    [FREEBSD_VSTART] = VSTART,	   [FREEBSD_VSTOP] = VSTOP,
    [FREEBSD_VLNEXT] = VLNEXT,	   [FREEBSD_VDISCARD] = VDISCARD,
    [FREEBSD_VMIN] = VMIN,	   [FREEBSD_VTIME] = VTIME,
    [FREEBSD_VSTATUS] = -1,	   [19] = -1, /* spare */
};

/* VMIN and VTIME are counts; every other slot is a character, disabled by
 * 0xff on FreeBSD and by 0 on Linux. */
static int is_count_slot(int slot)
{
	return slot == FREEBSD_VMIN || slot == FREEBSD_VTIME;
}

/* Linux's standard speeds with their CBAUD codes; others need BOTHER. */
static const struct {
	uint32_t baud, code;
} speeds[] = {
    {0, B0},
    {50, B50},
    {75, B75},
    {110, B110},
    {134, B134},
    {150, B150},
    {200, B200},
    {300, B300},
    {600, B600},
    {1200, B1200},
    {1800, B1800},
    {2400, B2400},
    {4800, B4800},
    {9600, B9600},
    {19200, B19200},
    {38400, B38400},
    {57600, B57600},
    {115200, B115200},
    {230400, B230400},
    {460800, B460800},
    {500000, B500000},
    {576000, B576000},
    {921600, B921600},
    {1000000, B1000000},
    {1152000, B1152000},
    {1500000, B1500000},
    {2000000, B2000000},
    {2500000, B2500000},
    {3000000, B3000000},
    {3500000, B3500000},
    {4000000, B4000000},
};

static uint32_t speed_code(uint32_t baud)
{
	for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
		if (speeds[i].baud == baud)
			return speeds[i].code;
	return BOTHER;
}

/* The host bits a flag set names (mapped or host-only): anything else the
 * kernel reports is newer than these tables and is dropped when read. */
static uint64_t known_host_bits(const struct xeno_flagset *s)
{
	uint64_t m = 0;
	for (size_t i = 0; i < s->count; i++)
		m |= s->flags[i].hmask;
	return m;
}

/* The host bits to keep from the terminal: those only host-only parts name
 * (TAB1 shares TABDLY with TAB3, which FreeBSD sets: TABDLY is not kept). */
static uint64_t host_only_bits(const struct xeno_flagset *s)
{
	uint64_t only = 0, mapped = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (s->flags[i].fmask == 0)
			only |= s->flags[i].hmask;
		else
			mapped |= s->flags[i].hmask;
	}
	return only & ~mapped;
}

static int word_to_host(const struct xeno_flagset *s, uint32_t foreign, tcflag_t *host)
{
	uint64_t out;
	if (xeno_flags_to_host(s, foreign, &out) < 0)
		return -EINVAL;
	*host = (tcflag_t)(out | (*host & host_only_bits(s)));
	return 0;
}

static void speeds_to_host(const struct freebsd_termios *f, struct termios2 *h)
{
	uint32_t ospeed = f->c_ospeed;
	uint32_t ispeed = f->c_ispeed ? f->c_ispeed : ospeed; /* 0: as output */
	uint32_t ocode = speed_code(ospeed);
	uint32_t icode = ispeed == ospeed ? 0 : speed_code(ispeed); /* 0: as output */
	h->c_cflag = (h->c_cflag & ~(tcflag_t)(CBAUD | CIBAUD)) | ocode | (icode << IBSHIFT);
	h->c_ospeed = ospeed;
	h->c_ispeed = ispeed;
}

int freebsd_termios_to_host(const void *foreign, struct termios2 *host)
{
	const struct freebsd_termios *f = foreign;
	struct termios2 h = *host;
	if (word_to_host(&freebsd_iflag_flagset, f->c_iflag, &h.c_iflag) < 0 ||
	    word_to_host(&freebsd_oflag_flagset, f->c_oflag, &h.c_oflag) < 0 ||
	    word_to_host(&freebsd_lflag_flagset, f->c_lflag, &h.c_lflag) < 0)
		return -EINVAL;
	if (!(f->c_cflag & FREEBSD_CIGNORE)) {
		if (word_to_host(&freebsd_cflag_flagset, f->c_cflag, &h.c_cflag) < 0)
			return -EINVAL;
		speeds_to_host(f, &h);
	}
	for (int i = 0; i < FREEBSD_NCCS; i++) {
		if (cc_slot[i] < 0)
			continue;
		uint8_t c = f->c_cc[i];
		if (!is_count_slot(i) && c == FREEBSD_POSIX_VDISABLE)
			c = 0;
		h.c_cc[cc_slot[i]] = c;
	}
	*host = h;
	return 0;
}

/* Host-only state (whatever the value in its field) and bits newer than
 * these tables are dropped before the word is read. */
static int word_from_host(const struct xeno_flagset *s, tcflag_t host, uint32_t *foreign)
{
	uint64_t out;
	if (xeno_flags_from_host(s, host & known_host_bits(s) & ~host_only_bits(s), &out) < 0)
		return -EINVAL;
	*foreign = (uint32_t)out;
	return 0;
}

int freebsd_termios_from_host(const struct termios2 *host, void *foreign)
{
	struct freebsd_termios f;
	memset(&f, 0, sizeof f);
	if (word_from_host(&freebsd_iflag_flagset, host->c_iflag, &f.c_iflag) < 0 ||
	    word_from_host(&freebsd_oflag_flagset, host->c_oflag, &f.c_oflag) < 0 ||
	    word_from_host(&freebsd_cflag_flagset, host->c_cflag, &f.c_cflag) < 0 ||
	    word_from_host(&freebsd_lflag_flagset, host->c_lflag, &f.c_lflag) < 0)
		return -EINVAL;
	for (int i = 0; i < FREEBSD_NCCS; i++) {
		if (cc_slot[i] < 0) {
			f.c_cc[i] = FREEBSD_POSIX_VDISABLE;
			continue;
		}
		uint8_t c = host->c_cc[cc_slot[i]];
		f.c_cc[i] = !is_count_slot(i) && c == 0 ? FREEBSD_POSIX_VDISABLE : c;
	}
	f.c_ispeed = host->c_ispeed;
	f.c_ospeed = host->c_ospeed;
	memcpy(foreign, &f, sizeof f);
	return 0;
}
