/* Which guest registers live in which host registers while translated code
 * runs. A fixed map (not per block) so that chained blocks pass them along
 * without touching memory, and so that anything reading state from outside
 * (the exit stub, a fault handler, later the undo thunks) knows where to look.
 * Chosen for what compiled ARM code uses most: r0-r5 (arguments, results,
 * first locals) and sp. r13 holds the retired-instruction count instead of a
 * guest register: adding to memory at every block entry made a store-forwarding
 * chain through all of execution (measured: call-heavy code ran 15% slower). */
#pragma once
#include <Zydis/Zydis.h>

#define PINNED_COUNT 7

/* cpu->icount lives here while translated code runs. */
#define ICOUNT_HOST_REG ZYDIS_REGISTER_R13
/* cpu->undo_top lives here while translated code runs (recording writes a
 * record per block: keeping the pointer out of memory removes a
 * store-to-load round trip from every block). XMM registers are
 * caller-saved: it is written back around helper calls. */
#define UNDO_TOP_HOST_REG ZYDIS_REGISTER_XMM15

static const struct {
    unsigned guest;
    ZydisRegister host32;
    ZydisRegister host64;
    int caller_saved; /* must be saved around C helper calls */
} pinned_regs[PINNED_COUNT] = {
    {0, ZYDIS_REGISTER_R8D, ZYDIS_REGISTER_R8, 1},
    {1, ZYDIS_REGISTER_R9D, ZYDIS_REGISTER_R9, 1},
    {2, ZYDIS_REGISTER_R10D, ZYDIS_REGISTER_R10, 1},
    {3, ZYDIS_REGISTER_R11D, ZYDIS_REGISTER_R11, 1},
    {4, ZYDIS_REGISTER_EBP, ZYDIS_REGISTER_RBP, 0},
    {5, ZYDIS_REGISTER_R12D, ZYDIS_REGISTER_R12, 0},
    {13, ZYDIS_REGISTER_R15D, ZYDIS_REGISTER_R15, 0},
};
