/*
 * Parsing and validating an ELF image (through libelf), and mapping it.
 * Everything the file says is checked before it is trusted: a malformed or
 * hostile file ends in a reason, never in a crash.
 */
#include "loader/image.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/uaccess.h"
#include "loader/detect.h"
#include "loader/elf_dyn.h"
#include "loader/formats.h"
#include "loader/image_cache.h"

#define PAGE 4096ULL
/* The most program headers xeno reads; real programs have about a dozen. */
#define MAX_PHDRS 512u
/* The most address space a program's segments may span. */
#define MAX_SPAN (1ULL << 40)

static uint64_t trunc_page(uint64_t a)
{
	return a & ~(PAGE - 1);
}

static uint64_t round_page(uint64_t a)
{
	return (a + PAGE - 1) & ~(PAGE - 1);
}

__attribute__((format(printf, 2, 3))) static int fail(struct xeno_image *img, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(img->reason, sizeof img->reason, fmt, ap);
	va_end(ap);
	return XENO_LOAD_BAD;
}

static const char *machine_name(int m)
{
	switch (m) {
	case EM_386:
		return "i386";
	case EM_AARCH64:
		return "aarch64";
	case EM_ARM:
		return "arm";
	case EM_RISCV:
		return "riscv";
	case EM_PPC64:
		return "powerpc64";
	case EM_PPC:
		return "powerpc";
	case EM_MIPS:
		return "mips";
	case EM_SPARCV9:
		return "sparc64";
	case EM_S390:
		return "s390";
	}
	return "another machine";
}

/* *x86_64 tells whether the file was found to be a 64-bit little-endian
 * x86-64 one, also when it is refused for something else after that. */
static int check_header(struct xeno_image *img, Elf *elf, GElf_Ehdr *eh, bool *x86_64)
{
	size_t n;
	const char *ident = elf_getident(elf, &n);
	if (!ident || n < EI_NIDENT)
		return fail(img, "truncated ELF header");
	if ((unsigned char)ident[EI_CLASS] == ELFCLASS32)
		return fail(img, "a 32-bit program; xeno runs x86-64 programs only");
	if ((unsigned char)ident[EI_CLASS] != ELFCLASS64)
		return fail(img, "unknown ELF class %d", ident[EI_CLASS]);
	if ((unsigned char)ident[EI_DATA] != ELFDATA2LSB)
		return fail(img, "a big-endian program; xeno runs x86-64 programs only");
	if (!gelf_getehdr(elf, eh))
		return fail(img, "truncated or malformed ELF header");
	if (eh->e_machine != EM_X86_64)
		return fail(img, "a program for %s (ELF machine %d), not x86-64",
			    machine_name(eh->e_machine), eh->e_machine);
	*x86_64 = true;
	switch (eh->e_type) {
	case ET_EXEC:
		break;
	case ET_DYN:
		img->is_pie = true;
		break;
	case ET_REL:
		return fail(img, "an object file (ET_REL), not a program");
	case ET_CORE:
		return fail(img, "a core dump, not a program");
	default:
		return fail(img, "not a program (ELF type %d)", eh->e_type);
	}
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return fail(img, "program header size %u, expected %zu", eh->e_phentsize,
			    sizeof(Elf64_Phdr));
	/* e_phnum as the file says it, not elf_getphdrnum(), which quietly
	 * shortens the table of a truncated file to what is there. */
	if (eh->e_phnum == PN_XNUM)
		return fail(img, "more than %u program headers", MAX_PHDRS);
	img->entry = eh->e_entry;
	img->phoff = eh->e_phoff;
	img->phnum = eh->e_phnum;
	img->phentsize = eh->e_phentsize;
	img->e_flags = eh->e_flags;
	img->osabi = (unsigned char)ident[EI_OSABI];
	return 0;
}

