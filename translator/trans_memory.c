/* Loads and stores (ARM ARM A5.3, A5.2.8, A5.5, A5.2.10; T16 A6.2.4-A6.2.6):
 * LDR/STR/LDRB/STRB with immediate and scaled-register offsets,
 * LDRH/STRH/LDRSB/LDRSH/LDRD/STRD, LDM/STM (PUSH/POP), SWP/SWPB, the
 * exclusives, PLD and ADR, from decoded arguments, for A32 and T16 alike.
 * Every address is formed in a 32-bit register (so it wraps at 4 GiB as on
 * ARM) and used as [r14 + zero-extended address]. Every store is preceded
 * by its undo record (tr_hook_store*), every load by tr_hook_load. */
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

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

/* The base register's value: PC-relative forms use Align(PC, 4) (A8.8.64:
 * the literal form; in ARM state pc + 8 is aligned already). */
static void get_base(struct tr *t, ZydisRegister dst, unsigned rn)
{
    if (rn == 15)
        X(t->b, MOV, xreg(dst), ximm((int64_t)tr_pc_aligned(t)));
    else
        tr_get_reg(t, dst, rn);
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
    ZydisRegister src = size == 4 ? ZYDIS_REGISTER_ECX : size == 2 ? ZYDIS_REGISTER_CX : ZYDIS_REGISTER_CL;
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
    tr_hook_store(t, ADDR, size); /* value in ecx (cl/cx for narrow stores) */
    store_nohook(t, size);
}

/* A load into the PC: LoadWritePC, interworking since ARMv5T in both
 * states (A2.3.2). */
static void load_write_pc_edi(struct tr *t)
{
    X(t->b, MOV, R32(EAX), R32(EDI));
    tr_branch_indirect_eax(t);
}

/* Finishes a load/store: value already loaded into edi (loads) or stored;
 * does the writeback and the register write in the architectural order. */
static void finish(struct tr *t, bool is_load, bool wback, unsigned rn, unsigned rt)
{
    if (wback && rn != 15)
        tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
    if (!is_load)
        return;
    if (rt == 15)
        load_write_pc_edi(t);
    else
        tr_set_reg(t, rt, ZYDIS_REGISTER_EDI);
}

/* The access of LDR/STR/LDRB/STRB once the address is in esi (and, with
 * wback, the new base in edx): loads go straight into a pinned register. */
static void single_access(struct tr *t, bool byte, bool wback, bool l, unsigned rn, unsigned rt)
{
    unsigned size = byte ? 1 : 4;
    if (!l) {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt); /* STR pc stores the PC as read */
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

/* Immediate offset, the common case: the address straight into esi (and the
 * written-back base into edx) with one LEA each. */
static bool single_imm(struct tr *t, const struct arg_ldst_ri *a, bool byte, bool l)
{
    struct xbuf *b = t->b;
    bool wback = !a->p || a->w;
    int32_t off = a->u ? a->imm : -a->imm;
    if (a->rn == 15) {
        /* PC-relative (literal pools): the address is known now. */
        X(b, MOV, R32(ESI), ximm((int64_t)(uint32_t)(tr_pc_aligned(t) + (uint32_t)(a->p ? off : 0))));
        wback = false; /* UNPREDICTABLE with PC: ignored */
    } else {
        ZydisRegister base = tr_pinned64(a->rn);
        xop base32 = GREG(a->rn);
        if (base == ZYDIS_REGISTER_NONE) {
            tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rn);
            base = ZYDIS_REGISTER_RAX;
            base32 = R32(EAX);
        }
        if (wback)
            X(b, LEA, R32(EDX), xmem(base, off, 8));
        if (a->p && off)
            X(b, LEA, R32(ESI), xmem(base, off, 8));
        else
            X(b, MOV, R32(ESI), base32);
    }
    single_access(t, byte, wback, l, a->rn, a->rt);
    return true;
}

