/* Semantic functions of the data-processing instructions (ARM ARM A5.2.1-A5.2.3,
 * A6.2.1-A6.2.3): AND EOR SUB RSB ADD ADC SBC RSC TST TEQ CMP CMN ORR MOV BIC
 * MVN (and T32's ORN) with a (rotated) immediate (_rri), a register shifted by
 * an immediate (_rrri) and a register shifted by a register (_rrrr), for A32,
 * T16 and T32 alike (the Thumb forms decode into the same argument sets,
 * arm/t16.decode, arm/t32.decode), and the
 * shifter with its carry-out (A8.4.3). x86 flags map onto NZCV directly except
 * that ARM's carry after a subtraction is NOT borrow; the x86 flags an
 * instruction leaves are offered to the next condition (t->hf_kind). Only
 * decoded fields are read here, never the encoding. */
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* ORN (T32 only) is ORR with operand 2 inverted. */
enum dp_op { AND, EOR, SUB, RSB, ADD, ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, MOV, BIC, MVN, ORN };

/* Shift_C of ecx by an immediate amount as DecodeImmShift gives it (A8.4.3);
 * with set_carry the carry-out goes to cpu->c. */
static void shift_imm(struct tr *t, unsigned type, unsigned imm5, bool set_carry)
{
    struct xbuf *b = t->b;
    switch (type) {
    case 0: /* LSL #0 is the register unchanged, carry unchanged */
        if (imm5 == 0)
            return;
        X(b, SHL, R32(ECX), ximm(imm5));
        break;
    case 1: /* LSR; #0 encodes #32: result 0, carry = bit 31 */
        if (imm5 == 0) {
            if (set_carry) {
                X(b, BT, R32(ECX), ximm(31));
                X(b, SETB, CPUF(c, 1));
            }
            X(b, XOR, R32(ECX), R32(ECX));
            return;
        }
        X(b, SHR, R32(ECX), ximm(imm5));
        break;
    case 2: /* ASR; #0 encodes #32: result all sign bits, carry = bit 31 */
        if (imm5 == 0) {
            if (set_carry) {
                X(b, BT, R32(ECX), ximm(31));
                X(b, SETB, CPUF(c, 1));
            }
            X(b, SAR, R32(ECX), ximm(31));
            return;
        }
        X(b, SAR, R32(ECX), ximm(imm5));
        break;
    default: /* ROR; #0 encodes RRX: C into bit 31, bit 0 into C */
        if (imm5 == 0) {
            tr_cf_from_c(t);
            X(b, RCR, R32(ECX), ximm(1));
        } else {
            X(b, ROR, R32(ECX), ximm(imm5)); /* x86 ROR: CF = bit 31 of the result */
        }
        break;
    }
    if (set_carry)
        X(b, SETB, CPUF(c, 1));
}

/* Operand 2 of the immediate forms: imm rotated right by rot bits (the
 * tables give the rotation in bits: 2 * rotate for ARMExpandImm_C, A5.2.4,
 * any of 8..31 for ThumbExpandImm_C, A6.3.2); the carry-out is bit 31 of the
 * result when rot != 0, else C is unchanged (ThumbExpandImm's replicated
 * byte patterns decode with rot = 0). The T16 forms have rot = 0 and
 * immediates of up to 10 bits (imm8 * 4), which pass through unrotated. */
static xop op2_imm(struct tr *t, uint32_t imm, unsigned rot, bool set_carry)
{
    unsigned r = rot & 31;
    uint32_t val = r ? (imm >> r) | (imm << (32 - r)) : imm;
    if (set_carry && r)
        X(t->b, MOV, CPUF(c, 1), ximm(val >> 31));
    return ximm(val);
}

/* Operand 2 of the immediate-shift forms, without forcing it into ecx when it
 * needs no shift: a guest register used as is (LSL #0), the PC's value as an
 * immediate, or ecx holding the shifted value. */
static xop op2_shi(struct tr *t, unsigned rm, unsigned shim, unsigned shty, bool set_carry)
{
    if (shty == 0 && shim == 0)
        return rm == 15 ? ximm(tr_pc_read(t)) : GREG(rm); /* LSL #0: carry unchanged */
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
    shift_imm(t, shty, shim, set_carry);
    return R32(ECX);
}

