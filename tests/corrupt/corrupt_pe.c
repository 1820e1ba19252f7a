/*
 * The corruption test for Windows programs: damaged copies of a PE sample
 * (the .exe files of build/samples/windows/), each given to `xeno --check` and run.
 * --check must end with exit 0 and a clean report, or exit 126 and one line
 * "xeno: FILE: reason" (tests/corrupt/corrupt_run.h).  The run must agree:
 * a file --check refuses is refused with the same line before any of it
 * runs (nothing on the standard output); one --check accepts may do what
 * the damaged program does — even loop: an import whose name was damaged
 * is bound to a stub that fails (ExitProcess returning), as xeno binds
 * what no shim has — but xeno may not refuse it then (a defect caught
 * late).  Runs use an image cache of the test's
 * own (XENO_CACHE_DIR), which the damaged file, rewritten in place, keeps
 * meeting: tests/corrupt/pe_cache.h checks it is never used stale.
 *
 *   corrupt_pe XENO SAMPLE.exe WORKDIR [SEED]
 *
 * Deterministic as corrupt.c: variant i of a class comes from (SEED, class,
 * i); a failing one is kept as WORKDIR/failed-CLASS-I.  Classes: random
 * bytes of the headers and the section table; header, section, data
 * directory, import, base relocation and TLS fields set to telling values
 * (0, all ones, past the file or the image, another section's RVA, absurd
 * counts); overlapping sections; truncation at every length through the
 * headers and many after; and the base relocation classes again with
 * ImageBase 0, which makes --check move the image and apply the damaged
 * blocks (those variants are only checked: the moved program's pointers
 * would be its own wrong ones).  Prints "RESULT passed failed", one test
 * per class.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/pe_format.h"
#include "tests/corrupt/corrupt_run.h"

/* ---- the sample's layout ---- */

struct span {
	size_t off, len;
};

#define MAX_SPANS 64

/* File spans of one kind of structure: where its damage goes. */
struct spans {
	struct span s[MAX_SPANS];
	unsigned n;
};

static struct {
	size_t fh, opt, sections; /* file offsets */
	unsigned nsections;
	uint64_t image_base;
	uint32_t size_of_image;
	struct spans headers, section_table, imports, thunks, relocs, tls;
} pe;

static void add_span(struct spans *sp, size_t off, size_t len)
{
	if (len && sp->n < MAX_SPANS && off < sample_size && len <= sample_size - off)
		sp->s[sp->n++] = (struct span){off, len};
}

static const struct pe_section_header *section_header(unsigned i)
{
	return (const struct pe_section_header *)(sample + pe.sections) + i;
}

static const struct pe_optional_header64 *optional_header(void)
{
	return (const struct pe_optional_header64 *)(sample + pe.opt);
}

/* The file offset of rva, or 0 if the file has no byte there. */
static size_t file_offset(uint64_t rva)
{
	for (unsigned i = 0; i < pe.nsections; i++) {
		const struct pe_section_header *s = section_header(i);
		if (rva >= s->virtual_address && rva - s->virtual_address < s->size_of_raw_data)
			return s->pointer_to_raw_data + (rva - s->virtual_address);
	}
	return 0;
}

/* The import descriptors, and each lookup table, IAT and name they use. */
static void find_imports(uint32_t dir_rva)
{
	size_t at = file_offset(dir_rva);
	for (const struct pe_import_descriptor *d = (const void *)(sample + at);
	     at && (const unsigned char *)(d + 1) <= sample + sample_size; d++) {
		add_span(&pe.imports, (size_t)((const unsigned char *)d - sample), sizeof *d);
		if (!d->name || !d->first_thunk)
			break;
		add_span(&pe.imports, file_offset(d->name), 8);
		for (int t = 0; t < 2; t++) {
			size_t table = file_offset(t ? d->first_thunk : d->original_first_thunk);
			uint64_t e;
			for (size_t k = 0; table && table + 8 * (k + 1) <= sample_size; k++) {
				memcpy(&e, sample + table + 8 * k, 8);
				add_span(&pe.thunks, table + 8 * k, 8);
				if (!e)
					break;
				if (!t && !(e >> 63))
					add_span(&pe.imports, file_offset(e), 6); /* hint, name */
			}
		}
	}
}

