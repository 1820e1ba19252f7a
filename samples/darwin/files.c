/*
 * Files on macOS's terms: open with macOS's O_* bits, the 64-bit-inode
 * struct stat (144 bytes, st_size at 96) from stat64 and fstat64, a
 * directory read with fdopendir$INODE64 and readdir_r$INODE64 (struct
 * dirent: d_namlen at 18, d_type at 20, d_name at 21).
 */
#include "darwin.h"

int stat64(const char *path, void *buf);
int fstat64(int fd, void *buf);
void *fdopendir(int fd) __asm("_fdopendir$INODE64");
int readdir_r(void *dir, void *entry, void **result) __asm("_readdir_r$INODE64");
int closedir(void *dir);

struct dstat {
	int dev;
	unsigned short mode, nlink;
	unsigned long ino;
	unsigned uid, gid;
	int rdev, pad;
	long times[8];
	long size, blocks;
	int blksize;
	unsigned flags, gen;
	int lspare;
	long qspare[2];
};
_Static_assert(sizeof(struct dstat) == 144, "struct stat64");

struct ddirent {
	unsigned long ino, seekoff;
	unsigned short reclen, namlen;
	unsigned char type;
	char name[1024];
	char pad[3];
};

int main(void)
{
	mkdir("xeno-files", 0755);
	int fd = open("xeno-files/a.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, "twelve bytes", 12) != 12)
		fail("create a.txt");
	struct dstat st;
	if (fstat64(fd, &st) != 0 || st.size != 12 || (st.mode & 0170000) != 0100000)
		fail("fstat64");
	close(fd);
	if (open("xeno-files/a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644) != -1 ||
	    *__error() != EEXIST)
		fail("O_EXCL");
	if (stat64("xeno-files", &st) != 0 || (st.mode & 0170000) != 0040000)
		fail("stat64 of a directory");
	put("stat: a.txt 12 bytes, xeno-files a directory\n");
	int dfd = open("xeno-files", O_RDONLY | O_DIRECTORY);
	void *dir = dfd < 0 ? 0 : fdopendir(dfd);
	if (!dir)
		fail("fdopendir");
	struct ddirent ent, *res;
	int files = 0;
	while (readdir_r(dir, &ent, (void **)&res) == 0 && res) {
		if (ent.namlen == 5 && ent.type == 8 && ent.name[0] == 'a') {
			put("readdir: ");
			put(ent.name);
			put(" (a regular file)\n");
		}
		files++;
	}
	closedir(dir);
	if (files != 3)
		fail("readdir: not . .. and a.txt");
	if (unlink("xeno-files/a.txt") != 0 || rmdir("xeno-files") != 0)
		fail("clean up");
	return 0;
}
