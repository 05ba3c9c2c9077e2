/* The decode table of the DSP / saturating / SIMD-media A32 instructions: one
 * line per instruction gives its Capstone id, call shape, helper, flags and
 * its A1 encoding as a bit pattern (ARM ARM A8.8). dsp_decode() takes every
 * register number and immediate from the encoding through that pattern; the
 * Capstone id only selects the line. This file is the single list of these
 * instructions: tests and random generators read it through dsp_table_entry().
 * It must never emit code or look at Capstone operands. */
#include <capstone/capstone.h>
#include <string.h>

#include "arm/cpu.h"
#include "translator/dsp_ops.h"

struct dsp_entry {
    unsigned cs_id;
    enum dsp_shape shape;
    void *fn;
    uint8_t flags;
    const char *name;
    /* 32 bit characters, MSB first, spaces ignored: '0'/'1' fixed (including
     * the should-be-one/zero bits), 'c' cond, 'n' Rn, 'm' Rm, 'd' Rd or RdLo,
     * 'h' RdHi, 'a' Ra, 's' sat_imm, 'i' imm5, 'S' shift type, 'r' rotate. */
    const char *pattern;
};

#define Q DSP_WRITES_Q
#define GE DSP_WRITES_GE
#define RGE DSP_READS_GE
/* E: helper dsp_<name>; EN: explicit name when the helper is shared. */
#define E(id, shape, name, flags, pat) {ARM_INS_##id, shape, (void *)dsp_##name, flags, #name, pat}
#define EN(id, name, shape, fn, flags, pat) {ARM_INS_##id, shape, (void *)dsp_##fn, flags, name, pat}

