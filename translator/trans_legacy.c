/* TRANSITIONAL: the A32 class handlers (tr_*.c) written before the decode
 * tables, which still read the raw encoding (t->insn). Every operation whose
 * semantic function trans_NAME is not written yet (translator/legacy_ops.h)
 * comes here; this file goes away when all of them take decoded arguments.
 * Thumb instructions never come here (they have no raw A32 encoding). */
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* Picks the class of an A32 encoding (ARM ARM A5.1) and translates it. */
static bool legacy_a32(struct tr *t)
{
    uint32_t i = t->insn;
    if (bits(i, 31, 28) == 0xf) {
        t->fl_read |= FL_ALL;
        return tr_misc(t) || tr_branch(t) || tr_memory(t);
    }
    switch (bits(i, 27, 25)) {
    case 0:
        if (bit(i, 4) && bit(i, 7)) {
            if (bits(i, 6, 5) == 0 && !bit(i, 24))
                return tr_multiply(t);
            t->fl_read |= FL_ALL; /* loads/stores may fault */
            return tr_memory(t); /* extra load/store, swap, exclusives */
        }
        if (bits(i, 24, 23) == 2 && !bit(i, 20))
            return bit(i, 7) ? tr_media(t) /* halfword multiplies */ : (tr_misc(t) || tr_branch(t));
        return tr_dataproc(t);
    case 1:
        if (bits(i, 24, 23) == 2 && !bit(i, 20))
            return tr_misc(t); /* MOVW, MOVT, MSR immediate, hints */
        return tr_dataproc(t);
    case 2:
        t->fl_read |= FL_ALL; /* may fault: the flags must be exact there */
        return tr_memory(t);
    case 3:
        if (!bit(i, 4))
            t->fl_read |= FL_ALL;
        return bit(i, 4) ? tr_media(t) : tr_memory(t);
    case 4:
        t->fl_read |= FL_ALL;
        return tr_memory(t);
    case 5:
        return tr_branch(t);
    default:
        return tr_misc(t);
    }
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