/* The register offset Rm shifted by an immediate (DecodeImmShift without
 * the carry, A8.4.1) into ecx. */
static void shifted_offset(struct tr *t, unsigned rm, unsigned type, unsigned imm5)
{
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
    switch (type) {
    case 0:
        if (imm5)
            X(t->b, SHL, R32(ECX), ximm(imm5));
        break;
    case 1:
        if (imm5)
            X(t->b, SHR, R32(ECX), ximm(imm5));
        else
            X(t->b, XOR, R32(ECX), R32(ECX)); /* LSR #32 */
        break;
    case 2:
        X(t->b, SAR, R32(ECX), ximm(imm5 ? imm5 : 31)); /* ASR #32 = all sign bits */
        break;
    default:
        if (imm5)
            X(t->b, ROR, R32(ECX), ximm(imm5));
        else { /* RRX */
            tr_cf_from_c(t);
            X(t->b, RCR, R32(ECX), ximm(1));
        }
        break;
    }
}

/* Register offset. [Rn, +Rm, LSL #0-3] without writeback (array indexing) is
 * one LEA with an x86 scaled index. */
static bool single_reg(struct tr *t, const struct arg_ldst_rr *a, bool byte, bool l)
{
    bool wback = !a->p || a->w;
    if (a->p && a->u && !a->w && a->shty == 0 && a->shim <= 3 && a->rn != 15 && a->rm != 15) {
        ZydisRegister base = tr_pinned64(a->rn), index = tr_pinned64(a->rm);
        if (base == ZYDIS_REGISTER_NONE) {
            tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rn);
            base = ZYDIS_REGISTER_RAX;
        }
        if (index == ZYDIS_REGISTER_NONE) {
            tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rm);
            index = ZYDIS_REGISTER_RCX;
        }
        X(t->b, LEA, R32(ESI), xmemi(base, index, (uint8_t)(1u << a->shim), 0, 8)); /* wraps at 4 GiB */
        single_access(t, byte, false, l, a->rn, a->rt);
        return true;
    }
    shifted_offset(t, a->rm, a->shty, a->shim);
    get_base(t, ZYDIS_REGISTER_EAX, a->rn);
    address(t, a->p, a->u);
    unsigned size = byte ? 1 : 4;
    if (l) {
        load(t, ZYDIS_REGISTER_EDI, size, false);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rt);
        store_rax_rdi_free(t, size);
    }
    finish(t, l, wback, a->rn, a->rt);
    return true;
}

/* STR{B}<c> <Rt>, [<Rn>{, #+/-<imm>}]{!} / [<Rn>], #+/-<imm> (A8.8.203, A8.8.206);
 * T16 STR{B} <Rt>, [<Rn>, #imm], STR <Rt>, [SP, #imm]. LDR{B} likewise
 * (A8.8.62-A8.8.69), incl. LDR <Rt>, <label> (literal). */
bool trans_STR_ri(struct tr *t, const struct arg_ldst_ri *a) { return single_imm(t, a, false, false); }
bool trans_STRB_ri(struct tr *t, const struct arg_ldst_ri *a) { return single_imm(t, a, true, false); }
bool trans_LDR_ri(struct tr *t, const struct arg_ldst_ri *a) { return single_imm(t, a, false, true); }
bool trans_LDRB_ri(struct tr *t, const struct arg_ldst_ri *a) { return single_imm(t, a, true, true); }
/* STR{B}/LDR{B}<c> <Rt>, [<Rn>, +/-<Rm>{, <shift>}]{!} and post-indexed;
 * T16 <op> <Rt>, [<Rn>, <Rm>]. */
bool trans_STR_rr(struct tr *t, const struct arg_ldst_rr *a) { return single_reg(t, a, false, false); }
bool trans_STRB_rr(struct tr *t, const struct arg_ldst_rr *a) { return single_reg(t, a, true, false); }
bool trans_LDR_rr(struct tr *t, const struct arg_ldst_rr *a) { return single_reg(t, a, false, true); }
bool trans_LDRB_rr(struct tr *t, const struct arg_ldst_rr *a) { return single_reg(t, a, true, true); }