static int add_segment(struct xeno_image *img, const GElf_Phdr *ph, unsigned idx, size_t fsize)
{
	if (img->nseg == XENO_MAX_SEGMENTS)
		return fail(img, "more than %d loadable segments", XENO_MAX_SEGMENTS);
	if (ph->p_filesz > ph->p_memsz)
		return fail(img, "segment %u: file size %#llx exceeds memory size %#llx", idx,
			    (unsigned long long)ph->p_filesz, (unsigned long long)ph->p_memsz);
	if (ph->p_offset > fsize || ph->p_filesz > fsize - ph->p_offset)
		return fail(img, "segment %u: lies beyond the end of the file", idx);
	if (ph->p_vaddr >= XENO_USER_END || ph->p_memsz > XENO_USER_END - ph->p_vaddr)
		return fail(img, "segment %u: address %#llx+%#llx is outside user memory", idx,
			    (unsigned long long)ph->p_vaddr, (unsigned long long)ph->p_memsz);
	/* A fixed segment in page 0: no process's map holds it (FreeBSD:
	 * security.bsd.map_at_zero is 0 by default, sys/kern/kern_exec.c, so
	 * imgact_elf's load_section fails there), whoever runs xeno. */
	if (!img->is_pie && ph->p_vaddr < PAGE)
		return fail(img, "segment %u: address %#llx is in page 0, which no program may map",
			    idx, (unsigned long long)ph->p_vaddr);
	if ((ph->p_vaddr - ph->p_offset) % PAGE != 0)
		return fail(
		    img, "segment %u: address and file offset disagree modulo the page size", idx);
	if (ph->p_align > 1 && (ph->p_align & (ph->p_align - 1)) != 0)
		return fail(img, "segment %u: alignment %#llx is not a power of two", idx,
			    (unsigned long long)ph->p_align);
	if (img->nseg > 0) {
		const struct xeno_segment *prev = &img->seg[img->nseg - 1];
		if (ph->p_vaddr < prev->vaddr + prev->memsz)
			return fail(img, "segment %u overlaps or precedes the one before it", idx);
	}
	struct xeno_segment *s = &img->seg[img->nseg++];
	s->vaddr = ph->p_vaddr;
	s->memsz = ph->p_memsz;
	s->offset = ph->p_offset;
	s->filesz = ph->p_filesz;
	s->prot = ((ph->p_flags & PF_R) ? PROT_READ : 0) | ((ph->p_flags & PF_W) ? PROT_WRITE : 0) |
		  ((ph->p_flags & PF_X) ? PROT_EXEC : 0);
	return 0;
}

static int read_interp(struct xeno_image *img, const GElf_Phdr *ph, const char *data, size_t fsize)
{
	/* A path of at least one byte and its NUL, the NUL last, as FreeBSD's
	 * imgact_elf does (sys/kern/imgact_elf.c: "Invalid PT_INTERP"). */
	if (ph->p_offset > fsize || ph->p_filesz > fsize - ph->p_offset || ph->p_filesz < 2 ||
	    ph->p_filesz > sizeof img->interp || data[ph->p_offset + ph->p_filesz - 1] != '\0')
		return fail(img, "malformed program interpreter (PT_INTERP)");
	memcpy(img->interp, data + ph->p_offset, ph->p_filesz);
	return 0;
}

/* The largest TLS alignment xeno accepts (real objects ask for 8 to 64),
 * and the largest block (each thread gets one: real ones are kilobytes). */
#define MAX_TLS_ALIGN 4096u
#define MAX_TLS_SIZE  (16u << 20)

static int read_tls(struct xeno_image *img, const GElf_Phdr *ph)
{
	uint64_t align = ph->p_align ? ph->p_align : 1;
	if (img->tls.present)
		return fail(img, "two TLS segments");
	if ((align & (align - 1)) != 0 || align > MAX_TLS_ALIGN)
		return fail(img, "TLS segment alignment %#llx is absurd",
			    (unsigned long long)ph->p_align);
	if (ph->p_filesz > ph->p_memsz || ph->p_memsz > MAX_TLS_SIZE)
		return fail(img, "malformed TLS segment (%#llx bytes in the file, %#llx in memory)",
			    (unsigned long long)ph->p_filesz, (unsigned long long)ph->p_memsz);
	img->tls.present = true;
	img->tls.vaddr = ph->p_vaddr;
	img->tls.filesz = ph->p_filesz;
	img->tls.memsz = ph->p_memsz;
	img->tls.align = align;
	return 0;
}

/* Whether the TLS template's initialised bytes lie in one loaded, readable
 * segment (what a new thread's block is copied from).  A template with no
 * initialised bytes copies nothing, wherever it says it is (Go's illumos
 * programs: an all-zero PT_TLS at address 0, loader/link_tls.c). */
