/*
 * Parsing and validating a PE32+ image (loader/pe.h): the headers, what
 * kind of program it is, the section table and the data directories' bounds;
 * imports, relocations, TLS and the load configuration have files of their
 * own (pe_imports.c, pe_reloc.c, pe_tls.c, pe_loadconfig.c).  Section names of the specification
 * are cited in loader/pe_format.h.
 */
#include "loader/pe.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/uaccess.h"
#include "loader/image.h"
#include "loader/pe_read.h"

#define PAGE 4096u
/* Where in the PE32+ optional header the directory count and the directories are. */
#define OPT64_NUMBER_OF_RVA_AND_SIZES offsetof(struct pe_optional_header64, number_of_rva_and_sizes)
#define OPT64_DATA_DIRECTORY	      offsetof(struct pe_optional_header64, data_directory)

static bool read_signature(const uint8_t *data, size_t size, uint32_t *lfanew)
{
	struct pe_dos_header dos;
	uint32_t sig;
	if (size < sizeof dos)
		return false;
	memcpy(&dos, data, sizeof dos);
	if (dos.e_magic != PE_DOS_MAGIC || dos.e_lfanew > size || size - dos.e_lfanew < sizeof sig)
		return false;
	memcpy(&sig, data + dos.e_lfanew, sizeof sig);
	*lfanew = dos.e_lfanew;
	return sig == PE_SIGNATURE;
}

bool pe_probe(const void *data, size_t size)
{
	uint32_t lfanew;
	return read_signature(data, size, &lfanew);
}

static const char *machine_name(unsigned m)
{
	switch (m) {
	case PE_MACHINE_ARM:
	case PE_MACHINE_ARMNT:
		return "32-bit arm";
	case PE_MACHINE_ARM64:
	case PE_MACHINE_ARM64EC:
	case PE_MACHINE_ARM64X:
		return "arm64";
	case PE_MACHINE_IA64:
		return "ia64";
	case PE_MACHINE_RISCV64:
		return "riscv64";
	}
	return "another machine";
}

static const char *subsystem_name(unsigned s)
{
	switch (s) {
	case PE_SUBSYSTEM_NATIVE:
		return "a Windows driver or native program (subsystem NATIVE)";
	case PE_SUBSYSTEM_OS2_CUI:
		return "an OS/2 program";
	case PE_SUBSYSTEM_POSIX_CUI:
		return "a Windows POSIX subsystem program";
	case PE_SUBSYSTEM_WINDOWS_CE_GUI:
		return "a Windows CE program";
	case PE_SUBSYSTEM_EFI_APPLICATION:
	case PE_SUBSYSTEM_EFI_BOOT_SERVICE:
	case PE_SUBSYSTEM_EFI_RUNTIME_DRIVER:
	case PE_SUBSYSTEM_EFI_ROM:
		return "an EFI program";
	case PE_SUBSYSTEM_XBOX:
		return "an Xbox program";
	case PE_SUBSYSTEM_WINDOWS_BOOT_APPLICATION:
		return "a Windows boot program";
	}
	return "a program for an unknown subsystem";
}

/* The CLR header's directory, at dirs_at in an optional header of opt_size
 * bytes whose count is at count_at: whether the image is a .NET assembly. */
static bool has_clr_header(const struct pe_ctx *c, uint64_t opt, uint16_t opt_size, size_t count_at,
			   size_t dirs_at)
{
	uint32_t count;
	struct pe_data_directory dir;
	size_t at = dirs_at + PE_DIR_COM_DESCRIPTOR * sizeof dir;
	if (opt_size < at + sizeof dir || !pe_file_read(c, opt + count_at, &count, sizeof count) ||
	    count <= PE_DIR_COM_DESCRIPTOR || !pe_file_read(c, opt + at, &dir, sizeof dir))
		return false;
	return dir.virtual_address != 0;
}

/* Refuses what is not an x86-64 Windows console program, before anything
 * else is checked, so the reason says what the file is. */