/* The extra loads and stores (A5.2.8) once the offset is in ecx. */
enum extra_kind { X_STRH, X_LDRH, X_LDRSB, X_LDRSH, X_LDRD, X_STRD };

static bool extra(struct tr *t, enum extra_kind k, bool p, bool u, bool w, unsigned rn, unsigned rt, unsigned rt2)
{
    bool wback = !p || w;
    get_base(t, ZYDIS_REGISTER_EAX, rn);
    address(t, p, u);
    switch (k) {
    case X_STRH:
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt);
        store_rax_rdi_free(t, 2);
        finish(t, false, wback, rn, rt);
        return true;
    case X_LDRH:
    case X_LDRSB:
    case X_LDRSH:
        load(t, ZYDIS_REGISTER_EDI, k == X_LDRSB ? 1 : 2, k != X_LDRH);
        finish(t, true, wback, rn, rt);
        return true;
    case X_LDRD:
    case X_STRD:
        break;
    }
    /* LDRD/STRD: Rt2 = Rt + 1 in A32, free in T32 (the tables mark the
     * UNPREDICTABLE pairs). */
    X(t->b, LEA, R32(EDI), xmem(ZYDIS_REGISTER_RSI, 4, 8)); /* second word, wraps at 4 GiB */
    if (k == X_LDRD) {
        tr_hook_load(t, ZYDIS_REGISTER_RSI, 4);
        X(t->b, MOV, R32(ECX), GMEM(RSI, 4));
        tr_hook_load(t, ZYDIS_REGISTER_RDI, 4);
        X(t->b, MOV, R32(EAX), GMEM(RDI, 4));
        if (wback && rn != 15)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
        tr_set_reg(t, rt, ZYDIS_REGISTER_ECX);
        tr_set_reg(t, rt2, ZYDIS_REGISTER_EAX);
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rt);
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rt2);
        tr_hook_store(t, ZYDIS_REGISTER_RSI, 4);
        X(t->b, MOV, GMEM(RSI, 4), R32(ECX));
        tr_hook_store(t, ZYDIS_REGISTER_RDI, 4);
        X(t->b, MOV, GMEM(RDI, 4), R32(EAX));
        if (wback && rn != 15)
            tr_set_reg(t, rn, ZYDIS_REGISTER_EDX);
    }
    return true;
}

static bool extra_ri(struct tr *t, const struct arg_ldst_ri *a, enum extra_kind k)
{
    X(t->b, MOV, R32(ECX), ximm(a->imm));
    return extra(t, k, a->p, a->u, a->w, a->rn, a->rt, 0);
}

static bool extra_rr(struct tr *t, const struct arg_ldst_rr *a, enum extra_kind k)
{
    /* A32 gives no shift for these; T32 LDRH/LDRSB/... [Rn, Rm, LSL #imm2]. */
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rm);
    if (a->shim)
        X(t->b, SHL, R32(ECX), ximm(a->shim));
    return extra(t, k, a->p, a->u, a->w, a->rn, a->rt, 0);
}

static bool dual_ri(struct tr *t, const struct arg_ldstd_ri *a, enum extra_kind k)
{
    X(t->b, MOV, R32(ECX), ximm(a->imm));
    return extra(t, k, a->p, a->u, a->w, a->rn, a->rt, a->rt2);
}

static bool dual_rr(struct tr *t, const struct arg_ldstd_rr *a, enum extra_kind k)
{
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rm);
    return extra(t, k, a->p, a->u, a->w, a->rn, a->rt, a->rt2);
}

