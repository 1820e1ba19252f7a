/*
 * The corruption test: hundreds of damaged copies of a valid FreeBSD sample,
 * each given to `xeno --check`, which must end with exit status 0 (it can
 * still run it) or 126 (one line "xeno: FILE: reason") — never a signal,
 * never a hang (each run gets TIMEOUT seconds), never anything else.
 *
 *   corrupt XENO SAMPLE WORKDIR [SEED]
 *
 * The damage is deterministic: variant i of a class comes from a generator
 * seeded with (SEED, class, i), so "corrupt ... SEED" makes the same files
 * every time, and a failing variant is kept as WORKDIR/failed-CLASS-I.
 * Classes: random bytes of the ELF header, of the program headers, of the
 * ABI note and of the section headers; header and program header fields set
 * to telling values (0, all ones, the sign bit, one past a limit...);
 * truncation at many lengths; and for a dynamically linked sample, which
 * --check links against xeno's shim libraries, random bytes of its dynamic
 * section, symbols, names, symbol versions, relocations and hash table, and
 * dynamic entries set to telling tags and values.  Prints "RESULT passed failed" with one test per
 * class, as tests/run-all.sh reads.
 */
#include <elf.h>
#include <sys/stat.h>

#include "tests/corrupt/corrupt_run.h"

/* ---- the damage ---- */

struct region {
	size_t off, len;
};

/* The sample's ELF header, program header table and first note; its section
 * headers; and for a dynamically linked sample, what the linker reads: the
 * dynamic section, the dynamic symbols and their names, symbol versions,
 * relocations and the symbol hash table (each found by its section). */
static struct region ehdr_region, phdr_region, note_region, shdr_region;
static struct region dynamic_region, dynsym_region, dynstr_region, versions_region, rela_region,
    relaplt_region, hash_region;

/* The section of type (the first), or an empty region. */
static struct region section(uint32_t type, uint64_t flags)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)sample;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(sample + eh->e_shoff);
	for (int i = 0; eh->e_shoff && i < eh->e_shnum; i++)
		if (sh[i].sh_type == type && (sh[i].sh_flags & flags) == flags)
			return (struct region){sh[i].sh_offset, sh[i].sh_size};
	return (struct region){0, 0};
}

/* The relocation section whose flags do (plt) or do not have SHF_INFO_LINK. */
static struct region relocations(bool plt)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)sample;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(sample + eh->e_shoff);
	for (int i = 0; eh->e_shoff && i < eh->e_shnum; i++)
		if (sh[i].sh_type == SHT_RELA && ((sh[i].sh_flags & SHF_INFO_LINK) != 0) == plt)
			return (struct region){sh[i].sh_offset, sh[i].sh_size};
	return (struct region){0, 0};
}

static void find_regions(void)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)sample;
	ehdr_region = (struct region){0, sizeof *eh};
	phdr_region = (struct region){eh->e_phoff, (size_t)eh->e_phnum * eh->e_phentsize};
	shdr_region = (struct region){eh->e_shoff, (size_t)eh->e_shnum * eh->e_shentsize};
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(sample + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_NOTE)
			note_region = (struct region){ph[i].p_offset, ph[i].p_filesz};
	dynamic_region = section(SHT_DYNAMIC, 0);
	dynsym_region = section(SHT_DYNSYM, 0);
	dynstr_region = section(SHT_STRTAB, SHF_ALLOC);
	hash_region = section(SHT_HASH, 0);
	struct region versym = section(SHT_GNU_versym, 0), verneed = section(SHT_GNU_verneed, 0);
	if (versym.len && verneed.len && verneed.off > versym.off)
		versions_region =
		    (struct region){versym.off, verneed.off + verneed.len - versym.off};
	rela_region = relocations(false);
	relaplt_region = relocations(true);
}

