/* Unit tests of the DSP helpers (translator/dsp_*.c) on hand-worked values.
 * Each expectation is derived from the ARM ARM pseudocode in the comment next
 * to it; lanes are listed low lane first unless said otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arm/cpu.h"
#include "arm/decode.h"
#include "translator/dsp_ops.h"

static struct arm_cpu cpu;

static int reset(void **state)
{
    (void)state;
    memset(&cpu, 0, sizeof cpu);
    return 0;
}

/* ---- parallel add/subtract ---- */

static void test_sadd_ssub(void **state)
{
    (void)state;
    /* SADD16: low 1+1 = 2 (>= 0: GE[1:0]=11); high 0x7fff+1 = 32768, which is
     * >= 0 as an integer although it wraps to 0x8000: GE[3:2]=11. */
    assert_int_equal(dsp_sadd16(&cpu, 0x7fff0001, 0x00010001), 0x80000002);
    assert_int_equal(cpu.ge, 0xf);
    /* high -32768 + -1 = -32769 -> 0x7fff, GE[3:2]=00; low 1 + 0 -> GE[1:0]=11. */
    assert_int_equal(dsp_sadd16(&cpu, 0x80000001, 0xffff0000), 0x7fff0001);
    assert_int_equal(cpu.ge, 0x3);
    /* SSUB8 bytes n = 01 7f 80 00, m = 02 7f 01 01 (byte 0 first):
     * 1-2 = -1 (ff, GE0=0); 0 (GE1=1); -128-1 = -129 (7f, GE2=0); -1 (ff, GE3=0). */
    assert_int_equal(dsp_ssub8(&cpu, 0x00807f01, 0x01017f02), 0xff7f00ff);
    assert_int_equal(cpu.ge, 0x2);
    /* SASX: low = n.lo - m.hi = 3-2 = 1; high = n.hi + m.lo = 5+4 = 9; both >= 0. */
    assert_int_equal(dsp_sasx(&cpu, 0x00050003, 0x00020004), 0x00090001);
    assert_int_equal(cpu.ge, 0xf);
    /* SSAX: low = n.lo + m.hi = 3+2 = 5; high = n.hi - m.lo = 5-6 = -1: GE[3:2]=00. */
    assert_int_equal(dsp_ssax(&cpu, 0x00050003, 0x00020006), 0xffff0005);
    assert_int_equal(cpu.ge, 0x3);
    /* SSUB16: 0x8000 - 1 = -32769 -> 0x7fff (GE 00); 0 - 0x8000 = 32768 -> 0x8000 (GE 11). */
    assert_int_equal(dsp_ssub16(&cpu, 0x00008000, 0x80000001), 0x80007fff);
    assert_int_equal(cpu.ge, 0xc);
    /* SADD8: 0x7f+1 = 128 -> 80, GE0=1; 0x80+0x80 = -256 -> 00, GE1=0. */
    assert_int_equal(dsp_sadd8(&cpu, 0x0000807f, 0x00008001) & 0xffff, 0x0080);
    assert_int_equal(cpu.ge & 3, 0x1);
}

