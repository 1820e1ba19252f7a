/* Linux statx -> FreeBSD struct stat (both forms), the dev_t encoding and
 * the utimensat times (abi/freebsd/stat.h).  Offsets are checked on raw
 * bytes against the amd64 layouts of sys/sys/stat.h. */
#include "unit.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "abi/freebsd/stat.h"

static uint64_t u64_at(const void *p, size_t off)
{
	uint64_t v;
	memcpy(&v, (const char *)p + off, sizeof v);
	return v;
}

static uint32_t u32_at(const void *p, size_t off)
{
	uint32_t v;
	memcpy(&v, (const char *)p + off, sizeof v);
	return v;
}

static uint16_t u16_at(const void *p, size_t off)
{
	uint16_t v;
	memcpy(&v, (const char *)p + off, sizeof v);
	return v;
}

/* sys/sys/types.h makedev: major 0xAABBCCDD, minor 0x11223344 go to
 * major's upper bytes at 40-63, its low byte at 8-15; minor's bits 8-15 at
 * 32-39, the rest in place. */
static void dev_encoding(void **state)
{
	(void)state;
	assert_true(freebsd_dev_from_host(0, 0) == 0);
	assert_true(freebsd_dev_from_host(1, 0) == 0x100);
	assert_true(freebsd_dev_from_host(0, 1) == 0x1);
	assert_true(freebsd_dev_from_host(0, 0x100) == 0x100000000ULL);
	assert_true(freebsd_dev_from_host(0x100, 0) == 0x10000000000ULL);
	assert_true(freebsd_dev_from_host(0xAABBCCDD, 0x11223344) == 0xAABBCC331122DD44ULL);
	/* Linux's /dev/null is 1:3, /dev/tty 5:0, sda1 8:1 */
	assert_true(freebsd_dev_from_host(1, 3) == 0x103);
	assert_true(freebsd_dev_from_host(8, 1) == 0x801);
	uint32_t ma, mi;
	static const uint32_t samples[][2] = {{0, 0},
					      {1, 3},
					      {259, 65536},
					      {4095, 1048575},
					      {0xffffffff, 0xffffffff},
					      {0xAABBCCDD, 0x11223344}};
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		freebsd_dev_to_host(freebsd_dev_from_host(samples[i][0], samples[i][1]), &ma, &mi);
		assert_int_equal(ma, samples[i][0]);
		assert_int_equal(mi, samples[i][1]);
	}
}

/* A statx with a distinct value in every field FreeBSD shows. */
static struct statx sample_statx(void)
{
	struct statx stx;
	memset(&stx, 0, sizeof stx);
	stx.stx_mask = STATX_BASIC_STATS | STATX_BTIME;
	stx.stx_blksize = 8192;
	stx.stx_attributes = STATX_ATTR_APPEND | STATX_ATTR_NODUMP | STATX_ATTR_COMPRESSED;
	stx.stx_attributes_mask =
	    STATX_ATTR_APPEND | STATX_ATTR_NODUMP | STATX_ATTR_IMMUTABLE | STATX_ATTR_COMPRESSED;
	stx.stx_nlink = 0x11223;
	stx.stx_uid = 1001;
	stx.stx_gid = 2002;
	stx.stx_mode = S_IFREG | 04755;
	stx.stx_ino = 0x123456789aULL;
	stx.stx_size = 0x7766554433ULL;
	stx.stx_blocks = 4242;
	stx.stx_atime = (struct statx_timestamp){.tv_sec = 1700000001, .tv_nsec = 111};
	stx.stx_btime = (struct statx_timestamp){.tv_sec = 1600000002, .tv_nsec = 222};
	stx.stx_ctime = (struct statx_timestamp){.tv_sec = 1700000003, .tv_nsec = 333};
	stx.stx_mtime = (struct statx_timestamp){.tv_sec = 1700000004, .tv_nsec = 444};
	stx.stx_rdev_major = 5;
	stx.stx_rdev_minor = 0x1234;
	stx.stx_dev_major = 259;
	stx.stx_dev_minor = 7;
	return stx;
}

