/*
 * binfmt_misc entries for xeno (Documentation/admin-guide/binfmt-misc.rst in
 * the Linux sources): one per brand record (core/brand.h) with an EI_OSABI
 * value, each matching the ELF identification of a 64-bit little-endian
 * x86-64 executable (ET_EXEC or ET_DYN) whose EI_OSABI byte names that OS
 * (FreeBSD 9, NetBSD 2, OpenBSD 12...: FreeBSD sys/sys/elf_common.h), for
 * a brand of PE programs one per place of an x86-64 PE header (pe_entry
 * below), and for the brand of Mach-O programs one for a thin x86-64
 * executable (macho_entry).  A brand's several entries are reported as one
 * line.
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
#include "loader/macho_format.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define FLAGS	   "PF"

/* binfmt_misc compares at most the first 256 bytes (BINPRM_BUF_SIZE:
 * offset + magic length), so a PE header is matched where it usually lies. */
#define MAX_MAGIC 256

/* One binfmt_misc entry: "xeno-" and its name, the bytes it matches. */
struct entry {
	char name[48];	/* "freebsd", "windows-80" */
	const char *os; /* its brand's name */
	unsigned char magic[MAX_MAGIC], mask[MAX_MAGIC];
	size_t offset, len; /* where the magic is in the file, its length */
};

#define MAX_ENTRIES 64

/* The first 20 bytes of the ELF header: e_ident, e_type, e_machine. */
static void elf_entry(struct entry *e, unsigned char osabi)
{
	static const unsigned char ident[] = {ELFMAG0,	  ELFMAG1,     ELFMAG2,	  ELFMAG3,
					      ELFCLASS64, ELFDATA2LSB, EV_CURRENT};
	e->len = 20;
	memcpy(e->magic, ident, sizeof ident);
	memset(e->mask, 0xff, sizeof ident);
	e->magic[EI_OSABI] = osabi;
	e->mask[EI_OSABI] = 0xff;
	/* e_type (little-endian 16 bits at 16): ET_EXEC 2 or ET_DYN 3, which
	 * agree in every bit but the lowest */
	e->magic[16] = ET_EXEC;
	e->mask[16] = 0xfe;
	e->mask[17] = 0xff;
	/* e_machine at 18 */
	e->magic[18] = EM_X86_64;
	e->mask[18] = 0xff;
	e->mask[19] = 0xff;
}

/* A PE image whose header is at pe_offset (the PE/COFF specification:
 * "MS-DOS Stub": the header's offset at 0x3c; "Signature": "PE\0\0";
 * "COFF File Header": Machine first, IMAGE_FILE_MACHINE_AMD64 0x8664).
 * The kernel cannot follow the offset at 0x3c, so each offset is an entry
 * of its own; the ones in use are multiples of 8 from 0x40 (no DOS stub)
 * on: lld-link writes 0x78, Go's linker 0x80, MSVC's, with its Rich
 * header, 0xd0 to 0x110 or so.  The match starts at 0x3c, not at "MZ": a
 * registration is at most 1920 characters (binfmt_misc's
 * MAX_REGISTER_LENGTH) and each byte of magic and mask takes four, so the
 * 60 bytes before would cost the offsets past 0xc0; the PE signature at
 * the place 0x3c names is as particular.  An entry ends within the first
 * 256 bytes (BINPRM_BUF_SIZE). */
#define PE_LFANEW	0x3c
#define PE_FIRST_OFFSET 0x40
#define PE_LAST_OFFSET	0xf8
static void pe_entry(struct entry *e, unsigned pe_offset)
{
	static const unsigned char sig[] = {'P', 'E', 0, 0, 0x64, 0x86};
	e->offset = PE_LFANEW;
	e->len = pe_offset - PE_LFANEW + sizeof sig;
	for (int i = 0; i < 4; i++) {
		e->magic[i] = (unsigned char)(pe_offset >> (8 * i));
		e->mask[i] = 0xff;
	}
	memcpy(e->magic + pe_offset - PE_LFANEW, sig, sizeof sig);
	memset(e->mask + pe_offset - PE_LFANEW, 0xff, sizeof sig);
}

