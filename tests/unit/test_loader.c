/*
 * The ELF loader's parsing (loader/image.c) and OS detection (loader/detect.c)
 * on crafted files: every malformed file is refused with XENO_LOAD_BAD and a
 * reason saying what is wrong, never a crash; well-formed ones are parsed and
 * their OS found from EI_OSABI, an ABI note or the program interpreter.
 *
 * The files are built here from the plain structs of <elf.h>: a minimal static
 * FreeBSD program, which each case then damages in one way.
 */
#include "unit.h"

#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/brand.h"
#include "loader/image.h"

/* The image was recognised as the brand called name. */
static void assert_brand(const struct xeno_image *img, const char *name)
{
	assert_non_null(img->brand);
	assert_string_equal(img->brand->name, name);
	assert_false(img->host_program);
}

/* ---- building ELF files ---- */

#define BASE	   0x400000ULL /* where the minimal program's headers load */
#define TEXT	   0x401000ULL /* its code page */
#define PHDR_OFF   64	       /* the program headers follow the ELF header */
#define MAX_PHDRS  8
#define NOTE_OFF   0x200 /* notes and PT_INTERP go in the first page */
#define INTERP_OFF 0x300
#define FILE_MAX   0x3000

struct elf_file {
	_Alignas(8) unsigned char bytes[FILE_MAX];
	size_t size;
};

static Elf64_Ehdr *ehdr(struct elf_file *f)
{
	return (Elf64_Ehdr *)f->bytes;
}

static Elf64_Phdr *phdr(struct elf_file *f, int i)
{
	return (Elf64_Phdr *)(f->bytes + PHDR_OFF) + i;
}

static Elf64_Phdr *add_phdr(struct elf_file *f, uint32_t type, uint32_t flags, uint64_t offset,
			    uint64_t vaddr, uint64_t filesz, uint64_t memsz, uint64_t align)
{
	assert_true(ehdr(f)->e_phnum < MAX_PHDRS);
	Elf64_Phdr *ph = phdr(f, ehdr(f)->e_phnum++);
	*ph = (Elf64_Phdr){.p_type = type,
			   .p_flags = flags,
			   .p_offset = offset,
			   .p_vaddr = vaddr,
			   .p_paddr = vaddr,
			   .p_filesz = filesz,
			   .p_memsz = memsz,
			   .p_align = align};
	return ph;
}

/* A static FreeBSD program: headers in a read-only page at BASE, 16 bytes of
 * code at TEXT, where it starts. */
static void minimal(struct elf_file *f, int osabi)
{
	memset(f, 0, sizeof *f);
	Elf64_Ehdr *eh = ehdr(f);
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_ident[EI_OSABI] = (unsigned char)osabi;
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_entry = TEXT;
	eh->e_phoff = PHDR_OFF;
	eh->e_ehsize = sizeof(Elf64_Ehdr);
	eh->e_phentsize = sizeof(Elf64_Phdr);
	add_phdr(f, PT_LOAD, PF_R, 0, BASE, 0x1000, 0x1000, 0x1000);
	add_phdr(f, PT_LOAD, PF_R | PF_X, 0x1000, TEXT, 0x10, 0x10, 0x1000);
	memset(f->bytes + 0x1000, 0xcc, 0x10); /* int3 */
	f->size = 0x1010;
}

/* An ABI-tag note (type 1) of owner, with a 4-byte desc, at NOTE_OFF. */
static void add_abi_note(struct elf_file *f, const char *owner, uint32_t desc)
{
	Elf64_Nhdr nh = {.n_namesz = (Elf64_Word)strlen(owner) + 1, .n_descsz = 4, .n_type = 1};
	unsigned char *p = f->bytes + NOTE_OFF;
	memcpy(p, &nh, sizeof nh);
	memcpy(p + sizeof nh, owner, nh.n_namesz);
	size_t desc_off = sizeof nh + ((nh.n_namesz + 3) & ~3u);
	memcpy(p + desc_off, &desc, 4);
	add_phdr(f, PT_NOTE, PF_R, NOTE_OFF, BASE + NOTE_OFF, desc_off + 4, desc_off + 4, 4);
}