static void test_uadd_usub(void **state)
{
    (void)state;
    /* UADD8 bytes n = 00 01 80 ff, m = 01 00 80 01: 1 (GE0=0), 1 (GE1=0),
     * 0x100 -> 00 (carry, GE2=1), 0x100 -> 00 (GE3=1). */
    assert_int_equal(dsp_uadd8(&cpu, 0xff800100, 0x01800001), 0x00000101);
    assert_int_equal(cpu.ge, 0xc);
    /* USUB16: high 1-1 = 0 (no borrow, GE 11); low 0-1 = -1 -> ffff (GE 00). */
    assert_int_equal(dsp_usub16(&cpu, 0x00010000, 0x00010001), 0x0000ffff);
    assert_int_equal(cpu.ge, 0xc);
    /* UASX: low = n.lo - m.hi = ffff-fffe = 1 (GE 11); high = n.hi + m.lo = 1+1 = 2 (no carry). */
    assert_int_equal(dsp_uasx(&cpu, 0x0001ffff, 0xfffe0001), 0x00020001);
    assert_int_equal(cpu.ge, 0x3);
    /* USAX: low = n.lo + m.hi = 0+1 (no carry); high = n.hi - m.lo = ffff-1 (GE 11). */
    assert_int_equal(dsp_usax(&cpu, 0xffff0000, 0x00010001), 0xfffe0001);
    assert_int_equal(cpu.ge, 0xc);
    /* UADD16 carry: ffff+1 = 0x10000 -> 0000, GE[1:0]=11. */
    assert_int_equal(dsp_uadd16(&cpu, 0x0000ffff, 0x00000001), 0);
    assert_int_equal(cpu.ge, 0x3);
    /* USUB8: 5-5 = 0 counts as no borrow (GE=1) in every lane. */
    assert_int_equal(dsp_usub8(&cpu, 0x05050505, 0x05050505), 0);
    assert_int_equal(cpu.ge, 0xf);
}

static void test_q_sh_uq_uh(void **state)
{
    (void)state;
    cpu.ge = 0x5; /* must not change */
    /* QADD16: high 0x7fff+1 saturates to 0x7fff; low -32768+1 = -32767 = 0x8001. */
    assert_int_equal(dsp_qadd16(&cpu, 0x7fff8000, 0x00010001), 0x7fff8001);
    /* QSUB8: top byte -128-1 -> 0x80; next 127-(-1) = 128 -> 0x7f. */
    assert_int_equal(dsp_qsub8(&cpu, 0x807f0000, 0x01ff0000), 0x807f0000);
    /* QASX: low = -32768 - 1 -> 0x8000; high = 32767 + 1 -> 0x7fff. */
    assert_int_equal(dsp_qasx(&cpu, 0x7fff8000, 0x00010001), 0x7fff8000);
    /* QSAX: low = 1 + 0x7fff -> 0x7fff; high = -32768 - 1 -> 0x8000. */
    assert_int_equal(dsp_qsax(&cpu, 0x80000001, 0x7fff0001), 0x80007fff);
    /* QADD8/QSUB16 without saturation behave as plain adds. */
    assert_int_equal(dsp_qadd8(&cpu, 0x01020304, 0x01010101), 0x02030405);
    assert_int_equal(dsp_qsub16(&cpu, 0x00050005, 0x00010006), 0x0004ffff);
    /* SHADD16: high (32767+32767)/2 = 32767; low (32767-32768) = -1, floor(-1/2) = -1. */
    assert_int_equal(dsp_shadd16(&cpu, 0x7fff7fff, 0x7fff8000), 0x7fffffff);
    /* SHSUB8: (-128 - 127) = -255, floor(-255/2) = -128 -> 0x80. */
    assert_int_equal(dsp_shsub8(&cpu, 0x00000080, 0x0000007f), 0x00000080);
    /* SHASX: low = (4 - 8) / 2 = -2 -> fffe; high = (6 + 2) / 2 = 4. */
    assert_int_equal(dsp_shasx(&cpu, 0x00060004, 0x00080002), 0x0004fffe);
    assert_int_equal(dsp_shsax(&cpu, 0x00060004, 0x00080002), 0x00020006);
    /* SHADD8 lanes n = 80 80 7f 7f, m = ff 80 ff 01: -129/2 -> -65 (bf),
     * -256/2 = -128 (80), 126/2 = 63 (3f), 128/2 = 64 (40). */
    assert_int_equal(dsp_shadd8(&cpu, 0x7f7f8080, 0x01ff80ff), 0x403f80bf);
    assert_int_equal(dsp_shsub16(&cpu, 0x80007fff, 0x7fff8000), 0x80007fff);
    /* UQSUB8 bytes n = 80 05 ff 10, m = 81 06 01 20: 0, 0, fe, 0. */
    assert_int_equal(dsp_uqsub8(&cpu, 0x10ff0580, 0x20010681), 0x00fe0000);
    /* UQADD16: fff0+0020 -> ffff; 0001+ffff -> ffff. */
    assert_int_equal(dsp_uqadd16(&cpu, 0xfff00001, 0x0020ffff), 0xffffffff);
    assert_int_equal(dsp_uqadd8(&cpu, 0x01fe7f80, 0x01028080), 0x02ffffff);
    /* UQASX: low = 1 - 2 -> 0; high = ffff + 1 -> ffff. UQSAX: low = ffff + 2 -> ffff; high = 1 - 1 = 0. */
    assert_int_equal(dsp_uqasx(&cpu, 0xffff0001, 0x00020001), 0xffff0000);
    assert_int_equal(dsp_uqsax(&cpu, 0x0001ffff, 0x00020001), 0x0000ffff);
    assert_int_equal(dsp_uqsub16(&cpu, 0x00010005, 0x00020001), 0x00000004);
    /* UHSUB8: 0 - 1 = -1, halved -1 -> ff (difference bits 8:1). UHADD8: (ff+ff)/2 = ff. */
    assert_int_equal(dsp_uhsub8(&cpu, 0x00000000, 0x01000000), 0xff000000);
    assert_int_equal(dsp_uhadd8(&cpu, 0x000000ff, 0x000000ff), 0x000000ff);
    /* UHADD16: (ffff + ffff)/2 = ffff; (1 + 2)/2 = 1. UHSUB16: (1-3)/2 = -1 -> ffff. */
    assert_int_equal(dsp_uhadd16(&cpu, 0xffff0001, 0xffff0002), 0xffff0001);
    assert_int_equal(dsp_uhsub16(&cpu, 0x00040001, 0x00020003), 0x0001ffff);
    /* UHASX: low = (1 - 3)/2 = -1 -> ffff; high = (ffff + 1)/2 = 8000. */
    assert_int_equal(dsp_uhasx(&cpu, 0xffff0001, 0x00030001), 0x8000ffff);
    assert_int_equal(dsp_uhsax(&cpu, 0x0001ffff, 0x00010003), 0xffff8000);
    assert_int_equal(cpu.ge, 0x5);
    assert_int_equal(cpu.q, 0); /* parallel saturation never sets Q */
}