/* Operand 2 of the register-shift forms into ecx: Rm shifted by Rs[7:0]; 0
 * leaves value and carry, 32 and more follow A8.4.3. The ARM ARM makes any
 * PC operand here UNPREDICTABLE; qemu-arm reads it as pc + 8 like everywhere
 * else, and so does tr_get_reg. */
static xop op2_shr(struct tr *t, unsigned rm, unsigned rs, unsigned shty, bool set_carry)
{
    struct xbuf *b = t->b;
    if (set_carry) {
        /* The carry-out rules for every amount: in a helper. */
        tr_get_reg(t, ZYDIS_REGISTER_ESI, rm);
        tr_get_reg(t, ZYDIS_REGISTER_EDX, rs);
        X(b, MOV, R32(ECX), ximm(shty | 4));
        tr_call(t, (const void *)helper_shift_reg);
        X(b, MOV, R32(ECX), R32(EAX));
        return R32(ECX);
    }
    /* Inline: x86 shifts by cl mod 32, so amounts of 32..255 are fixed up. */
    tr_get_reg(t, ZYDIS_REGISTER_EDX, rm);
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rs);
    X(b, MOVZX, R32(ECX), R32(CL));
    switch (shty) {
    case 0: /* LSL */
    case 1: /* LSR: 32 or more gives 0 */
        if (shty == 0)
            X(b, SHL, R32(EDX), R32(CL));
        else
            X(b, SHR, R32(EDX), R32(CL));
        X(b, XOR, R32(ESI), R32(ESI));
        X(b, CMP, R32(ECX), ximm(32));
        X(b, CMOVNB, R32(EDX), R32(ESI));
        break;
    case 2: /* ASR: 32 or more is the same as 31 */
        X(b, MOV, R32(ESI), ximm(31));
        X(b, CMP, R32(ECX), ximm(31));
        X(b, CMOVNBE, R32(ECX), R32(ESI));
        X(b, SAR, R32(EDX), R32(CL));
        break;
    default: /* ROR: by the amount mod 32 */
        X(b, ROR, R32(EDX), R32(CL));
        break;
    }
    X(b, MOV, R32(ECX), R32(EDX));
    return R32(ECX);
}

static bool is_logical(enum dp_op op)
{
    return op == AND || op == EOR || op == TST || op == TEQ || op == ORR || op == MOV || op == BIC || op == MVN ||
           op == ORN;
}

static bool is_subtraction(enum dp_op op)
{
    return op == SUB || op == CMP || op == RSB || op == SBC || op == RSC;
}

/* The flags of a flag-setting instruction from the x86 flags of its last
 * operation, and what those x86 flags still mean afterwards. */
static void set_flags(struct tr *t, enum dp_op op)
{
    if (is_logical(op))
        tr_flags_nz(t);
    else if (is_subtraction(op))
        tr_flags_nzcv_sub(t);
    else
        tr_flags_nzcv_add(t);
    t->hf_kind = is_logical(op) ? HF_LOGIC : is_subtraction(op) ? HF_SUB : HF_ADD;
    t->hf_end = x_pos(t->b);
}

/* MOVS Rd, <op2> where op2 needed no shift (an immediate, or a register as
 * is): in T16 code every constant and low-register copy is one of these, and
 * their flags are mostly dead. An immediate's N and Z are known here; a
 * register's come from one TEST of the copy. C is the shifter's (already
 * stored when needed) and V is unchanged. */