/* The ABI note of GNU/Linux programs: owner "GNU", type NT_GNU_ABI_TAG, desc
 * OS 0 (Linux) and the oldest kernel version. */
static void add_gnu_note(struct elf_file *f)
{
	Elf64_Nhdr nh = {.n_namesz = 4, .n_descsz = 16, .n_type = NT_GNU_ABI_TAG};
	uint32_t desc[4] = {ELF_NOTE_OS_LINUX, 3, 2, 0};
	unsigned char *p = f->bytes + NOTE_OFF;
	memcpy(p, &nh, sizeof nh);
	memcpy(p + sizeof nh, "GNU", 4);
	memcpy(p + sizeof nh + 4, desc, sizeof desc);
	size_t size = sizeof nh + 4 + sizeof desc;
	add_phdr(f, PT_NOTE, PF_R, NOTE_OFF, BASE + NOTE_OFF, size, size, 4);
}

static Elf64_Phdr *add_interp(struct elf_file *f, const char *path)
{
	size_t n = strlen(path) + 1;
	memcpy(f->bytes + INTERP_OFF, path, n);
	return add_phdr(f, PT_INTERP, PF_R, INTERP_OFF, BASE + INTERP_OFF, n, n, 1);
}

/* ---- loading them ---- */

static char dir[256];
static char file_path[300];

static int group_setup(void **state)
{
	(void)state;
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/xeno-loader.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(file_path, sizeof file_path, "%s/program", dir);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	unlink(file_path);
	return rmdir(dir);
}

