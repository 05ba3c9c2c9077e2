/* TRANSITIONAL: the A32 class handlers (tr_*.c) written before the decode
 * tables, which still read the raw encoding (t->insn). Every operation whose
 * semantic function trans_NAME is not written yet (translator/legacy_ops.h)
 * comes here; this file goes away when all of them take decoded arguments.
 * Thumb instructions never come here (they have no raw A32 encoding). */
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* Picks the class of an A32 encoding (ARM ARM A5.1) and translates it: only
 * the memory operations and the media ones (A5.4, op1 = 011 with bit 4 set)
 * are left here. */
static bool legacy_a32(struct tr *t)
{
    uint32_t i = t->insn;
    if (bits(i, 31, 28) != 0xf && bits(i, 27, 25) == 3 && bit(i, 4))
        return tr_media(t);
    return tr_memory(t);
}

static bool legacy(struct tr *t)
{
    if (t->d->iset != ARM_ISET_A32)
        return false;
    return legacy_a32(t);
}

#define LEGACY(name, set)                                                                                             \
    bool trans_##name(struct tr *t, const struct arg_##set *a)                                                       \
    {                                                                                                                \
        (void)a;                                                                                                     \
        return legacy(t);                                                                                            \
    }
#include "translator/legacy_ops.h"
#undef LEGACY