static void find_layout(void)
{
	uint32_t lfanew;
	memcpy(&lfanew, sample + PE_DOS_LFANEW_AT, 4);
	pe.fh = lfanew + 4;
	const struct pe_file_header *fh = (const void *)(sample + pe.fh);
	pe.opt = pe.fh + sizeof *fh;
	pe.sections = pe.opt + fh->size_of_optional_header;
	pe.nsections = fh->number_of_sections;
	const struct pe_optional_header64 *oh = optional_header();
	pe.image_base = oh->image_base;
	pe.size_of_image = oh->size_of_image;
	add_span(&pe.headers, 0, pe.sections);
	add_span(&pe.section_table, pe.sections, pe.nsections * sizeof(struct pe_section_header));
	find_imports(oh->data_directory[PE_DIR_IMPORT].virtual_address);
	const struct pe_data_directory *r = &oh->data_directory[PE_DIR_BASERELOC];
	if (r->virtual_address)
		add_span(&pe.relocs, file_offset(r->virtual_address), r->size);
	const struct pe_data_directory *t = &oh->data_directory[PE_DIR_TLS];
	if (t->virtual_address) {
		size_t at = file_offset(t->virtual_address);
		add_span(&pe.tls, at, sizeof(struct pe_tls_directory64));
		const struct pe_tls_directory64 *td = (const void *)(sample + at);
		if (at && td->address_of_callbacks > pe.image_base)
			add_span(&pe.tls, file_offset(td->address_of_callbacks - pe.image_base),
				 16);
	}
}

/* ---- the damage ---- */

/* A value a careless loader trips on, for a field of the sample's image. */
static uint64_t telling_value(void)
{
	const uint64_t image_end = pe.size_of_image;
	const uint64_t values[] = {0,
				   1,
				   2,
				   7,
				   8,
				   0xfff,
				   0x1000,
				   0xffff,
				   0x7fffffff,
				   0x80000000,
				   0xffffffff,
				   1ULL << 32,
				   1ULL << 63,
				   (1ULL << 63) | 0xffff,
				   ~0ULL,
				   image_end,
				   image_end - 1,
				   image_end - 4,
				   image_end - 8,
				   sample_size,
				   sample_size - 1,
				   pe.image_base,
				   pe.image_base - 1,
				   pe.image_base + image_end,
				   pe.image_base + image_end - 1,
				   pe.image_base + 0x1000,
				   pe.image_base + 0x2000};
	uint64_t v = values[below(sizeof values / sizeof values[0])];
	if (rng() % 5 == 0 && pe.nsections) /* a section's place */
		v = section_header((unsigned)below(pe.nsections))->virtual_address + below(16);
	return v;
}

/* Sets the field of width bytes at off to a telling value, or nudges it. */
static void set_field(unsigned char *f, size_t off, size_t width)
{
	uint64_t v = telling_value();
	if (rng() % 4 == 0) {
		uint64_t old = 0;
		memcpy(&old, f + off, width);
		v = old + (rng() & 1 ? 1 : -1) * (uint64_t)(1 + below(0x100));
	}
	memcpy(f + off, &v, width); /* little-endian: the low bytes */
}

/* A few random bytes in one of the spans set or with one bit flipped. */
static size_t damage_bytes(unsigned char *f, const struct spans *sp)
{
	unsigned n = 1 + (unsigned)below(3);
	for (unsigned k = 0; k < n; k++) {
		const struct span *s = &sp->s[below(sp->n)];
		size_t at = s->off + below(s->len);
		if (rng() & 1)
			f[at] ^= (unsigned char)(1u << below(8));
		else
			f[at] = (unsigned char)rng();
	}
	return sample_size;
}

/* Fields of the headers: e_lfanew, the file header, the optional header
 * and its data directories (offset, width; the optional header's from its
 * start). */
static size_t damage_header_field(unsigned char *f, const struct spans *sp)
{
	static const struct {
		size_t off, width;
	} fh_fields[] = {{0, 2}, {2, 2}, {16, 2}, {18, 2}},
	  opt_fields[] = {{0, 2},   {16, 4},  {24, 8},	{32, 4},  {36, 4},  {56, 4},
			  {60, 4},  {68, 2},  {70, 2},	{72, 8},  {80, 8},  {108, 4},
			  {112, 4}, {116, 4}, {120, 4}, {128, 4}, {136, 4}, {140, 4},
			  {144, 4}, {148, 4}, {152, 4}, {156, 4}, {160, 4}, {184, 4},
			  {188, 4}, {192, 4}, {196, 4}, {208, 4}, {212, 4}, {216, 4}};
	(void)sp;
	unsigned pick = (unsigned)below(1 + 4 + sizeof opt_fields / sizeof opt_fields[0]);
	if (pick == 0)
		set_field(f, PE_DOS_LFANEW_AT, 4);
	else if (pick <= 4)
		set_field(f, pe.fh + fh_fields[pick - 1].off, fh_fields[pick - 1].width);
	else
		set_field(f, pe.opt + opt_fields[pick - 5].off, opt_fields[pick - 5].width);
	return sample_size;
}