static bool movs_direct(struct tr *t, unsigned rd, xop op2)
{
    struct xbuf *b = t->b;
    xop dst = GREG(rd);
    if (op2.type == ZYDIS_OPERAND_TYPE_IMMEDIATE) {
        uint32_t v = (uint32_t)op2.imm.s;
        X(b, MOV, dst, op2);
        if (t->fl_need & FL_N)
            X(b, MOV, CPUF(n, 1), ximm(v >> 31));
        if (t->fl_need & FL_Z)
            X(b, MOV, CPUF(z, 1), ximm(v == 0));
        /* N and Z changed while the x86 flags did not: whatever an earlier
         * instruction left in them no longer stands for the guest's. */
        b->flags_clobbered_at = x_pos(b);
        return true;
    }
    if (dst.type == ZYDIS_OPERAND_TYPE_MEMORY && op2.type == ZYDIS_OPERAND_TYPE_MEMORY) {
        X(b, MOV, R32(EAX), op2);
        X(b, MOV, dst, R32(EAX));
        X(b, TEST, R32(EAX), R32(EAX));
    } else {
        x_emit(b, ZYDIS_MNEMONIC_MOV, (xop[]){dst, op2}, 2);
        xop r = dst.type == ZYDIS_OPERAND_TYPE_REGISTER ? dst : op2;
        x_emit(b, ZYDIS_MNEMONIC_TEST, (xop[]){r, r}, 2);
    }
    set_flags(t, MOV);
    return true;
}

/* Rd = Rn op op2 (flags with s); op2 comes from op2_*() and was computed
 * first (with the shifter carry when s and op is logical). rn = 0 for MOV and
 * MVN, rd = 0 for the compares: neither is read. */
static bool dataproc(struct tr *t, enum dp_op op, bool s, unsigned rd, unsigned rn, xop op2)
{
    struct xbuf *b = t->b;
    bool test_only = op >= TST && op <= CMN;
    if (op == MOV && !s && rd != 15) {
        /* the most common instruction: one move when either side is a host register */
        if (op2.type == ZYDIS_OPERAND_TYPE_MEMORY && GREG(rd).type == ZYDIS_OPERAND_TYPE_MEMORY) {
            X(b, MOV, R32(EAX), op2);
            tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
        } else {
            x_emit(b, ZYDIS_MNEMONIC_MOV, (xop[]){GREG(rd), op2}, 2);
        }
        return true;
    }
    if (op == MOV && s && rd != 15 && !(op2.type == ZYDIS_OPERAND_TYPE_REGISTER && op2.reg.value == ZYDIS_REGISTER_ECX))
        return movs_direct(t, rd, op2);
    if (op == RSB || op == RSC || op == BIC || op == MOV || op == MVN || op == ORN) {
        /* these need operand 2 in a register of their own */
        if (!(op2.type == ZYDIS_OPERAND_TYPE_REGISTER && op2.reg.value == ZYDIS_REGISTER_ECX))
            x_emit(b, ZYDIS_MNEMONIC_MOV, (xop[]){R32(ECX), op2}, 2);
        op2 = R32(ECX);
    }
    /* In place: "rn op= op2" on the guest register itself (or a compare of
     * it) when x86 can take both operands, saving the moves through eax. */
    if (rn != 15 && (rd == rn || op == TST || op == CMP) &&
        !(GREG(rn).type == ZYDIS_OPERAND_TYPE_MEMORY && op2.type == ZYDIS_OPERAND_TYPE_MEMORY)) {
        static const ZydisMnemonic in_place[ORN + 1] = {
            [AND] = ZYDIS_MNEMONIC_AND, [EOR] = ZYDIS_MNEMONIC_XOR, [SUB] = ZYDIS_MNEMONIC_SUB,
            [ADD] = ZYDIS_MNEMONIC_ADD, [ADC] = ZYDIS_MNEMONIC_ADC, [SBC] = ZYDIS_MNEMONIC_SBB,
            [TST] = ZYDIS_MNEMONIC_TEST, [CMP] = ZYDIS_MNEMONIC_CMP, [ORR] = ZYDIS_MNEMONIC_OR,
        };
        ZydisMnemonic m = in_place[op];
        if (m != ZYDIS_MNEMONIC_INVALID && (rd != 15 || test_only)) {
            if (op == ADC)
                tr_cf_from_c(t);
            else if (op == SBC)
                tr_cf_from_not_c(t);
            if (op == TST && op2.type == ZYDIS_OPERAND_TYPE_MEMORY)
                x_emit(b, m, (xop[]){op2, GREG(rn)}, 2); /* only TEST r/m32, r32 exists */
            else
                x_emit(b, m, (xop[]){GREG(rn), op2}, 2);
            if (s)
                set_flags(t, op);
            return true;
        }
    }
    if (op != MOV && op != MVN)
        tr_get_reg(t, ZYDIS_REGISTER_EAX, rn);

    ZydisMnemonic mn = ZYDIS_MNEMONIC_INVALID;
    switch (op) {
    case AND:
    case TST:
        mn = ZYDIS_MNEMONIC_AND;
        break;
    case EOR:
    case TEQ:
        mn = ZYDIS_MNEMONIC_XOR;
        break;
    case ORR:
        mn = ZYDIS_MNEMONIC_OR;
        break;
    case BIC:
        X(b, NOT, R32(ECX));
        X(b, AND, R32(EAX), R32(ECX));
        break;
    case ORN:
        X(b, NOT, R32(ECX));
        X(b, OR, R32(EAX), R32(ECX));
        break;
    case MOV:
        X(b, MOV, R32(EAX), R32(ECX));
        if (s)
            X(b, TEST, R32(EAX), R32(EAX));
        break;
    case MVN:
        X(b, MOV, R32(EAX), R32(ECX));
        X(b, NOT, R32(EAX));
        if (s)
            X(b, TEST, R32(EAX), R32(EAX));
        break;
    case SUB:
    case CMP:
        mn = ZYDIS_MNEMONIC_SUB;
        break;
    case RSB:
        X(b, SUB, R32(ECX), R32(EAX));
        X(b, MOV, R32(EAX), R32(ECX));
        break;
    case ADD:
    case CMN:
        mn = ZYDIS_MNEMONIC_ADD;
        break;
    case ADC:
        tr_cf_from_c(t);
        mn = ZYDIS_MNEMONIC_ADC;
        break;
    case SBC:
        tr_cf_from_not_c(t);
        mn = ZYDIS_MNEMONIC_SBB;
        break;
    case RSC:
        tr_cf_from_not_c(t);
        X(b, SBB, R32(ECX), R32(EAX));
        X(b, MOV, R32(EAX), R32(ECX));
        break;
    }
    if (mn != ZYDIS_MNEMONIC_INVALID)
        x_emit(b, mn, (xop[]){R32(EAX), op2}, 2);
    if (s)
        set_flags(t, op);
    if (test_only)
        return true;
    if (rd == 15) {
        /* A write to the PC (the table ends the block there; with S it is
         * UNPREDICTABLE in user mode and never comes here). ARM state:
         * ALUWritePC, an interworking branch (A2.3.2). Thumb state:
         * BranchWritePC, the target stays Thumb. */
        if (t->thumb)
            X(b, OR, R32(EAX), ximm(1));
        tr_branch_indirect_eax(t);
        return true;
    }
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    if (t->hf_kind)
        t->hf_end = x_pos(b); /* a MOV leaves the flags alone */
    return true;
}

