/* BSD <-> Linux ioctl commands and terminal settings (abi/bsd/ioctl.h).
 * Linux's kernel termios (asm/termbits.h), not glibc's, is the host side. */
#include "abi/bsd/ioctl.h"

#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <errno.h>
#include <string.h>

/* The encoding checked against values BSD programs are known to pass. */
_Static_assert(BSD_TIOCGETA == 0x402c7413, "TIOCGETA");
_Static_assert(BSD_TIOCSETAF == 0x802c7416, "TIOCSETAF");
_Static_assert(BSD_TIOCGWINSZ == 0x40087468, "TIOCGWINSZ");
_Static_assert(BSD_FIONBIO == 0x8004667e, "FIONBIO");
_Static_assert(BSD_FIOCLEX == 0x20006601, "FIOCLEX");

static const struct xeno_flag ioctl_cmds[] = {
    XENO_ENUM("TIOCGETA", BSD_TIOCGETA, TCGETS2),
    XENO_ENUM("TIOCSETA", BSD_TIOCSETA, TCSETS2),
    XENO_ENUM("TIOCSETAW", BSD_TIOCSETAW, TCSETSW2),
    XENO_ENUM("TIOCSETAF", BSD_TIOCSETAF, TCSETSF2),
    XENO_ENUM("TIOCGWINSZ", BSD_TIOCGWINSZ, TIOCGWINSZ),
    XENO_ENUM("TIOCSWINSZ", BSD_TIOCSWINSZ, TIOCSWINSZ),
    XENO_ENUM("TIOCSCTTY", BSD_TIOCSCTTY, TIOCSCTTY),
    XENO_ENUM("TIOCNOTTY", BSD_TIOCNOTTY, TIOCNOTTY),
    XENO_ENUM("TIOCGSID", BSD_TIOCGSID, TIOCGSID),
    XENO_ENUM("TIOCGPGRP", BSD_TIOCGPGRP, TIOCGPGRP),
    XENO_ENUM("TIOCSPGRP", BSD_TIOCSPGRP, TIOCSPGRP),
    XENO_ENUM("FIOCLEX", BSD_FIOCLEX, FIOCLEX),
    XENO_ENUM("FIONCLEX", BSD_FIONCLEX, FIONCLEX),
    XENO_ENUM("FIONREAD", BSD_FIONREAD, FIONREAD),
    XENO_ENUM("FIONBIO", BSD_FIONBIO, FIONBIO),
    XENO_ENUM("FIOASYNC", BSD_FIOASYNC, FIOASYNC),
};
const struct xeno_flagset bsd_ioctl_flagset = XENO_FLAGSET("ioctl", ioctl_cmds, 1);

#define HOST_ONLY BSD_HOST_ONLY

/* input flags */
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
const struct xeno_flagset bsd_iflag_flagset = XENO_FLAGSET("iflag", iflags, 0);

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
const struct xeno_flagset bsd_oflag_flagset = XENO_FLAGSET("oflag", oflags, 0);

/* local flags */
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
const struct xeno_flagset bsd_lflag_flagset = XENO_FLAGSET("lflag", lflags, 0);

/* c_cc slot -> Linux slot, -1 where Linux has none (FreeBSD's VERASE2 in
 * slot 7, spare on NetBSD). */
static const int8_t cc_slot[BSD_NCCS] = {
    [BSD_VEOF] = VEOF,	       [BSD_VEOL] = VEOL,
    [BSD_VEOL2] = VEOL2,       [BSD_VERASE] = VERASE,
    [BSD_VWERASE] = VWERASE,   [BSD_VKILL] = VKILL,
    [BSD_VREPRINT] = VREPRINT, [7] = -1,
    [BSD_VINTR] = VINTR,       [BSD_VQUIT] = VQUIT,
    [BSD_VSUSP] = VSUSP,       [BSD_VDSUSP] = -1,
    [BSD_VSTART] = VSTART,     [BSD_VSTOP] = VSTOP,
    [BSD_VLNEXT] = VLNEXT,     [BSD_VDISCARD] = VDISCARD,
    [BSD_VMIN] = VMIN,	       [BSD_VTIME] = VTIME,
    [BSD_VSTATUS] = -1,	       [19] = -1, /* spare */
};

/* VMIN and VTIME are counts; every other slot is a character, disabled by
 * 0xff on the BSDs and by 0 on Linux. */
static int is_count_slot(int slot)
{
	return slot == BSD_VMIN || slot == BSD_VTIME;
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

static void speeds_to_host(const struct bsd_termios *f, struct termios2 *h)
{
	uint32_t ospeed = f->c_ospeed;
	uint32_t ispeed = f->c_ispeed ? f->c_ispeed : ospeed; /* 0: as output */
	uint32_t ocode = speed_code(ospeed);
	uint32_t icode = ispeed == ospeed ? 0 : speed_code(ispeed); /* 0: as output */
	h->c_cflag = (h->c_cflag & ~(tcflag_t)(CBAUD | CIBAUD)) | ocode | (icode << IBSHIFT);
	h->c_ospeed = ospeed;
	h->c_ispeed = ispeed;
}

int bsd_termios_to_host(const struct xeno_flagset *cflags, const void *foreign,
			struct termios2 *host)
{
	const struct bsd_termios *f = foreign;
	struct termios2 h = *host;
	if (word_to_host(&bsd_iflag_flagset, f->c_iflag, &h.c_iflag) < 0 ||
	    word_to_host(&bsd_oflag_flagset, f->c_oflag, &h.c_oflag) < 0 ||
	    word_to_host(&bsd_lflag_flagset, f->c_lflag, &h.c_lflag) < 0)
		return -EINVAL;
	if (!(f->c_cflag & BSD_CIGNORE)) {
		if (word_to_host(cflags, f->c_cflag, &h.c_cflag) < 0)
			return -EINVAL;
		speeds_to_host(f, &h);
	}
	for (int i = 0; i < BSD_NCCS; i++) {
		if (cc_slot[i] < 0)
			continue;
		uint8_t c = f->c_cc[i];
		if (!is_count_slot(i) && c == BSD_POSIX_VDISABLE)
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

int bsd_termios_from_host(const struct xeno_flagset *cflags, const struct termios2 *host,
			  void *foreign)
{
	struct bsd_termios f;
	memset(&f, 0, sizeof f);
	if (word_from_host(&bsd_iflag_flagset, host->c_iflag, &f.c_iflag) < 0 ||
	    word_from_host(&bsd_oflag_flagset, host->c_oflag, &f.c_oflag) < 0 ||
	    word_from_host(cflags, host->c_cflag, &f.c_cflag) < 0 ||
	    word_from_host(&bsd_lflag_flagset, host->c_lflag, &f.c_lflag) < 0)
		return -EINVAL;
	for (int i = 0; i < BSD_NCCS; i++) {
		if (cc_slot[i] < 0) {
			f.c_cc[i] = BSD_POSIX_VDISABLE;
			continue;
		}
		uint8_t c = host->c_cc[cc_slot[i]];
		f.c_cc[i] = !is_count_slot(i) && c == 0 ? BSD_POSIX_VDISABLE : c;
	}
	f.c_ispeed = host->c_ispeed;
	f.c_ospeed = host->c_ospeed;
	memcpy(foreign, &f, sizeof f);
	return 0;
}
