/* Directory entry types and names as the BSDs share them (abi/bsd/dirent.h). */
#include "abi/bsd/dirent.h"

#include <dirent.h>
#include <string.h>

static const struct xeno_flag dtypes[] = {
    XENO_ENUM("DT_UNKNOWN", BSD_DT_UNKNOWN, DT_UNKNOWN),
    XENO_ENUM("DT_FIFO", BSD_DT_FIFO, DT_FIFO),
    XENO_ENUM("DT_CHR", BSD_DT_CHR, DT_CHR),
    XENO_ENUM("DT_DIR", BSD_DT_DIR, DT_DIR),
    XENO_ENUM("DT_BLK", BSD_DT_BLK, DT_BLK),
    XENO_ENUM("DT_REG", BSD_DT_REG, DT_REG),
    XENO_ENUM("DT_LNK", BSD_DT_LNK, DT_LNK),
    XENO_ENUM("DT_SOCK", BSD_DT_SOCK, DT_SOCK),
    XENO_ENUM("DT_WHT", BSD_DT_WHT, DT_WHT),
};
const struct xeno_flagset bsd_dtype_flagset = XENO_FLAGSET("dtype", dtypes, 1);

uint8_t bsd_dtype(uint8_t type, int to_host)
{
	uint64_t out;
	int err = to_host ? xeno_flags_to_host(&bsd_dtype_flagset, type, &out)
			  : xeno_flags_from_host(&bsd_dtype_flagset, type, &out);
	return err < 0 ? 0 : (uint8_t)out;
}

void bsd_dirent_put_name(char *dst, const struct bsd_dirent *e, size_t room_for_name)
{
	memcpy(dst, e->name, e->namlen);
	memset(dst + e->namlen, 0, room_for_name - e->namlen);
}
