/* Lazy call-site patching: see core/patch.h. */
#include "core/patch.h"

#include <string.h>

#include "core/sitecall.h"
#include "core/forklock.h"
#include "core/host.h"
#include "core/patchsite.h"
#include "core/patchtext.h"
#include "core/spinlock.h"
#include "core/stats.h"
#include "core/thread.h"
#include "core/threadlist.h"
#include "core/uaccess.h"
#include "core/vdso.h"

bool xeno_patching = true;

/* What became of a site. */
enum {
	SITE_UNPATCHABLE = 1, /* keyed by its syscall: not a form xeno patches */
	SITE_PATCHING,	      /* the jump is going in */
	SITE_PATCHED,
	SITE_UNPATCHING, /* its own bytes are going back */
	SITE_UNPATCHED,	 /* its own bytes are back (its trampoline stays) */
};

/* The sites, keyed by the address of a site's first byte (or of the
 * syscall, for sites that cannot be patched): an open-addressing table of
 * indexes (index + 1; 0: free) into entries kept in the order they came,
 * so that a program's few sites touch two or three pages, not one page of
 * a sparse table each (a page fault costs 10-20 us on the machines this
 * runs on).  Entries are never removed: the signal path reads them without
 * the lock (an index is published last, with release order). */
#define MAX_SITES 2048
/* Traps a site takes, among threads, before it is patched. */
#define PATCH_AFTER 2
struct site_entry {
	uint64_t key; /* 0: free */
	uint64_t syscall;
	uint64_t slot; /* its trampoline, 0 while it has none */
	uint8_t state;
	uint8_t traps; /* trapped among threads, not patched yet */
	struct xeno_site site;
};
static struct site_entry sites[MAX_SITES * 3 / 4];
static uint16_t site_index[MAX_SITES];
static unsigned nsites;

/* Trampoline pages and which site each slot serves. */
#define MAX_TRAMPS 64
static struct tramp {
	uint64_t base;
	unsigned used; /* published with release order */
	uint16_t site[XENO_TRAMP_SLOTS];
} tramps[MAX_TRAMPS];
static unsigned ntramps;

/* [span_lo, span_hi): where patched bytes may be (a quick no for the
 * memory handlers). */
static uint64_t span_lo = UINT64_MAX, span_hi;
static bool ready; /* the one-time set-up went well */

/* The memory handlers take it on the guest's FS base. */
static int lock_word;

static void lock(void)
{
	xeno_spin_lock_yielding(&lock_word); /* the holder may be preempted while it writes */
}

static void unlock(void)
{
	xeno_spin_unlock(&lock_word);
}

static void unlock_after_fork(bool child)
{
	if (child)
		xeno_text_after_fork();
	unlock();
}

XENO_FORK_LOCK(patch, XENO_FORK_RANK_CORE + 35, lock, unlock_after_fork);

static unsigned hash(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ULL) >> 53) & (MAX_SITES - 1);
}

/* Lock-free lookup. */
static struct site_entry *find(uint64_t key)
{
	for (unsigned i = hash(key), n = 0; n < MAX_SITES; i = (i + 1) & (MAX_SITES - 1), n++) {
		unsigned at = __atomic_load_n(&site_index[i], __ATOMIC_ACQUIRE);
		if (at == 0)
			return NULL;
		if (sites[at - 1].key == key)
			return &sites[at - 1];
	}
	return NULL;
}

/* Under the lock: the entry for key, made with state if new (NULL when the
 * table is as full as it may get). */
static struct site_entry *find_or_add(uint64_t key, uint8_t state)
{
	struct site_entry *e = find(key);
	if (e || nsites >= MAX_SITES * 3 / 4)
		return e;
	unsigned i = hash(key);
	while (site_index[i])
		i = (i + 1) & (MAX_SITES - 1);
	e = &sites[nsites];
	e->key = key;
	e->state = state;
	nsites++;
	__atomic_store_n(&site_index[i], (uint16_t)nsites, __ATOMIC_RELEASE);
	return e;
}

