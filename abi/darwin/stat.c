/* macOS's struct stat from Linux's (abi/darwin/stat.h).  A device number
 * is macOS's 32-bit one: major in the top 8 bits, minor in the low 24
 * (bsd/sys/types.h makedev).  No birth time on Linux's struct stat: the
 * change time stands in, as macOS reports for file systems without one. */
#include "abi/darwin/stat.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static int32_t dev_from_host(dev_t d)
{
	return (int32_t)((major(d) & 0xff) << 24 | (minor(d) & 0xffffff));
}

void darwin_stat_from_host(const struct stat *st, struct darwin_stat *out)
{
	memset(out, 0, sizeof *out);
	out->dev = dev_from_host(st->st_dev);
	out->mode = (uint16_t)st->st_mode;
	out->nlink = st->st_nlink > 0xffff ? 0xffff : (uint16_t)st->st_nlink;
	out->ino = st->st_ino;
	out->uid = st->st_uid;
	out->gid = st->st_gid;
	out->rdev = dev_from_host(st->st_rdev);
	out->atime = (struct darwin_timespec){st->st_atim.tv_sec, st->st_atim.tv_nsec};
	out->mtime = (struct darwin_timespec){st->st_mtim.tv_sec, st->st_mtim.tv_nsec};
	out->ctime = (struct darwin_timespec){st->st_ctim.tv_sec, st->st_ctim.tv_nsec};
	out->birthtime = out->ctime;
	out->size = st->st_size;
	out->blocks = st->st_blocks;
	out->blksize = (int32_t)st->st_blksize;
}

int darwin_atfd_to_host(int fd)
{
	return fd == DARWIN_AT_FDCWD ? AT_FDCWD : fd;
}
