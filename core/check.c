/*
 * xeno --check: the report on a program prepared for running but not
 * entered.  One "name: value" line per fact, so that people read it and
 * scripts grep it; addresses are where the program now lies in memory.
 */
#include "core/check.h"

#include <elf.h>
#include <sys/mman.h>

#include "core/brand.h"
#include "core/launch.h"
#include "core/process.h"
#include "loader/link.h"
#include "loader/formats.h"
#include "loader/pe_module.h"

static const char *prot_string(int prot, char buf[4])
{
	buf[0] = prot & PROT_READ ? 'r' : '-';
	buf[1] = prot & PROT_WRITE ? 'w' : '-';
	buf[2] = prot & PROT_EXEC ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

/* The OS, and the version of its ABI note in words where its brand can say. */
static void print_os(FILE *out, const struct xeno_image *img)
{
	const struct xeno_brand *b = img->brand;
	fprintf(out, "os: %s (ELF OS/ABI %u", b->title, img->osabi);
	if (img->os_version == 0) {
		fprintf(out, ", no ABI note");
	} else if (b->describe_version) {
		char words[64];
		b->describe_version(img->os_version, words, sizeof words);
		fprintf(out, ", ABI note %u: %s", img->os_version, words);
	} else {
		fprintf(out, ", ABI note %u", img->os_version);
	}
	fprintf(out, ")\n");
}

/* A PE program: its headers' facts, sections, imports and TLS directory
 * (loader/pe_module.h). */
static void report_pe(FILE *out, const struct xeno_launch *l)
{
	const struct xeno_image *img = &l->img;
	char prot[4];
	fprintf(out, "format: PE32+ x86-64\n");
	fprintf(out, "os: %s (console program)\n", img->brand->title);
	fprintf(out, "linking: dynamic (imports bound to DLLs built into xeno)\n");
	pe_report(out);
	fprintf(out, "entry: %#llx\n", (unsigned long long)(img->entry + img->bias));
	fprintf(out, "stack: top %#llx size %#llx %s\n", (unsigned long long)xeno_proc.stack_top,
		(unsigned long long)(xeno_proc.stack_top - xeno_proc.stack_base),
		prot_string(PROT_READ | PROT_WRITE, prot));
	xeno_link_report(out);
}

/* A Mach-O program: its form, segments, libraries and binds
 * (loader/macho_image.c). */
static void report_macho(FILE *out, const struct xeno_launch *l)
{
	const struct xeno_image *img = &l->img;
	char prot[4];
	macho_link_report(out);
	fprintf(out, "os: %s\n", img->brand->title);
	fprintf(out, "entry: %#llx\n", (unsigned long long)(img->entry + img->bias));
	fprintf(out, "stack: top %#llx size %#llx %s\n", (unsigned long long)xeno_proc.stack_top,
		(unsigned long long)(xeno_proc.stack_top - xeno_proc.stack_base),
		prot_string(PROT_READ | PROT_WRITE, prot));
	xeno_link_report(out);
}

void xeno_check_report(FILE *out, const char *path, const struct xeno_launch *l)
{
	const struct xeno_image *img = &l->img;
	char prot[4];
	fprintf(out, "file: %s\n", path);
	if (img->format == XENO_FORMAT_PE) {
		report_pe(out, l);
		return;
	}
	if (img->format == XENO_FORMAT_MACHO) {
		report_macho(out, l);
		return;
	}
	fprintf(out, "format: ELF 64-bit little-endian x86-64\n");
	print_os(out, img);
	if (img->interp[0])
		fprintf(out, "linking: dynamic (interpreter %s)\n", img->interp);
	else
		fprintf(out, "linking: static\n");
	if (img->is_pie)
		fprintf(out, "type: PIE (ET_DYN, placed with load bias %#llx)\n",
			(unsigned long long)img->bias);
	else
		fprintf(out, "type: EXEC (ET_EXEC, fixed addresses)\n");
	fprintf(out, "entry: %#llx\n", (unsigned long long)(img->entry + img->bias));
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct xeno_segment *s = &img->seg[i];
		unsigned long long at = s->vaddr + img->bias;
		fprintf(out, "segment: %#llx-%#llx size %#llx %s file offset %#llx size %#llx\n",
			at, at + s->memsz, (unsigned long long)s->memsz, prot_string(s->prot, prot),
			(unsigned long long)s->offset, (unsigned long long)s->filesz);
	}
	fprintf(out, "stack: top %#llx size %#llx %s\n", (unsigned long long)xeno_proc.stack_top,
		(unsigned long long)(xeno_proc.stack_top - xeno_proc.stack_base),
		prot_string(PROT_READ | PROT_WRITE | (img->exec_stack ? PROT_EXEC : 0), prot));
	fprintf(out, "initial rsp: %#llx\n", (unsigned long long)l->entry.rsp);
	if (l->dynamic)
		xeno_link_report(out);
}
