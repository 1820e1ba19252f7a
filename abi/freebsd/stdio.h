/*
 * FreeBSD's FILE, struct __sFILE (include/stdio.h), which programs reach
 * into: the getc, putc, feof, ferror and fileno macros read and write _p,
 * _r, _w, _lbfsize, _flags and _file themselves, calling __srget and
 * __swbuf when _r or _w runs out.
 */
#ifndef XENO_ABI_FREEBSD_STDIO_H
#define XENO_ABI_FREEBSD_STDIO_H

#include <stddef.h>
#include <stdint.h>

/* struct __sbuf */
struct freebsd_sbuf {
	uint64_t base; /* unsigned char * */
	int32_t size;
	int32_t pad_;
};

struct freebsd_sfile {
	uint64_t p;    /* current position in the buffer */
	int32_t r, w;  /* read and write space left for getc and putc */
	int16_t flags; /* __S*, below; 0: a free FILE */
	int16_t file;  /* its descriptor, or -1 */
	int32_t pad0_;
	struct freebsd_sbuf bf;
	int32_t lbfsize; /* 0 or -_bf._size, for putc */
	int32_t pad1_;
	uint64_t cookie;
	uint64_t close, read, seek, write; /* the operations */
	struct freebsd_sbuf ub;		   /* ungetc's buffer */
	uint64_t up;
	int32_t ur;
	uint8_t ubuf[3], nbuf[1];
	struct freebsd_sbuf lb; /* fgetln's */
	int32_t blksize;
	int32_t pad2_;
	int64_t offset;
	uint64_t fl_mutex, fl_owner; /* struct pthread_mutex *, struct pthread * */
	int32_t fl_count;
	int32_t orientation;
	uint8_t mbstate[128]; /* __mbstate_t (sys/x86/include/_types.h) */
	int32_t flags2;
	int32_t pad3_;
};
_Static_assert(sizeof(struct freebsd_sfile) == 312, "struct __sFILE layout");
_Static_assert(offsetof(struct freebsd_sfile, flags) == 16, "__sFILE._flags");
_Static_assert(offsetof(struct freebsd_sfile, file) == 18, "__sFILE._file");
_Static_assert(offsetof(struct freebsd_sfile, lbfsize) == 40, "__sFILE._lbfsize");
_Static_assert(offsetof(struct freebsd_sfile, ub) == 88, "__sFILE._ub");
_Static_assert(offsetof(struct freebsd_sfile, offset) == 144, "__sFILE._offset");
_Static_assert(offsetof(struct freebsd_sfile, mbstate) == 176, "__sFILE._mbstate");
_Static_assert(offsetof(struct freebsd_sfile, flags2) == 304, "__sFILE._flags2");

/* _flags */
#define FREEBSD_SLBF 0x0001 /* line buffered */
#define FREEBSD_SNBF 0x0002 /* unbuffered */
#define FREEBSD_SRD  0x0004 /* open for reading */
#define FREEBSD_SWR  0x0008 /* open for writing */
#define FREEBSD_SRW  0x0010 /* open for both */
#define FREEBSD_SEOF 0x0020 /* end of file seen */
#define FREEBSD_SERR 0x0040 /* an error seen */

#define FREEBSD_EOF (-1)

#endif
