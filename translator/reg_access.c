/* Guest registers as x86 operands: pinned ones live in host registers
 * (guest_reg_map.h), the others in their struct arm_cpu slot. */
#include <stddef.h>

#include "translator/guest_reg_map.h"
#include "translator/tr_internal.h"

static int pinned_index(unsigned n)
{
    for (int k = 0; k < PINNED_COUNT; k++)
        if (pinned_regs[k].guest == n)
            return k;
    return -1;
}

xop tr_reg_slot(unsigned n)
{
    return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, r) + 4 * n), 4);
}

xop greg(unsigned n)
{
    int k = pinned_index(n);
    return k >= 0 ? xreg(pinned_regs[k].host32) : tr_reg_slot(n);
}

ZydisRegister tr_pinned64(unsigned n)
{
    int k = pinned_index(n);
    return k >= 0 ? pinned_regs[k].host64 : ZYDIS_REGISTER_NONE;
}

void tr_get_reg(struct tr *t, ZydisRegister dst, unsigned n)
{
    if (n == 15)
        X(t->b, MOV, xreg(dst), ximm((int64_t)tr_pc_read(t)));
    else
        X(t->b, MOV, xreg(dst), GREG(n));
}

void tr_set_reg(struct tr *t, unsigned n, ZydisRegister src) { X(t->b, MOV, GREG(n), xreg(src)); }
