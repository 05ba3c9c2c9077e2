/* Semantic functions of the rest of the user-mode system instructions (ARM ARM
 * A5.2.9-A5.2.12, A5.6, A5.7.1; T16 A6.2.5, A6.2.7): status register access
 * (MRS, MSR APSR), MOVW/MOVT, CLZ, hints and barriers, CLREX, SVC, BKPT, and
 * the coprocessor registers a Linux user program may use (TPIDRURW,
 * TPIDRURO: the TLS pointers). The table makes every form that names the PC
 * UNPREDICTABLE and leaves the privileged fields of MSR undecoded. */
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "trans_gen.h"

/* MSR APSR_<fields>: value in eax. mask bit 3 (nzcvq): NZCVQ; bit 2 (g): GE. */
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

/* MRS<c> <Rd>, APSR (A8.8.109): N Z C V Q, GE, and the user mode bits (0x10),
 * as qemu-arm reads it (the execution-state bits read as zero). */
bool trans_MRS(struct tr *t, const struct arg_d *a)
{
    struct xbuf *b = t->b;
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
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* MSR<c> APSR_<spec_reg>, <Rn> (A8.8.112) */
bool trans_MSR_r(struct tr *t, const struct arg_msr_r *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rn);
    write_apsr(t, (unsigned)a->mask);
    return true;
}

/* MSR<c> APSR_<spec_reg>, #<const> (A8.8.111) */
bool trans_MSR_i(struct tr *t, const struct arg_msr_i *a)
{
    unsigned rot = 2 * (unsigned)a->rot;
    uint32_t v = (uint32_t)a->imm;
    v = rot ? (v >> rot) | (v << (32 - rot)) : v;
    X(t->b, MOV, R32(EAX), ximm(v));
    write_apsr(t, (unsigned)a->mask);
    return true;
}

/* CLZ<c> <Rd>, <Rm> (A8.8.33) */
bool trans_CLZ(struct tr *t, const struct arg_rr *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_ECX, (unsigned)a->rm);
    X(b, MOV, R32(EAX), ximm(32));
    X(b, TEST, R32(ECX), R32(ECX));
    size_t zero = x_jcc_fwd(b, XCC_E);
    X(b, BSR, R32(EAX), R32(ECX));
    X(b, XOR, R32(EAX), ximm(31));
    x_bind(b, zero);
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* MOVW<c> <Rd>, #<imm16> (A8.8.102, encoding A2) */
bool trans_MOVW(struct tr *t, const struct arg_ri *a)
{
    X(t->b, MOV, GREG((unsigned)a->rd), ximm((uint32_t)a->imm));
    return true;
}

/* MOVT<c> <Rd>, #<imm16> (A8.8.106): keeps the low halfword */
bool trans_MOVT(struct tr *t, const struct arg_ri *a)
{
    struct xbuf *b = t->b;
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rd);
    X(b, AND, R32(EAX), ximm(0xffff));
    X(b, OR, R32(EAX), ximm((uint32_t)a->imm << 16));
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* SVC<c> #<imm24> (A8.8.228); T16 SVC #<imm8>: the syscall runs in the
 * dispatcher, which finds the PC at the next instruction. */
bool trans_SVC(struct tr *t, const struct arg_empty *a)
{
    (void)a;
    tr_exit_reason(t, t->pc + t->d->len, EXIT_SVC);
    return true;
}

/* BKPT #<imm16> (A8.8.24); T16 BKPT #<imm8>: SIGTRAP for the guest, at the
 * BKPT (it does not retire). */
bool trans_BKPT(struct tr *t, const struct arg_empty *a)
{
    (void)a;
    tr_exit_reason(t, t->pc, EXIT_BKPT);
    return true;
}

/* The UDF encodings the Linux kernel takes as breakpoints (its
 * BREAKINST_ARM 0xe7f001f0, BREAKINST_THUMB 0xde01 and the Thumb-2
 * 0xf7f0a000): SIGTRAP instead of SIGILL, as qemu-arm's user mode does. Not
 * BKPT for the IT rules: a UDF inside an IT block is conditional. */
bool trans_UDF_BKPT(struct tr *t, const struct arg_empty *a)
{
    (void)a;
    tr_exit_reason(t, t->pc, EXIT_BKPT);
    return true;
}

/* NOP<c>, YIELD<c>, WFE<c>, WFI<c>, SEV<c>, DBG<c> #<option> (A8.8.119 ...):
 * nothing to do for one user thread. */
bool trans_HINT(struct tr *t, const struct arg_empty *a)
{
    (void)t, (void)a;
    return true;
}

/* MCR p15, 0, <Rt>, c7, c10, 5 / c7, c10, 4 / c7, c5, 4: the ARMv6 CP15
 * forms of DMB, DSB and ISB, allowed in user mode. One thread, and host
 * stores are in order: nothing to do. */
bool trans_CP15_BARRIER(struct tr *t, const struct arg_empty *a)
{
    (void)t, (void)a;
    return true;
}

/* DMB #<option>, DSB #<option>, ISB #<option> (A8.8.43, A8.8.44, A8.8.54):
 * nothing to do, as for CP15_BARRIER. */
bool trans_BARRIER(struct tr *t, const struct arg_empty *a)
{
    (void)t, (void)a;
    return true;
}

/* CLREX (A8.8.32): the exclusive monitor forgets its address. */
bool trans_CLREX(struct tr *t, const struct arg_empty *a)
{
    (void)a;
    tr_call(t, (const void *)helper_clrex);
    return true;
}

/* MCR<c> p15, 0, <Rt>, c13, c0, 2 (A8.8.107, B4.1.150): TPIDRURW, free for
 * user code to write. */
bool trans_MCR_TPIDRURW(struct tr *t, const struct arg_d *a)
{
    tr_get_reg(t, ZYDIS_REGISTER_EAX, (unsigned)a->rd);
    X(t->b, MOV, CPUF(tpidrurw, 4), R32(EAX));
    return true;
}

/* MRC<c> p15, 0, <Rt>, c13, c0, 2 (A8.8.108): reads TPIDRURW. */
bool trans_MRC_TPIDRURW(struct tr *t, const struct arg_d *a)
{
    X(t->b, MOV, R32(EAX), CPUF(tpidrurw, 4));
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    return true;
}

/* MRC<c> p15, 0, <Rt>, c13, c0, 3 (A8.8.108, B4.1.151): reads TPIDRURO, the
 * user read-only TLS register (set through the set_tls private syscall). */
bool trans_MRC_TPIDRURO(struct tr *t, const struct arg_d *a)
{
    X(t->b, MOV, R32(EAX), CPUF(tpidruro, 4));
    tr_set_reg(t, (unsigned)a->rd, ZYDIS_REGISTER_EAX);
    return true;
}