static int check_kind(struct pe_ctx *c, const struct pe_file_header *fh, uint64_t opt)
{
	struct pe_image *img = c->img;
	uint16_t magic = 0;
	if (fh->size_of_optional_header >= sizeof magic)
		pe_file_read(c, opt, &magic, sizeof magic);
	if ((magic == PE_OPT_MAGIC_PE32 &&
	     has_clr_header(c, opt, fh->size_of_optional_header, PE32_OPT_NUMBER_OF_RVA_AND_SIZES,
			    PE32_OPT_DATA_DIRECTORY)) ||
	    (magic == PE_OPT_MAGIC_PE32PLUS &&
	     has_clr_header(c, opt, fh->size_of_optional_header, OPT64_NUMBER_OF_RVA_AND_SIZES,
			    OPT64_DATA_DIRECTORY)))
		return pe_fail(img, "a .NET program (CLR header); xeno runs native x86-64 programs "
				    "only");
	if (fh->machine == PE_MACHINE_I386 || magic == PE_OPT_MAGIC_PE32)
		return pe_fail(img, "a 32-bit Windows program (PE32); xeno runs x86-64 programs "
				    "only");
	if (fh->machine != PE_MACHINE_AMD64)
		return pe_fail(img, "a Windows program for %s (PE machine %#x), not x86-64",
			       machine_name(fh->machine), fh->machine);
	if (magic != PE_OPT_MAGIC_PE32PLUS)
		return pe_fail(img, "no PE32+ optional header (magic %#x)", magic);
	if (fh->characteristics & PE_FILE_DLL)
		return pe_fail(img, "a Windows DLL, not a program");
	if (!(fh->characteristics & PE_FILE_EXECUTABLE_IMAGE))
		return pe_fail(img, "not marked executable (IMAGE_FILE_EXECUTABLE_IMAGE)");
	return 0;
}

static int check_subsystem(struct pe_image *img)
{
	if (img->subsystem == PE_SUBSYSTEM_WINDOWS_CUI)
		return 0;
	if (img->subsystem == PE_SUBSYSTEM_WINDOWS_GUI)
		return pe_fail(img, "a Windows GUI program (subsystem WINDOWS_GUI); xeno runs "
				    "console programs only");
	return pe_fail(img, "%s (subsystem %u); xeno runs Windows console programs only",
		       subsystem_name(img->subsystem), img->subsystem);
}

static void take_optional_header(struct pe_image *img, const struct pe_optional_header64 *oh)
{
	img->image_base = oh->image_base;
	img->size_of_image = oh->size_of_image;
	img->size_of_headers = oh->size_of_headers;
	img->section_alignment = oh->section_alignment;
	img->file_alignment = oh->file_alignment;
	img->entry_rva = oh->address_of_entry_point;
	img->subsystem = oh->subsystem;
	img->subsystem_major = oh->major_subsystem_version;
	img->subsystem_minor = oh->minor_subsystem_version;
	img->dll_characteristics = oh->dll_characteristics;
	img->stack_reserve = oh->size_of_stack_reserve;
	img->stack_commit = oh->size_of_stack_commit;
	img->heap_reserve = oh->size_of_heap_reserve;
	img->heap_commit = oh->size_of_heap_commit;
	uint32_t ndirs =
	    oh->number_of_rva_and_sizes < PE_NUM_DIRS ? oh->number_of_rva_and_sizes : PE_NUM_DIRS;
	memcpy(img->dirs, oh->data_directory, ndirs * sizeof img->dirs[0]);
}

/* The optional header: there, as long as the directories it counts, read. */
static int read_optional_header(struct pe_ctx *c, const struct pe_file_header *fh, uint64_t opt)
{
	struct pe_optional_header64 oh = {0};
	size_t n =
	    fh->size_of_optional_header < sizeof oh ? fh->size_of_optional_header : sizeof oh;
	if (n < OPT64_DATA_DIRECTORY)
		return pe_fail(c->img, "optional header of %u bytes is too short",
			       fh->size_of_optional_header);
	if (!pe_file_read(c, opt, &oh, n))
		return pe_fail(c->img, "truncated optional header");
	uint32_t ndirs =
	    oh.number_of_rva_and_sizes < PE_NUM_DIRS ? oh.number_of_rva_and_sizes : PE_NUM_DIRS;
	if (n < OPT64_DATA_DIRECTORY + ndirs * sizeof(struct pe_data_directory))
		return pe_fail(c->img, "optional header too short for its %u data directories",
			       oh.number_of_rva_and_sizes);
	take_optional_header(c->img, &oh);
	return 0;
}

static bool power_of_two(uint32_t x)
{
	return x && !(x & (x - 1));
}

