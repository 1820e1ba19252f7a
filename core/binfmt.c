/*
 * binfmt_misc entries for xeno (Documentation/admin-guide/binfmt-misc.rst in
 * the Linux sources): one per brand record (core/brand.h) with an EI_OSABI
 * value, each matching the ELF identification of a 64-bit little-endian
 * x86-64 executable (ET_EXEC or ET_DYN) whose EI_OSABI byte names that OS
 * (FreeBSD 9, NetBSD 2, OpenBSD 12...: FreeBSD sys/sys/elf_common.h).
 *
 * Programs marked only by their ABI note, with EI_OSABI 0 (all of OpenBSD's,
 * many of NetBSD's), cannot be matched: binfmt_misc compares bytes at a
 * fixed offset and notes lie anywhere, and EI_OSABI 0 is also what Linux
 * programs carry, so an entry for it would send every Linux program through
 * xeno.  Those run as `xeno PROGRAM`.
 *
 * Flags:
 *   P  preserve argv[0]: the kernel runs "xeno PATH ARGV0 ARGS..." and says
 *      so in AT_FLAGS, which core/options.c reads; without it the program
 *      would lose the argv[0] it was given.
 *   F  fix the binary: the kernel opens xeno when the entry is installed, so
 *      programs start inside chroots, containers and other mount namespaces
 *      where xeno's path does not exist (xeno is a static PIE: nothing else
 *      needs to be found).  After upgrading xeno, install again.
 * Not C (credentials from the program, which implies O, the program handed
 * over as a descriptor): a set-user-ID BSD program would then run xeno with
 * the owner's privileges while the user who starts it still controls xeno
 * through its environment (XENO_ROOT redirects every absolute path the
 * program opens, XENO_TRACE shows its system calls with their data) — a way
 * to raise privileges, not a feature.
 */
#include "core/binfmt.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/brand.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define FLAGS	   "PF"

#define MAX_ENTRIES 16

/* One entry per brand that an EI_OSABI value names, called "xeno-" and
 * the brand's name. */
struct entry {
	const char *os; /* "freebsd" */
	unsigned char osabi;
};

static size_t entries_of_brands(struct entry out[MAX_ENTRIES])
{
	size_t n = 0;
	for (const struct xeno_brand *const *b = xeno_brands; *b && n < MAX_ENTRIES; b++) {
		if ((*b)->format != XENO_FORMAT_ELF || !(*b)->elf_osabi)
			continue;
		out[n].os = (*b)->name;
		out[n++].osabi = (*b)->elf_osabi;
	}
	return n;
}

/* The first 20 bytes of the ELF header: e_ident, e_type, e_machine. */
#define MAGIC_LEN 20

static void magic_and_mask(unsigned char osabi, unsigned char magic[MAGIC_LEN],
			   unsigned char mask[MAGIC_LEN])
{
	static const unsigned char ident[] = {ELFMAG0,	  ELFMAG1,     ELFMAG2,	  ELFMAG3,
					      ELFCLASS64, ELFDATA2LSB, EV_CURRENT};
	memset(magic, 0, MAGIC_LEN);
	memset(mask, 0, MAGIC_LEN);
	memcpy(magic, ident, sizeof ident);
	memset(mask, 0xff, sizeof ident);
	magic[EI_OSABI] = osabi;
	mask[EI_OSABI] = 0xff;
	/* e_type (little-endian 16 bits at 16): ET_EXEC 2 or ET_DYN 3, which
	 * agree in every bit but the lowest */
	magic[16] = ET_EXEC;
	mask[16] = 0xfe;
	mask[17] = 0xff;
	/* e_machine at 18 */
	magic[18] = EM_X86_64;
	mask[18] = 0xff;
	mask[19] = 0xff;
}

/* Bytes as \xNN escapes: ':' separates the fields of a registration. */
static void escape(char *out, const unsigned char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 4 * i, "\\x%02x", bytes[i]);
}

static bool binfmt_mounted(void)
{
	return access(BINFMT_DIR "/register", F_OK) == 0;
}

static int not_mounted(void)
{
	fprintf(stderr, "xeno: binfmt_misc is not mounted at " BINFMT_DIR "; mount it with\n"
			"  mount -t binfmt_misc binfmt_misc " BINFMT_DIR "\n");
	return 1;
}

/* Writes text to a binfmt_misc control file: 0 or errno. */
static int write_control(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	size_t n = strlen(text);
	ssize_t w = write(fd, text, n);
	int err = w < 0 ? errno : (size_t)w != n ? EIO : 0;
	close(fd);
	return err;
}

