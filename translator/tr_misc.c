/* The rest of A32: status register access (MRS, MSR APSR), MOVW/MOVT, CLZ,
 * hints and barriers, CLREX, SVC, BKPT, and the one coprocessor register a
 * Linux user program may read (TPIDRURO, the TLS pointer). */
#include "translator/dsp_ops.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"

/* MSR APSR_<fields>: value in eax. mask bit 3 (f): NZCVQ; bit 2 (s): GE. */
static void write_apsr(struct tr *t, unsigned mask)
{
    struct xbuf *b = t->b;
    if (mask & 8) {
        static const struct { size_t off; unsigned bit; } f[] = {
            {offsetof(struct arm_cpu, n), 31}, {offsetof(struct arm_cpu, z), 30},
            {offsetof(struct arm_cpu, c), 29}, {offsetof(struct arm_cpu, v), 28},
            {offsetof(struct arm_cpu, q), 27},
        };
        for (unsigned k = 0; k < 5; k++) {
            X(b, BT, R32(EAX), ximm(f[k].bit));
            X(b, SETB, xmem(ZYDIS_REGISTER_RBX, (int32_t)f[k].off, 1));
        }
    }
    if (mask & 4) {
        X(b, MOV, R32(ECX), R32(EAX));
        X(b, SHR, R32(ECX), ximm(16));
        X(b, AND, R32(ECX), ximm(15));
        X(b, MOV, CPUF(ge, 1), R32(CL));
    }
}

/* MRS Rd, APSR: N Z C V Q, GE, and the user mode bits (0x10), as qemu-arm
 * reads it (the execution-state bits read as zero). */
static void read_apsr(struct tr *t, unsigned rd)
{
    struct xbuf *b = t->b;
    t->fl_read |= FL_ALL;
    X(b, MOVZX, R32(EAX), CPUF(n, 1));
    X(b, SHL, R32(EAX), ximm(31));
    static const struct { size_t off; unsigned bit; } f[] = {
        {offsetof(struct arm_cpu, z), 30}, {offsetof(struct arm_cpu, c), 29},
        {offsetof(struct arm_cpu, v), 28}, {offsetof(struct arm_cpu, q), 27},
        {offsetof(struct arm_cpu, ge), 16},
    };
    for (unsigned k = 0; k < 5; k++) {
        X(b, MOVZX, R32(ECX), xmem(ZYDIS_REGISTER_RBX, (int32_t)f[k].off, 1));
        X(b, SHL, R32(ECX), ximm(f[k].bit));
        X(b, OR, R32(EAX), R32(ECX));
    }
    X(b, OR, R32(EAX), ximm(0x10));
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
}

static bool clz(struct tr *t)
{
    unsigned rd = bits(t->insn, 15, 12), rm = bits(t->insn, 3, 0);
    if (rd == 15 || rm == 15)
        return false;
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ECX, rm);
    X(b, MOV, R32(EAX), ximm(32));
    X(b, TEST, R32(ECX), R32(ECX));
    size_t zero = x_jcc_fwd(b, XCC_E);
    X(b, BSR, R32(EAX), R32(ECX));
    X(b, XOR, R32(EAX), ximm(31));
    x_bind(b, zero);
    tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* cond = 1111 space: barriers, CLREX (A5.7.1). */
static bool unconditional(struct tr *t)
{
    uint32_t i = t->insn;
    if (i == 0xf57ff01fu) {
        tr_call(t, (const void *)helper_clrex);
        return true;
    }
    /* DSB, DMB, ISB: one thread and in-order host stores: nothing to do. */
    if ((i & 0xfffffff0u) == 0xf57ff040u || (i & 0xfffffff0u) == 0xf57ff050u ||
        (i & 0xfffffff0u) == 0xf57ff060u)
        return true;
    return false;
}

