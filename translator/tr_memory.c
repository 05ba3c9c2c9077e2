/* A32 loads and stores (ARM ARM A5.3, A5.2.8, A5.5): LDR/STR/LDRB/STRB with
 * immediate and scaled-register offsets, LDRH/STRH/LDRSB/LDRSH/LDRD/STRD,
 * the unprivileged T forms, LDM/STM in all four modes, SWP/SWPB and the
 * exclusives. Every address is formed in a 32-bit register (so it wraps at
 * 4 GiB as on ARM) and used as [r14 + zero-extended address]. */
#include "translator/helpers.h"
#include "translator/tr_internal.h"

/* The register that ends up holding the address of the access. */
#define ADDR ZYDIS_REGISTER_RSI

/* Computes the access address into esi and, for writeback, the new base
 * into edx; eax holds the base, ecx the offset. */
static void address(struct tr *t, bool p, bool u)
{
    struct xbuf *b = t->b;
    if (u)
        X(b, LEA, R32(EDX), xmemi(ZYDIS_REGISTER_RAX, ZYDIS_REGISTER_RCX, 1, 0, 8));
    else {
        X(b, MOV, R32(EDX), R32(EAX));
        X(b, SUB, R32(EDX), R32(ECX));
    }
    X(b, MOV, R32(ESI), p ? R32(EDX) : R32(EAX));
}

static void load(struct tr *t, ZydisRegister dst32, unsigned size, bool sign)
{
    struct xbuf *b = t->b;
    tr_hook_load(t, ADDR, size);
    if (size == 4)
        X(b, MOV, xreg(dst32), GMEM(RSI, 4));
    else if (sign)
        X(b, MOVSX, xreg(dst32), GMEM(RSI, size));
    else
        X(b, MOVZX, xreg(dst32), GMEM(RSI, size));
}

static void store_nohook(struct tr *t, unsigned size)
{
    ZydisRegister src = size == 4 ? ZYDIS_REGISTER_ECX
                        : size == 2 ? ZYDIS_REGISTER_CX : ZYDIS_REGISTER_CL;
    X(t->b, MOV, GMEM(RSI, size), xreg(src));
}

/* A store whose caller needs nothing in rax and rdi any more (the undo
 * record is then written without saving them). */
static void store_rax_rdi_free(struct tr *t, unsigned size)
{
    tr_hook_store_free(t, ADDR, size);
    store_nohook(t, size);
}

static void store(struct tr *t, unsigned size)
{
    /* value in ecx (cl/cx for narrow stores) */
    tr_hook_store(t, ADDR, size);
    ZydisRegister src = size == 4 ? ZYDIS_REGISTER_ECX
                        : size == 2 ? ZYDIS_REGISTER_CX : ZYDIS_REGISTER_CL;
    X(t->b, MOV, GMEM(RSI, size), xreg(src));
}

/* Finishes a load/store: value already loaded into edi (loads) or stored;
 * does the writeback and the register write in the architectural order. */
static void finish(struct tr *t, bool is_load, bool wback, unsigned rn, unsigned rt)
{
    if (wback && rn != 15)
        tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
    if (!is_load)
        return;
    if (rt == 15) {
        /* LoadWritePC: interworking since ARMv5T (A2.3.2). */
        X(t->b, MOV, R32(EAX), R32(EDI));
        tr_branch_indirect_eax(t);
    } else {
        tr_set_reg(t, rt, ZYDIS_REGISTER_EDI);
    }
}

/* The access of LDR/STR/LDRB/STRB once the address is in esi (and, with
 * wback, the new base in edx): loads go straight into a pinned register. */
static void single_access(struct tr *t, bool byte, bool wback, bool l, unsigned rn, unsigned rt)
{
    unsigned size = byte ? 1 : 4;
    if (!l) {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt); /* STR pc stores pc+8 */
        store_rax_rdi_free(t, size);
        if (wback)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
        return;
    }
    if (rt != 15 && tr_pinned64(rt) != ZYDIS_REGISTER_NONE && !(wback && rt == rn)) {
        if (wback)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
        load(t, GREG(rt).reg.value, size, false);
        return;
    }
    load(t, ZYDIS_REGISTER_EDI, size, false);
    finish(t, true, wback, rn, rt);
}