/* A section header's place, size, file data or flags; or one section
 * made to overlap the one before it. */
static size_t damage_section(unsigned char *f, const struct spans *sp)
{
	static const struct {
		size_t off, width;
	} fields[] = {{8, 4}, {12, 4}, {16, 4}, {20, 4}, {36, 4}};
	(void)sp;
	unsigned i = (unsigned)below(pe.nsections);
	size_t at = pe.sections + i * sizeof(struct pe_section_header);
	if (i > 0 && rng() % 4 == 0) {
		struct pe_section_header *s = (void *)(f + at), *prev = s - 1;
		s->virtual_address = prev->virtual_address + (uint32_t)(below(2) * 0x1000);
		if (rng() & 1)
			prev->virtual_size = s->virtual_address - prev->virtual_address + 0x1000;
		return sample_size;
	}
	size_t k = below(sizeof fields / sizeof fields[0]);
	set_field(f, at + fields[k].off, fields[k].width);
	return sample_size;
}

/* A data directory's RVA or size; most often one xeno reads. */
static size_t damage_directory(unsigned char *f, const struct spans *sp)
{
	static const int read[] = {PE_DIR_IMPORT,      PE_DIR_BASERELOC,    PE_DIR_TLS,
				   PE_DIR_LOAD_CONFIG, PE_DIR_DELAY_IMPORT, PE_DIR_IAT};
	(void)sp;
	int d = rng() % 3 ? read[below(sizeof read / sizeof read[0])] : (int)below(PE_NUM_DIRS);
	size_t at = pe.opt + offsetof(struct pe_optional_header64, data_directory) +
		    (size_t)d * sizeof(struct pe_data_directory) + (rng() & 1 ? 4 : 0);
	set_field(f, at, 4);
	return sample_size;
}

/* A field of a span's structures, 4 or 8 bytes wide at a 4-byte step (an
 * import descriptor's, a TLS directory's, a callback) — or, in base
 * relocations, 2 bytes at a 2-byte step (an entry) or a block's header. */
static size_t damage_fields(unsigned char *f, const struct spans *sp)
{
	const struct span *s = &sp->s[below(sp->n)];
	size_t width = sp == &pe.relocs ? (rng() & 1 ? 2 : 4) : (rng() & 1 ? 4 : 8);
	if (width > s->len)
		width = s->len;
	size_t step = width == 2 ? 2 : 4;
	size_t at = s->off + below((s->len - width) / step + 1) * step;
	if (width == 2 && rng() & 1) { /* an entry of each type, at a page's edge */
		uint16_t e =
		    (uint16_t)(below(16) << 12 | (rng() & 1 ? 0xff8 + below(8) : below(4096)));
		memcpy(f + at, &e, 2);
	} else {
		set_field(f, at, width);
	}
	return sample_size;
}

/* ImageBase 0: --check moves the image and applies its relocations. */
static size_t damage_moved(unsigned char *f, const struct spans *sp)
{
	size_t n = rng() & 1 ? damage_fields(f, sp) : damage_bytes(f, sp);
	memset(f + pe.opt + offsetof(struct pe_optional_header64, image_base), 0, 8);
	return n;
}

/* Lengths through the headers and the section table, every third, then
 * lengths spread over the rest. */
static size_t truncation_length(unsigned i)
{
	size_t headers = pe.sections + pe.nsections * sizeof(struct pe_section_header);
	return 3 * i <= headers ? 3 * i : headers + (3 * i - headers) * 7 % (sample_size - headers);
}

#include "tests/corrupt/pe_cache.h"

struct class
{
	const char *name;
	unsigned count;
	const struct spans *spans;
	size_t (*damage)(unsigned char *f, const struct spans *sp); /* new size; NULL: cut */
	bool check_only;
};