/* Whether the shifter's carry-out must reach cpu->c: a flag-setting logical
 * operation whose C a later instruction reads (t->fl_need; as for the other
 * flags, a store nothing reads is left out, and a shift by register then
 * stays inline). */
static bool shifter_carry(const struct tr *t, enum dp_op op, bool s)
{
    return s && is_logical(op) && (t->fl_need & FL_C);
}

static bool dp_shi(struct tr *t, enum dp_op op, const struct arg_s_rrr_shi *a)
{
    xop op2 = op2_shi(t, (unsigned)a->rm, (unsigned)a->shim, (unsigned)a->shty, shifter_carry(t, op, a->s));
    return dataproc(t, op, a->s, (unsigned)a->rd, (unsigned)a->rn, op2);
}

static bool dp_shr(struct tr *t, enum dp_op op, const struct arg_s_rrr_shr *a)
{
    xop op2 = op2_shr(t, (unsigned)a->rm, (unsigned)a->rs, (unsigned)a->shty, shifter_carry(t, op, a->s));
    return dataproc(t, op, a->s, (unsigned)a->rd, (unsigned)a->rn, op2);
}

static bool dp_imm(struct tr *t, enum dp_op op, const struct arg_s_rri_rot *a)
{
    xop op2 = op2_imm(t, (uint32_t)a->imm, (unsigned)a->rot, shifter_carry(t, op, a->s));
    return dataproc(t, op, a->s, (unsigned)a->rd, (unsigned)a->rn, op2);
}