static const struct dsp_entry table[] = {
    /* Parallel add/subtract (A5.4.1): cccc 0110 0 op1 Rn Rd 1111 op2 1 Rm. */
    E(SADD16, DSP_RD_NM, sadd16, GE, "cccc 0110 0001 nnnn dddd 1111 0001 mmmm"),
    E(SASX, DSP_RD_NM, sasx, GE, "cccc 0110 0001 nnnn dddd 1111 0011 mmmm"),
    E(SSAX, DSP_RD_NM, ssax, GE, "cccc 0110 0001 nnnn dddd 1111 0101 mmmm"),
    E(SSUB16, DSP_RD_NM, ssub16, GE, "cccc 0110 0001 nnnn dddd 1111 0111 mmmm"),
    E(SADD8, DSP_RD_NM, sadd8, GE, "cccc 0110 0001 nnnn dddd 1111 1001 mmmm"),
    E(SSUB8, DSP_RD_NM, ssub8, GE, "cccc 0110 0001 nnnn dddd 1111 1111 mmmm"),
    E(QADD16, DSP_RD_NM, qadd16, 0, "cccc 0110 0010 nnnn dddd 1111 0001 mmmm"),
    E(QASX, DSP_RD_NM, qasx, 0, "cccc 0110 0010 nnnn dddd 1111 0011 mmmm"),
    E(QSAX, DSP_RD_NM, qsax, 0, "cccc 0110 0010 nnnn dddd 1111 0101 mmmm"),
    E(QSUB16, DSP_RD_NM, qsub16, 0, "cccc 0110 0010 nnnn dddd 1111 0111 mmmm"),
    E(QADD8, DSP_RD_NM, qadd8, 0, "cccc 0110 0010 nnnn dddd 1111 1001 mmmm"),
    E(QSUB8, DSP_RD_NM, qsub8, 0, "cccc 0110 0010 nnnn dddd 1111 1111 mmmm"),
    E(SHADD16, DSP_RD_NM, shadd16, 0, "cccc 0110 0011 nnnn dddd 1111 0001 mmmm"),
    E(SHASX, DSP_RD_NM, shasx, 0, "cccc 0110 0011 nnnn dddd 1111 0011 mmmm"),
    E(SHSAX, DSP_RD_NM, shsax, 0, "cccc 0110 0011 nnnn dddd 1111 0101 mmmm"),
    E(SHSUB16, DSP_RD_NM, shsub16, 0, "cccc 0110 0011 nnnn dddd 1111 0111 mmmm"),
    E(SHADD8, DSP_RD_NM, shadd8, 0, "cccc 0110 0011 nnnn dddd 1111 1001 mmmm"),
    E(SHSUB8, DSP_RD_NM, shsub8, 0, "cccc 0110 0011 nnnn dddd 1111 1111 mmmm"),
    E(UADD16, DSP_RD_NM, uadd16, GE, "cccc 0110 0101 nnnn dddd 1111 0001 mmmm"),
    E(UASX, DSP_RD_NM, uasx, GE, "cccc 0110 0101 nnnn dddd 1111 0011 mmmm"),
    E(USAX, DSP_RD_NM, usax, GE, "cccc 0110 0101 nnnn dddd 1111 0101 mmmm"),
    E(USUB16, DSP_RD_NM, usub16, GE, "cccc 0110 0101 nnnn dddd 1111 0111 mmmm"),
    E(UADD8, DSP_RD_NM, uadd8, GE, "cccc 0110 0101 nnnn dddd 1111 1001 mmmm"),
    E(USUB8, DSP_RD_NM, usub8, GE, "cccc 0110 0101 nnnn dddd 1111 1111 mmmm"),
    E(UQADD16, DSP_RD_NM, uqadd16, 0, "cccc 0110 0110 nnnn dddd 1111 0001 mmmm"),
    E(UQASX, DSP_RD_NM, uqasx, 0, "cccc 0110 0110 nnnn dddd 1111 0011 mmmm"),
    E(UQSAX, DSP_RD_NM, uqsax, 0, "cccc 0110 0110 nnnn dddd 1111 0101 mmmm"),
    E(UQSUB16, DSP_RD_NM, uqsub16, 0, "cccc 0110 0110 nnnn dddd 1111 0111 mmmm"),
    E(UQADD8, DSP_RD_NM, uqadd8, 0, "cccc 0110 0110 nnnn dddd 1111 1001 mmmm"),
    E(UQSUB8, DSP_RD_NM, uqsub8, 0, "cccc 0110 0110 nnnn dddd 1111 1111 mmmm"),
    E(UHADD16, DSP_RD_NM, uhadd16, 0, "cccc 0110 0111 nnnn dddd 1111 0001 mmmm"),
    E(UHASX, DSP_RD_NM, uhasx, 0, "cccc 0110 0111 nnnn dddd 1111 0011 mmmm"),
    E(UHSAX, DSP_RD_NM, uhsax, 0, "cccc 0110 0111 nnnn dddd 1111 0101 mmmm"),
    E(UHSUB16, DSP_RD_NM, uhsub16, 0, "cccc 0110 0111 nnnn dddd 1111 0111 mmmm"),
    E(UHADD8, DSP_RD_NM, uhadd8, 0, "cccc 0110 0111 nnnn dddd 1111 1001 mmmm"),
    E(UHSUB8, DSP_RD_NM, uhsub8, 0, "cccc 0110 0111 nnnn dddd 1111 1111 mmmm"),
    E(SEL, DSP_RD_NM, sel, RGE, "cccc 0110 1000 nnnn dddd 1111 1011 mmmm"),
    E(USAD8, DSP_RD_NM, usad8, 0, "cccc 0111 1000 dddd 1111 mmmm 0001 nnnn"),
    E(USADA8, DSP_RD_NMA, usada8, 0, "cccc 0111 1000 dddd aaaa mmmm 0001 nnnn"),

    /* Saturating add/subtract (A5.2.6): QADD Rd, Rm, Rn. */
    E(QADD, DSP_RD_NM, qadd, Q, "cccc 0001 0000 nnnn dddd 0000 0101 mmmm"),
    E(QSUB, DSP_RD_NM, qsub, Q, "cccc 0001 0010 nnnn dddd 0000 0101 mmmm"),
    E(QDADD, DSP_RD_NM, qdadd, Q, "cccc 0001 0100 nnnn dddd 0000 0101 mmmm"),
    E(QDSUB, DSP_RD_NM, qdsub, Q, "cccc 0001 0110 nnnn dddd 0000 0101 mmmm"),
    /* Saturate (A5.4.3). */
    E(SSAT, DSP_RD_SAT, ssat, Q, "cccc 0110 101s ssss dddd iiii iS01 nnnn"),
    E(USAT, DSP_RD_SAT, usat, Q, "cccc 0110 111s ssss dddd iiii iS01 nnnn"),
    E(SSAT16, DSP_RD_SAT, ssat16, Q, "cccc 0110 1010 ssss dddd 1111 0011 nnnn"),
    E(USAT16, DSP_RD_SAT, usat16, Q, "cccc 0110 1110 ssss dddd 1111 0011 nnnn"),

    /* Halfword multiplies (A5.2.7): Rd 19:16, Ra 15:12, Rm 11:8, 1 M N 0, Rn 3:0. */
    E(SMLABB, DSP_RD_NMA, smlabb, Q, "cccc 0001 0000 dddd aaaa mmmm 1000 nnnn"),
    E(SMLATB, DSP_RD_NMA, smlatb, Q, "cccc 0001 0000 dddd aaaa mmmm 1010 nnnn"),
    E(SMLABT, DSP_RD_NMA, smlabt, Q, "cccc 0001 0000 dddd aaaa mmmm 1100 nnnn"),
    E(SMLATT, DSP_RD_NMA, smlatt, Q, "cccc 0001 0000 dddd aaaa mmmm 1110 nnnn"),
    E(SMLAWB, DSP_RD_NMA, smlawb, Q, "cccc 0001 0010 dddd aaaa mmmm 1000 nnnn"),
    E(SMLAWT, DSP_RD_NMA, smlawt, Q, "cccc 0001 0010 dddd aaaa mmmm 1100 nnnn"),
    E(SMULWB, DSP_RD_NM, smulwb, 0, "cccc 0001 0010 dddd 0000 mmmm 1010 nnnn"),
    E(SMULWT, DSP_RD_NM, smulwt, 0, "cccc 0001 0010 dddd 0000 mmmm 1110 nnnn"),
    E(SMLALBB, DSP_RDLOHI_NM, smlalbb, 0, "cccc 0001 0100 hhhh dddd mmmm 1000 nnnn"),
    E(SMLALTB, DSP_RDLOHI_NM, smlaltb, 0, "cccc 0001 0100 hhhh dddd mmmm 1010 nnnn"),
    E(SMLALBT, DSP_RDLOHI_NM, smlalbt, 0, "cccc 0001 0100 hhhh dddd mmmm 1100 nnnn"),
    E(SMLALTT, DSP_RDLOHI_NM, smlaltt, 0, "cccc 0001 0100 hhhh dddd mmmm 1110 nnnn"),
    E(SMULBB, DSP_RD_NM, smulbb, 0, "cccc 0001 0110 dddd 0000 mmmm 1000 nnnn"),
    E(SMULTB, DSP_RD_NM, smultb, 0, "cccc 0001 0110 dddd 0000 mmmm 1010 nnnn"),
    E(SMULBT, DSP_RD_NM, smulbt, 0, "cccc 0001 0110 dddd 0000 mmmm 1100 nnnn"),
    E(SMULTT, DSP_RD_NM, smultt, 0, "cccc 0001 0110 dddd 0000 mmmm 1110 nnnn"),

    /* Signed multiplies, ARMv6 (A5.4.4): Rd 19:16, Ra 15:12 (1111: no Ra), Rm 11:8. */
    E(SMLAD, DSP_RD_NMA, smlad, Q, "cccc 0111 0000 dddd aaaa mmmm 0001 nnnn"),
    E(SMLADX, DSP_RD_NMA, smladx, Q, "cccc 0111 0000 dddd aaaa mmmm 0011 nnnn"),
    E(SMUAD, DSP_RD_NM, smuad, Q, "cccc 0111 0000 dddd 1111 mmmm 0001 nnnn"),
    E(SMUADX, DSP_RD_NM, smuadx, Q, "cccc 0111 0000 dddd 1111 mmmm 0011 nnnn"),
    E(SMLSD, DSP_RD_NMA, smlsd, Q, "cccc 0111 0000 dddd aaaa mmmm 0101 nnnn"),
    E(SMLSDX, DSP_RD_NMA, smlsdx, Q, "cccc 0111 0000 dddd aaaa mmmm 0111 nnnn"),
    E(SMUSD, DSP_RD_NM, smusd, 0, "cccc 0111 0000 dddd 1111 mmmm 0101 nnnn"),
    E(SMUSDX, DSP_RD_NM, smusdx, 0, "cccc 0111 0000 dddd 1111 mmmm 0111 nnnn"),
    E(SMLALD, DSP_RDLOHI_NM, smlald, 0, "cccc 0111 0100 hhhh dddd mmmm 0001 nnnn"),
    E(SMLALDX, DSP_RDLOHI_NM, smlaldx, 0, "cccc 0111 0100 hhhh dddd mmmm 0011 nnnn"),
    E(SMLSLD, DSP_RDLOHI_NM, smlsld, 0, "cccc 0111 0100 hhhh dddd mmmm 0101 nnnn"),
    E(SMLSLDX, DSP_RDLOHI_NM, smlsldx, 0, "cccc 0111 0100 hhhh dddd mmmm 0111 nnnn"),
    E(SMMLA, DSP_RD_NMA, smmla, 0, "cccc 0111 0101 dddd aaaa mmmm 0001 nnnn"),
    E(SMMLAR, DSP_RD_NMA, smmlar, 0, "cccc 0111 0101 dddd aaaa mmmm 0011 nnnn"),
    E(SMMUL, DSP_RD_NM, smmul, 0, "cccc 0111 0101 dddd 1111 mmmm 0001 nnnn"),
    E(SMMULR, DSP_RD_NM, smmulr, 0, "cccc 0111 0101 dddd 1111 mmmm 0011 nnnn"),
    E(SMMLS, DSP_RD_NMA, smmls, 0, "cccc 0111 0101 dddd aaaa mmmm 1101 nnnn"),
    E(SMMLSR, DSP_RD_NMA, smmlsr, 0, "cccc 0111 0101 dddd aaaa mmmm 1111 nnnn"),
    E(UMAAL, DSP_RDLOHI_NM, umaal, 0, "cccc 0000 0100 hhhh dddd mmmm 1001 nnnn"),

    /* Packing, extension, reversal (A5.4.3). */
    E(PKHBT, DSP_RD_NM_IMM, pkhbt, 0, "cccc 0110 1000 nnnn dddd iiii i001 mmmm"),
    E(PKHTB, DSP_RD_NM_IMM, pkhtb, 0, "cccc 0110 1000 nnnn dddd iiii i101 mmmm"),
    E(SXTAB16, DSP_RD_NM_ROT, sxtab16, 0, "cccc 0110 1000 nnnn dddd rr00 0111 mmmm"),
    EN(SXTB16, "sxtb16", DSP_RD_NM_ROT, sxtab16, 0, "cccc 0110 1000 1111 dddd rr00 0111 mmmm"),
    E(UXTAB16, DSP_RD_NM_ROT, uxtab16, 0, "cccc 0110 1100 nnnn dddd rr00 0111 mmmm"),
    EN(UXTB16, "uxtb16", DSP_RD_NM_ROT, uxtab16, 0, "cccc 0110 1100 1111 dddd rr00 0111 mmmm"),
    E(RBIT, DSP_RD_NM_ROT, rbit, 0, "cccc 0110 1111 1111 dddd 1111 0011 mmmm"),
};