static void write_file(const void *bytes, size_t n)
{
	int fd = open(file_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bytes, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

/* Writes the file and parses it; img holds the outcome. */
static int load(struct elf_file *f, struct xeno_image *img)
{
	write_file(f->bytes, f->size);
	int r = xeno_image_open(img, file_path);
	xeno_image_close(img);
	return r;
}

/* ---- rejections: one damaged file each ---- */

struct bad_case {
	void (*damage)(struct elf_file *f);
	const char *reason; /* a part of the reason the loader must give */
};

static void truncate_header(struct elf_file *f)
{
	f->size = 40;
}
static void make_32bit(struct elf_file *f)
{
	ehdr(f)->e_ident[EI_CLASS] = ELFCLASS32;
}
static void make_big_endian(struct elf_file *f)
{
	ehdr(f)->e_ident[EI_DATA] = ELFDATA2MSB;
}
static void make_aarch64(struct elf_file *f)
{
	ehdr(f)->e_machine = EM_AARCH64;
}
static void make_object(struct elf_file *f)
{
	ehdr(f)->e_type = ET_REL;
}
static void make_core(struct elf_file *f)
{
	ehdr(f)->e_type = ET_CORE;
}
static void bad_phentsize(struct elf_file *f)
{
	ehdr(f)->e_phentsize = 32;
}
static void phdrs_past_end(struct elf_file *f)
{
	ehdr(f)->e_phnum = 200; /* 200 * 56 bytes: far more than the file */
}
static void phoff_past_end(struct elf_file *f)
{
	ehdr(f)->e_phoff = 0x100000;
}
static void cut_inside_phdrs(struct elf_file *f)
{
	f->size = PHDR_OFF + sizeof(Elf64_Phdr) + 20; /* the second header half there */
}
static void no_phdrs(struct elf_file *f)
{
	ehdr(f)->e_phnum = 0;
}
static void no_load(struct elf_file *f)
{
	phdr(f, 0)->p_type = PT_NULL;
	phdr(f, 1)->p_type = PT_NOTE + 0x1000; /* unknown to everyone */
}
static void filesz_over_memsz(struct elf_file *f)
{
	phdr(f, 1)->p_filesz = 0x20;
}
static void segment_past_end(struct elf_file *f)
{
	phdr(f, 1)->p_filesz = phdr(f, 1)->p_memsz = 0x2000;
}
static void offset_past_end(struct elf_file *f)
{
	phdr(f, 1)->p_offset = 0x101000;
}
static void not_congruent(struct elf_file *f)
{
	phdr(f, 1)->p_vaddr = TEXT + 8;
}
static void overlapping(struct elf_file *f)
{
	phdr(f, 1)->p_vaddr = BASE + 0x800;
	phdr(f, 1)->p_offset = 0x800;
	ehdr(f)->e_entry = BASE + 0x800;
}
static void descending(struct elf_file *f)
{
	phdr(f, 1)->p_vaddr = BASE - 0x1000;
	ehdr(f)->e_entry = BASE - 0x1000;
}
static void absurd_span(struct elf_file *f)
{
	phdr(f, 1)->p_vaddr = TEXT + (1ULL << 42);
	ehdr(f)->e_entry = TEXT + (1ULL << 42);
}
static void entry_outside(struct elf_file *f)
{
	ehdr(f)->e_entry = TEXT + 0x10; /* one past the code */
}
static void kernel_address(struct elf_file *f)
{
	phdr(f, 1)->p_vaddr = 0xffffffff80001000ULL;
	ehdr(f)->e_entry = 0xffffffff80001000ULL;
}
static void wrapping_segment(struct elf_file *f)
{
	phdr(f, 1)->p_memsz = ~0ULL - 0x100;
}
/* The headers' segment at address 0 instead of BASE. */
static void page_zero(struct elf_file *f)
{
	phdr(f, 0)->p_vaddr = 0;
}
static void bad_alignment(struct elf_file *f)
{
	phdr(f, 1)->p_align = 0x1800;
}
static void too_many_loads(struct elf_file *f)
{
	/* More headers than XENO_MAX_SEGMENTS, each a page of its own. */
	ehdr(f)->e_phnum = 0;
	ehdr(f)->e_phoff = 0x1000;
	f->size = 0x1000 + (XENO_MAX_SEGMENTS + 1) * sizeof(Elf64_Phdr);
	Elf64_Phdr *ph = (Elf64_Phdr *)(f->bytes + 0x1000);
	for (int i = 0; i <= XENO_MAX_SEGMENTS; i++)
		ph[i] = (Elf64_Phdr){.p_type = PT_LOAD,
				     .p_flags = PF_R,
				     .p_vaddr = BASE + i * 0x1000,
				     .p_memsz = 0x1000,
				     .p_align = 0x1000};
	ehdr(f)->e_phnum = XENO_MAX_SEGMENTS + 1;
	ehdr(f)->e_entry = BASE;
}
static void interp_empty(struct elf_file *f)
{
	add_interp(f, "")->p_filesz = 0;
}
static void interp_past_end(struct elf_file *f)
{
	add_interp(f, "/libexec/ld-elf.so.1")->p_offset = 0x100000;
}
static void interp_too_long(struct elf_file *f)
{
	add_interp(f, "/libexec/ld-elf.so.1")->p_filesz = 0x400;
}
static void interp_unterminated(struct elf_file *f)
{
	add_interp(f, "/libexec/ld-elf.so.1")->p_filesz -= 1; /* drops the NUL */
}

#define BAD(fn, why)                                                                               \
	{                                                                                          \
#fn, rejects, NULL, NULL, &(struct bad_case)                                       \
		{                                                                                  \
			fn, why                                                                    \
		}                                                                                  \
	}

static void rejects(void **state)
{
	const struct bad_case *c = *state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	c->damage(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_BAD);
	if (!strstr(img.reason, c->reason))
		fail_msg("reason \"%s\" does not say \"%s\"", img.reason, c->reason);
}

/* ---- files that are no ELF program at all ---- */

static void missing_file(void **state)
{
	(void)state;
	struct xeno_image img;
	char path[400];
	snprintf(path, sizeof path, "%s/no-such-file", dir);
	assert_int_equal(xeno_image_open(&img, path), XENO_LOAD_MISSING);
	assert_string_equal(img.reason, "No such file or directory");
	xeno_image_close(&img);
	/* A path through a regular file is missing too (ENOTDIR). */
	write_file("x", 1);
	snprintf(path, sizeof path, "%s/below", file_path);
	assert_int_equal(xeno_image_open(&img, path), XENO_LOAD_MISSING);
	xeno_image_close(&img);
}

static void directory(void **state)
{
	(void)state;
	struct xeno_image img;
	assert_int_equal(xeno_image_open(&img, dir), XENO_LOAD_BAD);
	assert_string_equal(img.reason, "is a directory");
	xeno_image_close(&img);
}

static void not_elf(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t n;
		const char *reason;
		int format;
	} files[] = {
	    {"", 0, "empty file", 0 /* none */},
	    {"hello, world\n", 13, "not an executable", 0 /* none */},
	    {"\177EL", 3, "not an executable", 0 /* none */},
	    {"\177ELF\2\1\1", 7, "truncated", XENO_FORMAT_ELF},
	    {"\xfe\xed\xfa\xcf\0\0\0\7", 8, "Mach-O", XENO_FORMAT_MACHO},
	    {"MZ\x90\0", 4, "without a PE signature", XENO_FORMAT_PE},
	    {"#!/bin/sh\n", 10, "script", 0 /* none */},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct xeno_image img;
		write_file(files[i].bytes, files[i].n);
		assert_int_equal(xeno_image_open(&img, file_path), XENO_LOAD_BAD);
		xeno_image_close(&img);
		if (!strstr(img.reason, files[i].reason))
			fail_msg("file %zu: reason \"%s\" does not say \"%s\"", i, img.reason,
				 files[i].reason);
		assert_int_equal(img.format, files[i].format);
	}
}

/* ---- well-formed programs ---- */

static void minimal_freebsd(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_brand(&img, "freebsd");
	assert_int_equal(img.os_version, 0);
	assert_string_equal(img.interp, "");
	assert_false(img.is_pie);
	assert_int_equal(img.entry, TEXT);
	assert_int_equal(img.nseg, 2);
	assert_int_equal(img.seg[0].vaddr, BASE);
	assert_int_equal(img.seg[0].prot, PROT_READ);
	assert_int_equal(img.seg[1].vaddr, TEXT);
	assert_int_equal(img.seg[1].filesz, 0x10);
	assert_int_equal(img.seg[1].prot, PROT_READ | PROT_EXEC);
	assert_int_equal(img.lo, BASE);
	assert_int_equal(img.hi, TEXT + 0x1000);
	assert_int_equal(img.phnum, 2);
	assert_int_equal(img.phdr_vaddr, BASE + PHDR_OFF);
}

static void position_independent(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	ehdr(&f)->e_type = ET_DYN;
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_true(img.is_pie);
}

/* A data segment whose bss reaches pages past its file bytes; a PT_LOAD of
 * size 0 is ignored. */
static void bss_and_empty_segment(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	add_phdr(&f, PT_LOAD, PF_R | PF_W, 0x1008, TEXT + 0x1008, 0, 0, 0x1000);
	add_phdr(&f, PT_LOAD, PF_R | PF_W, 0x1008, TEXT + 0x1008, 8, 0x5000, 0x1000);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_int_equal(img.nseg, 3);
	assert_int_equal(img.seg[2].prot, PROT_READ | PROT_WRITE);
	assert_int_equal(img.hi, TEXT + 0x1000 + 0x6000);
}

static void freebsd_note_without_osabi(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "FreeBSD", 1402000);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_brand(&img, "freebsd");
	assert_int_equal(img.os_version, 1402000);
}