/* LDR/STR/LDRB/STRB with an immediate offset, the common case: the address
 * straight into esi (and the written-back base into edx) with one LEA each,
 * the value loaded straight into its register. */
static void single_imm(struct tr *t, bool p, bool u, bool byte, bool wback, bool l, unsigned rn,
                       unsigned rt)
{
    struct xbuf *b = t->b;
    int32_t off = (int32_t)bits(t->insn, 11, 0);
    if (!u)
        off = -off;
    if (rn == 15) {
        /* PC-relative (literal pools): the address is known now. */
        X(b, MOV, R32(ESI), ximm((int64_t)(uint32_t)(t->pc + 8 + (uint32_t)(p ? off : 0))));
        wback = false; /* UNPREDICTABLE with PC: ignored */
    } else {
        ZydisRegister base = tr_pinned64(rn);
        xop base32 = GREG(rn);
        if (base == ZYDIS_REGISTER_NONE) {
            tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
            base = ZYDIS_REGISTER_RAX;
            base32 = R32(EAX);
        }
        if (wback)
            X(b, LEA, R32(EDX), xmem(base, off, 8));
        if (p && off)
            X(b, LEA, R32(ESI), xmem(base, off, 8));
        else
            X(b, MOV, R32(ESI), base32);
    }
    single_access(t, byte, wback, l, rn, rt);
}

/* LDR/STR/LDRB/STRB [Rn, +Rm, LSL #0-3] without writeback (array indexing):
 * the address is one LEA with an x86 scaled index. */
static void single_scaled(struct tr *t, bool byte, bool l, unsigned rn, unsigned rm, unsigned shift,
                          unsigned rt)
{
    ZydisRegister base = tr_pinned64(rn), index = tr_pinned64(rm);
    if (base == ZYDIS_REGISTER_NONE) {
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
        base = ZYDIS_REGISTER_RAX;
    }
    if (index == ZYDIS_REGISTER_NONE) {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
        index = ZYDIS_REGISTER_RCX;
    }
    X(t->b, LEA, R32(ESI), xmemi(base, index, (uint8_t)(1u << shift), 0, 8)); /* wraps at 4 GiB */
    single_access(t, byte, false, l, rn, rt);
}

/* LDR/STR/LDRB/STRB (A5.3), immediate or register offset. */
static bool single(struct tr *t)
{
    uint32_t i = t->insn;
    bool reg = bit(i, 25), p = bit(i, 24), u = bit(i, 23), byte = bit(i, 22), w = bit(i, 21),
         l = bit(i, 20);
    unsigned rn = bits(i, 19, 16), rt = bits(i, 15, 12);
    bool wback = !p || w;
    if (!reg) {
        single_imm(t, p, u, byte, wback, l, rn, rt);
        return true;
    }
    unsigned rm = bits(i, 3, 0);
    if (p && u && !w && bits(i, 6, 5) == 0 && bits(i, 11, 7) <= 3 && rn != 15 && rm != 15) {
        single_scaled(t, byte, l, rn, rm, bits(i, 11, 7), rt);
        return true;
    }
    {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, bits(i, 3, 0));
        unsigned type = bits(i, 6, 5), imm5 = bits(i, 11, 7);
        /* DecodeImmShift without the carry (A8.4.1) */
        switch (type) {
        case 0:
            if (imm5)
                X(t->b, SHL, R32(ECX), ximm(imm5));
            break;
        case 1:
            if (imm5)
                X(t->b, SHR, R32(ECX), ximm(imm5));
            else
                X(t->b, XOR, R32(ECX), R32(ECX));
            break;
        case 2:
            X(t->b, SAR, R32(ECX), ximm(imm5 ? imm5 : 31));
            break;
        default:
            if (imm5)
                X(t->b, ROR, R32(ECX), ximm(imm5));
            else {
                tr_cf_from_c(t);
                X(t->b, RCR, R32(ECX), ximm(1));
            }
            break;
        }
    }
    tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
    address(t, p, u);
    unsigned size = byte ? 1 : 4;
    if (l) {
        load(t, ZYDIS_REGISTER_EDI, size, false);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt); /* STR pc stores pc+8 */
        store_rax_rdi_free(t, size);
    }
    finish(t, l, wback, rn, rt);
    return true;
}