#define TABLE_SIZE (sizeof table / sizeof table[0])

/* The bits of insn under the pattern letter `letter`, MSB first, packed;
 * *present tells whether the letter occurs. Also computes mask/value of the
 * fixed bits when letter is 0. */
static uint32_t field(const char *pat, uint32_t insn, char letter, bool *present)
{
    uint32_t v = 0;
    int bit = 31;
    *present = false;
    for (const char *p = pat; *p && bit >= 0; p++) {
        if (*p == ' ')
            continue;
        if (*p == letter) {
            v = v << 1 | ((insn >> bit) & 1);
            *present = true;
        }
        bit--;
    }
    return v;
}

static bool fixed_bits_match(const char *pat, uint32_t insn)
{
    int bit = 31;
    for (const char *p = pat; *p; p++) {
        if (*p == ' ')
            continue;
        if (bit < 0)
            return false;
        if ((*p == '0' || *p == '1') && (uint32_t)(*p - '0') != ((insn >> bit) & 1))
            return false;
        bit--;
    }
    return bit == -1;
}

/* Register field: DSP_REG_NONE if absent; false if it names PC. */
static bool reg(const char *pat, uint32_t insn, char letter, uint8_t *out, uint16_t *mask)
{
    bool present;
    uint32_t r = field(pat, insn, letter, &present);
    if (!present) {
        *out = DSP_REG_NONE;
        return true;
    }
    if (r == 15)
        return false; /* UNPREDICTABLE with PC: raise SIGILL */
    *out = (uint8_t)r;
    *mask |= (uint16_t)(1u << r);
    return true;
}

