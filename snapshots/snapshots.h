/* Copy-on-write snapshots of the whole guest, inside this process: every K
 * instructions at the end of history the guest's writable pages are
 * write-protected, and the first write to each page after that (a host
 * fault, or a syscall's write reported beforehand) saves the page as it was.
 * A snapshot is then its registers, its memory map, brk/TLS/mmap state, its
 * replay-log position, and the pages saved in the interval it starts:
 * putting back the pages of every later interval, newest first, gives
 * exactly the memory it had.
 *
 * The undo log reaches a bounded stretch of recent history; snapshots reach
 * the rest: "go to N" is "restore the last snapshot at or before N and run
 * forward" (replay). Old snapshots are thinned (two neighbours merged) so
 * their number and their saved pages (512 MiB) stay bounded, denser near the
 * end of history. The first one (count 0) is kept: all of history stays
 * reachable.
 *
 * Protection is only armed at the end of history (live execution); moving
 * back into an older interval disarms it, reaching the end re-arms it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/process.h"
#include "arm/cpu.h"

/* Takes the first snapshot (see snapshots_take for cookie). */
void snapshots_init(struct arm_cpu *cpu, struct linux_proc *p, uint64_t interval, unsigned max_count,
                    uint64_t cookie);
bool snapshots_enabled(void);
/* The count at which the next snapshot is due (UINT64_MAX: none). */
uint64_t snapshots_next_due(void);
/* Takes one now (the caller is at the end of history, live). cookie is the
 * caller's opaque position (the timeline's replay-log cursor), handed back
 * by snapshots_restore_before. */
void snapshots_take(uint64_t cookie);
/* The count of the snapshot whose interval is open (the latest). */
uint64_t snapshots_open_icount(void);
/* Arms protection for the open interval (on reaching the end of history). */
void snapshots_going_live(void);
/* Disarms it (before moving back past the open snapshot). */
void snapshots_leave_live(void);
/* Guest bytes [addr, +len) are about to be written from C or by the kernel. */
void snapshots_note_write(uint32_t addr, uint32_t len);
/* The map of [addr, +len) changed (live): keep unsaved writable pages protected. */
void snapshots_after_map_change(uint32_t addr, uint32_t len);
/* Restores the latest snapshot at or before n; returns its count, or
 * UINT64_MAX if there is none. The undo log is cleared; *cookie (if not
 * NULL) gets the cookie the snapshot was taken with. */
uint64_t snapshots_restore_before(uint64_t n, uint64_t *cookie);
/* The count of the latest snapshot strictly before n (UINT64_MAX: none). */
uint64_t snapshots_before(uint64_t n);

/* False if no byte of [addr, +len) was written in the interval starting at
 * the snapshot taken at count s (its saved pages say which pages were):
 * reverse searches for a write skip such intervals without replaying them. */
bool snapshots_interval_may_write(uint64_t s, uint32_t addr, uint32_t len);

struct snapshot_stats {
    unsigned count;
    uint64_t saved_pages;
    uint64_t interval;
    uint64_t first_icount, last_icount;
};
void snapshots_stats(struct snapshot_stats *out);
void snapshots_set_interval(uint64_t k);