/* --- register shifted by an immediate --------------------------------------- */

/* AND{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.14); T16 ANDS <Rdn>, <Rm> */
bool trans_AND_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, AND, a); }
/* EOR{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.47); T16 EORS <Rdn>, <Rm> */
bool trans_EOR_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, EOR, a); }
/* SUB{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.223); T16 SUBS <Rd>, <Rn>, <Rm> */
bool trans_SUB_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, SUB, a); }
/* RSB{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.153) */
bool trans_RSB_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, RSB, a); }
/* ADD{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.7); T16 ADDS <Rd>, <Rn>, <Rm>;
 * T16 ADD <Rdn>, <Rm> (high registers, no flags; Rdn = PC is BranchWritePC) */
bool trans_ADD_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, ADD, a); }
/* ADC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.2); T16 ADCS <Rdn>, <Rm> */
bool trans_ADC_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, ADC, a); }
/* SBC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.162); T16 SBCS <Rdn>, <Rm> */
bool trans_SBC_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, SBC, a); }
/* RSC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.156) */
bool trans_RSC_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, RSC, a); }
/* TST<c> <Rn>, <Rm>{, <shift>} (A8.8.241); T16 TST <Rn>, <Rm> */
bool trans_TST_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, TST, a); }
/* TEQ<c> <Rn>, <Rm>{, <shift>} (A8.8.238) */
bool trans_TEQ_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, TEQ, a); }
/* CMP<c> <Rn>, <Rm>{, <shift>} (A8.8.38); T16 CMP <Rn>, <Rm> (low and high registers) */
bool trans_CMP_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, CMP, a); }
/* CMN<c> <Rn>, <Rm>{, <shift>} (A8.8.35); T16 CMN <Rn>, <Rm> */
bool trans_CMN_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, CMN, a); }
/* ORR{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.123); T16 ORRS <Rdn>, <Rm> */
bool trans_ORR_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, ORR, a); }
/* MOV{S}<c> <Rd>, <Rm>{, <shift>}, i.e. LSL/LSR/ASR/ROR/RRX #imm (A8.8.104,
 * A8.8.95...); T16 LSLS/LSRS/ASRS <Rd>, <Rm>, #<imm>, MOVS <Rd>, <Rm>;
 * T16 MOV <Rd>, <Rm> (high registers, no flags; Rd = PC is BranchWritePC) */
bool trans_MOV_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, MOV, a); }
/* BIC{S}<c> <Rd>, <Rn>, <Rm>{, <shift>} (A8.8.22); T16 BICS <Rdn>, <Rm> */
bool trans_BIC_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, BIC, a); }
/* MVN{S}<c> <Rd>, <Rm>{, <shift>} (A8.8.116); T16 MVNS <Rd>, <Rm> */
bool trans_MVN_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, MVN, a); }

/* --- register shifted by a register ----------------------------------------- */

/* AND{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.15) */
bool trans_AND_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, AND, a); }
/* EOR{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.48) */
bool trans_EOR_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, EOR, a); }
/* SUB{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.224) */
bool trans_SUB_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, SUB, a); }
/* RSB{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.154) */
bool trans_RSB_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, RSB, a); }
/* ADD{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.8) */
bool trans_ADD_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, ADD, a); }
/* ADC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.3) */
bool trans_ADC_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, ADC, a); }
/* SBC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.163) */
bool trans_SBC_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, SBC, a); }
/* RSC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.157) */
bool trans_RSC_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, RSC, a); }
/* TST<c> <Rn>, <Rm>, <type> <Rs> (A8.8.242) */
bool trans_TST_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, TST, a); }
/* TEQ<c> <Rn>, <Rm>, <type> <Rs> (A8.8.239) */
bool trans_TEQ_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, TEQ, a); }
/* CMP<c> <Rn>, <Rm>, <type> <Rs> (A8.8.39) */
bool trans_CMP_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, CMP, a); }
/* CMN<c> <Rn>, <Rm>, <type> <Rs> (A8.8.36) */
bool trans_CMN_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, CMN, a); }
/* ORR{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.124) */
bool trans_ORR_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, ORR, a); }
/* MOV{S}<c> <Rd>, <Rm>, <type> <Rs>, i.e. LSL/LSR/ASR/ROR{S} <Rd>, <Rm>, <Rs>
 * (A8.8.96...); T16 LSLS/LSRS/ASRS/RORS <Rdn>, <Rm> */