bool dsp_decode(unsigned cs_id, uint32_t insn, struct dsp_insn *out)
{
    if ((insn >> 28) == 0xf)
        return false; /* unconditional space: none of these */
    for (unsigned i = 0; i < TABLE_SIZE; i++) {
        const struct dsp_entry *e = &table[i];
        if (e->cs_id != cs_id || !fixed_bits_match(e->pattern, insn))
            continue;
        struct dsp_insn d;
        memset(&d, 0, sizeof d);
        d.shape = e->shape;
        d.fn = e->fn;
        d.name = e->name;
        d.flags = e->flags;
        uint16_t written = 0, read = 0;
        if (!reg(e->pattern, insn, 'd', &d.rd, &written) ||
            !reg(e->pattern, insn, 'h', &d.rd_hi, &written) ||
            !reg(e->pattern, insn, 'n', &d.rn, &read) ||
            !reg(e->pattern, insn, 'm', &d.rm, &read) ||
            !reg(e->pattern, insn, 'a', &d.ra, &read))
            return false;
        if (e->shape == DSP_RDLOHI_NM)
            read |= written; /* the accumulator */
        d.writes = written;
        d.reads = read;
        bool present;
        uint32_t sat = field(e->pattern, insn, 's', &present);
        uint32_t imm5 = field(e->pattern, insn, 'i', &present);
        bool has_imm5 = present;
        uint32_t sh = field(e->pattern, insn, 'S', &present);
        uint32_t rot = field(e->pattern, insn, 'r', &present);
        switch (e->shape) {
        case DSP_RD_SAT: d.imm = has_imm5 ? DSP_SAT_IMM(sat, imm5, sh) : sat; break;
        case DSP_RD_NM_ROT: d.imm = rot * 8; break;
        case DSP_RD_NM_IMM: d.imm = imm5; break;
        default: d.imm = 0; break;
        }
        *out = d;
        return true;
    }
    return false;
}

