/* Semantic functions of the VFP loads and stores (ARM ARM A7.6): VLDR,
 * VSTR, VLDM, VSTM (VPUSH and VPOP are VSTMDB/VLDMIA SP!), for A32 and T32.
 * As the integer ones (trans_memory.c): the address is formed in a 32-bit
 * register and used as [r14 + zero-extended address], every store is
 * preceded by its undo record and every load by tr_hook_load. A double is
 * one little-endian 8-byte access (its low word at the lower address). */
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

static xop s_slot(unsigned n) { return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, d) + 4 * n), 4); }
static xop d_slot(unsigned n) { return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, d) + 8 * n), 8); }

/* The base register's value into dst: Rn = 15 reads Align(PC, 4). */
static void get_base(struct tr *t, ZydisRegister dst, unsigned rn)
{
    if (rn == 15)
        X(t->b, MOV, xreg(dst), ximm((int64_t)tr_pc_aligned(t)));
    else
        tr_get_reg(t, dst, rn);
}

/* VFP loads and stores must be word aligned whatever SCTLR.A says (ARM ARM
 * A3.2.1, "VLDR, VSTR, VLDM, VSTM ... alignment fault if not word
 * aligned"): SIGBUS, as under qemu-arm. The address is in esi. */
static void check_aligned(struct tr *t)
{
    X(t->b, TEST, R32(ESI), ximm(3));
    size_t ok = x_jcc_fwd(t->b, XCC_E);
    tr_call_synced(t, (const void *)helper_vfp_unaligned);
    x_bind(t->b, ok);
}

/* VLDR/VSTR<c> <Vd>, [<Rn>{, #+/-<imm>}] (A8.8.333, A8.8.413). */
static bool ldst(struct tr *t, const struct arg_vfp_ldst *a, bool load)
{
    struct xbuf *b = t->b;
    int32_t off = 4 * (a->u ? a->imm : -a->imm);
    get_base(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    X(b, LEA, R32(ESI), xmem(ZYDIS_REGISTER_RAX, off, 8));
    check_aligned(t);
    unsigned size = a->dp ? 8 : 4;
    xop slot = a->dp ? d_slot((unsigned)a->vd) : s_slot((unsigned)a->vd);
    ZydisRegister v = a->dp ? ZYDIS_REGISTER_RCX : ZYDIS_REGISTER_ECX;
    if (load) {
        tr_hook_load(t, ZYDIS_REGISTER_RSI, size);
        X(b, MOV, xreg(v), GMEM(RSI, (uint16_t)size));
        X(b, MOV, slot, xreg(v));
    } else {
        X(b, MOV, xreg(v), slot);
        tr_hook_store(t, ZYDIS_REGISTER_RSI, size);
        X(b, MOV, GMEM(RSI, (uint16_t)size), xreg(v));
    }
    return true;
}

bool trans_VLDR(struct tr *t, const struct arg_vfp_ldst *a) { return ldst(t, a, true); }
bool trans_VSTR(struct tr *t, const struct arg_vfp_ldst *a) { return ldst(t, a, false); }

/* VLDM/VSTM<c> <Rn>{!}, <list> (A8.8.332, A8.8.412): increment after from
 * Rn, or decrement before from Rn - 4*imm8; the base moves by 4*imm8 (also
 * for FLDMX/FSTMX, whose odd imm8 names one word more than the list). */
static bool multiple(struct tr *t, const struct arg_vfp_ldm *a, bool load)
{
    struct xbuf *b = t->b;
    unsigned imm = (unsigned)a->imm;
    unsigned n = a->dp ? imm >> 1 : imm; /* registers */
    unsigned words = a->dp ? 2 * n : n;
    get_base(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    X(b, LEA, R32(EDX), xmem(ZYDIS_REGISTER_RAX, a->u ? 0 : -4 * (int32_t)imm, 8));
    X(b, MOV, R32(ESI), R32(EDX));
    check_aligned(t); /* the lowest address: the others follow in words */
    if (!load)
        tr_hook_store_multi(t, words); /* one record for all the words */
    for (unsigned k = 0; k < n; k++) {
        unsigned size = a->dp ? 8 : 4;
        X(b, LEA, R32(ESI), xmem(ZYDIS_REGISTER_RDX, (int32_t)(size * k), 8));
        xop slot = a->dp ? d_slot((unsigned)a->vd + k) : s_slot((unsigned)a->vd + k);
        ZydisRegister v = a->dp ? ZYDIS_REGISTER_RCX : ZYDIS_REGISTER_ECX;
        if (load) {
            tr_hook_load(t, ZYDIS_REGISTER_RSI, size);
            X(b, MOV, xreg(v), GMEM(RSI, (uint16_t)size));
            X(b, MOV, slot, xreg(v));
        } else {
            X(b, MOV, xreg(v), slot);
            X(b, MOV, GMEM(RSI, (uint16_t)size), xreg(v));
        }
    }
    if (a->w) {
        X(b, LEA, R32(ECX), xmem(ZYDIS_REGISTER_RAX, a->u ? 4 * (int32_t)imm : -4 * (int32_t)imm, 8));
        tr_set_reg(t, (unsigned)a->rn, ZYDIS_REGISTER_ECX);
    }
    return true;
}

bool trans_VLDM(struct tr *t, const struct arg_vfp_ldm *a) { return multiple(t, a, true); }
bool trans_VSTM(struct tr *t, const struct arg_vfp_ldm *a) { return multiple(t, a, false); }