static void set_state(struct site_entry *e, uint8_t state)
{
	__atomic_store_n(&e->state, state, __ATOMIC_RELEASE);
}

static long read_guest(void *out, uint64_t addr, size_t size)
{
	return xeno_copy_in(out, addr, size);
}

static bool reach(uint64_t a, uint64_t b)
{
	uint64_t d = a > b ? a - b : b - a;
	return d < (1ULL << 31) - 2 * XENO_TRAMP_PAGE;
}

/* A trampoline page within reach of both ends of a site, with a free slot. */
static struct tramp *tramp_for(uint64_t start, uint64_t syscall)
{
	for (unsigned i = 0; i < ntramps; i++)
		if (tramps[i].used < XENO_TRAMP_SLOTS && reach(tramps[i].base, start) &&
		    reach(tramps[i].base, syscall))
			return &tramps[i];
	if (ntramps == MAX_TRAMPS)
		return NULL;
	uint64_t entry =
	    (uint64_t)(xeno_state_via_fs ? xeno_sitecall_entry_fs : xeno_sitecall_entry_gs);
	uint64_t base = xeno_text_tramp_page(start, entry);
	if (!base || !reach(base, syscall))
		return NULL; /* (a page out of reach stays unused) */
	struct tramp *p = &tramps[ntramps];
	p->base = base;
	__atomic_store_n(&ntramps, ntramps + 1, __ATOMIC_RELEASE);
	return p;
}

/*
 * A slot: the site's displaced bytes as they were (position-independent:
 * core/patchsite.c), then
 *     lea  syscall+2(%rip), %rcx     48 8d 0d rel32
 *     jmp  *entry(%rip)              ff 25 rel32   (the page's header)
 */
static uint64_t new_slot(struct site_entry *e)
{
	const struct xeno_site *s = &e->site;
	struct tramp *p = tramp_for(e->key, e->syscall);
	if (!p)
		return 0;
	uint64_t slot = p->base + XENO_TRAMP_HDR + (uint64_t)p->used * XENO_TRAMP_SLOT;
	uint8_t code[XENO_TRAMP_SLOT] = {0};
	memcpy(code, s->code, s->len);
	uint8_t *lea = code + s->len, *jmp = lea + 7;
	int32_t to_ret = (int32_t)(e->syscall + 2 - (slot + s->len + 7));
	int32_t to_hdr = (int32_t)(p->base - (slot + s->len + 13));
	memcpy(lea, "\x48\x8d\x0d", 3);
	memcpy(lea + 3, &to_ret, 4);
	memcpy(jmp, "\xff\x25", 2);
	memcpy(jmp + 2, &to_hdr, 4);
	if (xeno_text_write(slot, code, sizeof code) < 0)
		return 0;
	p->site[p->used] = (uint16_t)(e - sites);
	__atomic_store_n(&p->used, p->used + 1, __ATOMIC_RELEASE);
	return slot;
}

/* What the first patch needs, once: false turns patching off. */
static bool set_up(struct xeno_thread *t, const ucontext_t *uc)
{
	if (!xeno_sitecall_learn_fpu(uc))
		return false;
	xeno_host_tls(t); /* opening the descriptor and reading the vDSO use glibc */
	if (!xeno_text_open())
		return false;
	xeno_vdso_init();
	return true;
}

static void jump_bytes(uint64_t from, uint64_t to, uint8_t out[XENO_JMP_LEN])
{
	int32_t rel = (int32_t)(to - (from + XENO_JMP_LEN));
	out[0] = 0xe9;
	memcpy(out + 1, &rel, 4);
}