/* STRH/LDRH/LDRSB/LDRSH/LDRD/STRD<c> with an immediate or register offset
 * (A8.8.210, A8.8.80, A8.8.84, A8.8.88, A8.8.72, A8.8.209); T16 STRH/LDRH
 * immediate and the register forms. */
bool trans_STRH_ri(struct tr *t, const struct arg_ldst_ri *a) { return extra_ri(t, a, X_STRH); }
bool trans_STRH_rr(struct tr *t, const struct arg_ldst_rr *a) { return extra_rr(t, a, X_STRH); }
bool trans_LDRH_ri(struct tr *t, const struct arg_ldst_ri *a) { return extra_ri(t, a, X_LDRH); }
bool trans_LDRH_rr(struct tr *t, const struct arg_ldst_rr *a) { return extra_rr(t, a, X_LDRH); }
bool trans_LDRSB_ri(struct tr *t, const struct arg_ldst_ri *a) { return extra_ri(t, a, X_LDRSB); }
bool trans_LDRSB_rr(struct tr *t, const struct arg_ldst_rr *a) { return extra_rr(t, a, X_LDRSB); }
bool trans_LDRSH_ri(struct tr *t, const struct arg_ldst_ri *a) { return extra_ri(t, a, X_LDRSH); }
bool trans_LDRSH_rr(struct tr *t, const struct arg_ldst_rr *a) { return extra_rr(t, a, X_LDRSH); }
bool trans_LDRD_ri(struct tr *t, const struct arg_ldstd_ri *a) { return dual_ri(t, a, X_LDRD); }
bool trans_LDRD_rr(struct tr *t, const struct arg_ldstd_rr *a) { return dual_rr(t, a, X_LDRD); }
bool trans_STRD_ri(struct tr *t, const struct arg_ldstd_ri *a) { return dual_ri(t, a, X_STRD); }
bool trans_STRD_rr(struct tr *t, const struct arg_ldstd_rr *a) { return dual_rr(t, a, X_STRD); }

/* LDM/STM<c> <Rn>{!}, <registers> in the four modes (A8.8.58-A8.8.61,
 * A8.8.199-A8.8.202); T16 LDMIA/STMIA, PUSH (STMDB SP!) and POP (LDMIA SP!). */
static bool multiple(struct tr *t, const struct arg_ldm *a, bool l)
{
    bool p = a->p, u = a->u, w = a->w;
    unsigned rn = a->rn;
    uint32_t list = (uint32_t)a->list;
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
    if (l && (list & 0x8000))
        load_write_pc_edi(t);
    return true;
}

bool trans_STM(struct tr *t, const struct arg_ldm *a) { return multiple(t, a, false); }
bool trans_LDM(struct tr *t, const struct arg_ldm *a) { return multiple(t, a, true); }

/* SWP{B}<c> <Rt>, <Rt2>, [<Rn>] (A8.8.229): Rt = [Rn]; [Rn] = Rt2. */
static bool swap(struct tr *t, const struct arg_swp *a, unsigned size)
{
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    load(t, ZYDIS_REGISTER_EDI, size, false);
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rt2);
    store(t, size);
    tr_set_reg(t, a->rt, ZYDIS_REGISTER_EDI);
    return true;
}

bool trans_SWP(struct tr *t, const struct arg_swp *a) { return swap(t, a, 4); }
bool trans_SWPB(struct tr *t, const struct arg_swp *a) { return swap(t, a, 1); }

/* LDREX{B,H,D}<c> <Rt>, [<Rn>{, #imm}] (A8.8.75-A8.8.78; the offset is
 * T32's, Rt2 free in T32 LDREXD): through the exclusive monitor helper (it
 * may fault: cpu synced). */
static bool ldrex(struct tr *t, const struct arg_ldrex *a, unsigned size)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    if (a->imm)
        X(b, ADD, R32(ESI), ximm(a->imm));
    X(b, MOV, R32(EDX), ximm(size));
    tr_hook_load(t, ADDR, size);
    tr_call_synced(t, (const void *)helper_ldrex);
    tr_set_reg(t, a->rt, ZYDIS_REGISTER_EAX);
    if (size == 8) {
        X(b, SHR, R32(RAX), ximm(32));
        tr_set_reg(t, a->rt2, ZYDIS_REGISTER_EAX);
    }
    return true;
}