/* LDRH/STRH/LDRSB/LDRSH/LDRD/STRD (A5.2.8). */
static bool extra(struct tr *t)
{
    uint32_t i = t->insn;
    bool p = bit(i, 24), u = bit(i, 23), imm = bit(i, 22), w = bit(i, 21), l = bit(i, 20);
    unsigned rn = bits(i, 19, 16), rt = bits(i, 15, 12), op2 = bits(i, 6, 5);
    bool wback = !p || w;
    if (imm)
        X(t->b, MOV, R32(ECX), ximm((bits(i, 11, 8) << 4) | bits(i, 3, 0)));
    else
        tr_get_reg(t, ZYDIS_REGISTER_ECX, bits(i, 3, 0));
    tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
    address(t, p, u);
    if (op2 == 1) { /* LDRH / STRH */
        if (l)
            load(t, ZYDIS_REGISTER_EDI, 2, false);
        else {
            tr_get_reg(t, ZYDIS_REGISTER_ECX, rt);
            store_rax_rdi_free(t, 2);
        }
        finish(t, l, wback, rn, rt);
        return true;
    }
    if (l) { /* LDRSB / LDRSH */
        load(t, ZYDIS_REGISTER_EDI, op2 == 2 ? 1 : 2, true);
        finish(t, true, wback, rn, rt);
        return true;
    }
    /* LDRD (op2 = 2) / STRD (op2 = 3): Rt must be even and not r14. */
    if ((rt & 1) || rt == 14)
        return false;
    X(t->b, LEA, R32(EDI), xmem(ZYDIS_REGISTER_RSI, 4, 8)); /* second word, wraps at 4 GiB */
    if (op2 == 2) {
        tr_hook_load(t, ZYDIS_REGISTER_RSI, 4);
        X(t->b, MOV, R32(ECX), GMEM(RSI, 4));
        tr_hook_load(t, ZYDIS_REGISTER_RDI, 4);
        X(t->b, MOV, R32(EAX), GMEM(RDI, 4));
        if (wback && rn != 15)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
        tr_set_reg(t, rt, ZYDIS_REGISTER_ECX);
        tr_set_reg(t, rt + 1, ZYDIS_REGISTER_EAX);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt);
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rt + 1);
        tr_hook_store(t, ZYDIS_REGISTER_RSI, 4);
        X(t->b, MOV, GMEM(RSI, 4), R32(ECX));
        tr_hook_store(t, ZYDIS_REGISTER_RDI, 4);
        X(t->b, MOV, GMEM(RDI, 4), R32(EAX));
        if (wback && rn != 15)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
    }
    return true;
}

/* LDM/STM (A5.5): IA, IB, DA, DB with optional writeback and PC in the list. */
static bool multiple(struct tr *t)
{
    uint32_t i = t->insn;
    bool p = bit(i, 24), u = bit(i, 23), s = bit(i, 22), w = bit(i, 21), l = bit(i, 20);
    unsigned rn = bits(i, 19, 16);
    uint32_t list = bits(i, 15, 0);
    if (s || list == 0 || rn == 15)
        return false; /* user-bank/exception-return forms and empty lists */
    unsigned n = (unsigned)__builtin_popcount(list);
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);
    /* lowest address: IA Rn, IB Rn+4, DA Rn-4n+4, DB Rn-4n */
    int32_t start = u ? (p ? 4 : 0) : (int32_t)(p ? -4 * (int)n : -4 * (int)n + 4);
    X(b, LEA, R32(EDX), xmem(ZYDIS_REGISTER_RAX, start, 8));
    if (!l)
        tr_hook_store_multi(t, n); /* one record for all the words */
    unsigned k = 0;
    for (unsigned r = 0; r < 16; r++) {
        if (!(list & (1u << r)))
            continue;
        X(b, LEA, R32(ESI), xmem(ZYDIS_REGISTER_RDX, (int32_t)(4 * k), 8));
        if (l) {
            tr_hook_load(t, ZYDIS_REGISTER_RSI, 4);
            if (r == 15) {
                X(b, MOV, R32(EDI), GMEM(RSI, 4));
            } else {
                X(b, MOV, R32(ECX), GMEM(RSI, 4));
                tr_set_reg(t, r, ZYDIS_REGISTER_ECX);
            }
        } else {
            /* Rn in the list stores its original value (the lowest-numbered
             * case is the only defined one; we do the same for all). */
            tr_get_reg(t, ZYDIS_REGISTER_ECX, r);
            store_nohook(t, 4);
        }
        k++;
    }
    if (w && !(l && (list & (1u << rn)))) {
        X(b, LEA, R32(ECX), xmem(ZYDIS_REGISTER_RAX, u ? 4 * (int)n : -4 * (int)n, 8));
        tr_set_reg(t, rn, ZYDIS_REGISTER_ECX);
    }
    if (l && (list & 0x8000)) {
        X(b, MOV, R32(EAX), R32(EDI));
        tr_branch_indirect_eax(t);
    }
    return true;
}