static void stat12_every_field(void **state)
{
	(void)state;
	struct statx stx = sample_statx();
	unsigned char raw[224];
	memset(raw, 0xa5, sizeof raw);
	freebsd12_stat_from_host(&stx, (struct freebsd12_stat *)raw);
	assert_true(u64_at(raw, 0) == freebsd_dev_from_host(259, 7));	       /* st_dev */
	assert_true(u64_at(raw, 8) == 0x123456789aULL);			       /* st_ino */
	assert_true(u64_at(raw, 16) == 0x11223);			       /* st_nlink */
	assert_int_equal(u16_at(raw, 24), S_IFREG | 04755);		       /* st_mode */
	assert_int_equal(u16_at(raw, 26), 0);				       /* st_padding0 */
	assert_int_equal(u32_at(raw, 28), 1001);			       /* st_uid */
	assert_int_equal(u32_at(raw, 32), 2002);			       /* st_gid */
	assert_int_equal(u32_at(raw, 36), 0);				       /* st_padding1 */
	assert_true(u64_at(raw, 40) == freebsd_dev_from_host(5, 0x1234));      /* st_rdev */
	assert_true(u64_at(raw, 48) == 1700000001 && u64_at(raw, 56) == 111);  /* st_atim */
	assert_true(u64_at(raw, 64) == 1700000004 && u64_at(raw, 72) == 444);  /* st_mtim */
	assert_true(u64_at(raw, 80) == 1700000003 && u64_at(raw, 88) == 333);  /* st_ctim */
	assert_true(u64_at(raw, 96) == 1600000002 && u64_at(raw, 104) == 222); /* birthtim */
	assert_true(u64_at(raw, 112) == 0x7766554433ULL);		       /* st_size */
	assert_true(u64_at(raw, 120) == 4242);				       /* st_blocks */
	assert_int_equal(u32_at(raw, 128), 8192);			       /* st_blksize */
	assert_int_equal(u32_at(raw, 132), 0x00000001 | 0x00040000); /* UF_NODUMP|SF_APPEND */
	assert_true(u64_at(raw, 136) == 0);			     /* st_gen */
	for (size_t off = 144; off < 224; off++)		     /* st_spare */
		assert_int_equal(raw[off], 0);
}

static void stat12_defaults(void **state)
{
	(void)state;
	struct statx stx = sample_statx();
	stx.stx_mask &= ~STATX_BTIME;
	stx.stx_blksize = 512;
	stx.stx_attributes = STATX_ATTR_IMMUTABLE;
	struct freebsd12_stat st;
	freebsd12_stat_from_host(&stx, &st);
	/* no birth time on the file system: -1 s, as FreeBSD reports it */
	assert_true(st.st_birthtim.tv_sec == -1 && st.st_birthtim.tv_nsec == 0);
	/* vn_stat: at least a page */
	assert_int_equal(st.st_blksize, 4096);
	assert_int_equal(st.st_flags, 0x00020000); /* SF_IMMUTABLE */
	/* an attribute the mask does not vouch for is not reported */
	stx.stx_attributes_mask = 0;
	freebsd12_stat_from_host(&stx, &st);
	assert_int_equal(st.st_flags, 0);
}