/* Under the lock: puts the jump into the site at start. */
static void patch(struct xeno_thread *t, const ucontext_t *uc, uint64_t start, uint64_t syscall,
		  const struct xeno_site *s)
{
	struct site_entry *e = find(start);
	uint8_t now[XENO_JMP_LEN], jmp[XENO_JMP_LEN];
	if (xeno_copy_in(now, start, sizeof now) < 0)
		return;
	if (e && e->state == SITE_PATCHED && memcmp(now, e->site.code, sizeof now) != 0)
		return; /* a thread that was past the jump, or a restart */
	if (!xeno_text_patchable(start, XENO_JMP_LEN))
		return;
	if (!ready && !(ready = set_up(t, uc))) {
		xeno_patching = false;
		return;
	}
	if (!e && !(e = find_or_add(start, SITE_UNPATCHED)))
		return;
	/* Among threads a patch costs two membarriers, each a wait for every
	 * CPU running the process: a site that traps only once (start-up)
	 * is not worth it. */
	bool alone = xeno_thread_alone();
	if (!alone && e->state == SITE_UNPATCHED && e->traps++ < PATCH_AFTER - 1)
		return;
	if (e->slot && (e->site.len != s->len || memcmp(e->site.code, s->code, s->len) != 0))
		e->slot = 0; /* other code there now: a new trampoline */
	if (!e->slot) {
		e->site = *s;
		e->syscall = syscall;
		if (!(e->slot = new_slot(e)))
			return;
	}
	jump_bytes(start, e->slot, jmp);
	set_state(e, SITE_PATCHING);
	if (start < span_lo)
		__atomic_store_n(&span_lo, start, __ATOMIC_RELAXED);
	if (syscall > span_hi)
		__atomic_store_n(&span_hi, syscall, __ATOMIC_RELAXED);
	if (alone) /* cheap now, an RCU grace period once there are threads */
		xeno_text_sync_ready();
	if (xeno_text_poke5(start, jmp, !alone) < 0) {
		xeno_text_write(start, e->site.code, XENO_JMP_LEN);
		set_state(e, SITE_UNPATCHED);
		xeno_patching = false;
		return;
	}
	set_state(e, SITE_PATCHED);
	xeno_count(&xeno_counters.sites);
}

/* The bounds of xeno's own code (the linker's symbols). */
extern const char __executable_start[], etext[];

/* A site in xeno's own code: a personality's signal trampoline (its
 * sigreturn), which runs once per signal.  Patched, it made a whole program
 * slower — esbuild for OpenBSD bundling: 651 against 625 ms left to trap
 * (11 alternating runs; --no-patch 624), its only patched site — whether
 * through the private copy of a page of xeno's text the patch makes or the
 * sigreturns taking the patched path is not known yet: it is left to trap. */
static bool in_xeno_code(uint64_t addr)
{
	return addr >= (uint64_t)__executable_start && addr < (uint64_t)etext;
}

/* Remembers that the site of the syscall instruction at syscall is left to
 * trap. */
static void leave_unpatched(uint64_t syscall)
{
	lock();
	find_or_add(syscall, SITE_UNPATCHABLE);
	unlock();
}

void xeno_patch_trapped(struct xeno_thread *t, const ucontext_t *uc)
{
	const greg_t *g = uc->uc_mcontext.gregs;
	uint64_t syscall = (uint64_t)g[REG_RIP] - 2;
	if (find(syscall))
		return; /* not a form xeno patches */
	if (in_xeno_code(syscall)) {
		leave_unpatched(syscall);
		return;
	}
	uint8_t bytes[16];
	size_t n = 14;
	if (xeno_copy_in(bytes, syscall - n, n + 2) < 0) {
		n = syscall & 4095; /* what lies in the syscall's own page */
		n = n < 14 ? n : 14;
		if (xeno_copy_in(bytes, syscall - n, n + 2) < 0)
			return;
	}
	struct xeno_site s;
	if (bytes[n] != XENO_SYSCALL0 || bytes[n + 1] != XENO_SYSCALL1 ||
	    !xeno_site_decode(bytes, n, &s) || !xeno_site_agrees(&s, g, read_guest)) {
		leave_unpatched(syscall);
		return;
	}
	lock();
	patch(t, uc, syscall - s.len, syscall, &s);
	unlock();
}

