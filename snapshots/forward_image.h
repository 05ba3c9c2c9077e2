/* The end of history, kept while the debugger looks at the past, so that a
 * forward seek can jump instead of replaying the whole distance.
 *
 * Snapshots hold pages as they were *before* later writes: from a point in
 * the past they cannot be restored forwards. The forward image fills that
 * gap: when execution first moves back from the end of history (count f),
 * it takes f's registers, threads, signal state and memory map, and from
 * then on every guest page that a backward move is about to change (an undo
 * record written back, a map change undone, a snapshot's page copied in) is
 * copied first, once. Invariant: a page the image does not hold is, now, as
 * it was at f. So restoring the image (its map, its pages, its registers)
 * gives exactly the state at f; from there a forward seek to n is a
 * backward one: the snapshot before n and at most one interval of replay.
 *
 * Forward replays inside history need no copies (every page they write was
 * written between the snapshot they start from and f, so was copied when
 * that snapshot was restored or those records popped). Diversions pause
 * the copying (their writes are undone before anything else moves). The
 * image is dropped when the program runs live again (the end moves); the
 * engine checks that f is still the end of history before using it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "linux/process.h"

/* Takes the image of the current state, the end of history at count
 * cpu->icount; cookie is the caller's (its replay-log cursor there). */
void fwd_image_begin(struct arm_cpu *cpu, struct linux_proc *p, uint64_t cookie);
/* Drops it (live execution is about to move the end of history). */
void fwd_image_drop(void);
/* Pauses and resumes the copying (a diversion's writes and their undoing). */
void fwd_image_pause(bool paused);
/* The count the image was taken at, or UINT64_MAX if there is none. */
uint64_t fwd_image_icount(void);
/* The cookie given to fwd_image_begin. */
uint64_t fwd_image_cookie(void);
/* [addr, +len) of guest memory (contents or map) is about to change by a
 * backward move: pages not copied yet are copied now. */
void fwd_image_before_change(uint32_t addr, uint32_t len);
/* Puts the state at the image's count back (the undo log is cleared, the
 * code cache flushed). False if there is no image. */
bool fwd_image_restore(struct arm_cpu *cpu, struct linux_proc *p);