bool trans_MOV_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, MOV, a); }
/* BIC{S}<c> <Rd>, <Rn>, <Rm>, <type> <Rs> (A8.8.23) */
bool trans_BIC_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, BIC, a); }
/* MVN{S}<c> <Rd>, <Rm>, <type> <Rs> (A8.8.117) */
bool trans_MVN_rrrr(struct tr *t, const struct arg_s_rrr_shr *a) { return dp_shr(t, MVN, a); }

/* --- immediate ---------------------------------------------------------------- */

/* AND{S}<c> <Rd>, <Rn>, #<const> (A8.8.13) */
bool trans_AND_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, AND, a); }
/* EOR{S}<c> <Rd>, <Rn>, #<const> (A8.8.46) */
bool trans_EOR_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, EOR, a); }
/* SUB{S}<c> <Rd>, <Rn>, #<const> (A8.8.222); T16 SUBS <Rd>, <Rn>, #<imm3>,
 * SUBS <Rdn>, #<imm8>; T16 SUB SP, SP, #<imm7*4> (no flags) */
bool trans_SUB_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, SUB, a); }
/* RSB{S}<c> <Rd>, <Rn>, #<const> (A8.8.152); T16 RSBS <Rd>, <Rn>, #0 (NEG) */
bool trans_RSB_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, RSB, a); }
/* ADD{S}<c> <Rd>, <Rn>, #<const> (A8.8.5); T16 ADDS <Rd>, <Rn>, #<imm3>,
 * ADDS <Rdn>, #<imm8>; T16 ADD <Rd>, SP, #<imm8*4> and ADD SP, SP, #<imm7*4>
 * (no flags) */
bool trans_ADD_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, ADD, a); }
/* ADC{S}<c> <Rd>, <Rn>, #<const> (A8.8.1) */
bool trans_ADC_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, ADC, a); }
/* SBC{S}<c> <Rd>, <Rn>, #<const> (A8.8.161) */
bool trans_SBC_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, SBC, a); }
/* RSC{S}<c> <Rd>, <Rn>, #<const> (A8.8.155) */
bool trans_RSC_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, RSC, a); }
/* TST<c> <Rn>, #<const> (A8.8.240) */
bool trans_TST_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, TST, a); }
/* TEQ<c> <Rn>, #<const> (A8.8.237) */
bool trans_TEQ_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, TEQ, a); }
/* CMP<c> <Rn>, #<const> (A8.8.37); T16 CMP <Rn>, #<imm8> */
bool trans_CMP_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, CMP, a); }
/* CMN<c> <Rn>, #<const> (A8.8.34) */
bool trans_CMN_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, CMN, a); }
/* ORR{S}<c> <Rd>, <Rn>, #<const> (A8.8.122) */
bool trans_ORR_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, ORR, a); }
/* MOV{S}<c> <Rd>, #<const> (A8.8.102); T16 MOVS <Rd>, #<imm8> */
bool trans_MOV_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, MOV, a); }
/* BIC{S}<c> <Rd>, <Rn>, #<const> (A8.8.21) */
bool trans_BIC_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, BIC, a); }
/* MVN{S}<c> <Rd>, #<const> (A8.8.115) */
bool trans_MVN_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, MVN, a); }

/* ORN{S}<c> <Rd>, <Rn>, #<const> (A8.8.121) and <Rd>, <Rn>, <Rm>{, <shift>}
 * (A8.8.122): T32 only. */
bool trans_ORN_rri(struct tr *t, const struct arg_s_rri_rot *a) { return dp_imm(t, ORN, a); }
bool trans_ORN_rrri(struct tr *t, const struct arg_s_rrr_shi *a) { return dp_shi(t, ORN, a); }
