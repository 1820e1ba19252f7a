/* FreeBSD getdirentries records (abi/freebsd/dirent.h), both forms: record
 * lengths as sys/sys/dirent.h (_GENERIC_DIRLEN) and vfs_syscalls.c
 * (freebsd11) compute them, every name length, the bytes of a record. */
#include "unit.h"

#include <errno.h>
#include <string.h>

#include "abi/bsd/dirent.h"
#include "abi/freebsd/dirent.h"

static char long_name[FREEBSD_MAXNAMLEN + 2];

static struct bsd_dirent entry(size_t namlen)
{
	return (struct bsd_dirent){
	    .ino = 0x1122334455667788ULL,
	    .off = 0x0102030405060708LL,
	    .type = 8, /* Linux DT_REG */
	    .namlen = (uint16_t)namlen,
	    .name = long_name,
	};
}

static void record_lengths(void **state)
{
	(void)state;
	/* header 24 + name + NUL, to 8; header 8 + (name + NUL to 4) */
	assert_int_equal(freebsd12_dirent_reclen(0), 32);
	assert_int_equal(freebsd12_dirent_reclen(1), 32);
	assert_int_equal(freebsd12_dirent_reclen(7), 32);
	assert_int_equal(freebsd12_dirent_reclen(8), 40);
	assert_int_equal(freebsd12_dirent_reclen(255), 280);
	assert_int_equal(freebsd11_dirent_reclen(0), 12);
	assert_int_equal(freebsd11_dirent_reclen(3), 12);
	assert_int_equal(freebsd11_dirent_reclen(4), 16);
	assert_int_equal(freebsd11_dirent_reclen(255), 264);
	for (size_t n = 0; n <= FREEBSD_MAXNAMLEN; n++) {
		size_t r12 = freebsd12_dirent_reclen(n), r11 = freebsd11_dirent_reclen(n);
		assert_int_equal(r12 % 8, 0);
		assert_true(r12 >= 24 + n + 1 && r12 < 24 + n + 1 + 8);
		assert_int_equal(r11 % 4, 0);
		assert_true(r11 >= 8 + n + 1 && r11 < 8 + n + 1 + 4);
		/* the bound getdirentries relies on: at most 8 bytes more than
		 * Linux's record (19-byte header, 8-aligned) */
		size_t linux_len = (19 + n + 1 + 7) & ~(size_t)7;
		assert_true(r12 <= linux_len + 8);
		assert_true(r11 <= linux_len);
	}
}

/* The bytes of a FreeBSD 12 record: d_fileno 0, d_off 8, d_reclen 16,
 * d_type 18, d_pad0 19, d_namlen 20, d_pad1 22, d_name 24. */
static void freebsd12_bytes(void **state)
{
	(void)state;
	unsigned char rec[64];
	memset(rec, 0xa5, sizeof rec);
	memcpy(long_name, "hello.c", 7);
	struct bsd_dirent e = entry(7);
	assert_int_equal(freebsd12_dirent_from_host(&e, rec, sizeof rec), 32);
	uint64_t ino;
	int64_t off;
	uint16_t reclen, namlen, pad1;
	memcpy(&ino, rec, 8);
	memcpy(&off, rec + 8, 8);
	memcpy(&reclen, rec + 16, 2);
	memcpy(&namlen, rec + 20, 2);
	memcpy(&pad1, rec + 22, 2);
	assert_true(ino == 0x1122334455667788ULL);
	assert_true(off == 0x0102030405060708LL);
	assert_int_equal(reclen, 32);
	assert_int_equal(rec[18], 8); /* DT_REG */
	assert_int_equal(rec[19], 0);
	assert_int_equal(namlen, 7);
	assert_int_equal(pad1, 0);
	assert_memory_equal(rec + 24, "hello.c\0", 8);
	assert_int_equal(rec[32], 0xa5); /* nothing past the record */
}

/* freebsd11: d_fileno 0 (32 bits), d_reclen 4, d_type 6, d_namlen 7, name 8 */
static void freebsd11_bytes(void **state)
{
	(void)state;
	unsigned char rec[64];
	memset(rec, 0xa5, sizeof rec);
	memcpy(long_name, "abcde", 5);
	struct bsd_dirent e = entry(5);
	e.type = 4; /* DT_DIR */
	assert_int_equal(freebsd11_dirent_from_host(&e, rec, sizeof rec), 16);
	uint32_t ino;
	uint16_t reclen;
	memcpy(&ino, rec, 4);
	memcpy(&reclen, rec + 4, 2);
	assert_int_equal(ino, 0x55667788); /* cut to 32 bits */
	assert_int_equal(reclen, 16);
	assert_int_equal(rec[6], 4);
	assert_int_equal(rec[7], 5);
	assert_memory_equal(rec + 8, "abcde\0\0\0", 8);
	assert_int_equal(rec[16], 0xa5);
}

