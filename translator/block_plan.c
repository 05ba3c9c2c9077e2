#include "translator/block_plan.h"

#include "linux/guest_mem.h"
#include "translator/breakpoints.h"
#include "translator/code_cache.h"
#include "translator/tr_internal.h"
#include "translator/translate.h"

/* NZCV the instruction reads: its own, its condition's, and all of them for
 * memory accesses (a fault must see exact flags). */
static unsigned insn_fl_read(const struct isa_insn *d)
{
    return d->f.fl_read | tr_cond_reads(d->cond) | (d->f.mem ? FL_ALL : 0);
}

bool plan_ends_block(const struct isa_insn *d)
{
    return d->f.end || d->f.trap || (d->f.wregs & 0x8000u);
}

/* An instruction inside an IT block takes the block's condition for the
 * current slot (BKPT is unconditional even there, A8.8.24); IT itself starts
 * the block (A8.8.55). */
static uint8_t it_apply(struct isa_insn *d, uint8_t it, bool decoded)
{
    if ((it & 15) && d->op != ISA_OP_BKPT)
        d->cond = it >> 4;
    if (decoded && d->op == ISA_OP_IT)
        return (uint8_t)(d->a.it.firstcond << 4 | d->a.it.mask);
    return arm_it_advance(it);
}

void plan_block(struct block_plan *pl, uint32_t pc, unsigned kind, unsigned max)
{
    bool thumb = kind & TB_THUMB;
    uint8_t itstate = (uint8_t)(kind >> TB_IT_SHIFT);
    /* FPSCR.Len/Stride not zero: the short-vector forms are UNDEFINED. */
    bool no_vec = (kind & TB_FPSCR_LEN_STRIDE) != 0;
    *pl = (struct block_plan){.fpscr_mode = kind & TB_FPSCR_MODE_MASK};
    uint32_t cur = pc;
    uint8_t it = thumb ? itstate : 0;
    bool any_it = it != 0;
    while (pl->n < max) {
        if (pl->n > 0 && (cur & GUEST_PAGE_MASK) == 0 && !tr_fetchable(cur))
            break;
        if (pl->n > 0 && tr_breakpoint_at(cur))
            break; /* a breakpoint is always the first instruction of a block */
        struct isa_insn *d = &pl->insn[pl->n];
        /* The second halfword of a 32-bit Thumb instruction may lie on the
         * next page. */
        size_t avail = 4;
        if (thumb && ((cur + 2) & GUEST_PAGE_MASK) == 0 && !tr_fetchable(cur + 2))
            avail = 2;
        unsigned ctx = (it & 15) ? ARM_CTX_IN_IT : 0;
        bool ok = arm_decode(g2h(cur), avail, thumb, ctx, d) && !d->f.unpredictable && !(no_vec && d->f.fp_vec);
        pl->it[pl->n] = it;
        if (!ok || d->f.trap) {
            if (pl->n == 0) {
                it_apply(d, it, false);
                pl->lone_exit = true;
                pl->undecodable = !ok;
                pl->fetch_fault = avail == 2 && d->len == 4;
                cur += d->len;
            }
            break;
        }
        it = it_apply(d, it, true);
        any_it |= it != 0;
        pl->n++;
        cur += d->len;
        if (plan_ends_block(d))
            break;
    }
    pl->end_pc = cur;
    pl->it_end = it;
    /* Undo must restore ITSTATE wherever a block changes it (the BLOCK
     * record's flags word holds it). */
    pl->flags = any_it;
    /* Backward flag liveness: everything is live at the block's end (the
     * next block may read any flag). */
    unsigned live = FL_ALL;
    for (unsigned k = pl->n; k-- > 0;) {
        const struct isa_insn *d = &pl->insn[k];
        pl->fl_need[k] = (uint8_t)(d->f.fl_may & live);
        if (d->cond == 14)
            live &= ~(unsigned)d->f.fl_write;
        live |= insn_fl_read(d);
        pl->mask |= d->f.wregs;
        pl->extra |= d->f.extra;
        pl->dmask |= d->f.dwrite;
        pl->vfp |= d->f.dwrite || d->f.fp_flags || d->f.fp_mode;
        pl->flags |= d->f.fl_may || d->f.psr;
    }
    pl->mask &= 0x7fffu; /* the PC is always in the BLOCK record */
}