static uint32_t ror32(uint32_t x, unsigned r)
{
    r &= 31;
    return r ? (x >> r) | (x << (32 - r)) : x;
}

void dsp_execute(struct arm_cpu *cpu, const struct dsp_insn *d)
{
    uint32_t *r = cpu->r;
    switch (d->shape) {
    case DSP_RD_NM:
        r[d->rd] = ((dsp_fn_nm)d->fn)(cpu, r[d->rn], r[d->rm]);
        break;
    case DSP_RD_NMA:
        r[d->rd] = ((dsp_fn_nma)d->fn)(cpu, r[d->rn], r[d->rm], r[d->ra]);
        break;
    case DSP_RDLOHI_NM: {
        uint64_t acc = (uint64_t)r[d->rd_hi] << 32 | r[d->rd];
        uint64_t res = ((dsp_fn_lohi)d->fn)(cpu, r[d->rn], r[d->rm], acc);
        r[d->rd] = (uint32_t)res;
        r[d->rd_hi] = (uint32_t)(res >> 32);
        break;
    }
    case DSP_RD_SAT:
        r[d->rd] = ((dsp_fn_sat)d->fn)(cpu, r[d->rn], d->imm);
        break;
    case DSP_RD_NM_ROT: {
        uint32_t n = d->rn == DSP_REG_NONE ? 0 : r[d->rn];
        r[d->rd] = ((dsp_fn_nm)d->fn)(cpu, n, ror32(r[d->rm], d->imm));
        break;
    }
    case DSP_RD_NM_IMM:
        r[d->rd] = ((dsp_fn_nm_imm)d->fn)(cpu, r[d->rn], r[d->rm], d->imm);
        break;
    }
}

unsigned dsp_table_size(void)
{
    return TABLE_SIZE;
}

bool dsp_table_entry(unsigned i, unsigned *cs_id, const char **name, const char **pattern)
{
    if (i >= TABLE_SIZE)
        return false;
    *cs_id = table[i].cs_id;
    *name = table[i].name;
    *pattern = table[i].pattern;
    return true;
}