/* SWP/SWPB and LDREX/STREX{,B,H,D} (A5.2.10). */
static bool sync_prims(struct tr *t)
{
    uint32_t i = t->insn;
    unsigned rn = bits(i, 19, 16), rd = bits(i, 15, 12), rt = bits(i, 3, 0);
    struct xbuf *b = t->b;
    if (!bit(i, 23)) { /* SWP / SWPB: Rt = [Rn]; [Rn] = Rt2 */
        if (bits(i, 21, 20) != 0)
            return false;
        unsigned size = bit(i, 22) ? 1 : 4;
        tr_get_reg(t, ZYDIS_REGISTER_ESI, rn);
        load(t, ZYDIS_REGISTER_EDI, size, false);
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt);
        store(t, size);
        tr_set_reg(t, rd, ZYDIS_REGISTER_EDI);
        return true;
    }
    static const unsigned sizes[4] = {4, 8, 1, 2};
    unsigned size = sizes[bits(i, 22, 21)];
    bool l = bit(i, 20);
    if (rn == 15 || rd == 15)
        return false;
    tr_get_reg(t, ZYDIS_REGISTER_ESI, rn);
    X(b, MOV, R32(EDX), ximm(size));
    if (l) {
        if (size == 8 && ((rd & 1) || rd == 14))
            return false;
        tr_hook_load(t, ADDR, size);
        tr_call_synced(t, (const void *)helper_ldrex); /* may fault: cpu synced */
        if (size == 8) {
            tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
            X(b, SHR, R32(RAX), ximm(32));
            tr_set_reg(t, rd + 1, ZYDIS_REGISTER_EAX);
        } else {
            tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
        }
        return true;
    }
    if (size == 8 && ((rt & 1) || rt == 14))
        return false;
    X(b, MOV, R32(ECX), ximm(size));
    if (size == 8) {
        tr_get_reg(t, ZYDIS_REGISTER_EDX, rt + 1);
        X(b, SHL, R32(RDX), ximm(32));
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rt);
        X(b, OR, R32(RDX), R32(RAX));
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_EDX, rt);
    }
    tr_hook_store(t, ADDR, size);
    tr_call_synced(t, (const void *)helper_strex); /* may fault: cpu synced */
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool tr_memory(struct tr *t)
{
    uint32_t i = t->insn;
    if (bits(i, 31, 28) == 0xf) {
        /* PLD/PLI/PLDW (A5.7.1): hints, nothing to do */
        if ((i & 0xff30f000u) == 0xf510f000u || (i & 0xff70f000u) == 0xf450f000u ||
            (i & 0xff30f010u) == 0xf710f000u || (i & 0xff70f010u) == 0xf650f000u)
            return true;
        return false;
    }
    switch (bits(i, 27, 25)) {
    case 0:
        if (bits(i, 7, 4) == 9)
            return sync_prims(t);
        return extra(t);
    case 2:
    case 3:
        return single(t);
    case 4:
        return multiple(t);
    default:
        return false;
    }
}
