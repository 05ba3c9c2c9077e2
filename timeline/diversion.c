/* Diversions: what the debugger does to the program that must not become
 * its history (issue 14, as rr's diversions).
 *
 * The first register or memory write after a stop opens a tentative
 * diversion: the write is applied with undo records but not logged. At the
 * next resume it is decided:
 *  - a function call made by gdb (pc written, lr pointing at a breakpoint:
 *    gdb's dummy frame returns to the entry point, where it breaks) runs in
 *    the diversion, the calling thread alone; it ends as soon as gdb has
 *    written the registers back as they were before the call (or at the next
 *    resume, monitor seek or reverse command): everything is popped back to
 *    the opening point, so history, `monitor when` and the state hash are
 *    as before, at the end of history too;
 *  - other writes at the end of history (set var, register writes, jump,
 *    return) are committed: popped back, then written again as the
 *    recorded debugger writes they are with gdbserver;
 *  - other writes in the recorded past run on in the diversion (forward
 *    execution is live but leaves nothing in history) until a reverse
 *    command or a seek ends it, as in rr.
 * Syscalls in a diversion run for real without being logged, except those
 * that would change the process beyond its memory (timeline/syscall_replay.c). */
#include "timeline/diversion.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/guest_mem.h"
#include "snapshots/snapshots.h"
#include "timeline/engine.h"
#include "timeline/replay_log.h"
#include "translator/breakpoints.h"
#include "undo/undo_ring.h"

enum div_state { DIV_NONE, DIV_TENTATIVE, DIV_RUNNING };

static enum div_state state;
static bool is_call;
static struct undo_mark mark;
static uint64_t mark_icount, mark_cursor;
static bool mark_at_end;
static struct arm_cpu mark_regs; /* the state the diversion opened in */
static bool pc_written;

/* Tentative writes at the end of history, to commit. */
static struct arm_cpu final_regs;
static bool regs_written;
struct mem_write {
    uint32_t addr, len;
    uint8_t *bytes;
};
static struct mem_write *mws;
static unsigned nmw, capmw;

bool diversion_active(void) { return state != DIV_NONE; }

static void forget_writes(void)
{
    for (unsigned i = 0; i < nmw; i++)
        free(mws[i].bytes);
    nmw = 0;
    regs_written = false;
}

static void open_diversion(void)
{
    struct arm_cpu *cpu = engine_cpu();
    mark = undo_mark_now(cpu);
    mark_icount = cpu->icount;
    mark_cursor = replay_log_cursor();
    mark_at_end = engine_at_end();
    mark_regs = *cpu;
    pc_written = false;
    is_call = false;
    forget_writes();
    state = DIV_TENTATIVE;
    engine_set_diverted(true);
}

void diversion_end(void)
{
    if (state == DIV_NONE)
        return;
    if (!engine_pop_to_mark(mark) || engine_cpu()->icount != mark_icount) {
        /* The undo log no longer reaches back (a long diverted run): the
         * opening point is reached through the snapshots instead. */
        engine_set_diverted(false);
        struct engine_stop es;
        engine_seek(mark_icount, &es);
    }
    replay_log_set_cursor(mark_cursor);
    engine_set_diverted(false);
    state = DIV_NONE;
    forget_writes();
}

/* The registers gdb saves before a call and writes back after it. */
static bool regs_as_opened(const struct arm_cpu *c)
{
    return !memcmp(c->r, mark_regs.r, sizeof c->r) && arm_cpsr(c) == arm_cpsr(&mark_regs) &&
           !memcmp(c->d, mark_regs.d, sizeof c->d) && c->fpscr == mark_regs.fpscr;
}

int diversion_write_cpu(const struct arm_cpu *newstate)
{
    struct arm_cpu *cpu = engine_cpu();
    if (state == DIV_NONE)
        open_diversion();
    if (newstate->r[15] != cpu->r[15] || newstate->thumb != cpu->thumb)
        pc_written = true;
    undo_push_cpu(cpu, replay_log_cursor());
    memcpy(cpu, newstate, offsetof(struct arm_cpu, icount));
    if (state == DIV_TENTATIVE) {
        final_regs = *newstate;
        regs_written = true;
    }
    /* gdb has put the registers back after its call: the call is over. */
    if (state == DIV_RUNNING && is_call && regs_as_opened(cpu))
        diversion_end();
    return 0;
}

int diversion_write_mem(uint32_t addr, const uint8_t *data, uint32_t len)
{
    if (!guest_range_ok(addr, len, 0))
        return EFAULT;
    struct arm_cpu *cpu = engine_cpu();
    struct linux_proc *p = engine_proc();
    if (state == DIV_NONE)
        open_diversion();
    snapshots_note_write(addr, len);
    undo_push_mem(cpu, addr, len);
    guest_write_force(addr, data, len);
    if (p->invalidate_code)
        p->invalidate_code(p->invalidate_ctx, addr, len);
    if (state == DIV_TENTATIVE) {
        if (nmw == capmw) {
            capmw = capmw ? 2 * capmw : 16;
            mws = realloc(mws, capmw * sizeof *mws);
        }
        uint8_t *copy = malloc(len ? len : 1);
        if (!mws || !copy)
            return ENOMEM;
        memcpy(copy, data, len);
        mws[nmw++] = (struct mem_write){addr, len, copy};
    }
    return 0;
}

/* The writes made at the end of history become recorded debugger writes. */
static int commit(void)
{
    struct arm_cpu regs = final_regs;
    bool had_regs = regs_written;
    struct mem_write *w = mws;
    unsigned n = nmw;
    mws = NULL;
    nmw = capmw = 0;
    regs_written = false;
    diversion_end();
    int err = 0;
    for (unsigned i = 0; i < n; i++) {
        if (!err && !engine_write_mem(w[i].addr, w[i].bytes, w[i].len))
            err = EPERM;
        free(w[i].bytes);
    }
    free(w);
    if (had_regs && !err && !engine_write_cpu(&regs))
        err = EPERM;
    return err;
}

void diversion_before_resume(bool reverse)
{
    struct arm_cpu *cpu = engine_cpu();
    switch (state) {
    case DIV_NONE:
        return;
    case DIV_TENTATIVE:
        if (reverse) {
            diversion_end();
        } else if (pc_written && tr_breakpoint_at(cpu->r[14] & ~1u)) {
            state = DIV_RUNNING; /* gdb calls a function */
            is_call = true;
        } else if (mark_at_end) {
            commit();
        } else {
            state = DIV_RUNNING; /* the past, diverted: runs on outside history */
        }
        return;
    case DIV_RUNNING:
        /* A call whose registers gdb did not put back (it stopped inside
         * the called function), or a reverse command: back to history. */
        if (reverse || is_call)
            diversion_end();
        return;
    }
}
