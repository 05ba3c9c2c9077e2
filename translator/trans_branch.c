/* Semantic functions of the branches (ARM ARM A5.7, A6.2.3, A6.2.7, A8.8.18-
 * A8.8.27) for A32, T16 and the T32 BL/BLX pair: B, BL, BLX (immediate and
 * register), BX, BXJ. Direct targets chain; register targets go through the
 * indirect-branch table, where bit 0 of the target selects the state
 * (BXWritePC). Immediate targets are relative to the PC as read (pc + 8 in
 * ARM state, pc + 4 in Thumb state). */
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* B<c> <label> (A8.8.18): A32 imm24, T16 imm8 (conditional) and imm11 */
bool trans_B(struct tr *t, const struct arg_i *a)
{
    tr_branch_direct(t, tr_pc_read(t) + (uint32_t)a->imm);
    return true;
}

/* BL<c> <label> (A8.8.25): A32; T32 BL (LR = next instruction | 1) */
bool trans_BL(struct tr *t, const struct arg_i *a)
{
    X(t->b, MOV, GREG(14), ximm((int64_t)tr_return_address(t)));
    tr_branch_direct(t, tr_pc_read(t) + (uint32_t)a->imm);
    return true;
}

/* BLX <label> (A8.8.25): changes state. From A32 the target is Thumb code at
 * PC + imm (H is bit 1 of imm); from T32 it is ARM code at Align(PC, 4) + imm. */
bool trans_BLX_i(struct tr *t, const struct arg_i *a)
{
    uint32_t target = t->thumb ? tr_pc_aligned(t) + (uint32_t)a->imm : (tr_pc_read(t) + (uint32_t)a->imm) | 1u;
    X(t->b, MOV, GREG(14), ximm((int64_t)tr_return_address(t)));
    X(t->b, MOV, R32(EAX), ximm((int64_t)target));
    tr_branch_indirect_eax(t);
    return true;
}

/* BX<c> <Rm> (A8.8.27); T16 BX <Rm> (BX PC reads pc + 4 and goes to ARM state) */
bool trans_BX(struct tr *t, const struct arg_r *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rm);
    tr_branch_indirect_eax(t);
    return true;
}

/* BXJ<c> <Rm> (A8.8.28): without Jazelle, BX. */
bool trans_BXJ(struct tr *t, const struct arg_r *a) { return trans_BX(t, a); }

/* BLX<c> <Rm> (A8.8.26); T16 BLX <Rm>: Rm is read before LR is written, so
 * BLX LR branches to the old LR. */
bool trans_BLX_r(struct tr *t, const struct arg_r *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rm);
    X(t->b, MOV, GREG(14), ximm((int64_t)tr_return_address(t)));
    tr_branch_indirect_eax(t);
    return true;
}

/* CBZ/CBNZ <Rn>, <label> (A8.8.29): compare and branch on zero / non-zero,
 * forward only, flags untouched. Both ways out chain. */
static bool compare_branch(struct tr *t, const struct arg_cbz *a, bool nonzero)
{
    X(t->b, CMP, GREG(a->rn), ximm(0));
    size_t not_taken = x_jcc_fwd(t->b, nonzero ? XCC_E : XCC_NE);
    tr_branch_direct(t, tr_pc_read(t) + (uint32_t)a->imm);
    x_bind(t->b, not_taken);
    tr_branch_direct(t, t->pc + 2);
    return true;
}

bool trans_CBZ(struct tr *t, const struct arg_cbz *a) { return compare_branch(t, a, false); }
bool trans_CBNZ(struct tr *t, const struct arg_cbz *a) { return compare_branch(t, a, true); }

/* IT{x{y{z}}} <firstcond> (A8.8.55): no code. The block planner
 * (block_plan.c) follows ITSTATE through the instructions it governs, gives
 * each its condition and stores ITSTATE where it changes. */
bool trans_IT(struct tr *t, const struct arg_it *a)
{
    (void)t;
    (void)a;
    return true;
}