static bool tls_template_loaded(const struct xeno_image *img)
{
	if (img->tls.filesz == 0)
		return true;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (img->tls.vaddr >= s->vaddr && img->tls.vaddr - s->vaddr <= s->memsz &&
		    img->tls.filesz <= s->memsz - (img->tls.vaddr - s->vaddr))
			return (s->prot & PROT_READ) != 0;
	}
	return false;
}

static int scan_segments(struct xeno_image *img, Elf *elf, const char *data, size_t fsize)
{
	size_t phnum = img->phnum;
	if (phnum == 0)
		return fail(img, "no program headers: not an executable");
	if (phnum > MAX_PHDRS)
		return fail(img, "more than %u program headers", MAX_PHDRS);
	if (img->phoff > fsize || phnum * sizeof(Elf64_Phdr) > fsize - img->phoff)
		return fail(img, "program header table lies beyond the end of the file");
	size_t libelf_phnum;
	if (elf_getphdrnum(elf, &libelf_phnum) != 0 || libelf_phnum != phnum)
		return fail(img, "malformed program header count");
	uint64_t phdr_segment = 0;
	for (size_t i = 0; i < phnum; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph))
			return fail(img, "malformed program header %zu", i);
		int err = 0;
		if (ph.p_type == PT_LOAD && ph.p_memsz > 0)
			err = add_segment(img, &ph, (unsigned)i, fsize);
		else if (ph.p_type == PT_INTERP)
			err = read_interp(img, &ph, data, fsize);
		else if (ph.p_type == PT_GNU_STACK)
			img->exec_stack = (ph.p_flags & PF_X) != 0;
		else if (ph.p_type == PT_PHDR)
			phdr_segment = ph.p_vaddr;
		else if (ph.p_type == PT_DYNAMIC)
			img->dynamic_vaddr = ph.p_vaddr, img->dynamic_size = ph.p_filesz;
		else if (ph.p_type == PT_TLS)
			err = read_tls(img, &ph);
		if (err)
			return err;
	}
	if (img->nseg == 0)
		return fail(img, "no loadable segments");
	if (img->tls.present && !tls_template_loaded(img))
		return fail(img, "the TLS template (%#llx, %#llx bytes) lies outside every segment",
			    (unsigned long long)img->tls.vaddr,
			    (unsigned long long)img->tls.filesz);
	img->lo = trunc_page(img->seg[0].vaddr);
	const struct xeno_segment *last = &img->seg[img->nseg - 1];
	img->hi = round_page(last->vaddr + last->memsz);
	if (img->hi - img->lo > MAX_SPAN)
		return fail(img, "segments span %#llx bytes, more than xeno maps",
			    (unsigned long long)(img->hi - img->lo));
	/* The headers' address: PT_PHDR, or wherever a segment maps e_phoff. */
	img->phdr_vaddr = phdr_segment;
	for (unsigned i = 0; i < img->nseg && !img->phdr_vaddr; i++) {
		const struct xeno_segment *s = &img->seg[i];
		if (img->phoff >= s->offset && img->phoff - s->offset < s->filesz)
			img->phdr_vaddr = s->vaddr + (img->phoff - s->offset);
	}
	bool entry_ok = false;
	for (unsigned i = 0; i < img->nseg; i++)
		if (img->entry >= img->seg[i].vaddr &&
		    img->entry - img->seg[i].vaddr < img->seg[i].memsz)
			entry_ok = true;
	if (!entry_ok)
		return fail(img, "entry point %#llx lies outside every segment",
			    (unsigned long long)img->entry);
	return 0;
}

/* A format other than ELF: recognised by its brand record (img->brand is
 * set even when it cannot run), not parsed yet. */
static int parse_other(struct xeno_image *img, int format, const void *data, size_t size)
{
	const char *what = format == XENO_FORMAT_MACHO ? "Mach-O" : "PE";
	img->format = format;
	img->brand = xeno_brand_of_format(format);
	if (!img->brand)
		return fail(img, "a %s program, which xeno does not run", what);
	if (!img->brand->personality)
		return fail(img, "a %s program (%s): xeno does not run %s programs yet", what,
			    img->brand->title, img->brand->title);
	return format == XENO_FORMAT_MACHO ? xeno_macho_image(img, data, size)
					   : xeno_pe_image(img, data, size);
}