static void netbsd_note(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "NetBSD", 1000000000);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_brand(&img, "netbsd");
	assert_int_equal(img.os_version, 1000000000);
}

static void freebsd_interpreter(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_interp(&f, "/libexec/ld-elf.so.1");
	/* recognised, and refused: a dynamic program needs PT_DYNAMIC */
	assert_int_equal(load(&f, &img), XENO_LOAD_BAD);
	assert_non_null(strstr(img.reason, "no dynamic section"));
	assert_brand(&img, "freebsd");
	assert_string_equal(img.interp, "/libexec/ld-elf.so.1");
}

static void linux_gnu_note(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_gnu_note(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_true(img.host_program);
	assert_null(img.brand);
}

static void linux_interpreter(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_interp(&f, "/lib64/ld-linux-x86-64.so.2");
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_true(img.host_program);
	assert_null(img.brand);
}

/* EI_OSABI wins over a note that says otherwise. */
static void osabi_wins_over_note(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	add_gnu_note(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_brand(&img, "freebsd");
}

static void unknown_os(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "Plan9", 4);
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_null(img.brand);
	assert_false(img.host_program);
	assert_int_equal(img.os_version, 0);
}

/* A note segment that lies beyond the end of the file, or whose name runs
 * past the segment, is ignored: it neither names an OS nor breaks parsing. */
static void broken_notes_are_ignored(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "FreeBSD", 1402000);
	phdr(&f, 2)->p_offset = 0x100000;
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_null(img.brand);
	assert_false(img.host_program);

	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "FreeBSD", 1402000);
	((Elf64_Nhdr *)(f.bytes + NOTE_OFF))->n_namesz = 0x1000;
	assert_int_equal(load(&f, &img), XENO_LOAD_OK);
	assert_null(img.brand);
	assert_false(img.host_program);
}

