/*
 * Writing code for core/patch.c: the guest's pages and the trampolines'
 * through /proc/self/mem, cross-modification that other threads may be
 * executing (int3 first, membarrier SYNC_CORE), which pages may be written
 * (/proc/self/maps), and pages for trampolines near a site.
 *
 * All of it runs under core/patch.c's lock and makes only raw system calls:
 * the memory handlers call it on the guest's FS base.
 */
#ifndef XENO_CORE_PATCHTEXT_H
#define XENO_CORE_PATCHTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Opens /proc/self/mem (again in a forked child): false if it cannot.
 * The first time it needs glibc's thread state: the caller loads it. */
bool xeno_text_open(void);
bool xeno_text_is_open(void);
/* In a forked child: the descriptor reaches the parent's memory. */
void xeno_text_after_fork(void);

/* Writes n bytes at addr whatever the page's protection: 0 or -errno. */
int xeno_text_write(uint64_t addr, const void *bytes, size_t n);
/* Registers the process for membarrier SYNC_CORE (again in a forked
 * child): cheap while it has one thread, an RCU grace period (milliseconds)
 * once it has more, so done with the first patch.  0 or -errno. */
int xeno_text_sync_ready(void);
/* Replaces the 5 bytes at addr with new5 so that a thread executing them
 * meanwhile sees either the old or the new instruction or an int3 (when
 * threads says others may run): 0 or -errno. */
int xeno_text_poke5(uint64_t addr, const uint8_t *new5, bool threads);

/* Whether [addr, addr + len) lies in private, executable, non-writable
 * mappings (what the guest cannot write without asking xeno first). */
bool xeno_text_patchable(uint64_t addr, uint64_t len);
/* The guest changes [addr, addr + len): forget what was learnt of it. */
void xeno_text_forget(uint64_t addr, uint64_t len);

/* Bytes of one trampoline page: a header holding the entry's address, then
 * slots. */
#define XENO_TRAMP_PAGE	 4096
#define XENO_TRAMP_HDR	 64
#define XENO_TRAMP_SLOT	 32
#define XENO_TRAMP_SLOTS ((XENO_TRAMP_PAGE - XENO_TRAMP_HDR) / XENO_TRAMP_SLOT)

/* Maps a trampoline page within rel32 reach of near (xeno's memory, out of
 * the guest's way) whose header points at entry: its address or 0. */
uint64_t xeno_text_tramp_page(uint64_t near, uint64_t entry);

#endif