bool tr_misc(struct tr *t)
{
    uint32_t i = t->insn;
    struct xbuf *b = t->b;
    if (bits(i, 31, 28) == 0xf)
        return unconditional(t);
    unsigned op1 = bits(i, 27, 25);
    if (op1 == 1) {
        unsigned rd = bits(i, 15, 12);
        uint32_t imm16 = (bits(i, 19, 16) << 12) | bits(i, 11, 0);
        switch (bits(i, 22, 20)) {
        case 0: /* MOVW */
            if (rd == 15)
                return false;
            X(b, MOV, GREG(rd), ximm(imm16));
            return true;
        case 4: /* MOVT: keeps the low halfword */
            if (rd == 15)
                return false;
            tr_get_reg(t, ZYDIS_REGISTER_EAX, rd);
            X(b, AND, R32(EAX), ximm(0xffff));
            X(b, OR, R32(EAX), ximm(imm16 << 16));
            tr_set_reg(t, rd, ZYDIS_REGISTER_EAX);
            return true;
        case 2: { /* MSR immediate; mask 0 is the hint space (NOP, YIELD, WFE, WFI, SEV) */
            unsigned mask = bits(i, 19, 16);
            if (mask == 0) /* NOP YIELD WFE WFI SEV, and DBG #n (0xf0-0xff) */
                return bits(i, 7, 0) <= 4 || bits(i, 7, 4) == 0xf;
            if (mask & 3)
                return false; /* control/extension fields: privileged */
            unsigned rot = 2 * bits(i, 11, 8);
            uint32_t v = bits(i, 7, 0);
            v = rot ? (v >> rot) | (v << (32 - rot)) : v;
            X(b, MOV, R32(EAX), ximm(v));
            write_apsr(t, mask);
            return true;
        }
        default:
            return false;
        }
    }
    if (op1 == 0) {
        /* miscellaneous instructions (A5.2.12): op = bits 22:21, op2 = bits 6:4 */
        unsigned op = bits(i, 22, 21), op2 = bits(i, 6, 4);
        switch (op2) {
        case 0:
            if (op == 0) { /* MRS Rd, APSR */
                if (bits(i, 15, 12) == 15)
                    return false;
                read_apsr(t, bits(i, 15, 12));
                return true;
            }
            if (op == 1) { /* MSR APSR_<fields>, Rn */
                unsigned mask = bits(i, 19, 16);
                if ((mask & 3) || mask == 0 || bits(i, 3, 0) == 15)
                    return false;
                tr_get_reg(t, ZYDIS_REGISTER_EAX, bits(i, 3, 0));
                write_apsr(t, mask);
                return true;
            }
            return false;
        case 1:
            if (op == 3)
                return clz(t);
            return false; /* BX is a branch */
        case 5: { /* QADD, QSUB, QDADD, QDSUB */
            struct dsp_insn d;
            if (!dsp_decode(0, i, &d))
                return false;
            return tr_media(t);
        }
        case 7:
            if (op == 1) { /* BKPT: SIGTRAP for the guest */
                tr_exit_reason(t, t->pc, EXIT_BKPT);
                return true;
            }
            return false;
        default:
            return false;
        }
    }
    if (bits(i, 27, 24) == 0xf) { /* SVC: the syscall runs in the dispatcher */
        tr_exit_reason(t, t->pc + 4, EXIT_SVC);
        return true;
    }
    /* MCR p15, 0, Rt, c7, c10, 5 / c7, c10, 4 / c7, c5, 4: the ARMv6 CP15
     * forms of DMB, DSB and ISB, still allowed in user mode: nothing to do. */
    if ((i & 0x0fff0fffu) == 0x0e070fbau || (i & 0x0fff0fffu) == 0x0e070f9au ||
        (i & 0x0fff0fffu) == 0x0e070f95u)
        return true;
    /* MRC/MCR p15, 0, Rt, c13, c0, 2: TPIDRURW, free for user code to use */
    if ((i & 0x0fef0fffu) == 0x0e0d0f50u && bits(i, 15, 12) != 15) {
        if (bit(i, 20)) {
            X(b, MOV, R32(EAX), CPUF(tpidrurw, 4));
            tr_set_reg(t, bits(i, 15, 12), ZYDIS_REGISTER_EAX);
        } else {
            tr_get_reg(t, ZYDIS_REGISTER_EAX, bits(i, 15, 12));
            X(b, MOV, CPUF(tpidrurw, 4), R32(EAX));
        }
        return true;
    }
    /* MRC p15, 0, Rt, c13, c0, 3: TPIDRURO, the user read-only TLS register */
    if ((i & 0x0fff0fffu) == 0x0e1d0f70u) {
        unsigned rt = bits(i, 15, 12);
        if (rt == 15)
            return false;
        X(b, MOV, R32(EAX), CPUF(tpidruro, 4));
        tr_set_reg(t, rt, ZYDIS_REGISTER_EAX);
        return true;
    }
    return false;
}