static const char *judge_run(const char *file, const struct outcome *check,
			     const struct outcome *run, char *why, size_t n)
{
	if (run->signal == SIGALRM && check->status != 0)
		snprintf(why, n, "the run hangs (no end within %d s)", TIMEOUT);
	else if (check->status == 126 &&
		 (run->status != 126 || strcmp(run->err, check->err) || run->out[0]))
		snprintf(why, n, "--check refuses it but the run ends otherwise (status %d): %s",
			 run->status, run->err);
	else if (check->status == 0 && run->status == 126)
		snprintf(why, n, "--check takes it but the run refuses it (caught late): %s",
			 run->err);
	else if (check->status == 0 && one_line_refusal(file, run->err))
		snprintf(why, n, "the run refuses it too late: %s", run->err);
	else
		return NULL;
	return why;
}

/* One damaged file: what is wrong with it, or NULL. */
static const char *try_variant(const char *file, const struct class *c, unsigned *codes, char *why,
			       size_t n)
{
	struct outcome check, run;
	run_check(file, &check);
	if (check.status == 0 || check.status == 126)
		codes[check.status == 0 ? 0 : 1]++;
	const char *bad = judge_check(file, &check, why, n);
	if (bad || c->check_only)
		return bad;
	run_xeno(false, file, &run);
	return judge_run(file, &check, &run, why, n);
}

/* Runs one class; the number of variants that failed. */
static unsigned run_class(unsigned cls, const struct class *c, unsigned *codes)
{
	unsigned char *f = malloc(sample_size);
	char file[512], why[1600];
	unsigned failed = 0;
	snprintf(file, sizeof file, "%s/damaged.exe", workdir);
	for (unsigned i = 0; i < c->count; i++) {
		rng_seed(cls, i);
		memcpy(f, sample, sample_size);
		size_t n = c->damage ? c->damage(f, c->spans) : truncation_length(i);
		if (!write_file(file, f, n)) {
			fprintf(stderr, "corrupt_pe: cannot write %s\n", file);
			exit(2);
		}
		if (try_variant(file, c, codes, why, sizeof why))
			failed = keep_failed(file, c->name, i, why, failed);
	}
	free(f);
	return failed;
}

static const struct class classes[] = {
    {"pe-header-bytes", 100, &pe.headers, damage_bytes, false},
    {"pe-header-fields", 120, &pe.headers, damage_header_field, false},
    {"pe-section-bytes", 50, &pe.section_table, damage_bytes, false},
    {"pe-section-fields", 100, &pe.section_table, damage_section, false},
    {"pe-directory-fields", 100, &pe.headers, damage_directory, false},
    {"pe-truncation", 300, NULL, NULL, false},
    {"pe-import-bytes", 50, &pe.imports, damage_bytes, false},
    {"pe-import-fields", 60, &pe.imports, damage_fields, false},
    {"pe-thunk-fields", 50, &pe.thunks, damage_fields, false},
    {"pe-reloc-bytes", 50, &pe.relocs, damage_bytes, false},
    {"pe-reloc-fields", 80, &pe.relocs, damage_fields, false},
    {"pe-reloc-moved", 120, &pe.relocs, damage_moved, true},
    {"pe-tls-bytes", 50, &pe.tls, damage_bytes, false},
    {"pe-tls-fields", 100, &pe.tls, damage_fields, false},
};

int main(int argc, char **argv)
{
	take_arguments(argc, argv, "corrupt_pe XENO SAMPLE.exe WORKDIR [SEED]", 1024);
	find_layout();
	char cache[512];
	snprintf(cache, sizeof cache, "%s/cache", workdir);
	mkdir(cache, 0700);
	setenv("XENO_CACHE_DIR", cache, 1);
	unsigned passed = 0, failed = 0, total = 0, codes[2] = {0, 0};
	for (unsigned c = 0; c < sizeof classes / sizeof classes[0]; c++) {
		if (classes[c].spans && !classes[c].spans->n)
			continue; /* the sample has none (no relocations, no TLS) */
		unsigned bad = run_class(c, &classes[c], codes);
		total += classes[c].count;
		if (bad)
			printf("FAIL corrupt-%s: %u of %u damaged files\n", classes[c].name, bad,
			       classes[c].count);
		bad ? failed++ : passed++;
	}
	cache_checks(cache, &passed, &failed);
	printf("corruption: %u damaged copies of %s (seed %llu): %u still load (exit 0), "
	       "%u refused (exit 126)\n",
	       total, argv[2], (unsigned long long)seed, codes[0], codes[1]);
	printf("RESULT %u %u\n", passed, failed);
	return failed ? 1 : 0;
}