/* A few random bytes in r set to random values or with one bit flipped. */
static size_t damage_bytes(unsigned char *f, struct region r)
{
	unsigned n = 1 + (unsigned)below(3);
	for (unsigned k = 0; k < n; k++) {
		size_t at = r.off + below(r.len);
		if (rng() & 1)
			f[at] ^= (unsigned char)(1u << below(8));
		else
			f[at] = (unsigned char)rng();
	}
	return sample_size;
}

/* One dynamic entry's tag or value set to a value a careless linker trips on
 * (the tags it reads, values past the file, all ones, the sign bit...). */
static size_t damage_dynamic(unsigned char *f, struct region r)
{
	static const uint64_t tags[] = {
	    DT_NEEDED, DT_STRTAB,  DT_STRSZ,	  DT_SYMTAB,	 DT_SYMENT,	  DT_HASH,
	    DT_RELA,   DT_RELASZ,  DT_RELAENT,	  DT_JMPREL,	 DT_PLTRELSZ,	  DT_PLTREL,
	    DT_VERSYM, DT_VERNEED, DT_VERNEEDNUM, DT_INIT_ARRAY, DT_INIT_ARRAYSZ, DT_REL,
	    DT_NULL,   DT_SONAME,  DT_INIT,	  DT_TEXTREL};
	static const uint64_t values[] = {0,	      1,	  7,	      8,
					  0xff,	      0x1000,	  0xfff,      0xffffffff,
					  0x7fffffff, 1ULL << 32, 1ULL << 40, 0x8000000000000000ULL,
					  ~0ULL,      ~7ULL};
	size_t entry = below(r.len / sizeof(Elf64_Dyn));
	Elf64_Dyn *d = (Elf64_Dyn *)(f + r.off) + entry;
	if (rng() % 3 == 0) {
		d->d_tag = (Elf64_Sxword)tags[below(sizeof tags / sizeof tags[0])];
	} else if (rng() % 4 == 0) { /* the old value nudged */
		d->d_un.d_val += (rng() & 1 ? 1 : -1) * (uint64_t)(1 + below(0x100));
	} else {
		d->d_un.d_val = values[below(sizeof values / sizeof values[0])];
	}
	return sample_size;
}

/* One field of the ELF header or of a program header (offset, width) set to
 * a value a careless loader trips on. */
static size_t damage_field(unsigned char *f, struct region r)
{
	static const struct {
		size_t off, width;
	} ehdr_fields[] = {{16, 2}, {18, 2}, {24, 8}, {32, 8}, {40, 8}, {52, 2},
			   {54, 2}, {56, 2}, {58, 2}, {60, 2}, {62, 2}},
	  phdr_fields[] = {{0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 8}, {48, 8}};
	static const uint64_t values[] = {0,
					  1,
					  0xff,
					  0xffff,
					  0x7fffffff,
					  0xffffffff,
					  0x8000000000000000ULL,
					  0x7fffffffffffffffULL,
					  0xffffffffffffffffULL,
					  0x1000,
					  0xfff,
					  0x00007ffffffff000ULL,
					  0xffff800000000000ULL,
					  PT_LOAD,
					  PT_NOTE,
					  PT_INTERP,
					  PT_PHDR};
	bool in_phdrs = r.off == phdr_region.off;
	size_t off, width;
	if (in_phdrs) {
		size_t i = below(sizeof phdr_fields / sizeof phdr_fields[0]);
		size_t entry = below(phdr_region.len / sizeof(Elf64_Phdr));
		off = phdr_region.off + entry * sizeof(Elf64_Phdr) + phdr_fields[i].off;
		width = phdr_fields[i].width;
	} else {
		size_t i = below(sizeof ehdr_fields / sizeof ehdr_fields[0]);
		off = ehdr_fields[i].off;
		width = ehdr_fields[i].width;
	}
	uint64_t v = values[below(sizeof values / sizeof values[0])];
	if (rng() % 4 == 0) { /* or the old value nudged */
		uint64_t old = 0;
		memcpy(&old, f + off, width);
		v = old + (rng() & 1 ? 1 : -1) * (uint64_t)(1 + below(0x1000));
	}
	memcpy(f + off, &v, width); /* little-endian: the low bytes */
	return sample_size;
}