/* A thin 64-bit Mach-O executable for x86-64: the first 16 bytes of its
 * mach_header_64, little-endian (xnu EXTERNAL_HEADERS/mach-o/loader.h:
 * magic MH_MAGIC_64 0xfeedfacf, then cputype, cpusubtype and filetype
 * MH_EXECUTE 2; osfmk/mach/machine.h: CPU_TYPE_X86_64 is CPU_TYPE_X86 7 |
 * CPU_ARCH_ABI64 0x01000000).  The subtype is not compared: x86_64 ALL (3)
 * and Haswell (8) both run, and its top byte holds feature flags
 * (CPU_SUBTYPE_LIB64).  Universal files cannot be matched: their x86-64
 * part may be listed anywhere in the table after the header, and their
 * magic 0xcafebabe also begins Java class files; they run as `xeno PROGRAM`. */
static void macho_entry(struct entry *e)
{
	static const uint32_t words[4] = {MACHO_MH_MAGIC_64, MACHO_CPU_TYPE_X86_64, 0,
					  MACHO_MH_EXECUTE};
	e->len = sizeof words;
	for (size_t i = 0; i < e->len; i++) {
		e->magic[i] = (unsigned char)(words[i / 4] >> (8 * (i % 4)));
		e->mask[i] = i / 4 == 2 ? 0 : 0xff;
	}
}

/* The entries of every brand: one for each EI_OSABI value, one for each
 * place of a PE header, one for Mach-O.  entries has MAX_ENTRIES. */
static size_t entries_of_brands(struct entry *entries)
{
	size_t n = 0;
	for (const struct xeno_brand *const *b = xeno_brands; *b; b++) {
		if ((*b)->format == XENO_FORMAT_ELF && (*b)->elf_osabi && n < MAX_ENTRIES) {
			struct entry *e = memset(&entries[n++], 0, sizeof *e);
			e->os = (*b)->name;
			snprintf(e->name, sizeof e->name, "%s", (*b)->name);
			elf_entry(e, (*b)->elf_osabi);
		}
		if ((*b)->format == XENO_FORMAT_MACHO && n < MAX_ENTRIES) {
			struct entry *e = memset(&entries[n++], 0, sizeof *e);
			e->os = (*b)->name;
			snprintf(e->name, sizeof e->name, "%s", (*b)->name);
			macho_entry(e);
		}
		if ((*b)->format != XENO_FORMAT_PE)
			continue;
		for (unsigned off = PE_FIRST_OFFSET; off <= PE_LAST_OFFSET && n < MAX_ENTRIES;
		     off += 8) {
			struct entry *e = memset(&entries[n++], 0, sizeof *e);
			e->os = (*b)->name;
			snprintf(e->name, sizeof e->name, "%s-%x", (*b)->name, off);
			pe_entry(e, off);
		}
	}
	return n;
}

