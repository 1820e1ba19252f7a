/* FreeBSD ioctl encoding and terminal settings (abi/freebsd/ioctl.h): the
 * numbers of sys/sys/ioccom.h, ttycom.h, filio.h and _termios.h against
 * Linux's struct termios2. */
#include "unit.h"

#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <errno.h>
#include <string.h>

#include "abi/freebsd/ioctl.h"

static void command_encoding(void **state)
{
	(void)state;
	/* _IOR('t', 19, struct termios): out, 44 bytes, group 't', number 19 */
	assert_int_equal(BSD_TIOCGETA, 0x402c7413);
	assert_int_equal(BSD_TIOCSETA, 0x802c7414);
	assert_int_equal(BSD_TIOCSETAW, 0x802c7415);
	assert_int_equal(BSD_TIOCSETAF, 0x802c7416);
	assert_int_equal(BSD_TIOCGWINSZ, 0x40087468);
	assert_int_equal(BSD_TIOCSWINSZ, 0x80087467);
	assert_int_equal(BSD_FIOCLEX, 0x20006601);
	assert_int_equal(BSD_FIONCLEX, 0x20006602);
	assert_int_equal(BSD_FIONREAD, 0x4004667f);
	assert_int_equal(BSD_FIONBIO, 0x8004667e);
	assert_int_equal(BSD_FIOASYNC, 0x8004667d);
	assert_int_equal(BSD_IOCPARM_LEN(BSD_TIOCGETA), 44);
}

static void command_table(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &bsd_ioctl_flagset;
	uint64_t out;
	struct {
		uint32_t foreign;
		unsigned long host;
	} map[] = {
	    {BSD_TIOCGETA, TCGETS2},	{BSD_TIOCSETA, TCSETS2},      {BSD_TIOCSETAW, TCSETSW2},
	    {BSD_TIOCSETAF, TCSETSF2},	{BSD_TIOCGWINSZ, TIOCGWINSZ}, {BSD_TIOCSWINSZ, TIOCSWINSZ},
	    {BSD_FIONBIO, FIONBIO},	{BSD_FIOCLEX, FIOCLEX},	      {BSD_FIONCLEX, FIONCLEX},
	    {BSD_FIONREAD, FIONREAD},	{BSD_FIOASYNC, FIOASYNC},     {BSD_TIOCGPGRP, TIOCGPGRP},
	    {BSD_TIOCSPGRP, TIOCSPGRP},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		assert_int_equal(xeno_flags_to_host(s, map[i].foreign, &out), 0);
		assert_int_equal(out, map[i].host);
	}
	/* Linux's own numbers are not FreeBSD commands */
	assert_int_equal(xeno_flags_to_host(s, TCGETS, &out), -EINVAL);
	assert_int_equal(xeno_flags_to_host(s, 0x402c7499, &out), -EINVAL);
}

/* A FreeBSD "sane" terminal: the values are sys/sys/_termios.h bits. */
static struct bsd_termios sane(void)
{
	struct bsd_termios f;
	memset(&f, 0, sizeof f);
	f.c_iflag =
	    0x00000100 | 0x00000200 | 0x00002000 | 0x00000002; /* ICRNL|IXON|IMAXBEL|BRKINT */
	f.c_oflag = 0x00000001 | 0x00000002 | 0x00000004;      /* OPOST|ONLCR|TAB3 */
	f.c_cflag = 0x00000300 | 0x00000800 | 0x00004000;      /* CS8|CREAD|HUPCL */
	f.c_lflag = 0x00000001 | 0x00000002 | 0x00000008 | 0x00000040 | 0x00000080 | 0x00000100 |
		    0x00000400 |
		    0x80000000; /* ECHOKE|ECHOE|ECHO|ECHOCTL|ISIG|ICANON|IEXTEN|NOFLSH */
	memset(f.c_cc, 0xff, sizeof f.c_cc);
	f.c_cc[BSD_VINTR] = 3;
	f.c_cc[BSD_VQUIT] = 0x1c;
	f.c_cc[BSD_VERASE] = 0x7f;
	f.c_cc[BSD_VKILL] = 0x15;
	f.c_cc[BSD_VEOF] = 4;
	f.c_cc[BSD_VSTART] = 0x11;
	f.c_cc[BSD_VSTOP] = 0x13;
	f.c_cc[BSD_VSUSP] = 0x1a;
	f.c_cc[FREEBSD_VERASE2] = 8;
	f.c_cc[BSD_VSTATUS] = 0x14;
	f.c_cc[BSD_VMIN] = 1;
	f.c_cc[BSD_VTIME] = 0;
	f.c_ispeed = f.c_ospeed = 9600;
	return f;
}