/* STREX{B,H,D}<c> <Rd>, <Rt>, [<Rn>] (A8.8.212-A8.8.215): Rd = 0 if stored. */
static bool strex(struct tr *t, const struct arg_strex *a, unsigned size)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ESI, a->rn);
    if (a->imm)
        X(b, ADD, R32(ESI), ximm(a->imm));
    X(b, MOV, R32(ECX), ximm(size));
    if (size == 8) {
        tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rt2);
        X(b, SHL, R32(RDX), ximm(32));
        tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rt);
        X(b, OR, R32(RDX), R32(RAX));
    } else {
        tr_get_reg(t, ZYDIS_REGISTER_EDX, a->rt);
    }
    tr_hook_store(t, ADDR, size);
    tr_call_synced(t, (const void *)helper_strex);
    tr_set_reg(t, a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

bool trans_LDREX(struct tr *t, const struct arg_ldrex *a) { return ldrex(t, a, 4); }
bool trans_LDREXB(struct tr *t, const struct arg_ldrex *a) { return ldrex(t, a, 1); }
bool trans_LDREXH(struct tr *t, const struct arg_ldrex *a) { return ldrex(t, a, 2); }
bool trans_LDREXD(struct tr *t, const struct arg_ldrex *a) { return ldrex(t, a, 8); }
bool trans_STREX(struct tr *t, const struct arg_strex *a) { return strex(t, a, 4); }
bool trans_STREXB(struct tr *t, const struct arg_strex *a) { return strex(t, a, 1); }
bool trans_STREXH(struct tr *t, const struct arg_strex *a) { return strex(t, a, 2); }
bool trans_STREXD(struct tr *t, const struct arg_strex *a) { return strex(t, a, 8); }

/* PLD, PLDW, PLI (A8.8.126-A8.8.131): hints, nothing to do. */
bool trans_PLD(struct tr *t, const struct arg_empty *a)
{
    (void)t;
    (void)a;
    return true;
}

/* ADR <Rd>, <label> (A8.8.12): Align(PC, 4) + imm (T16: imm8 * 4; T32: +/-
 * imm12). */
bool trans_ADR(struct tr *t, const struct arg_ri *a)
{
    X(t->b, MOV, GREG(a->rd), ximm((int64_t)(uint32_t)(tr_pc_aligned(t) + (uint32_t)a->imm)));
    return true;
}

/* TBB/TBH [<Rn>, <Rm>{, LSL #1}] (A8.8.238): a forward branch to PC + 2 *
 * the byte or halfword at Rn + Rm (TBH: Rn + 2 * Rm); Rn = PC is the table
 * right after the instruction. The target stays Thumb. */
static bool table_branch(struct tr *t, const struct arg_tbb *a, unsigned size)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, a->rn);
    tr_get_reg(t, ZYDIS_REGISTER_ECX, a->rm);
    X(b, LEA, R32(ESI), xmemi(ZYDIS_REGISTER_RAX, ZYDIS_REGISTER_RCX, (uint8_t)size, 0, 8));
    load(t, ZYDIS_REGISTER_EAX, size, false);
    X(b, LEA, R32(EAX), xmemi(ZYDIS_REGISTER_NONE, ZYDIS_REGISTER_RAX, 2, (int32_t)(tr_pc_read(t) | 1u), 8));
    tr_branch_indirect_eax(t);
    return true;
}

bool trans_TBB(struct tr *t, const struct arg_tbb *a) { return table_branch(t, a, 1); }
bool trans_TBH(struct tr *t, const struct arg_tbb *a) { return table_branch(t, a, 2); }