/* Alignments, the image's size and place, and the headers' extent. */
static int check_layout(struct pe_ctx *c, uint64_t section_table_end)
{
	struct pe_image *img = c->img;
	if (!power_of_two(img->section_alignment) || !power_of_two(img->file_alignment) ||
	    img->file_alignment > img->section_alignment)
		return pe_fail(img, "bad alignments (section %#x, file %#x)",
			       img->section_alignment, img->file_alignment);
	if (img->section_alignment < PAGE)
		return pe_fail(img, "section alignment %#x is below the page size: not supported",
			       img->section_alignment);
	if (img->image_base % PAGE)
		return pe_fail(img, "image base %#llx is not page-aligned",
			       (unsigned long long)img->image_base);
	if (img->size_of_image == 0)
		return pe_fail(img, "SizeOfImage is 0");
	if (img->image_base >= XENO_USER_END ||
	    img->image_base + pe_align_up(img->size_of_image, PAGE) > XENO_USER_END)
		return pe_fail(img, "image %#llx+%#x is outside user memory",
			       (unsigned long long)img->image_base, img->size_of_image);
	if (img->size_of_headers < section_table_end || img->size_of_headers > c->size ||
	    img->size_of_headers > img->size_of_image)
		return pe_fail(img, "bad SizeOfHeaders %#x (section table ends at %#llx)",
			       img->size_of_headers, (unsigned long long)section_table_end);
	return 0;
}

static int section_prot(uint32_t ch)
{
	return ((ch & PE_SCN_MEM_READ) ? PROT_READ : 0) |
	       ((ch & PE_SCN_MEM_WRITE) ? PROT_WRITE : 0) |
	       ((ch & PE_SCN_MEM_EXECUTE) ? PROT_EXEC : 0);
}