/* Under the lock: site e's own bytes back. */
static void unpatch(struct site_entry *e)
{
	set_state(e, SITE_UNPATCHING);
	xeno_text_poke5(e->key, e->site.code, !xeno_thread_alone());
	set_state(e, SITE_UNPATCHED);
}

bool xeno_patch_mem_begin(uint64_t addr, uint64_t len)
{
	if (!xeno_patching)
		return false;
	lock();
	xeno_text_forget(addr, len);
	uint64_t end = addr + len < addr ? UINT64_MAX : addr + len;
	if (addr >= span_hi || end <= span_lo)
		return true;
	for (unsigned i = 0; i < nsites; i++) {
		struct site_entry *e = &sites[i];
		if (e->key && e->key < end && addr < e->key + XENO_JMP_LEN &&
		    (e->state == SITE_PATCHED || e->state == SITE_PATCHING))
			unpatch(e);
	}
	return true;
}

void xeno_patch_mem_end(bool begun)
{
	if (begun)
		unlock();
}

static bool guest_rip(uint64_t rip, uint64_t *to)
{
	unsigned n = __atomic_load_n(&ntramps, __ATOMIC_ACQUIRE);
	for (unsigned i = 0; i < n; i++) {
		const struct tramp *p = &tramps[i];
		if (rip < p->base + XENO_TRAMP_HDR || rip >= p->base + XENO_TRAMP_PAGE)
			continue;
		uint64_t at = rip - p->base - XENO_TRAMP_HDR;
		unsigned k = (unsigned)(at / XENO_TRAMP_SLOT);
		if (k >= __atomic_load_n(&p->used, __ATOMIC_ACQUIRE))
			return false;
		const struct site_entry *e = &sites[p->site[k]];
		uint64_t off = at % XENO_TRAMP_SLOT;
		/* the copies lie at the offsets they had in the site */
		*to = off < e->site.len ? e->key + off : e->syscall;
		return true;
	}
	return false;
}

static bool int3(uint64_t site_start, uint64_t *resume)
{
	const struct site_entry *e = find(site_start);
	uint8_t state = e ? __atomic_load_n(&e->state, __ATOMIC_ACQUIRE) : 0;
	uint8_t byte;
	if (!e || state == SITE_UNPATCHABLE || !e->slot || xeno_copy_in(&byte, site_start, 1) < 0)
		return false;
	if (byte != 0xcc) { /* gone meanwhile: run what is there now */
		*resume = site_start;
		return true;
	}
	if (state == SITE_UNPATCHED)
		return false; /* the guest's own */
	*resume = e->slot;
	return true;
}

/* SIGTRAP's si_code for int3 (asm-generic/siginfo.h SI_KERNEL; TRAP_BRKPT
 * where a kernel says so) */
#define SI_KERNEL_CODE	0x80
#define TRAP_BRKPT_CODE 1

enum xeno_sitecall_fix xeno_patch_fix_signal(struct xeno_thread *t, int sig, const siginfo_t *si,
					     ucontext_t *uc)
{
	enum xeno_sitecall_fix fix = xeno_sitecall_fix_context(t, uc);
	greg_t *g = uc->uc_mcontext.gregs;
	uint64_t rip = (uint64_t)g[REG_RIP], to;
	if (fix != XENO_SITECALL_GUEST)
		return fix;
	if (guest_rip(rip, &to)) {
		g[REG_RIP] = (greg_t)to;
		return XENO_SITECALL_REWOUND;
	}
	if (sig == SIGTRAP && (si->si_code == SI_KERNEL_CODE || si->si_code == TRAP_BRKPT_CODE) &&
	    int3(rip - 1, &to)) {
		g[REG_RIP] = (greg_t)to;
		return XENO_SITECALL_RESUMED;
	}
	return XENO_SITECALL_GUEST;
}