static void stat11_every_field(void **state)
{
	(void)state;
	struct statx stx = sample_statx();
	unsigned char raw[120];
	memset(raw, 0xa5, sizeof raw);
	freebsd11_stat_from_host(&stx, (struct freebsd11_stat *)raw);
	assert_int_equal(u32_at(raw, 0), (uint32_t)freebsd_dev_from_host(259, 7)); /* st_dev */
	assert_int_equal(u32_at(raw, 4), 0x3456789a);	   /* st_ino, cut to 32 bits */
	assert_int_equal(u16_at(raw, 8), S_IFREG | 04755); /* st_mode */
	assert_int_equal(u16_at(raw, 10), 0x1223);	   /* st_nlink, cut to 16 bits */
	assert_int_equal(u32_at(raw, 12), 1001);	   /* st_uid */
	assert_int_equal(u32_at(raw, 16), 2002);	   /* st_gid */
	assert_int_equal(u32_at(raw, 20), (uint32_t)freebsd_dev_from_host(5, 0x1234));
	assert_true(u64_at(raw, 24) == 1700000001 && u64_at(raw, 32) == 111); /* st_atim */
	assert_true(u64_at(raw, 40) == 1700000004 && u64_at(raw, 48) == 444); /* st_mtim */
	assert_true(u64_at(raw, 56) == 1700000003 && u64_at(raw, 64) == 333); /* st_ctim */
	assert_true(u64_at(raw, 72) == 0x7766554433ULL);		      /* st_size */
	assert_true(u64_at(raw, 80) == 4242);				      /* st_blocks */
	assert_int_equal(u32_at(raw, 88), 8192);			      /* st_blksize */
	assert_int_equal(u32_at(raw, 92), 0x00040001);			      /* st_flags */
	assert_int_equal(u32_at(raw, 96), 0);				      /* st_gen */
	assert_int_equal(u32_at(raw, 100), 0);				      /* st_lspare */
	assert_true(u64_at(raw, 104) == 1600000002 && u64_at(raw, 112) == 222);
}

/* The same dev, so the same bits the wide st_dev keeps low. */
static void stat11_dev_is_the_low_word(void **state)
{
	(void)state;
	struct statx stx = sample_statx();
	stx.stx_dev_major = 0x100; /* lands above bit 32: lost in the old form */
	stx.stx_dev_minor = 0x5;
	struct freebsd11_stat st;
	freebsd11_stat_from_host(&stx, &st);
	assert_int_equal(st.st_dev, 0x5);
}

static void utimens_both_ways(void **state)
{
	(void)state;
	struct bsd_timespec in[2] = {{100, -1}, {200, -2}};
	struct timespec out[2];
	assert_int_equal(freebsd_utimens_to_host(in, out), 0);
	assert_true(out[0].tv_nsec == UTIME_NOW && out[1].tv_nsec == UTIME_OMIT);
	assert_true(out[0].tv_sec == 100 && out[1].tv_sec == 200);
	in[0].tv_nsec = 999999999;
	in[1].tv_nsec = 0;
	assert_int_equal(freebsd_utimens_to_host(in, out), 0);
	assert_true(out[0].tv_nsec == 999999999 && out[1].tv_nsec == 0);
	in[1].tv_nsec = 1000000000;
	assert_int_equal(freebsd_utimens_to_host(in, out), -EINVAL);
	in[1].tv_nsec = -3;
	assert_int_equal(freebsd_utimens_to_host(in, out), -EINVAL);
	/* Linux's own special values mean nothing to FreeBSD */
	in[1].tv_nsec = UTIME_NOW;
	assert_int_equal(freebsd_utimens_to_host(in, out), -EINVAL);

	struct timespec h[2] = {{5, UTIME_OMIT}, {6, UTIME_NOW}};
	struct bsd_timespec f[2];
	assert_int_equal(freebsd_utimens_from_host(h, f), 0);
	assert_true(f[0].tv_nsec == -2 && f[1].tv_nsec == -1 && f[1].tv_sec == 6);
	h[0].tv_nsec = -7;
	assert_int_equal(freebsd_utimens_from_host(h, f), -EINVAL);
}

int main(void)
{
	RUN(cmocka_unit_test(dev_encoding), cmocka_unit_test(stat12_every_field),
	    cmocka_unit_test(stat12_defaults), cmocka_unit_test(stat11_every_field),
	    cmocka_unit_test(stat11_dev_is_the_low_word), cmocka_unit_test(utimens_both_ways));
}