static const char *permission_hint(int err)
{
	return err == EPERM || err == EACCES ? " (run as root)" : "";
}

/* Removes entry i if it is there: 0, or the exit status after a message. */
static int remove_entry(const struct entry *e, bool *was_there)
{
	char path[256];
	snprintf(path, sizeof path, BINFMT_DIR "/xeno-%s", e->os);
	*was_there = access(path, F_OK) == 0;
	if (!*was_there)
		return 0;
	int err = write_control(path, "-1");
	if (err) {
		fprintf(stderr, "xeno: cannot remove xeno-%s: %s%s\n", e->os, strerror(err),
			permission_hint(err));
		return 1;
	}
	return 0;
}

static int install(void)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n < 0) {
		fprintf(stderr, "xeno: cannot find my own file: %s\n", strerror(errno));
		return 1;
	}
	self[n] = '\0';
	if (strchr(self, ':') || strchr(self, '\n')) {
		fprintf(stderr, "xeno: %s: a ':' or newline in xeno's path cannot be registered\n",
			self);
		return 1;
	}
	struct entry entries[MAX_ENTRIES];
	size_t n_entries = entries_of_brands(entries);
	for (const struct entry *e = entries; e < entries + n_entries; e++) {
		bool old;
		if (remove_entry(e, &old)) /* an older registration gives way */
			return 1;
		unsigned char magic[MAGIC_LEN], mask[MAGIC_LEN];
		char emagic[4 * MAGIC_LEN + 1], emask[4 * MAGIC_LEN + 1], line[4096 + 256];
		magic_and_mask(e->osabi, magic, mask);
		escape(emagic, magic, MAGIC_LEN);
		escape(emask, mask, MAGIC_LEN);
		snprintf(line, sizeof line, ":xeno-%s:M::%s:%s:%s:%s", e->os, emagic, emask, self,
			 FLAGS);
		int err = write_control(BINFMT_DIR "/register", line);
		if (err) {
			fprintf(stderr, "xeno: cannot register xeno-%s: %s%s\n", e->os,
				strerror(err), permission_hint(err));
			return 1;
		}
		printf("xeno-%s: registered for %s, flags %s\n", e->os, self, FLAGS);
	}
	return 0;
}

static int uninstall(void)
{
	struct entry entries[MAX_ENTRIES];
	size_t n_entries = entries_of_brands(entries);
	for (const struct entry *e = entries; e < entries + n_entries; e++) {
		bool was_there;
		if (remove_entry(e, &was_there))
			return 1;
		printf("xeno-%s: %s\n", e->os, was_there ? "removed" : "was not registered");
	}
	return 0;
}

/* One line per entry; 0 if every entry is registered and enabled. */
static int status(void)
{
	int missing = 0;
	struct entry entries[MAX_ENTRIES];
	size_t n_entries = entries_of_brands(entries);
	for (const struct entry *e = entries; e < entries + n_entries; e++) {
		char path[256], text[1024];
		snprintf(path, sizeof path, BINFMT_DIR "/xeno-%s", e->os);
		FILE *f = fopen(path, "re");
		if (!f) {
			printf("xeno-%s: not registered\n", e->os);
			missing++;
			continue;
		}
		size_t n = fread(text, 1, sizeof text - 1, f);
		fclose(f);
		text[n] = '\0';
		/* "enabled\ninterpreter PATH\nflags: PF\noffset 0\nmagic ...\nmask ...\n" */
		char state[16] = "?", interp[900] = "?", flags[16] = "";
		sscanf(text, "%15s", state);
		const char *p = strstr(text, "\ninterpreter ");
		if (p)
			sscanf(p + 13, "%899[^\n]", interp);
		p = strstr(text, "\nflags: ");
		if (p)
			sscanf(p + 8, "%15[^\n]", flags);
		printf("xeno-%s: %s, interpreter %s, flags %s\n", e->os, state, interp,
		       flags[0] ? flags : "none");
		missing += strcmp(state, "enabled") != 0;
	}
	return missing ? 1 : 0;
}

int xeno_binfmt(const char *action)
{
	int (*run)(void) = strcmp(action, "install") == 0     ? install
			   : strcmp(action, "uninstall") == 0 ? uninstall
			   : strcmp(action, "status") == 0    ? status
							      : NULL;
	if (!run) {
		fprintf(stderr, "xeno: --binfmt=%s: say install, uninstall or status\n", action);
		return 2;
	}
	if (!binfmt_mounted())
		return not_mounted();
	return run();
}
