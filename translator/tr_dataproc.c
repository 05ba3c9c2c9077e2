/* A32 data-processing instructions (ARM ARM A5.2.1-A5.2.3): AND EOR SUB RSB
 * ADD ADC SBC RSC TST TEQ CMP CMN ORR MOV BIC MVN with immediate,
 * immediate-shifted register and register-shifted register operands, and the
 * shifter carry-out rules of A8.4.3. x86 flags map onto NZCV directly except
 * that ARM's carry after a subtraction is NOT borrow. */
#include <stdio.h>

#include "translator/helpers.h"
#include "translator/tr_internal.h"

/* ARM ARM A8.4.3 Shift_C with an immediate amount (DecodeImmShift). */
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

/* Operand 2 as an x86 operand without forcing it into ecx: an immediate, a
 * guest register used as is (LSL #0), or ecx holding the shifted value. */
static xop operand2_op(struct tr *t, bool set_carry)
{
    uint32_t i = t->insn;
    if (bit(i, 25)) {
        unsigned rot = 2 * bits(i, 11, 8);
        uint32_t imm = bits(i, 7, 0);
        uint32_t val = rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
        if (set_carry && rot)
            X(t->b, MOV, CPUF(c, 1), ximm(val >> 31));
        return ximm(val);
    }
    if (!bit(i, 4) && bits(i, 11, 4) == 0 && bits(i, 3, 0) != 15)
        return GREG(bits(i, 3, 0)); /* LSL #0: the register, carry unchanged */
    tr_operand2(t, set_carry);
    return R32(ECX);
}