/* Every name length packs, pads with zeros and reads back. */
static void every_name_length(void **state)
{
	(void)state;
	unsigned char rec[512];
	for (size_t i = 0; i < sizeof long_name; i++)
		long_name[i] = (char)('a' + i % 26);
	for (size_t n = 0; n <= FREEBSD_MAXNAMLEN; n++) {
		struct bsd_dirent e = entry(n), back;
		memset(rec, 0xff, sizeof rec);
		long r = freebsd12_dirent_from_host(&e, rec, sizeof rec);
		assert_int_equal(r, freebsd12_dirent_reclen(n));
		for (long i = 24 + (long)n; i < r; i++)
			assert_int_equal(rec[i], 0);
		assert_int_equal(freebsd12_dirent_to_host(rec, (size_t)r, &back), r);
		assert_int_equal(back.namlen, n);
		assert_memory_equal(back.name, long_name, n);
		assert_true(back.ino == e.ino && back.off == e.off && back.type == e.type);

		memset(rec, 0xff, sizeof rec);
		r = freebsd11_dirent_from_host(&e, rec, sizeof rec);
		assert_int_equal(r, freebsd11_dirent_reclen(n));
		for (long i = 8 + (long)n; i < r; i++)
			assert_int_equal(rec[i], 0);
		assert_int_equal(freebsd11_dirent_to_host(rec, (size_t)r, &back), r);
		assert_int_equal(back.namlen, n);
		assert_memory_equal(back.name, long_name, n);
		assert_true(back.ino == (uint32_t)e.ino && back.off == 0);
	}
}

static void does_not_fit_or_too_long(void **state)
{
	(void)state;
	unsigned char rec[512];
	struct bsd_dirent e = entry(40); /* 24 + 41 -> 72 / 8 + 44 -> 52 */
	assert_int_equal(freebsd12_dirent_from_host(&e, rec, 71), 0);
	assert_int_equal(freebsd12_dirent_from_host(&e, rec, 72), 72);
	assert_int_equal(freebsd11_dirent_from_host(&e, rec, 51), 0);
	assert_int_equal(freebsd11_dirent_from_host(&e, rec, 52), 52);
	e.namlen = FREEBSD_MAXNAMLEN + 1;
	assert_int_equal(freebsd12_dirent_from_host(&e, rec, sizeof rec), -EINVAL);
	assert_int_equal(freebsd11_dirent_from_host(&e, rec, sizeof rec), -EINVAL);
}

static void malformed_records(void **state)
{
	(void)state;
	unsigned char rec[64];
	struct bsd_dirent e = entry(3), back;
	long r = freebsd12_dirent_from_host(&e, rec, sizeof rec);
	assert_int_equal(freebsd12_dirent_to_host(rec, (size_t)r - 1, &back), -EINVAL);
	rec[16] = 40; /* a d_reclen that does not match d_namlen */
	assert_int_equal(freebsd12_dirent_to_host(rec, sizeof rec, &back), -EINVAL);
	r = freebsd11_dirent_from_host(&e, rec, sizeof rec);
	assert_int_equal(freebsd11_dirent_to_host(rec, 7, &back), -EINVAL);
	rec[7] = 9; /* d_namlen past the record */
	assert_int_equal(freebsd11_dirent_to_host(rec, (size_t)r, &back), -EINVAL);
}

/* d_type: sys/sys/dirent.h values, the same numbers as Linux's. */
static void dtypes(void **state)
{
	(void)state;
	static const unsigned char types[] = {0, 1, 2, 4, 6, 8, 10, 12, 14};
	unsigned char rec[64];
	for (size_t i = 0; i < sizeof types; i++) {
		uint64_t out;
		assert_int_equal(xeno_flags_from_host(&bsd_dtype_flagset, types[i], &out), 0);
		assert_int_equal(out, types[i]);
	}
	struct bsd_dirent e = entry(1);
	e.type = 3; /* no such type: unknown */
	freebsd12_dirent_from_host(&e, rec, sizeof rec);
	assert_int_equal(rec[18], BSD_DT_UNKNOWN);
}

int main(void)
{
	RUN(cmocka_unit_test(record_lengths), cmocka_unit_test(freebsd12_bytes),
	    cmocka_unit_test(freebsd11_bytes), cmocka_unit_test(every_name_length),
	    cmocka_unit_test(does_not_fit_or_too_long), cmocka_unit_test(malformed_records),
	    cmocka_unit_test(dtypes));
}
