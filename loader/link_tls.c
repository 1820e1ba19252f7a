/*
 * Thread-local storage in the foreign layout, variant II (Drepper, "ELF
 * Handling For Thread-Local Storage", 3.4.2; FreeBSD/amd64, OpenBSD and
 * illumos use it): the thread pointer points at a thread control block whose
 * first word points at itself; each module's static block lies below it, the
 * program's first.  A thread's memory here is
 *
 *     [ static blocks ... | TCB (personality's size) | DTV ]
 *                         ^ thread pointer
 *
 * The DTV is FreeBSD rtld's: dtv[0] a generation, dtv[1] the number of
 * slots, dtv[module + 1] the module's block.  Modules loaded later (dlopen)
 * get their blocks when first asked for (xeno_link_tls_addr).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/personality.h"
#include "loader/link_impl.h"

#define DTV_SLOTS 256 /* modules a thread can know of */

static uint64_t round_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

void link_tls_assign(struct object *o)
{
	struct linkmap *m = &xeno_linkmap;
	if (!o->img.tls.present || m->tls_modules + 1 >= DTV_SLOTS - 1)
		return;
	o->tls_module = ++m->tls_modules;
	uint64_t align = o->img.tls.align;
	/* FreeBSD's calculate_tls_offset: the previous end plus this block,
	 * rounded up to its alignment (libexec/rtld-elf/rtld.c) */
	if (o->relocated || m->program->relocated)
		return; /* loaded after start: a dynamic block, on demand */
	o->tls_offset = round_up(m->tls_static_size + o->img.tls.memsz, align);
	m->tls_static_size = o->tls_offset;
	if (align > m->tls_static_align)
		m->tls_static_align = align;
}

static uint64_t tls_align(void)
{
	uint64_t a = xeno_linkmap.tls_static_align;
	return a > 16 ? a : 16;
}

/* The size of one thread's mapping, and where its thread pointer goes. */
static uint64_t thread_span(uint64_t *tp_offset)
{
	const struct linkmap *m = &xeno_linkmap;
	*tp_offset = round_up(m->tls_static_size, tls_align());
	return round_up(*tp_offset + m->os->tcb_size + DTV_SLOTS * 8, 4096);
}

static void copy_template(const struct object *o, uint64_t block)
{
	const uint64_t src = o->img.tls.vaddr + o->img.bias;
	if (o->img.tls.filesz) /* Go's PT_TLS is all zeroes, at address 0 */
		memcpy((void *)block, (const void *)src, o->img.tls.filesz);
	memset((void *)(block + o->img.tls.filesz), 0, o->img.tls.memsz - o->img.tls.filesz);
}

uint64_t xeno_link_new_tls(void)
{
	const struct linkmap *m = &xeno_linkmap;
	uint64_t tp_offset;
	uint64_t span = thread_span(&tp_offset);
	/* aligned by mmap to a page: enough for any alignment up to a page */
	void *base = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return 0;
	uint64_t tp = (uint64_t)base + tp_offset;
	uint64_t *dtv = (uint64_t *)(tp + m->os->tcb_size);
	dtv[0] = 1;
	dtv[1] = DTV_SLOTS - 2;
	for (const struct object *o = m->objects; o; o = o->next)
		if (o->tls_module && o->tls_offset) {
			copy_template(o, tp - o->tls_offset);
			dtv[o->tls_module + 1] = tp - o->tls_offset;
		}
	m->os->init_tcb(tp, (uint64_t)dtv);
	return tp;
}

void xeno_link_free_tls(uint64_t tp)
{
	uint64_t tp_offset;
	uint64_t span = thread_span(&tp_offset);
	const uint64_t *dtv = (const uint64_t *)(tp + xeno_linkmap.os->tcb_size);
	for (const struct object *o = xeno_linkmap.objects; o; o = o->next)
		if (o->tls_module && !o->tls_offset)
			free((void *)dtv[o->tls_module + 1]);
	munmap((void *)(tp - tp_offset), span);
}

uint64_t xeno_link_tls_addr_present(uint64_t tp, uint64_t module, uint64_t offset)
{
	if (module == 0 || module >= DTV_SLOTS - 1)
		return 0;
	const uint64_t *dtv = (const uint64_t *)(tp + xeno_linkmap.os->tcb_size);
	return dtv[module + 1] ? dtv[module + 1] + offset : 0;
}

uint64_t xeno_link_tls_addr(uint64_t tp, uint64_t module, uint64_t offset)
{
	uint64_t present = xeno_link_tls_addr_present(tp, module, offset);
	if (present || module == 0 || module >= DTV_SLOTS - 1)
		return present;
	uint64_t *dtv = (uint64_t *)(tp + xeno_linkmap.os->tcb_size);
	for (const struct object *o = xeno_linkmap.objects; o; o = o->next) {
		if (o->tls_module != module)
			continue;
		void *block =
		    aligned_alloc(o->img.tls.align < 16 ? 16 : o->img.tls.align,
				  round_up(o->img.tls.memsz ? o->img.tls.memsz : 1,
					   o->img.tls.align < 16 ? 16 : o->img.tls.align));
		if (!block)
			return 0;
		copy_template(o, (uint64_t)block);
		dtv[module + 1] = (uint64_t)block;
		return (uint64_t)block + offset;
	}
	return 0;
}