static void test_sel_usad(void **state)
{
    (void)state;
    cpu.ge = 0x5; /* bytes 0 and 2 from Rn */
    assert_int_equal(dsp_sel(&cpu, 0x11223344, 0xaabbccdd), 0xaa22cc44);
    cpu.ge = 0;
    assert_int_equal(dsp_sel(&cpu, 0x11223344, 0xaabbccdd), 0xaabbccdd);
    /* |01-ff| + |ff-01| + |00-00| + |10-20| = 254 + 254 + 0 + 16 = 524. */
    assert_int_equal(dsp_usad8(&cpu, 0x01ff0010, 0xff010020), 524);
    /* USADA8 wraps modulo 2^32: 0xfffffff0 + 524 = 0x1fc. */
    assert_int_equal(dsp_usada8(&cpu, 0x01ff0010, 0xff010020, 0xfffffff0), 0x1fc);
}

/* ---- saturation (QADD Rd, Rm, Rn: helper args are (n, m)) ---- */

static void test_qadd_qsub(void **state)
{
    (void)state;
    /* 0x7fffffff + 1 = 2^31 does not fit: 0x7fffffff, Q. */
    assert_int_equal(dsp_qadd(&cpu, 1, 0x7fffffff), 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    /* Q is sticky: an unsaturated QADD leaves it set ... */
    assert_int_equal(dsp_qadd(&cpu, 1, 2), 3);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0; /* ... and does not set it. */
    assert_int_equal(dsp_qadd(&cpu, 1, 2), 3);
    assert_int_equal(cpu.q, 0);
    /* 0x80000000 + (-1) -> 0x80000000, Q. */
    assert_int_equal(dsp_qadd(&cpu, 0xffffffff, 0x80000000), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* QSUB = m - n: 0x80000000 - 1 = -2^31 - 1 -> 0x80000000, Q. */
    assert_int_equal(dsp_qsub(&cpu, 1, 0x80000000), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* 0 - (-2^31) = 2^31 -> 0x7fffffff, Q. */
    assert_int_equal(dsp_qsub(&cpu, 0x80000000, 0), 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* operand order: QSUB Rd, Rm, Rn = Rm - Rn: m = 10, n = 3 -> 7. */
    assert_int_equal(dsp_qsub(&cpu, 3, 10), 7);
    assert_int_equal(cpu.q, 0);
}

static void test_qdadd_qdsub(void **state)
{
    (void)state;
    /* 2 * 0x40000000 = 2^31 saturates to 0x7fffffff (Q), + 0. */
    assert_int_equal(dsp_qdadd(&cpu, 0x40000000, 0), 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* sat(2n) = 0x7fffffff (Q from the doubling), + (-2^31) = -1: no second saturation. */
    assert_int_equal(dsp_qdadd(&cpu, 0x40000000, 0x80000000), 0xffffffff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* 2 * -2^30 = -2^31 fits; 0 - (-2^31) = 2^31 -> 0x7fffffff, Q. */
    assert_int_equal(dsp_qdsub(&cpu, 0xc0000000, 0), 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* m + 2n, no saturation: 5 + 2*3 = 11; m - 2n = 5 - 6 = -1. */
    assert_int_equal(dsp_qdadd(&cpu, 3, 5), 11);
    assert_int_equal(dsp_qdsub(&cpu, 3, 5), 0xffffffff);
    assert_int_equal(cpu.q, 0);
}

static void test_ssat_usat(void **state)
{
    (void)state;
    /* SSAT #8 (sat_imm 7): 128 -> 127, Q; -128 fits. */
    assert_int_equal(dsp_ssat(&cpu, 0x80, DSP_SAT_IMM(7, 0, 0)), 0x7f);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_ssat(&cpu, 0xffffff80, DSP_SAT_IMM(7, 0, 0)), 0xffffff80);
    assert_int_equal(dsp_ssat(&cpu, 0xffffff7f, DSP_SAT_IMM(7, 0, 0)), 0xffffff80);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* SSAT #32: never saturates; LSL #31 of 3 = 0x80000000. */
    assert_int_equal(dsp_ssat(&cpu, 3, DSP_SAT_IMM(31, 31, 0)), 0x80000000);
    assert_int_equal(cpu.q, 0);
    /* SSAT #1, Rn, ASR #32 (imm5 = 0 with sh = 1): the operand is the sign
     * (-1 or 0), which fits in one signed bit [-1, 0]: no Q. */
    assert_int_equal(dsp_ssat(&cpu, 0x80000000, DSP_SAT_IMM(0, 0, 1)), 0xffffffff);
    assert_int_equal(dsp_ssat(&cpu, 0x7fffffff, DSP_SAT_IMM(0, 0, 1)), 0);
    assert_int_equal(cpu.q, 0);
    /* SSAT #16, ASR #7 of 0x7fffffff = 0x00ffffff -> 0x7fff, Q. */
    assert_int_equal(dsp_ssat(&cpu, 0x7fffffff, DSP_SAT_IMM(15, 7, 1)), 0x7fff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* USAT of a negative value gives 0 and sets Q. */
    assert_int_equal(dsp_usat(&cpu, 0xffffffff, DSP_SAT_IMM(8, 0, 0)), 0);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* USAT #0: only 0 fits. */
    assert_int_equal(dsp_usat(&cpu, 0, DSP_SAT_IMM(0, 0, 0)), 0);
    assert_int_equal(cpu.q, 0);
    assert_int_equal(dsp_usat(&cpu, 1, DSP_SAT_IMM(0, 0, 0)), 0);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* USAT #31: 0x7fffffff fits; 0x80000000 is negative -> 0, Q. */
    assert_int_equal(dsp_usat(&cpu, 0x7fffffff, DSP_SAT_IMM(31, 0, 0)), 0x7fffffff);
    assert_int_equal(cpu.q, 0);
    assert_int_equal(dsp_usat(&cpu, 0x80000000, DSP_SAT_IMM(31, 0, 0)), 0);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* USAT #8, LSL #4 of 0x10 = 0x100 -> 0xff, Q. */
    assert_int_equal(dsp_usat(&cpu, 0x10, DSP_SAT_IMM(8, 4, 0)), 0xff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* USAT #16, ASR #32: -1 -> 0 (Q) for negative, 0 for positive (no Q). */
    assert_int_equal(dsp_usat(&cpu, 0x7fffffff, DSP_SAT_IMM(16, 0, 1)), 0);
    assert_int_equal(cpu.q, 0);
    assert_int_equal(dsp_usat(&cpu, 0x80000000, DSP_SAT_IMM(16, 0, 1)), 0);
    assert_int_equal(cpu.q, 1);
}

static void test_sat16(void **state)
{
    (void)state;
    /* SSAT16 #8 (sat_imm 7): high 128 -> 127; low -129 -> -128 (0xff80); Q. */
    assert_int_equal(dsp_ssat16(&cpu, 0x0080ff7f, 7), 0x007fff80);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* SSAT16 #16 never saturates. */
    assert_int_equal(dsp_ssat16(&cpu, 0x80007fff, 15), 0x80007fff);
    assert_int_equal(cpu.q, 0);
    /* USAT16 #8: high -32768 -> 0; low 256 -> 255; Q. */
    assert_int_equal(dsp_usat16(&cpu, 0x80000100, 8), 0x000000ff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_usat16(&cpu, 0x00ff0001, 8), 0x00ff0001);
    assert_int_equal(cpu.q, 0);
}

/* ---- multiplies: n = R[n] (bits 3:0), m = R[m] (bits 11:8) ---- */

static void test_smul_smla(void **state)
{
    (void)state;
    /* n = 0x0003_8000, m = 0x7fff_8000 (hi_lo). */
    assert_int_equal(dsp_smulbb(&cpu, 0x00038000, 0x7fff8000), 0x40000000); /* -32768 * -32768 */
    assert_int_equal(dsp_smultb(&cpu, 0x00038000, 0x7fff8000), 0xfffe8000); /* 3 * -32768 */
    assert_int_equal(dsp_smulbt(&cpu, 0x00038000, 0x7fff8000), 0xc0008000); /* -32768 * 32767 */
    assert_int_equal(dsp_smultt(&cpu, 0x00038000, 0x7fff8000), 0x00017ffd); /* 3 * 32767 */
    assert_int_equal(cpu.q, 0);
    /* SMLABB: 2^30 + 2^30 = 2^31 overflows: result 0x80000000, Q. */
    assert_int_equal(dsp_smlabb(&cpu, 0x8000, 0x8000, 0x40000000), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* 1*1 + 0x7fffffff overflows; -1*1 + 0x80000000 overflows the other way. */
    assert_int_equal(dsp_smlatt(&cpu, 0x00010000, 0x00010000, 0x7fffffff), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_smlabt(&cpu, 0xffff, 0x00010000, 0x80000000), 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_smlatb(&cpu, 0x00050000, 0x00000003, 100), 115);
    assert_int_equal(cpu.q, 0);
}

static void test_smulw_smlaw(void **state)
{
    (void)state;
    /* SMULWB: -2^31 * -2^15 = 2^46; bits 47:16 = 2^30. */
    assert_int_equal(dsp_smulwb(&cpu, 0x80000000, 0x8000), 0x40000000);
    /* SMULWT: -1 * 1 = -1; bits 47:16 of a 48-bit -1 = 0xffffffff. */
    assert_int_equal(dsp_smulwt(&cpu, 0xffffffff, 0x00010000), 0xffffffff);
    /* SMLAWB: (65536 * 2) >> 16 = 2, + 0x7fffffff overflows -> 0x80000001, Q. */
    assert_int_equal(dsp_smlawb(&cpu, 0x00010000, 0x0002, 0x7fffffff), 0x80000001);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_smlawt(&cpu, 0x00030000, 0x00020000, 10), 16);
    assert_int_equal(cpu.q, 0);
}

static void test_smlal_xy(void **state)
{
    (void)state;
    /* -32768 * 32767 = -1073709056; 0xffffffff - 1073709056 = 0xc0007fff, no carry. */
    assert_int_equal(dsp_smlalbb(&cpu, 0x8000, 0x7fff, 0xffffffffull), 0xc0007fffull);
    /* -1 * 1 + 0 = -1 as 64 bits. */
    assert_true(dsp_smlaltt(&cpu, 0xffff0000, 0x00010000, 0) == 0xffffffffffffffffull);
    /* Wraps modulo 2^64, never sets Q: 0xffffffffffffffff + 1. */
    assert_true(dsp_smlaltb(&cpu, 0x00010000, 0x1, 0xffffffffffffffffull) == 0);
    assert_true(dsp_smlalbt(&cpu, 0x2, 0x00030000, 0x100000000ull) == 0x100000006ull);
    assert_int_equal(cpu.q, 0);
}

static void test_dual(void **state)
{
    (void)state;
    /* SMUAD: (-32768)^2 + (-32768)^2 = 2^31 overflows: 0x80000000, Q. */
    assert_int_equal(dsp_smuad(&cpu, 0x80008000, 0x80008000), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    /* n = (2, 3), m = (5, 7) as (hi, lo). SMUAD 3*7 + 2*5 = 31; SMUADX 3*5 + 2*7 = 29. */
    assert_int_equal(dsp_smuad(&cpu, 0x00020003, 0x00050007), 31);
    assert_int_equal(dsp_smuadx(&cpu, 0x00020003, 0x00050007), 29);
    /* SMUSD 3*7 - 2*5 = 11; SMUSDX 3*5 - 2*7 = 1. */
    assert_int_equal(dsp_smusd(&cpu, 0x00020003, 0x00050007), 11);
    assert_int_equal(dsp_smusdx(&cpu, 0x00020003, 0x00050007), 1);
    /* SMUSD extreme: 2^30 - (-32768 * 32767) = 0x7fff8000 fits; no Q. */
    assert_int_equal(dsp_smusd(&cpu, 0x80008000, 0x7fff8000), 0x7fff8000);
    assert_int_equal(cpu.q, 0);
    /* SMLAD: 1 + 1 + 0x7ffffffe = 2^31 overflows, Q. */
    assert_int_equal(dsp_smlad(&cpu, 0x00010001, 0x00010001, 0x7ffffffe), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_smladx(&cpu, 0x00020003, 0x00050007, 1), 30);
    /* SMLSD: p1 = 0 * 0, p2 = -32768 * 32767; p1 - p2 = 0x3fff8000, + 0x40008000 = 2^31: Q. */
    assert_int_equal(dsp_smlsd(&cpu, 0x80000000, 0x7fff0000, 0x40008000), 0x80000000);
    assert_int_equal(cpu.q, 1);
    cpu.q = 0;
    assert_int_equal(dsp_smlsdx(&cpu, 0x00020003, 0x00050007, 0xffffffff), 0);
    assert_int_equal(cpu.q, 0);
    /* SMLALD: 2^31 + (-1) = 0x7fffffff; no Q for the long forms. */
    assert_true(dsp_smlald(&cpu, 0x80008000, 0x80008000, 0xffffffffffffffffull) == 0x7fffffffull);
    assert_true(dsp_smlaldx(&cpu, 0x00020003, 0x00050007, 0x100000000ull) == 0x10000001dull);
    assert_true(dsp_smlsld(&cpu, 0x00020003, 0x00050007, 0) == 11);
    /* SMLSLDX: 3*5 - 2*7 = 1, plus -2 = -1. */
    assert_true(dsp_smlsldx(&cpu, 0x00020003, 0x00050007, (uint64_t)-2) == 0xffffffffffffffffull);
    assert_int_equal(cpu.q, 0);
}

static void test_smmul(void **state)
{
    (void)state;
    /* SMMUL: 2^30 * 4 = 2^32 -> high word 1; -1 * 1 = -1 -> 0xffffffff. */
    assert_int_equal(dsp_smmul(&cpu, 0x40000000, 4), 1);
    assert_int_equal(dsp_smmul(&cpu, 0xffffffff, 1), 0xffffffff);
    /* SMMULR rounds: (-1 + 0x80000000) >> 32 = 0. */
    assert_int_equal(dsp_smmulr(&cpu, 0xffffffff, 1), 0);
    /* -2^31 + 2^31 = 0 -> 0 rounded; truncated it is 0xffffffff. */
    assert_int_equal(dsp_smmulr(&cpu, 0x80000000, 1), 0);
    assert_int_equal(dsp_smmul(&cpu, 0x80000000, 1), 0xffffffff);
    /* 0x7fffffff^2 = 0x3fffffff00000001: truncated 0x3fffffff, rounded 0x3fffffff. */
    assert_int_equal(dsp_smmulr(&cpu, 0x7fffffff, 0x7fffffff), 0x3fffffff);
    /* 0x80000000 * 0x80000000 = 2^62: 0x40000000 both ways. */
    assert_int_equal(dsp_smmulr(&cpu, 0x80000000, 0x80000000), 0x40000000);
    /* SMMLA: (5 << 32) + 2^32 -> 6. SMMLS: (5 << 32) - 2^32 -> 4. */
    assert_int_equal(dsp_smmla(&cpu, 0x40000000, 4, 5), 6);
    assert_int_equal(dsp_smmls(&cpu, 0x40000000, 4, 5), 4);
    /* SMMLSR: (0 << 32) - (-2^31) + 2^31 = 2^32 -> 1; unrounded 0. */
    assert_int_equal(dsp_smmlsr(&cpu, 1, 0x80000000, 0), 1);
    assert_int_equal(dsp_smmls(&cpu, 1, 0x80000000, 0), 0);
    /* SMMLAR: (0xffffffff << 32) + 0x7fffffff + 2^31 = 0xffffffff_ffffffff -> 0xffffffff. */
    assert_int_equal(dsp_smmlar(&cpu, 0x7fffffff, 1, 0xffffffff), 0xffffffff);
    /* ... one more and it wraps to 0 (bits 63:32 of the sum). */
    assert_int_equal(dsp_smmlar(&cpu, 0x80000000, 0xffffffff, 0xffffffff), 0);
    assert_int_equal(cpu.q, 0);
}

static void test_umaal(void **state)
{
    (void)state;
    /* (2^32-1)^2 + 2 * (2^32-1) = 2^64 - 1, the largest value: no wrap. */
    assert_true(dsp_umaal(&cpu, 0xffffffff, 0xffffffff, 0xffffffffffffffffull) ==
                0xffffffffffffffffull);
    /* 3 * 4 + hi 5 + lo 6 = 23. */
    assert_true(dsp_umaal(&cpu, 3, 4, 0x0000000500000006ull) == 23);
}

/* ---- extend / pack / reverse ---- */

static void test_extend(void **state)
{
    (void)state;
    assert_int_equal(dsp_sxtab16(&cpu, 0, 0x00800080), 0xff80ff80);
    /* high 1 + -128 = -127 = ff81; low 1 + 127 = 0080. */
    assert_int_equal(dsp_sxtab16(&cpu, 0x00010001, 0x0080007f), 0xff810080);
    /* high ffff + ff = 0x100fe -> 00fe; low 1 + ff = 0100. */
    assert_int_equal(dsp_uxtab16(&cpu, 0xffff0001, 0x00ff00ff), 0x00fe0100);
    assert_int_equal(dsp_uxtab16(&cpu, 0, 0x12345678), 0x00340078);
    assert_int_equal(dsp_rbit(&cpu, 0, 1), 0x80000000);
    assert_int_equal(dsp_rbit(&cpu, 0, 0x12345678), 0x1e6a2c48);
    assert_int_equal(dsp_pkhbt(&cpu, 0x11112222, 0x33334444, 16), 0x44442222);
    assert_int_equal(dsp_pkhbt(&cpu, 0x11112222, 0x33334444, 0), 0x33332222);
    assert_int_equal(dsp_pkhbt(&cpu, 0x11112222, 0x00000001, 31), 0x80002222);
    /* PKHTB imm 0 = ASR #32: bottom = sign copies of Rm. */
    assert_int_equal(dsp_pkhtb(&cpu, 0x11112222, 0x80004444, 0), 0x1111ffff);
    assert_int_equal(dsp_pkhtb(&cpu, 0x11112222, 0x70004444, 0), 0x11110000);
    assert_int_equal(dsp_pkhtb(&cpu, 0x11112222, 0x33334444, 16), 0x11113333);
    assert_int_equal(dsp_pkhtb(&cpu, 0x11112222, 0x80000000, 31), 0x1111ffff);
}

/* dsp_execute applies the shapes: rotation, absent Rn, RdHi:RdLo order. */
static void test_execute_shapes(void **state)
{
    (void)state;
    struct isa_insn d;
    /* sxtb16 r0, r1, ror #8 = e68f0471: ROR(0x80007f00, 8) = 0x0080007f. */
    assert_true(a32_decode(0xe68f0471, &d) && d.op == ISA_OP_SXTB16);
    cpu.r[0] = 0xdeadbeef;
    cpu.r[1] = 0x80007f00;
    cpu.r[15] = 0x12345678; /* must not be read as Rn */
    assert_true(dsp_execute(&cpu, &d));
    assert_int_equal(cpu.r[0], 0xff80007f);
    /* umaal r4, r5, r1, r2 = e0454291: r1*r2 + r5 + r4 into r5:r4:
     * 2^32 + 2 + (2^32 - 1) = 2^33 + 1 -> r5 = 2, r4 = 1. */
    assert_true(a32_decode(0xe0454291, &d) && d.op == ISA_OP_UMAAL);
    cpu.r[1] = 0x10000;
    cpu.r[2] = 0x10000;
    cpu.r[4] = 0xffffffff;
    cpu.r[5] = 2;
    assert_true(dsp_execute(&cpu, &d));
    assert_int_equal(cpu.r[4], 1);
    assert_int_equal(cpu.r[5], 2);
    /* qadd r4, r1, r2 = e1024051: r4 = sat(r1 + r2). */
    assert_true(a32_decode(0xe1024051, &d) && d.op == ISA_OP_QADD);
    cpu.r[1] = 0x7fffffff;
    cpu.r[2] = 0x7fffffff;
    cpu.q = 0;
    assert_true(dsp_execute(&cpu, &d));
    assert_int_equal(cpu.r[4], 0x7fffffff);
    assert_int_equal(cpu.q, 1);
    /* ssat r5, #31, r0, asr #32 = e6be5050. */
    assert_true(a32_decode(0xe6be5050, &d) && d.op == ISA_OP_SSAT);
    cpu.r[0] = 0x80000000;
    assert_true(dsp_execute(&cpu, &d));
    assert_int_equal(cpu.r[5], 0xffffffff);
    /* add r0, r1, r2 = e0810002 is not one of them: refused, nothing written. */
    assert_true(a32_decode(0xe0810002, &d));
    cpu.r[0] = 7;
    assert_false(dsp_execute(&cpu, &d));
    assert_int_equal(cpu.r[0], 7);
}

#define T(f) cmocka_unit_test_setup(f, reset)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_sadd_ssub), T(test_uadd_usub),  T(test_q_sh_uq_uh), T(test_sel_usad),
        T(test_qadd_qsub), T(test_qdadd_qdsub), T(test_ssat_usat),  T(test_sat16),
        T(test_smul_smla), T(test_smulw_smlaw), T(test_smlal_xy),   T(test_dual),
        T(test_smmul),     T(test_umaal),       T(test_extend),     T(test_execute_shapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
