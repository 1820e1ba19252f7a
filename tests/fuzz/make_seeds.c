/*
 * Writes the crafted part of the loader's seed corpus (tests/fuzz/loader-seeds/):
 * small ELF programs, each reaching one path of the loader — every way an OS
 * is detected, fixed and position-independent programs, bss, program
 * headers, notes of both alignments, an interpreter, the segment limit.
 * The real samples (build/samples/freebsd/) are copied next to them by
 * `make fuzz-seeds`.
 *
 *   make_seeds DIR
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE	   0x400000ULL
#define TEXT	   0x401000ULL
#define PHDR_OFF   64
#define NOTE_OFF   0x200
#define INTERP_OFF 0x300
#define FILE_MAX   0x3000

static unsigned char bytes[FILE_MAX];
static size_t size;

static Elf64_Ehdr *eh(void)
{
	return (Elf64_Ehdr *)bytes;
}

static Elf64_Phdr *add_phdr(uint32_t type, uint32_t flags, uint64_t off, uint64_t vaddr,
			    uint64_t filesz, uint64_t memsz, uint64_t align)
{
	Elf64_Phdr *ph = (Elf64_Phdr *)(bytes + PHDR_OFF) + eh()->e_phnum++;
	*ph = (Elf64_Phdr){type, flags, off, vaddr, vaddr, filesz, memsz, align};
	return ph;
}

/* A static program: headers in a read-only page, 16 bytes of code. */
static void minimal(int osabi, int type)
{
	memset(bytes, 0, sizeof bytes);
	memcpy(eh()->e_ident, ELFMAG, SELFMAG);
	eh()->e_ident[EI_CLASS] = ELFCLASS64;
	eh()->e_ident[EI_DATA] = ELFDATA2LSB;
	eh()->e_ident[EI_VERSION] = EV_CURRENT;
	eh()->e_ident[EI_OSABI] = (unsigned char)osabi;
	eh()->e_type = (Elf64_Half)type;
	eh()->e_machine = EM_X86_64;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = TEXT;
	eh()->e_phoff = PHDR_OFF;
	eh()->e_ehsize = sizeof(Elf64_Ehdr);
	eh()->e_phentsize = sizeof(Elf64_Phdr);
	add_phdr(PT_LOAD, PF_R, 0, BASE, 0x1000, 0x1000, 0x1000);
	add_phdr(PT_LOAD, PF_R | PF_X, 0x1000, TEXT, 0x10, 0x10, 0x1000);
	memset(bytes + 0x1000, 0xcc, 0x10);
	size = 0x1010;
}

static void abi_note(const char *owner, uint32_t desc, uint64_t align)
{
	Elf64_Nhdr nh = {(Elf64_Word)strlen(owner) + 1, 4, 1};
	unsigned char *p = bytes + NOTE_OFF;
	size_t pad = align == 8 ? 7 : 3;
	size_t desc_off = (sizeof nh + nh.n_namesz + pad) & ~pad;
	memcpy(p, &nh, sizeof nh);
	memcpy(p + sizeof nh, owner, nh.n_namesz);
	memcpy(p + desc_off, &desc, 4);
	size_t end = (desc_off + 4 + pad) & ~pad; /* the desc padded too */
	add_phdr(PT_NOTE, PF_R, NOTE_OFF, BASE + NOTE_OFF, end, end, align);
}

static void gnu_note(void)
{
	Elf64_Nhdr nh = {4, 16, NT_GNU_ABI_TAG};
	uint32_t desc[4] = {ELF_NOTE_OS_LINUX, 3, 2, 0};
	memcpy(bytes + NOTE_OFF, &nh, sizeof nh);
	memcpy(bytes + NOTE_OFF + sizeof nh, "GNU", 4);
	memcpy(bytes + NOTE_OFF + sizeof nh + 4, desc, sizeof desc);
	add_phdr(PT_NOTE, PF_R, NOTE_OFF, BASE + NOTE_OFF, 32, 32, 4);
}

static void interp(const char *path)
{
	size_t n = strlen(path) + 1;
	memcpy(bytes + INTERP_OFF, path, n);
	add_phdr(PT_INTERP, PF_R, INTERP_OFF, BASE + INTERP_OFF, n, n, 1);
}

static const char *dir;

static void save(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make_seeds DIR\n");
		return 2;
	}
	dir = argv[1];

	minimal(ELFOSABI_FREEBSD, ET_EXEC);
	save("crafted-exec");
	minimal(ELFOSABI_FREEBSD, ET_DYN);
	save("crafted-pie");
	minimal(ELFOSABI_NONE, ET_EXEC);
	abi_note("FreeBSD", 1402000, 4);
	save("crafted-note-freebsd");
	minimal(ELFOSABI_NONE, ET_DYN);
	abi_note("FreeBSD", 1500000, 8);
	save("crafted-note8-freebsd");
	minimal(ELFOSABI_NONE, ET_EXEC);
	abi_note("NetBSD", 1000000000, 4);
	save("crafted-note-netbsd");
	minimal(ELFOSABI_NONE, ET_EXEC);
	abi_note("OpenBSD", 0, 4);
	save("crafted-note-openbsd");
	minimal(ELFOSABI_NONE, ET_EXEC);
	gnu_note();
	save("crafted-note-gnu");
	minimal(ELFOSABI_NONE, ET_DYN);
	interp("/libexec/ld-elf.so.1");
	save("crafted-interp-freebsd");
	minimal(ELFOSABI_NONE, ET_DYN);
	interp("/lib64/ld-linux-x86-64.so.2");
	save("crafted-interp-linux");

	/* data with a bss reaching past its page, PT_PHDR, an executable stack */
	minimal(ELFOSABI_FREEBSD, ET_EXEC);
	add_phdr(PT_LOAD, PF_R | PF_W, 0x1008, TEXT + 0x1008, 8, 0x5000, 0x1000);
	add_phdr(PT_PHDR, PF_R, PHDR_OFF, BASE + PHDR_OFF, 6 * sizeof(Elf64_Phdr),
		 6 * sizeof(Elf64_Phdr), 8);
	add_phdr(PT_GNU_STACK, PF_R | PF_W | PF_X, 0, 0, 0, 0, 16);
	add_phdr(PT_LOAD, PF_R, 0x1010, TEXT + 0x6010, 0, 0, 0x1000); /* empty: ignored */
	size = 0x1010;
	save("crafted-bss-phdr-stack");

	/* the most loadable segments xeno takes, a page each */
	minimal(ELFOSABI_FREEBSD, ET_EXEC);
	eh()->e_phnum = 0;
	eh()->e_phoff = 0x1000;
	Elf64_Phdr *ph = (Elf64_Phdr *)(bytes + 0x1000);
	for (int i = 0; i < 32; i++)
		ph[i] = (Elf64_Phdr){PT_LOAD,
				     PF_R | (i == 1 ? PF_X : 0),
				     0,
				     BASE + i * 0x1000,
				     BASE + i * 0x1000,
				     0,
				     0x1000,
				     0x1000};
	eh()->e_phnum = 32;
	eh()->e_entry = BASE + 0x1000;
	size = 0x1000 + 32 * sizeof(Elf64_Phdr);
	save("crafted-32-segments");
	return 0;
}
