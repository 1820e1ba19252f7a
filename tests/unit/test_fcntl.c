/* FreeBSD <-> Linux open, *at(), fcntl and lock values (abi/freebsd/fcntl.h),
 * checked against the numbers of sys/sys/fcntl.h and sys/sys/unistd.h. */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <string.h>
#include <unistd.h>

#include "abi/bsd/abi.h"
#include "abi/freebsd/abi.h"
#include "abi/freebsd/fcntl.h"

static uint64_t to_host(const struct xeno_flagset *s, uint64_t w)
{
	uint64_t out = 0xdeadbeef;
	assert_int_equal(xeno_flags_to_host(s, w, &out), 0);
	return out;
}

static uint64_t from_host(const struct xeno_flagset *s, uint64_t w)
{
	uint64_t out = 0xdeadbeef;
	assert_int_equal(xeno_flags_from_host(s, w, &out), 0);
	return out;
}

static void rejected_to_host(const struct xeno_flagset *s, uint64_t w)
{
	uint64_t out;
	assert_int_equal(xeno_flags_to_host(s, w, &out), -EINVAL);
}

/* sys/sys/fcntl.h values, spelled out, against their Linux twins. */
static void open_flags_known_values(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_open_flagset;
	assert_int_equal(to_host(s, 0x0000), O_RDONLY);
	assert_int_equal(to_host(s, 0x0001), O_WRONLY);
	assert_int_equal(to_host(s, 0x0002), O_RDWR);
	assert_int_equal(to_host(s, 0x0004), O_NONBLOCK);
	assert_int_equal(to_host(s, 0x0008), O_APPEND);
	assert_int_equal(to_host(s, 0x0040), O_ASYNC);
	assert_int_equal(to_host(s, 0x0080), O_SYNC);
	assert_int_equal(to_host(s, 0x0100), O_NOFOLLOW);
	assert_int_equal(to_host(s, 0x0200), O_CREAT);
	assert_int_equal(to_host(s, 0x0400), O_TRUNC);
	assert_int_equal(to_host(s, 0x0800), O_EXCL);
	assert_int_equal(to_host(s, 0x8000), O_NOCTTY);
	assert_int_equal(to_host(s, 0x00010000), O_DIRECT);
	assert_int_equal(to_host(s, 0x00020000), O_DIRECTORY);
	assert_int_equal(to_host(s, 0x00100000), O_CLOEXEC);
	assert_int_equal(to_host(s, 0x00400000), O_PATH);
	assert_int_equal(to_host(s, 0x01000000), O_DSYNC);
	assert_int_equal(to_host(s, 0x0601 | 0x00100000), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
}

/* Flags Linux lacks: pseudo bits for the handlers, or nothing at all. */
static void open_flags_freebsd_only(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_open_flagset;
	assert_true(to_host(s, 0x0010) == BSD_O_SHLOCK);
	assert_true(to_host(s, 0x0020) == BSD_O_EXLOCK);
	assert_true(to_host(s, 0x00040000) == BSD_O_EXEC);
	assert_true(to_host(s, 0x00800000) == BSD_O_BENEATH);
	assert_true(to_host(s, 0x02000000) == BSD_O_EMPTY_PATH);
	assert_int_equal(to_host(s, 0x00080000), 0); /* O_TTY_INIT */
	assert_int_equal(to_host(s, 0x00200000), 0); /* O_VERIFY */
	/* O_SEARCH is O_EXEC's bit */
	assert_int_equal(FREEBSD_O_SEARCH, FREEBSD_O_EXEC);
	/* the pseudo bits lie where no Linux open flag can */
	assert_true((BSD_PSEUDO_MASK & 0xffffffffULL) == 0);
	uint64_t all = to_host(s, 0x03ffff3f & ~0x7000 & ~0x3);
	assert_true((all & ~BSD_PSEUDO_MASK) >> 32 == 0);
}

static void open_flags_rejected(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_open_flagset;
	rejected_to_host(s, 0x0003); /* O_ACCMODE itself is no mode */
	rejected_to_host(s, 0x1000); /* undefined bits */
	rejected_to_host(s, 0x2000);
	rejected_to_host(s, 0x4000); /* FHASLOCK: kernel-only */
	rejected_to_host(s, 0x04000000);
	rejected_to_host(s, 0x80000000);
	rejected_to_host(s, 0x0202 | 0x10000000);
}

static void open_flags_from_host(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_open_flagset;
	assert_int_equal(from_host(s, O_RDWR | O_NONBLOCK | O_APPEND), 0x000e);
	assert_int_equal(from_host(s, O_WRONLY | O_DIRECT), 0x00010001);
	/* Linux's O_SYNC contains its O_DSYNC bit: it reads back as O_SYNC */
	assert_int_equal(from_host(s, O_SYNC), 0x0080);
	assert_int_equal(from_host(s, O_DSYNC), 0x01000000);
	assert_int_equal(from_host(s, O_PATH), 0x00400000);
	uint64_t out;
	assert_int_equal(xeno_flags_from_host(s, O_NOATIME, &out), -EINVAL);
}

static void open_flags_round_trip(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_open_flagset;
	static const uint32_t words[] = {0x0,	 0x1,	     0x2,	 0x0e,	    0x0281,
					 0x0b02, 0x00128000, 0x01000001, 0x00030000};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		assert_int_equal(from_host(s, to_host(s, words[i])), words[i]);
}

static void setfl_mask(void **state)
{
	(void)state;
	/* FCNTLFLAGS: FAPPEND|FASYNC|FFSYNC|FDSYNC|FNONBLOCK|O_DIRECT, less FRDAHEAD */
	assert_int_equal(freebsd_bsd_abi.setfl_mask,
			 0x0008 | 0x0040 | 0x0080 | 0x01000000 | 0x0004 | 0x00010000);
	assert_int_equal(FREEBSD_FRDAHEAD, FREEBSD_O_CREAT);
}

static void at_flags(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_at_flagset;
	assert_int_equal(to_host(s, 0x0100), AT_EACCESS);
	assert_int_equal(to_host(s, 0x0200), AT_SYMLINK_NOFOLLOW);
	assert_int_equal(to_host(s, 0x0400), AT_SYMLINK_FOLLOW);
	assert_int_equal(to_host(s, 0x4000), AT_EMPTY_PATH);
	/* Linux's AT_REMOVEDIR is AT_EACCESS: FreeBSD's must stay apart */
	assert_true(to_host(s, 0x0800) == BSD_AT_REMOVEDIR);
	assert_true(to_host(s, 0x0800) != to_host(s, 0x0100));
	assert_true(to_host(s, 0x2000) == BSD_AT_BENEATH);
	rejected_to_host(s, 0x1000); /* was AT_BENEATH */
	rejected_to_host(s, 0x0001);
	rejected_to_host(s, 0x8000);
	assert_int_equal(freebsd_bsd_abi.at_fdcwd, -100);
}

static void fcntl_commands(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &freebsd_fcntlcmd_flagset;
	assert_int_equal(to_host(s, 0), F_DUPFD);
	assert_int_equal(to_host(s, 1), F_GETFD);
	assert_int_equal(to_host(s, 2), F_SETFD);
	assert_int_equal(to_host(s, 3), F_GETFL);
	assert_int_equal(to_host(s, 4), F_SETFL);
	assert_int_equal(to_host(s, 5), F_GETOWN);
	assert_int_equal(to_host(s, 6), F_SETOWN);
	assert_int_equal(to_host(s, 11), F_GETLK);
	assert_int_equal(to_host(s, 12), F_SETLK);
	assert_int_equal(to_host(s, 13), F_SETLKW);
	assert_int_equal(to_host(s, 17), F_DUPFD_CLOEXEC);
	assert_int_equal(to_host(s, 19), F_ADD_SEALS);
	assert_int_equal(to_host(s, 20), F_GET_SEALS);
	assert_true(to_host(s, 10) == BSD_F_DUP2FD);
	assert_true(to_host(s, 18) == BSD_F_DUP2FD_CLOEXEC);
	assert_true(to_host(s, 7) == BSD_F_OGETLK);
	assert_true(to_host(s, 21) == BSD_F_ISUNIONSTACK);
	assert_true(to_host(s, 22) == BSD_F_KINFO);
	rejected_to_host(s, 23);
	rejected_to_host(s, 1030); /* Linux's F_DUPFD_CLOEXEC means nothing */
	/* and back, for the commands Linux has */
	assert_int_equal(from_host(s, F_GETLK), 11);
	assert_int_equal(from_host(s, F_GETOWN), 5);
	assert_int_equal(from_host(s, F_DUPFD_CLOEXEC), 17);
}

static void small_sets(void **state)
{
	(void)state;
	assert_int_equal(to_host(&bsd_fdflags_flagset, 1), FD_CLOEXEC);
	rejected_to_host(&bsd_fdflags_flagset, 2);
	assert_int_equal(to_host(&freebsd_seals_flagset, 0xf),
			 F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
	rejected_to_host(&freebsd_seals_flagset, 0x10);
	assert_int_equal(from_host(&freebsd_seals_flagset, F_SEAL_WRITE), 8);
	assert_int_equal(to_host(&freebsd_closerange_flagset, 4), CLOSE_RANGE_CLOEXEC);
	rejected_to_host(&freebsd_closerange_flagset, 2); /* Linux's CLOSE_RANGE_UNSHARE */
	assert_int_equal(to_host(&bsd_access_flagset, 0), F_OK);
	assert_int_equal(to_host(&bsd_access_flagset, 7), R_OK | W_OK | X_OK);
	rejected_to_host(&bsd_access_flagset, 8);
	assert_int_equal(to_host(&freebsd_whence_flagset, 3), SEEK_DATA);
	assert_int_equal(to_host(&freebsd_whence_flagset, 4), SEEK_HOLE);
	rejected_to_host(&freebsd_whence_flagset, 5);
	assert_int_equal(to_host(&bsd_fadvise_flagset, 4), POSIX_FADV_DONTNEED);
	assert_int_equal(to_host(&bsd_fadvise_flagset, 5), POSIX_FADV_NOREUSE);
	rejected_to_host(&bsd_fadvise_flagset, 6);
}

/* F_RDLCK/F_UNLCK/F_WRLCK are 1/2/3 on FreeBSD, 0/2/1 on Linux. */
static void lock_types(void **state)
{
	(void)state;
	const struct xeno_flagset *s = &bsd_locktype_flagset;
	assert_int_equal(to_host(s, 1), F_RDLCK);
	assert_int_equal(to_host(s, 2), F_UNLCK);
	assert_int_equal(to_host(s, 3), F_WRLCK);
	assert_int_equal(from_host(s, F_RDLCK), 1);
	assert_int_equal(from_host(s, F_WRLCK), 3);
	rejected_to_host(s, 0);
	rejected_to_host(s, 4); /* F_UNLCKSYS: the NFS lock daemon's */
}

/* struct flock: l_start 0, l_len 8, l_pid 16, l_type 20, l_whence 22,
 * l_sysid 24, 32 bytes. */
static void flock_both_ways(void **state)
{
	(void)state;
	unsigned char raw[32];
	int64_t start = 0x1122334455667788LL, len = -5;
	int32_t pid = 4321, sysid = 0;
	int16_t type = 3, whence = 1;
	memcpy(raw + 0, &start, 8);
	memcpy(raw + 8, &len, 8);
	memcpy(raw + 16, &pid, 4);
	memcpy(raw + 20, &type, 2);
	memcpy(raw + 22, &whence, 2);
	memcpy(raw + 24, &sysid, 4);
	memset(raw + 28, 0, 4);
	struct flock fl;
	assert_int_equal(freebsd_flock_to_host(raw, &fl), 0);
	assert_int_equal(fl.l_type, F_WRLCK);
	assert_int_equal(fl.l_whence, SEEK_CUR);
	assert_true(fl.l_start == start);
	assert_true(fl.l_len == len);
	assert_int_equal(fl.l_pid, pid);

	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_END;
	unsigned char back[32];
	memset(back, 0xa5, sizeof back);
	assert_int_equal(freebsd_flock_from_host(&fl, back), 0);
	int16_t t16, w16;
	int32_t s32;
	memcpy(&t16, back + 20, 2);
	memcpy(&w16, back + 22, 2);
	memcpy(&s32, back + 24, 4);
	assert_int_equal(t16, 2);
	assert_int_equal(w16, 2);
	assert_int_equal(s32, 0);
	assert_memory_equal(back, raw, 16); /* l_start, l_len unchanged */

	type = 4; /* F_UNLCKSYS */
	memcpy(raw + 20, &type, 2);
	assert_int_equal(freebsd_flock_to_host(raw, &fl), -EINVAL);
	type = 1;
	whence = 9;
	memcpy(raw + 20, &type, 2);
	memcpy(raw + 22, &whence, 2);
	assert_int_equal(freebsd_flock_to_host(raw, &fl), -EINVAL);
}

/* Every set the tracer decodes is registered under its syscalls.master name. */
static void registered_for_the_tracer(void **state)
{
	(void)state;
	static const char *const names[] = {"open",   "at",	 "fcntlcmd",   "access",
					    "whence", "fadvise", "closerange", "ioctl"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int found = 0;
		for (const struct xeno_flagset *const *s = freebsd_flagsets; *s; s++)
			found |= strcmp((*s)->name, names[i]) == 0;
		assert_true(found);
	}
	char buf[128];
	xeno_flags_format(&freebsd_open_flagset, 0x00100601, buf, sizeof buf);
	assert_string_equal(buf, "O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC");
	xeno_flags_format(&freebsd_fcntlcmd_flagset, 10, buf, sizeof buf);
	assert_string_equal(buf, "F_DUP2FD");
}

int main(void)
{
	RUN(cmocka_unit_test(open_flags_known_values), cmocka_unit_test(open_flags_freebsd_only),
	    cmocka_unit_test(open_flags_rejected), cmocka_unit_test(open_flags_from_host),
	    cmocka_unit_test(open_flags_round_trip), cmocka_unit_test(setfl_mask),
	    cmocka_unit_test(at_flags), cmocka_unit_test(fcntl_commands),
	    cmocka_unit_test(small_sets), cmocka_unit_test(lock_types),
	    cmocka_unit_test(flock_both_ways), cmocka_unit_test(registered_for_the_tracer));
}