static int add_section(struct pe_ctx *c, const struct pe_section_header *sh, uint64_t min_rva)
{
	struct pe_image *img = c->img;
	struct pe_section *s = &img->sections[img->nsections];
	memcpy(s->name, sh->name, PE_SECTION_NAME_SIZE);
	s->name[PE_SECTION_NAME_SIZE] = '\0';
	for (char *p = s->name; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
			*p = '?'; /* names go into messages */
	s->rva = sh->virtual_address;
	s->vsize = sh->virtual_size ? sh->virtual_size : sh->size_of_raw_data;
	s->raw_offset = sh->pointer_to_raw_data;
	s->raw_size = sh->size_of_raw_data < s->vsize ? sh->size_of_raw_data : s->vsize;
	s->characteristics = sh->characteristics;
	s->prot = section_prot(sh->characteristics);
	size_t i = img->nsections;
	if (s->rva % img->section_alignment)
		return pe_fail(img, "section %zu (%s) is not aligned to SectionAlignment", i,
			       s->name);
	if (s->rva < min_rva)
		return pe_fail(img,
			       "section %zu (%s) overlaps the headers or the section before it", i,
			       s->name);
	if (s->rva + pe_align_up(s->vsize, img->section_alignment) >
	    pe_align_up(img->size_of_image, img->section_alignment))
		return pe_fail(img, "section %zu (%s) extends past SizeOfImage", i, s->name);
	if (sh->size_of_raw_data && (uint64_t)s->raw_offset + sh->size_of_raw_data > c->size)
		return pe_fail(img, "section %zu (%s): raw data past the end of the file", i,
			       s->name);
	img->nsections++;
	return 0;
}

static int parse_sections(struct pe_ctx *c, uint64_t table, uint16_t count)
{
	struct pe_image *img = c->img;
	if (count == 0)
		return pe_fail(img, "no sections");
	if (count > PE_MAX_SECTIONS)
		return pe_fail(img, "%u sections, more than %d", count, PE_MAX_SECTIONS);
	uint64_t min_rva = pe_align_up(img->size_of_headers, img->section_alignment);
	for (uint16_t i = 0; i < count; i++) {
		struct pe_section_header sh;
		if (!pe_file_read(c, table + (uint64_t)i * sizeof sh, &sh, sizeof sh))
			return pe_fail(img, "truncated section table");
		int err = add_section(c, &sh, min_rva);
		if (err)
			return err;
		const struct pe_section *s = &img->sections[img->nsections - 1];
		min_rva = s->rva + pe_align_up(s->vsize, img->section_alignment);
	}
	return 0;
}

const struct pe_section *pe_section_at(const struct pe_image *img, uint64_t rva, uint64_t n)
{
	for (size_t i = 0; i < img->nsections; i++) {
		const struct pe_section *s = &img->sections[i];
		uint64_t end = s->rva + pe_align_up(s->vsize, img->section_alignment);
		if (rva >= s->rva && rva <= end && n <= end - rva)
			return s;
	}
	return NULL;
}

static const char *const dir_names[PE_NUM_DIRS] = {"export",
						   "import",
						   "resource",
						   "exception",
						   "certificate",
						   "base relocation",
						   "debug",
						   "architecture",
						   "global pointer",
						   "TLS",
						   "load configuration",
						   "bound import",
						   "IAT",
						   "delay import",
						   "CLR",
						   "reserved"};

/* Every directory given as an RVA lies in the image; the ones xeno cannot
 * honour are refused. */
static int check_directories(struct pe_image *img)
{
	for (int i = 0; i < PE_NUM_DIRS; i++) {
		struct pe_data_directory *d = &img->dirs[i];
		if (i == PE_DIR_SECURITY)
			continue; /* a file offset, and never read */
		if (d->virtual_address == 0)
			d->size = 0; /* absent, as Windows takes it, whatever the size */
		else if ((uint64_t)d->virtual_address + d->size > img->size_of_image)
			return pe_fail(img, "%s directory %#x+%#x lies outside the image",
				       dir_names[i], d->virtual_address, d->size);
	}
	if (img->dirs[PE_DIR_DELAY_IMPORT].virtual_address)
		return pe_fail(img, "delay-load imports are not supported");
	img->has_bound_imports = img->dirs[PE_DIR_BOUND_IMPORT].virtual_address != 0;
	img->relocatable = img->dirs[PE_DIR_BASERELOC].size != 0 &&
			   !(img->characteristics & PE_FILE_RELOCS_STRIPPED);
	return 0;
}

static int check_entry(struct pe_image *img)
{
	const struct pe_section *s = pe_section_at(img, img->entry_rva, 1);
	if (img->entry_rva == 0 || !s || !(s->prot & PROT_EXEC))
		return pe_fail(img, "entry point %#x is not in an executable section",
			       img->entry_rva);
	return 0;
}

/* The headers up to the section table: the kind of program, the optional
 * header, the layout; *table is where the section table starts. */
static int parse_headers(struct pe_ctx *c, struct pe_file_header *fh, uint64_t *table)
{
	uint32_t lfanew;
	if (c->size < 2 || c->data[0] != 'M' || c->data[1] != 'Z')
		return pe_fail(c->img, "not a PE file (no MZ signature)");
	if (!read_signature(c->data, c->size, &lfanew))
		return pe_fail(c->img, "an MZ file without a PE signature (an MS-DOS or 16-bit "
				       "Windows program, or truncated)");
	uint64_t opt = (uint64_t)lfanew + 4 + sizeof *fh;
	if (!pe_file_read(c, (uint64_t)lfanew + 4, fh, sizeof *fh))
		return pe_fail(c->img, "truncated COFF file header");
	c->img->machine = fh->machine;
	c->img->characteristics = fh->characteristics;
	int err = check_kind(c, fh, opt);
	if (!err)
		err = read_optional_header(c, fh, opt);
	if (!err)
		err = check_subsystem(c->img);
	*table = opt + fh->size_of_optional_header;
	if (!err)
		err = check_layout(c, *table + (uint64_t)fh->number_of_sections *
						   sizeof(struct pe_section_header));
	return err;
}

int pe_parse(struct pe_image *img, const void *data, size_t size)
{
	memset(img, 0, sizeof *img);
	struct pe_ctx c = {img, data, size};
	struct pe_file_header fh;
	uint64_t table = 0;
	int err = parse_headers(&c, &fh, &table);
	if (!err)
		err = parse_sections(&c, table, fh.number_of_sections);
	if (!err)
		err = check_directories(img);
	if (!err)
		err = check_entry(img);
	if (!err)
		err = pe_parse_imports(&c);
	if (!err)
		err = pe_parse_relocs(&c);
	if (!err)
		err = pe_parse_tls(&c);
	if (!err)
		err = pe_parse_load_config(&c);
	if (err)
		pe_free(img);
	return err;
}

void pe_free(struct pe_image *img)
{
	for (size_t i = 0; i < img->ndlls; i++)
		free(img->dlls[i].name);
	for (size_t i = 0; i < img->nimports; i++)
		free(img->imports[i].name);
	free(img->dlls);
	free(img->imports);
	free(img->reloc_blocks);
	free(img->tls.callbacks);
	img->dlls = NULL;
	img->imports = NULL;
	img->reloc_blocks = NULL;
	img->nreloc_blocks = 0;
	img->tls.callbacks = NULL;
	img->ndlls = img->nimports = img->nrelocs = img->tls.ncallbacks = 0;
}