static void termios_to_host_values(void **state)
{
	(void)state;
	struct bsd_termios f = sane();
	struct termios2 h;
	memset(&h, 0, sizeof h);
	h.c_iflag = IUTF8; /* Linux-only state: kept */
	h.c_line = 0;
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	assert_int_equal(h.c_iflag, ICRNL | IXON | IMAXBEL | BRKINT | IUTF8);
	assert_int_equal(h.c_oflag, OPOST | ONLCR | TAB3);
	assert_int_equal(h.c_cflag & ~(CBAUD | CIBAUD), CS8 | CREAD | HUPCL);
	assert_int_equal(h.c_cflag & CBAUD, B9600);
	assert_int_equal(h.c_cflag & CIBAUD, 0); /* input speed as output */
	assert_int_equal(h.c_ispeed, 9600);
	assert_int_equal(h.c_ospeed, 9600);
	assert_int_equal(h.c_lflag,
			 ECHOKE | ECHOE | ECHO | ECHOCTL | ISIG | ICANON | IEXTEN | NOFLSH);
	assert_int_equal(h.c_cc[VINTR], 3);
	assert_int_equal(h.c_cc[VQUIT], 0x1c);
	assert_int_equal(h.c_cc[VERASE], 0x7f);
	assert_int_equal(h.c_cc[VKILL], 0x15);
	assert_int_equal(h.c_cc[VEOF], 4);
	assert_int_equal(h.c_cc[VSTART], 0x11);
	assert_int_equal(h.c_cc[VSTOP], 0x13);
	assert_int_equal(h.c_cc[VSUSP], 0x1a);
	assert_int_equal(h.c_cc[VMIN], 1);
	assert_int_equal(h.c_cc[VTIME], 0);
	/* FreeBSD's disabled 0xff is Linux's 0 */
	assert_int_equal(h.c_cc[VEOL], 0);
	assert_int_equal(h.c_cc[VWERASE], 0);
}

static void termios_from_host_values(void **state)
{
	(void)state;
	struct termios2 h;
	memset(&h, 0, sizeof h);
	h.c_iflag = ICRNL | IXON | IXOFF | IUTF8;
	h.c_oflag = OPOST | ONLCR | NL1; /* NL1: no FreeBSD twin, dropped */
	h.c_cflag = CS7 | CREAD | PARENB | CLOCAL | CRTSCTS | B38400;
	h.c_lflag = ISIG | ICANON | ECHO | TOSTOP | XCASE;
	h.c_cc[VINTR] = 3;
	h.c_cc[VEOL] = 0; /* disabled */
	h.c_cc[VMIN] = 0;
	h.c_cc[VTIME] = 5;
	h.c_ispeed = h.c_ospeed = 38400;
	struct bsd_termios f;
	memset(&f, 0x5a, sizeof f);
	assert_int_equal(freebsd_termios_from_host(&h, &f), 0);
	assert_int_equal(f.c_iflag, 0x00000100 | 0x00000200 | 0x00000400);
	assert_int_equal(f.c_oflag, 0x00000001 | 0x00000002);
	assert_int_equal(f.c_cflag, 0x00000200 | 0x00000800 | 0x00001000 | 0x00008000 | 0x00030000);
	assert_int_equal(f.c_lflag, 0x00000080 | 0x00000100 | 0x00000008 | 0x00400000);
	assert_int_equal(f.c_cc[BSD_VINTR], 3);
	assert_int_equal(f.c_cc[BSD_VEOL], 0xff);
	assert_int_equal(f.c_cc[BSD_VMIN], 0); /* a count, not a character */
	assert_int_equal(f.c_cc[BSD_VTIME], 5);
	assert_int_equal(f.c_cc[FREEBSD_VERASE2], 0xff); /* FreeBSD-only slots */
	assert_int_equal(f.c_cc[BSD_VSTATUS], 0xff);
	assert_int_equal(f.c_cc[BSD_VDSUSP], 0xff);
	assert_int_equal(f.c_ispeed, 38400);
	assert_int_equal(f.c_ospeed, 38400);
}

static void termios_round_trip(void **state)
{
	(void)state;
	struct bsd_termios f = sane(), back;
	struct termios2 h;
	memset(&h, 0, sizeof h);
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	assert_int_equal(freebsd_termios_from_host(&h, &back), 0);
	/* FreeBSD-only slots read back disabled; the rest is unchanged */
	f.c_cc[FREEBSD_VERASE2] = 0xff;
	f.c_cc[BSD_VSTATUS] = 0xff;
	assert_memory_equal(&back, &f, sizeof f);
}

static void termios_rejected_and_special(void **state)
{
	(void)state;
	struct bsd_termios f = sane();
	struct termios2 h, before;
	memset(&h, 0, sizeof h);
	f.c_iflag |= 0x00001000; /* undefined input flag */
	assert_int_equal(freebsd_termios_to_host(&f, &h), -EINVAL);
	f = sane();
	f.c_lflag |= 0x00000200; /* ALTWERASE: known, no Linux twin */
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	/* CIGNORE: the control flags and speeds stay as they are */
	memset(&h, 0, sizeof h);
	h.c_cflag = CS7 | B1200;
	h.c_ispeed = h.c_ospeed = 1200;
	before = h;
	f = sane();
	f.c_cflag = 0x00000001 | 0x00000300;
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	assert_int_equal(h.c_cflag, before.c_cflag);
	assert_int_equal(h.c_ospeed, 1200);
	/* a speed Linux has no code for goes through BOTHER */
	f = sane();
	f.c_ospeed = 31250;
	f.c_ispeed = 0; /* as output */
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	assert_int_equal(h.c_cflag & CBAUD, BOTHER);
	assert_int_equal(h.c_ospeed, 31250);
	assert_int_equal(h.c_ispeed, 31250);
	/* different input speed */
	f.c_ospeed = 115200;
	f.c_ispeed = 9600;
	assert_int_equal(freebsd_termios_to_host(&f, &h), 0);
	assert_int_equal(h.c_cflag & CBAUD, B115200);
	assert_int_equal((h.c_cflag & CIBAUD) >> IBSHIFT, B9600);
}

int main(void)
{
	RUN(cmocka_unit_test(command_encoding), cmocka_unit_test(command_table),
	    cmocka_unit_test(termios_to_host_values), cmocka_unit_test(termios_from_host_values),
	    cmocka_unit_test(termios_round_trip), cmocka_unit_test(termios_rejected_and_special));
}