int xeno_image_parse(struct xeno_image *img, const void *data, size_t size)
{
	int format = xeno_detect_format(data, size);
	if (format && format != XENO_FORMAT_ELF)
		return parse_other(img, format, data, size);
	const char *other = xeno_describe_other_format(data, size);
	if (other)
		return fail(img, "%s", other);
	if (!format)
		return fail(img, "not an executable xeno knows (no ELF, Mach-O or PE header)");
	img->format = XENO_FORMAT_ELF;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return fail(img, "libelf: %s", elf_errmsg(-1));
	Elf *elf = elf_memory((char *)data, size);
	if (!elf || elf_kind(elf) != ELF_K_ELF) {
		if (elf)
			elf_end(elf);
		return fail(img, "truncated or malformed ELF file");
	}
	GElf_Ehdr eh;
	bool x86_64 = false;
	int err = check_header(img, elf, &eh, &x86_64);
	if (!err)
		err = scan_segments(img, elf, data, size);
	if (!err && img->library && (!img->is_pie || img->interp[0]))
		err = fail(img, "not a shared library");
	/* Even a refused x86-64 file says which OS it is for: whoever asks
	 * (core/exec.c) tells a damaged foreign program from a Linux one. */
	if (x86_64) {
		struct xeno_elf_brand b = xeno_detect_elf_brand(elf, img->interp);
		img->brand = b.brand;
		img->host_program = b.host;
		img->os_version = b.version;
	}
	/* What xeno links: a foreign program with an interpreter, a library. */
	if (!err && (img->library || (img->interp[0] && img->brand))) {
		if (!img->dynamic_vaddr)
			err = fail(img, "no dynamic section (PT_DYNAMIC)");
		else
			err = xeno_elf_dyn_read(img, elf, data, size);
	}
	elf_end(elf);
	return err;
}

