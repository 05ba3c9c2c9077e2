/* The reference executor of the helper-called A32 instructions (dsp_ops.h):
 * from an instruction arm_decode decoded, calls its helper on cpu->r[] the
 * way its DSP_TRANS_OPS shape says. The translator emits the same calls
 * (trans_dsp.c); the unit tests run qemu-arm's golden vectors through this.
 * It never decodes: every operand comes from the decoded arguments. */
#include "translator/dsp_ops.h"

#include "arm/cpu.h"
#include "arm/decode.h"

static uint32_t ror32(uint32_t x, unsigned r)
{
    r &= 31;
    return r ? (x >> r) | (x << (32 - r)) : x;
}

static bool run_nm(struct arm_cpu *c, const struct arg_rrr *a, dsp_fn_nm fn)
{
    c->r[a->rd] = fn(c, c->r[a->rn], c->r[a->rm]);
    return true;
}

static bool run_rm(struct arm_cpu *c, const struct arg_rr *a, dsp_fn_nm fn)
{
    c->r[a->rd] = fn(c, c->r[a->rm], c->r[a->rm]);
    return true;
}

static bool run_nma(struct arm_cpu *c, const struct arg_rrrr *a, dsp_fn_nma fn)
{
    c->r[a->rd] = fn(c, c->r[a->rn], c->r[a->rm], c->r[a->ra]);
    return true;
}

static bool run_lohi_regs(struct arm_cpu *c, int rdlo, int rdhi, int rn, int rm, dsp_fn_lohi fn)
{
    uint64_t acc = (uint64_t)c->r[rdhi] << 32 | c->r[rdlo];
    uint64_t res = fn(c, c->r[rn], c->r[rm], acc);
    c->r[rdlo] = (uint32_t)res;
    c->r[rdhi] = (uint32_t)(res >> 32);
    return true;
}

static bool run_lohi(struct arm_cpu *c, const struct arg_lohi *a, dsp_fn_lohi fn)
{
    return run_lohi_regs(c, a->rdlo, a->rdhi, a->rn, a->rm, fn);
}

static bool run_sat(struct arm_cpu *c, const struct arg_sat *a, dsp_fn_sat fn)
{
    c->r[a->rd] = fn(c, c->r[a->rn], DSP_SAT_IMM(a->satimm, a->imm5, a->sh));
    return true;
}

static bool run_rot(struct arm_cpu *c, const struct arg_rrr_rot *a, dsp_fn_nm fn)
{
    uint32_t n = a->rn == 15 ? 0 : c->r[a->rn];
    c->r[a->rd] = fn(c, n, ror32(c->r[a->rm], 8u * (unsigned)a->rot));
    return true;
}

static bool run_imm(struct arm_cpu *c, const struct arg_rrr_imm *a, dsp_fn_nm_imm fn)
{
    c->r[a->rd] = fn(c, c->r[a->rn], c->r[a->rm], (uint32_t)a->imm);
    return true;
}

/* The argument set of each shape (the union member of struct isa_insn). */
#define ARGS_NM rrr
#define ARGS_RM rr
#define ARGS_NMA rrrr
#define ARGS_LOHI lohi
#define ARGS_SAT sat
#define ARGS_ROT rrr_rot
#define ARGS_IMM rrr_imm
#define RUN_NM run_nm
#define RUN_RM run_rm
#define RUN_NMA run_nma
#define RUN_LOHI run_lohi
#define RUN_SAT run_sat
#define RUN_ROT run_rot
#define RUN_IMM run_imm
#define ARGS(shape) ARGS_##shape
#define RUN(shape) RUN_##shape
#define X_ARGS(d, shape) (&(d)->a.ARGS(shape))

bool dsp_execute(struct arm_cpu *cpu, const struct isa_insn *d)
{
    switch (d->op) {
#define EXEC(op, shape, fn) \
    case ISA_OP_##op: return RUN(shape)(cpu, X_ARGS(d, shape), dsp_##fn);
        DSP_TRANS_OPS(EXEC)
#undef EXEC
    case ISA_OP_UMAAL: /* &s_rrrr: RdHi in rd, RdLo in ra */
        return run_lohi_regs(cpu, d->a.s_rrrr.ra, d->a.s_rrrr.rd, d->a.s_rrrr.rn, d->a.s_rrrr.rm, dsp_umaal);
    default:
        return false;
    }
}

const void *dsp_helper_of(const struct isa_insn *d)
{
    switch (d->op) {
#define HELPER(op, shape, fn) \
    case ISA_OP_##op: return (const void *)dsp_##fn;
        DSP_TRANS_OPS(HELPER)
#undef HELPER
    case ISA_OP_UMAAL: return (const void *)dsp_umaal;
    default: return NULL;
    }
}
