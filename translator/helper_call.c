/* Calls from translated code into C helpers: the pinned guest registers the
 * C ABI may clobber are stored around the call, and the undo log's top
 * (held in a host register) is handed over through struct arm_cpu. */
#include "translator/guest_reg_map.h"
#include "translator/tr_internal.h"

static void call_saving(struct tr *t, const void *fn, bool store_all)
{
    for (int k = 0; k < PINNED_COUNT; k++)
        if (store_all || pinned_regs[k].caller_saved)
            X(t->b, MOV, tr_reg_slot(pinned_regs[k].guest), xreg(pinned_regs[k].host32));
    if (tr_recording || tr_query) /* the helper may move the undo log's top (or clobber xmm15) */
        X(t->b, MOVQ, CPUF(undo_top, 8), xreg(UNDO_TOP_HOST_REG));
    X(t->b, MOV, R32(RDI), R32(RBX));
    x_call_abs(t->b, fn);
    for (int k = 0; k < PINNED_COUNT; k++)
        if (pinned_regs[k].caller_saved)
            X(t->b, MOV, xreg(pinned_regs[k].host32), tr_reg_slot(pinned_regs[k].guest));
    if (tr_recording || tr_query)
        X(t->b, MOVQ, xreg(UNDO_TOP_HOST_REG), CPUF(undo_top, 8));
}

void tr_call(struct tr *t, const void *fn) { call_saving(t, fn, false); }

void tr_call_synced(struct tr *t, const void *fn)
{
    t->fl_read |= FL_ALL; /* the helper sees the whole cpu */
    call_saving(t, fn, true);
}
