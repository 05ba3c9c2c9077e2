/* History queries' notes in translated code (translate_set_query): a store
 * that may touch the query's range appends a struct query_hit (arm/cpu.h)
 * -- its count, its record's end, its pc -- so that a query reads those few
 * instead of scanning every undo record. With recording on, every store has
 * its record already and the note follows it; without (a query replaying
 * at full speed), only a store that passes the range test writes its
 * record, then its note.
 *
 * The test is exact for stores of up to 8 bytes; for a STOREM it reaches up
 * to 127 bytes past the range (the reader filters exactly). This code
 * changes the x86 flags (the emitter sees that and drops live flags); tmp
 * and rax are free. */
#include "translator/guest_reg_map.h"
#include "translator/tr_internal.h"
#include "undo/undo_format.h"

bool tr_query;

/* Jumps to the miss label when [addr, +size) cannot touch the range. */
static size_t range_test(struct tr *t, ZydisRegister addr64, unsigned size, ZydisRegister tmp)
{
    struct xbuf *b = t->b;
    X(b, MOV, xreg(x_reg32(tmp)), xreg(x_reg32(addr64)));
    X(b, LEA, xreg(tmp), xmem(tmp, (int32_t)size - 1, 8));
    X(b, SUB, xreg(tmp), CPUF(query_lo, 8));
    unsigned k = size <= 8 ? size : 0;
    X(b, CMP, xreg(tmp), xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, query_span) + 8 * k), 8));
    return x_jcc_fwd(b, XCC_AE);
}

/* Notes are full: the query takes the slow way for this slice. */
static void mark_full(struct xbuf *b, ZydisRegister tmp)
{
    X(b, MOV, xreg(tmp), CPUF(query_end, 8));
    X(b, MOV, CPUF(query_top, 8), xreg(tmp));
}

struct tr_query_skip tr_query_test(struct tr *t, ZydisRegister addr64, unsigned size, ZydisRegister tmp)
{
    struct xbuf *b = t->b;
    struct tr_query_skip s = {{0, 0}, 0};
    s.jump[s.n++] = range_test(t, addr64, size, tmp);
    /* Room for the record: no block prologue asked for it (the limit
     * leaves UNDO_BLOCK_ROOM, more than one record). */
    X(b, MOVQ, R32(RAX), xreg(UNDO_TOP_HOST_REG));
    X(b, CMP, R32(RAX), CPUF(undo_limit, 8));
    size_t fits = x_jcc_fwd(b, XCC_B);
    mark_full(b, tmp);
    s.jump[s.n++] = x_jmp_fwd(b);
    x_bind(b, fits);
    return s;
}

void tr_query_skip_here(struct tr *t, const struct tr_query_skip *s)
{
    for (unsigned i = 0; i < s->n; i++)
        x_bind(t->b, s->jump[i]);
}

void tr_query_note(struct tr *t, ZydisRegister addr64, unsigned size, uint32_t kind, ZydisRegister tmp, bool tested)
{
    struct xbuf *b = t->b;
    size_t miss = tested ? 0 : range_test(t, addr64, size, tmp);
    X(b, MOV, xreg(tmp), CPUF(query_top, 8));
    X(b, CMP, xreg(tmp), CPUF(query_end, 8));
    size_t full = x_jcc_fwd(b, XCC_AE);
    X(b, MOV, xmem(tmp, (int32_t)offsetof(struct query_hit, rec_end), 8), R32(RAX));
    /* r13 holds the count after the whole block from its entry on. */
    X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_R13, (int32_t)t->index - (int32_t)t->block_len, 8));
    X(b, MOV, xmem(tmp, (int32_t)offsetof(struct query_hit, icount), 8), R32(RAX));
    X(b, MOV, xmem(tmp, (int32_t)offsetof(struct query_hit, pc), 4), ximm((int64_t)(t->pc | (t->thumb ? 1u : 0u))));
    X(b, MOV, xmem(tmp, (int32_t)offsetof(struct query_hit, kind), 4), ximm((int64_t)kind));
    X(b, LEA, xreg(tmp), xmem(tmp, (int32_t)sizeof(struct query_hit), 8));
    X(b, MOV, CPUF(query_top, 8), xreg(tmp));
    if (!tested)
        x_bind(b, miss);
    x_bind(b, full);
}