/* Cut the file short: every length through the ELF header, every fourth
 * through the program headers (the sample's end before 500), then lengths
 * spread over the rest of the file. */
static size_t truncation_length(unsigned i)
{
	if (i < 100)
		return i;
	if (i < 200)
		return 100 + (i - 100) * 4;
	return 500 + (i - 200) * 797 % (sample_size - 500);
}

struct class
{
	const char *name;
	unsigned count;
	struct region *region;
	size_t (*damage)(unsigned char *f, struct region r); /* new size; NULL: truncate */
};

/* Runs one class; the number of variants that failed. */
static unsigned run_class(unsigned cls, const struct class *c, unsigned *codes)
{
	unsigned char *f = malloc(sample_size);
	char file[512], why[800];
	unsigned failed = 0;
	snprintf(file, sizeof file, "%s/damaged", workdir);
	for (unsigned i = 0; i < c->count; i++) {
		rng_seed(cls, i);
		memcpy(f, sample, sample_size);
		size_t n = c->damage ? c->damage(f, *c->region) : truncation_length(i);
		if (!write_file(file, f, n)) {
			fprintf(stderr, "corrupt: cannot write %s\n", file);
			exit(2);
		}
		struct outcome o;
		run_check(file, &o);
		if (o.status == 0 || o.status == 126)
			codes[o.status == 0 ? 0 : 1]++;
		if (judge(file, &o, why, sizeof why))
			failed = keep_failed(file, c->name, i, why, failed);
	}
	free(f);
	return failed;
}

int main(int argc, char **argv)
{
	take_arguments(argc, argv, "corrupt XENO SAMPLE WORKDIR [SEED]", 4096);
	find_regions();
	if (!note_region.len) {
		fprintf(stderr, "corrupt: the sample has no note\n");
		return 2;
	}
	const struct class classes[] = {
	    {"ehdr-bytes", 150, &ehdr_region, damage_bytes},
	    {"phdr-bytes", 150, &phdr_region, damage_bytes},
	    {"note-bytes", 60, &note_region, damage_bytes},
	    {"ehdr-fields", 100, &ehdr_region, damage_field},
	    {"phdr-fields", 140, &phdr_region, damage_field},
	    {"truncation", 220, NULL, NULL},
	    {"shdr-bytes", 100, &shdr_region, damage_bytes},
	    /* a dynamically linked sample's: what the linker reads */
	    {"dynamic-bytes", 100, &dynamic_region, damage_bytes},
	    {"dynamic-fields", 150, &dynamic_region, damage_dynamic},
	    {"dynsym-bytes", 80, &dynsym_region, damage_bytes},
	    {"dynstr-bytes", 40, &dynstr_region, damage_bytes},
	    {"version-bytes", 60, &versions_region, damage_bytes},
	    {"rela-bytes", 60, &rela_region, damage_bytes},
	    {"relaplt-bytes", 80, &relaplt_region, damage_bytes},
	    {"hash-bytes", 40, &hash_region, damage_bytes},
	};
	unsigned passed = 0, failed = 0, total = 0, codes[2] = {0, 0};
	for (unsigned c = 0; c < sizeof classes / sizeof classes[0]; c++) {
		if (classes[c].region && !classes[c].region->len)
			continue; /* the sample has none (a static one: no dynamic section) */
		unsigned bad = run_class(c, &classes[c], codes);
		total += classes[c].count;
		if (bad) {
			printf("FAIL corrupt-%s: %u of %u damaged files\n", classes[c].name, bad,
			       classes[c].count);
			failed++;
		} else {
			passed++;
		}
	}
	printf("corruption: %u damaged copies of %s (seed %llu): %u still run (exit 0), "
	       "%u refused (exit 126)\n",
	       total, argv[2], (unsigned long long)seed, codes[0], codes[1]);
	printf("RESULT %u %u\n", passed, failed);
	return failed ? 1 : 0;
}
