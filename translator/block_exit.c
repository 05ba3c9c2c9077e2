/* The ways out of a block: to the dispatcher with a reason, a chainable
 * direct jump, and the indirect-branch lookup. */
#include "translator/code_cache.h"
#include "translator/tr_internal.h"

void tr_exit_reason(struct tr *t, uint32_t pc_value, enum exit_reason why)
{
    if (why == EXIT_UNDEF || why == EXIT_BKPT || why == EXIT_FETCH_FAULT)
        t->uncounted = true;
    X(t->b, MOV, GREG(15), ximm((int64_t)pc_value));
    X(t->b, MOV, R32(EAX), ximm(why));
    x_jmp_abs(t->b, cc.exit_stub);
    t->ended = true;
}

void tr_branch_direct(struct tr *t, uint32_t target)
{
    /* jmp rel32 that the dispatcher re-points at the target block once it
     * exists (chaining); until then it falls through to the exit below. */
    size_t site = x_jmp_fwd(t->b);
    X(t->b, MOV, GREG(15), ximm((int64_t)target));
    X(t->b, MOV, R32(RAX), ximm64((uintptr_t)(t->b->start + site)));
    x_jmp_abs(t->b, cc.exit_stub);
    t->ended = true;
}

void tr_branch_indirect_eax(struct tr *t)
{
    X(t->b, MOV, GREG(15), R32(EAX));
    x_jmp_abs(t->b, cc.indirect_stub);
    t->ended = true;
}

void tr_exit_at(struct xbuf *b, uint32_t pc, enum exit_reason why)
{
    X(b, MOV, GREG(15), ximm((int64_t)pc));
    X(b, MOV, R32(EAX), ximm(why));
    x_jmp_abs(b, cc.exit_stub);
}