/* A refused x86-64 file still says which OS it is for (core/exec.c keeps a
 * damaged foreign program from the host); another machine's says none. */
static void refused_files_keep_their_os(void **state)
{
	(void)state;
	struct elf_file f;
	struct xeno_image img;
	minimal(&f, ELFOSABI_FREEBSD);
	bad_alignment(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_BAD);
	assert_int_equal(img.format, XENO_FORMAT_ELF);
	assert_brand(&img, "freebsd");
	minimal(&f, ELFOSABI_NONE);
	add_abi_note(&f, "NetBSD", 1000000000);
	make_object(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_BAD);
	assert_brand(&img, "netbsd");
	minimal(&f, ELFOSABI_FREEBSD);
	make_aarch64(&f);
	assert_int_equal(load(&f, &img), XENO_LOAD_BAD);
	assert_null(img.brand);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    BAD(truncate_header, "truncated"),
	    BAD(make_32bit, "32-bit"),
	    BAD(make_big_endian, "big-endian"),
	    BAD(make_aarch64, "aarch64"),
	    BAD(make_object, "object file"),
	    BAD(make_core, "core dump"),
	    BAD(bad_phentsize, "program header size 32"),
	    BAD(phdrs_past_end, "program header table lies beyond the end of the file"),
	    BAD(phoff_past_end, "program header table lies beyond the end of the file"),
	    BAD(cut_inside_phdrs, "program header table lies beyond the end of the file"),
	    BAD(no_phdrs, "no program headers"),
	    BAD(no_load, "no loadable segments"),
	    BAD(filesz_over_memsz, "file size 0x20 exceeds memory size 0x10"),
	    BAD(segment_past_end, "segment 1: lies beyond the end of the file"),
	    BAD(offset_past_end, "segment 1: lies beyond the end of the file"),
	    BAD(not_congruent, "disagree modulo the page size"),
	    BAD(overlapping, "overlaps or precedes"),
	    BAD(descending, "overlaps or precedes"),
	    BAD(absurd_span, "more than xeno maps"),
	    BAD(entry_outside, "entry point 0x401010 lies outside every segment"),
	    BAD(kernel_address, "outside user memory"),
	    BAD(wrapping_segment, "outside user memory"),
	    BAD(page_zero, "segment 0: address 0 is in page 0"),
	    BAD(bad_alignment, "not a power of two"),
	    BAD(too_many_loads, "more than 32 loadable segments"),
	    BAD(interp_empty, "program interpreter"),
	    BAD(interp_past_end, "program interpreter"),
	    BAD(interp_too_long, "program interpreter"),
	    BAD(interp_unterminated, "program interpreter"),
	    cmocka_unit_test(missing_file),
	    cmocka_unit_test(directory),
	    cmocka_unit_test(not_elf),
	    cmocka_unit_test(minimal_freebsd),
	    cmocka_unit_test(position_independent),
	    cmocka_unit_test(bss_and_empty_segment),
	    cmocka_unit_test(freebsd_note_without_osabi),
	    cmocka_unit_test(netbsd_note),
	    cmocka_unit_test(freebsd_interpreter),
	    cmocka_unit_test(linux_gnu_note),
	    cmocka_unit_test(linux_interpreter),
	    cmocka_unit_test(osabi_wins_over_note),
	    cmocka_unit_test(unknown_os),
	    cmocka_unit_test(broken_notes_are_ignored),
	    cmocka_unit_test(refused_files_keep_their_os),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