void xeno_reason_printable(char *reason)
{
	for (char *c = reason; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
}

void xeno_image_init(struct xeno_image *img, const char *path)
{
	memset(img, 0, sizeof *img);
	img->path = path;
	img->fd = -1;
}

static int xeno_image_open_as(struct xeno_image *img, const char *path, bool library)
{
	xeno_image_init(img, path);
	img->library = library;
	img->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (img->fd < 0) {
		int e = img->sys_errno = errno;
		fail(img, "%s", strerror(e));
		return e == ENOENT || e == ENOTDIR ? XENO_LOAD_MISSING : XENO_LOAD_BAD;
	}
	struct stat st;
	if (fstat(img->fd, &st) < 0)
		return fail(img, "%s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		return fail(img, "is a directory");
	if (!S_ISREG(st.st_mode))
		return fail(img, "not a regular file");
	if (st.st_size == 0)
		return fail(img, "empty file");
	/* A private writable view: libelf may convert in place, the file stays. */
	void *data =
	    mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, img->fd, 0);
	if (data == MAP_FAILED)
		return fail(img, "cannot read: %s", strerror(errno));
	int err = xeno_image_parse(img, data, (size_t)st.st_size);
	munmap(data, (size_t)st.st_size);
	return err;
}

int xeno_image_open(struct xeno_image *img, const char *path)
{
	return xeno_image_open_as(img, path, false);
}

void xeno_image_close(struct xeno_image *img)
{
	if (img->fd >= 0)
		close(img->fd);
	img->fd = -1;
	xeno_elf_dyn_free(img->dyn);
	img->dyn = NULL;
	xeno_format_data_free(img);
}

int xeno_image_open_library(struct xeno_image *img, const char *path)
{
	return xeno_image_open_as(img, path, true);
}

/* Reads a segment's file bytes into anonymous memory at bias. */
static int copy_segment(struct xeno_image *img, const struct xeno_segment *s)
{
	uint64_t start = trunc_page(s->vaddr) + img->bias;
	uint64_t end = round_page(s->vaddr + s->memsz + img->bias);
	void *p = mmap((void *)start, end - start, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p == MAP_FAILED)
		return fail(img, "cannot map memory at %#llx: %s", (unsigned long long)start,
			    strerror(errno));
	char *at = (char *)(s->vaddr + img->bias);
	/* the pages the file fills, populated at once: cheaper than a fault
	 * for each; the zeros after them come as they are touched */
	uint64_t filled = round_page((uint64_t)at + s->filesz) - start;
	if (s->filesz)
		madvise(p, filled, MADV_POPULATE_WRITE);
	for (uint64_t done = 0; done < s->filesz;) {
		ssize_t n = pread(img->fd, at + done, s->filesz - done, (off_t)(s->offset + done));
		if (n <= 0)
			return fail(img, "cannot read the file at %#llx: %s",
				    (unsigned long long)(s->offset + done),
				    n < 0 ? strerror(errno) : "it ends there");
		done += (uint64_t)n;
	}
	if (s->prot != (PROT_READ | PROT_WRITE) && mprotect(p, end - start, s->prot) < 0)
		return fail(img, "cannot protect memory at %#llx: %s", (unsigned long long)start,
			    strerror(errno));
	return 0;
}

/* Maps one segment at bias from fd: file pages, then zeroed pages for the
 * bss. */
static int map_file_segment(struct xeno_image *img, const struct xeno_segment *s, int fd)
{
	uint64_t start = trunc_page(s->vaddr) + img->bias;
	uint64_t file_end = s->vaddr + s->filesz + img->bias;
	uint64_t mem_end = round_page(s->vaddr + s->memsz + img->bias);
	uint64_t file_map_end = round_page(file_end);
	bool partial_bss = s->memsz > s->filesz && (file_end & (PAGE - 1));
	if (s->filesz > 0) {
		int prot = s->prot | (partial_bss ? PROT_WRITE : 0);
		void *p = mmap((void *)start, file_map_end - start, prot, MAP_PRIVATE | MAP_FIXED,
			       fd, (off_t)trunc_page(s->offset));
		if (p == MAP_FAILED)
			return fail(img, "cannot map segment at %#llx: %s",
				    (unsigned long long)start, strerror(errno));
		if (partial_bss) {
			memset((void *)file_end, 0, file_map_end - file_end);
			if (!(s->prot & PROT_WRITE))
				mprotect((void *)start, file_map_end - start, s->prot);
		}
	} else {
		file_map_end = start;
	}
	if (mem_end > file_map_end) {
		void *p = mmap((void *)file_map_end, mem_end - file_map_end, s->prot,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (p == MAP_FAILED)
			return fail(img, "cannot map memory at %#llx: %s",
				    (unsigned long long)file_map_end, strerror(errno));
	}
	return 0;
}

/* Maps segment i: from the file, from the aligned cache (cache_fd >= 0),
 * or copied. */
static int map_segment(struct xeno_image *img, unsigned i, int cache_fd)
{
	const struct xeno_segment *s = &img->seg[i];
	if (!s->copy)
		return map_file_segment(img, s, img->fd);
	if (cache_fd < 0)
		return copy_segment(img, s);
	struct xeno_segment cached = *s;
	cached.offset = xeno_image_cache_offset(img, i);
	return map_file_segment(img, &cached, cache_fd);
}

static bool has_copy_segment(const struct xeno_image *img)
{
	for (unsigned i = 0; i < img->nseg; i++)
		if (img->seg[i].copy)
			return true;
	return false;
}

int xeno_image_map(struct xeno_image *img, uint64_t pie_base)
{
	uint64_t span = img->hi - img->lo;
	uint64_t want = img->is_pie && !img->prefers_own_base ? pie_base : img->lo;
	/* Reserve the whole span first, so that nothing of xeno's is in the way
	 * and no later segment lands on memory xeno uses.  A position-independent
	 * object with no place of its own (pie_base 0: a library) goes where
	 * the kernel puts it — never at 0, which root could map. */
	void *at = MAP_FAILED;
	if (want || !img->is_pie)
		at = mmap((void *)want, span, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
	if (at == MAP_FAILED && img->is_pie)
		at =
		    mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (at == MAP_FAILED)
		return fail(img, "cannot place the program at %#llx: %s", (unsigned long long)want,
			    errno == EEXIST ? "memory xeno uses is there" : strerror(errno));
	img->bias = (uint64_t)at - img->lo;
	img->mapped = true;
	int cache_fd = has_copy_segment(img) ? xeno_image_cache_open(img) : -1;
	int err = 0;
	for (unsigned i = 0; !err && i < img->nseg; i++)
		err = map_segment(img, i, cache_fd);
	if (cache_fd >= 0)
		close(cache_fd);
	if (err)
		xeno_image_unmap(img);
	return err;
}

void xeno_image_unmap(struct xeno_image *img)
{
	if (img->mapped)
		munmap((void *)(img->lo + img->bias), img->hi - img->lo);
	img->mapped = false;
}