void tr_operand2(struct tr *t, bool set_carry)
{
    uint32_t i = t->insn;
    struct xbuf *b = t->b;
    if (bit(i, 25)) {
        /* ARMExpandImm_C: imm8 rotated right by 2*rot; carry = bit 31 when rot != 0. */
        unsigned rot = 2 * bits(i, 11, 8);
        uint32_t imm = bits(i, 7, 0);
        uint32_t val = rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
        X(b, MOV, R32(ECX), ximm(val));
        if (set_carry && rot)
            X(b, MOV, CPUF(c, 1), ximm(val >> 31));
        return;
    }
    unsigned rm = bits(i, 3, 0);
    unsigned type = bits(i, 6, 5);
    if (!bit(i, 4)) {
        tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
        shift_imm(t, type, bits(i, 11, 7), set_carry);
        return;
    }
    /* Register-specified shift: amount is Rs[7:0]; 0 leaves value and carry,
     * 32 and more follow A8.4.3 -- done in a helper. PC reads as pc+12 here,
     * but any PC operand is UNPREDICTABLE in this form. */
    if (!set_carry) {
        /* Inline: x86 shifts by cl mod 32, so amounts of 32..255 are fixed up. */
        tr_get_reg(t, ZYDIS_REGISTER_EDX, rm);
        tr_get_reg(t, ZYDIS_REGISTER_ECX, bits(i, 11, 8));
        X(b, MOVZX, R32(ECX), R32(CL));
        switch (type) {
        case 0: /* LSL */
        case 1: /* LSR: 32 or more gives 0 */
            if (type == 0)
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
        return;
    }
    t->fl_read |= FL_C; /* a shift by 0 keeps C */
    tr_get_reg(t, ZYDIS_REGISTER_ESI, rm);
    tr_get_reg(t, ZYDIS_REGISTER_EDX, bits(i, 11, 8));
    X(b, MOV, R32(ECX), ximm(type | (set_carry ? 4 : 0)));
    tr_call(t, (const void *)helper_shift_reg);
    X(b, MOV, R32(ECX), R32(EAX));
}

enum dp_op { AND, EOR, SUB, RSB, ADD, ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, MOV, BIC, MVN };

bool tr_dataproc(struct tr *t)
{
    uint32_t i = t->insn;
    struct xbuf *b = t->b;
    enum dp_op op = (enum dp_op)bits(i, 24, 21);
    bool s = bit(i, 20);
    unsigned rn = bits(i, 19, 16), rd = bits(i, 15, 12);
    bool logical = op == AND || op == EOR || op == TST || op == TEQ || op == ORR || op == MOV ||
                   op == BIC || op == MVN;
    bool test_only = op >= TST && op <= CMN;
    if (test_only && !s)
        return false; /* those encodings are the misc space, handled elsewhere */
    if (s && rd == 15 && !test_only)
        return false; /* SUBS pc, lr: exception return, not available in user mode */

    xop op2 = operand2_op(t, s && logical);
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
    if (op == RSB || op == RSC || op == BIC || op == MOV || op == MVN) {
        /* these need operand 2 in a register of their own */
        if (!(op2.type == ZYDIS_OPERAND_TYPE_REGISTER && op2.reg.value == ZYDIS_REGISTER_ECX))
            x_emit(b, ZYDIS_MNEMONIC_MOV, (xop[]){R32(ECX), op2}, 2);
        op2 = R32(ECX);
    }
    /* In place: "rn op= op2" on the guest register itself (or a compare of
     * it) when x86 can take both operands, saving the moves through eax. */
    if (rn != 15 && (rd == rn || op == TST || op == CMP) &&
        !(GREG(rn).type == ZYDIS_OPERAND_TYPE_MEMORY && op2.type == ZYDIS_OPERAND_TYPE_MEMORY)) {
        static const ZydisMnemonic in_place[16] = {
            [AND] = ZYDIS_MNEMONIC_AND, [EOR] = ZYDIS_MNEMONIC_XOR, [SUB] = ZYDIS_MNEMONIC_SUB,
            [ADD] = ZYDIS_MNEMONIC_ADD, [ADC] = ZYDIS_MNEMONIC_ADC, [SBC] = ZYDIS_MNEMONIC_SBB,
            [TST] = ZYDIS_MNEMONIC_TEST, [CMP] = ZYDIS_MNEMONIC_CMP, [ORR] = ZYDIS_MNEMONIC_OR,
        };
        ZydisMnemonic m = in_place[op];
        if (m != ZYDIS_MNEMONIC_INVALID && (rd != 15 || op == TST || op == CMP)) {
            if (op == ADC)
                tr_cf_from_c(t);
            else if (op == SBC)
                tr_cf_from_not_c(t);
            if (op == TST && op2.type == ZYDIS_OPERAND_TYPE_MEMORY)
                x_emit(b, m, (xop[]){op2, GREG(rn)}, 2); /* only TEST r/m32, r32 exists */
            else
                x_emit(b, m, (xop[]){GREG(rn), op2}, 2);
            if (s) {
                if (logical)
                    tr_flags_nz(t);
                else if (op == SUB || op == CMP || op == SBC)
                    tr_flags_nzcv_sub(t);
                else
                    tr_flags_nzcv_add(t);
                t->hf_kind = logical ? HF_LOGIC : (op == SUB || op == CMP || op == SBC) ? HF_SUB : HF_ADD;
                t->hf_end = x_pos(b);
            }
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

    if (s) {
        if (logical)
            tr_flags_nz(t);
        else if (op == SUB || op == CMP || op == RSB || op == SBC || op == RSC)
            tr_flags_nzcv_sub(t);
        else
            tr_flags_nzcv_add(t);
    }
    if (s) {
        t->hf_kind = logical ? HF_LOGIC
                     : (op == SUB || op == CMP || op == RSB || op == SBC || op == RSC) ? HF_SUB
                                                                                      : HF_ADD;
        t->hf_end = x_pos(b);
    }
    if (test_only)
        return true;
    if (rd == 15) {
        /* ARMv7 ALUWritePC: in ARM state an interworking branch (A2.3.2). */
        tr_branch_indirect_eax(t);
        return true;
    }
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    if (t->hf_kind)
        t->hf_end = x_pos(b); /* a MOV leaves the flags alone */
    return true;
}