/* The entries (from *i on) of one brand: its count, *i moved past them. */
static size_t brand_run(const struct entry *entries, size_t n, size_t *i)
{
	size_t first = *i;
	while (*i < n && entries[*i].os == entries[first].os)
		(*i)++;
	return *i - first;
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

/* Removes entry e if it is there: 0, or the exit status after a message. */
static int remove_entry(const struct entry *e, bool *was_there)
{
	char path[256];
	snprintf(path, sizeof path, BINFMT_DIR "/xeno-%s", e->name);
	*was_there = access(path, F_OK) == 0;
	if (!*was_there)
		return 0;
	int err = write_control(path, "-1");
	if (err) {
		fprintf(stderr, "xeno: cannot remove xeno-%s: %s%s\n", e->name, strerror(err),
			permission_hint(err));
		return 1;
	}
	return 0;
}

/* What a message about the brand's k entries from entries[i] calls them:
 * "xeno-freebsd", or "xeno-windows-40..xeno-windows-f8 (24 entries)". */
static const char *label(const struct entry *entries, size_t i, size_t k, char *buf, size_t size)
{
	if (k == 1)
		snprintf(buf, size, "xeno-%s", entries[i].name);
	else
		snprintf(buf, size, "xeno-%s..xeno-%s (%zu entries)", entries[i].name,
			 entries[i + k - 1].name, k);
	return buf;
}

static int register_entry(const struct entry *e, const char *self)
{
	bool old;
	if (remove_entry(e, &old)) /* an older registration gives way */
		return 1;
	char emagic[4 * MAX_MAGIC + 1], emask[4 * MAX_MAGIC + 1], line[4096 + 8 * MAX_MAGIC + 64];
	escape(emagic, e->magic, e->len);
	escape(emask, e->mask, e->len);
	snprintf(line, sizeof line, ":xeno-%s:M:%zu:%s:%s:%s:%s", e->name, e->offset, emagic, emask,
		 self, FLAGS);
	int err = write_control(BINFMT_DIR "/register", line);
	if (err) {
		fprintf(stderr, "xeno: cannot register xeno-%s: %s%s\n", e->name, strerror(err),
			permission_hint(err));
		return 1;
	}
	return 0;
}

static struct entry entries[MAX_ENTRIES];

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
	size_t n_entries = entries_of_brands(entries);
	for (size_t i = 0; i < n_entries;) {
		size_t first = i, k = brand_run(entries, n_entries, &i);
		for (size_t j = first; j < i; j++)
			if (register_entry(&entries[j], self))
				return 1;
		char buf[128];
		printf("%s: registered for %s, flags %s\n",
		       label(entries, first, k, buf, sizeof buf), self, FLAGS);
	}
	return 0;
}

static int uninstall(void)
{
	size_t n_entries = entries_of_brands(entries);
	for (size_t i = 0; i < n_entries;) {
		size_t first = i, k = brand_run(entries, n_entries, &i);
		size_t removed = 0;
		for (size_t j = first; j < i; j++) {
			bool was_there;
			if (remove_entry(&entries[j], &was_there))
				return 1;
			removed += was_there;
		}
		char buf[128];
		printf("%s: %s\n", label(entries, first, k, buf, sizeof buf),
		       removed == k ? "removed"
		       : removed    ? "removed where registered"
				    : "was not registered");
	}
	return 0;
}

/* Entry e's state as binfmt_misc shows it: "enabled, interpreter PATH,
 * flags PF", or "not registered". */
static void entry_state(const struct entry *e, char *out, size_t size)
{
	char path[256], text[2048];
	snprintf(path, sizeof path, BINFMT_DIR "/xeno-%s", e->name);
	FILE *f = fopen(path, "re");
	if (!f) {
		snprintf(out, size, "not registered");
		return;
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
	snprintf(out, size, "%s, interpreter %s, flags %s", state, interp,
		 flags[0] ? flags : "none");
}

/* One line per brand (per entry where a brand's entries differ); 0 if
 * every entry is registered and enabled. */
static int status(void)
{
	int missing = 0;
	size_t n_entries = entries_of_brands(entries);
	for (size_t i = 0; i < n_entries;) {
		size_t first = i, k = brand_run(entries, n_entries, &i);
		char state[1024], other[1024], buf[128];
		entry_state(&entries[first], state, sizeof state);
		bool same = true;
		for (size_t j = first; j < i; j++) {
			entry_state(&entries[j], other, sizeof other);
			same = same && strcmp(state, other) == 0;
			missing += strncmp(other, "enabled,", 8) != 0;
		}
		if (same) {
			printf("%s: %s\n", label(entries, first, k, buf, sizeof buf), state);
			continue;
		}
		for (size_t j = first; j < i; j++) {
			entry_state(&entries[j], other, sizeof other);
			printf("xeno-%s: %s\n", entries[j].name, other);
		}
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
