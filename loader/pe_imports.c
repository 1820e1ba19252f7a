/*
 * A PE32+ image's imports (the .idata Section of the specification): per
 * import descriptor a DLL name and, from its Import Lookup Table, functions
 * by name (hint and name) or by ordinal, each with the IAT slot the loader
 * fills.  Descriptors end at the first one without a Name or a FirstThunk,
 * as Wine's loader reads them (wine-mirror/wine dlls/ntdll/loader.c,
 * fixup_imports).
 */
#include <stdlib.h>
#include <string.h>

#include "loader/pe_read.h"

/* Room in *arr (*cap elements of size sz) for element n; false if none. */
static bool grow(void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, ncap * sz);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

/* Decodes one lookup table entry (not zero) into imp. */
static int decode_entry(struct pe_ctx *c, const char *dll, pe_thunk64 e, struct pe_import *imp)
{
	struct pe_image *img = c->img;
	if (e & PE_ORDINAL_FLAG64) {
		if (e & ~(PE_ORDINAL_FLAG64 | PE_ORDINAL_MASK))
			return pe_fail(img, "%s: malformed import by ordinal %#llx", dll,
				       (unsigned long long)e);
		imp->by_ordinal = true;
		imp->ordinal = (uint16_t)(e & PE_ORDINAL_MASK);
		return 0;
	}
	if (e & ~PE_HINT_NAME_RVA_MASK)
		return pe_fail(img, "%s: malformed import lookup entry %#llx", dll,
			       (unsigned long long)e);
	char name[PE_MAX_NAME];
	if (!pe_rva_read(c, e, &imp->hint, sizeof imp->hint))
		return pe_fail(img, "%s: hint/name entry %#llx lies outside the image", dll,
			       (unsigned long long)e);
	int r = pe_rva_string(c, e + sizeof imp->hint, name, sizeof name);
	if (r < 0)
		return pe_fail(img, "%s: the name of import %#llx %s", dll, (unsigned long long)e,
			       pe_str_error(r));
	if (!(imp->name = strdup(name)))
		return pe_fail(img, "out of memory");
	return 0;
}

static int add_import(struct pe_ctx *c, const char *dll, pe_thunk64 e, uint64_t iat, size_t *cap)
{
	struct pe_image *img = c->img;
	if (img->nimports == PE_MAX_IMPORTS)
		return pe_fail(img, "more than %d imports", PE_MAX_IMPORTS);
	if (!pe_section_at(img, iat, sizeof(pe_thunk64)))
		return pe_fail(img, "%s: IAT slot %#llx lies outside the sections", dll,
			       (unsigned long long)iat);
	struct pe_import imp = {.iat_rva = (uint32_t)iat};
	int err = decode_entry(c, dll, e, &imp);
	if (err)
		return err;
	if (!grow((void **)&img->imports, cap, img->nimports, sizeof imp)) {
		free(imp.name);
		return pe_fail(img, "out of memory");
	}
	img->imports[img->nimports++] = imp;
	return 0;
}

/* One descriptor's functions, from its lookup table (the IAT itself when
 * there is none), into img->imports. */
static int parse_functions(struct pe_ctx *c, const struct pe_import_descriptor *d,
			   struct pe_import_dll *dll, size_t *cap)
{
	uint64_t lookup = d->original_first_thunk ? d->original_first_thunk : d->first_thunk;
	if (!d->original_first_thunk && dll->bound)
		return pe_fail(c->img, "%s: bound imports without an import lookup table",
			       dll->name);
	dll->first = c->img->nimports;
	for (uint64_t i = 0;; i++) {
		pe_thunk64 e;
		if (!pe_rva_read(c, lookup + i * sizeof e, &e, sizeof e))
			return pe_fail(c->img, "%s: import lookup table runs out of the image",
				       dll->name);
		if (e == 0)
			break;
		int err = add_import(c, dll->name, e, d->first_thunk + i * sizeof e, cap);
		if (err)
			return err;
	}
	dll->count = c->img->nimports - dll->first;
	return 0;
}

static int parse_dll(struct pe_ctx *c, const struct pe_import_descriptor *d, size_t *cap)
{
	struct pe_image *img = c->img;
	struct pe_import_dll *dll = &img->dlls[img->ndlls];
	char name[PE_MAX_NAME];
	*dll = (struct pe_import_dll){.iat_rva = d->first_thunk,
				      .ilt_rva = d->original_first_thunk,
				      .bound = d->time_date_stamp != 0};
	int r = pe_rva_string(c, d->name, name, sizeof name);
	if (r < 0)
		return pe_fail(img, "the name of imported DLL %zu %s", img->ndlls, pe_str_error(r));
	if (!(dll->name = strdup(name)))
		return pe_fail(img, "out of memory");
	img->ndlls++; /* pe_free frees its name from now on */
	return parse_functions(c, d, dll, cap);
}

int pe_parse_imports(struct pe_ctx *c)
{
	struct pe_image *img = c->img;
	uint64_t at = img->dirs[PE_DIR_IMPORT].virtual_address;
	size_t dll_cap = 0, import_cap = 0;
	if (!at)
		return 0;
	for (;; at += sizeof(struct pe_import_descriptor)) {
		struct pe_import_descriptor d;
		if (!pe_rva_read(c, at, &d, sizeof d))
			return pe_fail(img, "import directory runs out of the image");
		if (d.name == 0 || d.first_thunk == 0)
			return 0;
		if (img->ndlls == PE_MAX_DLLS)
			return pe_fail(img, "more than %d imported DLLs", PE_MAX_DLLS);
		if (!grow((void **)&img->dlls, &dll_cap, img->ndlls, sizeof *img->dlls))
			return pe_fail(img, "out of memory");
		int err = parse_dll(c, &d, &import_cap);
		if (err)
			return err;
	}
}
