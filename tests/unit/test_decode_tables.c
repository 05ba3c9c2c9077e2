/* The decode tables (arm/TABLE.decode through the generated decoders): every line
 * decodes its own encodings, lines overlap only inside explicit groups (and
 * there the earlier line wins), and a few encodings whose meaning is fixed by
 * the ARM ARM decode into the fields it gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arm/decode.h"
#include "test_rng.h"

typedef bool decode_fn(uint32_t insn, struct isa_insn *d);

/* A random encoding of line k: its fixed bits, the rest random (a cond field
 * never 1111, since such a line does not claim those). */
static uint32_t sample(const struct arm_table_line *l, unsigned width)
{
    uint32_t all = width == 32 ? 0xffffffffu : 0xffffu;
    for (;;) {
        uint32_t w = ((rnd() & ~l->mask) | l->fixed) & all;
        if (l->cond && ((w >> l->cond_lsb) & 15) == 0xf)
            continue;
        return w;
    }
}

static void check_table(const struct arm_table_line *t, unsigned n, unsigned width, decode_fn *dec)
{
    rng_state = 0x5eed0001u + n;
    for (unsigned k = 0; k < n; k++) {
        for (int rep = 0; rep < 200; rep++) {
            uint32_t w = sample(&t[k], width);
            struct isa_insn d;
            assert_true(dec(w, &d));
            if (d.line == k)
                continue;
            /* Another line took it: only an earlier line of the same group may. */
            if (!(t[k].group && t[d.line].group == t[k].group && d.line < k)) {
                print_error("%s (line %u) encoding %08x decoded as %s (line %u)\n", t[k].name, k, w,
                            t[d.line].name, d.line);
                fail();
            }
        }
    }
    /* Overlaps outside groups (what the generator also refuses). */
    for (unsigned i = 0; i < n; i++)
        for (unsigned j = i + 1; j < n; j++) {
            if (t[i].group && t[i].group == t[j].group)
                continue;
            uint32_t both = t[i].mask & t[j].mask;
            if ((t[i].fixed ^ t[j].fixed) & both)
                continue;
            /* A cond line and a line fixing the cond bits to 1111 are disjoint. */
            uint32_t cmi = 0xfu << t[i].cond_lsb, cmj = 0xfu << t[j].cond_lsb;
            bool disjoint = (t[i].cond && (t[j].mask & cmi) == cmi && (t[j].fixed & cmi) == cmi) ||
                            (t[j].cond && (t[i].mask & cmj) == cmj && (t[i].fixed & cmj) == cmj);
            if (!disjoint) {
                print_error("%s and %s overlap outside a group\n", t[i].name, t[j].name);
                fail();
            }
        }
}

static void test_a32_lines(void **state)
{
    (void)state;
    check_table(a32_table, a32_table_len, 32, a32_decode);
}

static void test_t16_lines(void **state)
{
    (void)state;
    check_table(t16_table, t16_table_len, 16, t16_decode);
}

static void test_t32_lines(void **state)
{
    (void)state;
    check_table(t32_table, t32_table_len, 32, t32_decode);
}

static bool vfp_a32_decode(uint32_t insn, struct isa_insn *d) { return vfp_decode(insn, ARM_ISET_A32, d); }

static void test_vfp_lines(void **state)
{
    (void)state;
    check_table(vfp_table, vfp_table_len, 32, vfp_a32_decode);
}

/* The VFP table serves A32 and T32: the decoded iset and length are the
 * fetch's. The same word as `vfma.f32 s0, s1, s2` in both (the T32 form
 * is the A32 one with cond = 1110; encoding checked with GNU as). The FP
 * facts: ARM ARM register numbering (S<n> is half of D<n/2>). */
static void test_vfp_shared_and_facts(void **state)
{
    (void)state;
    struct isa_insn a, t;
    assert_true(vfp_decode(0xeea00a81u, ARM_ISET_A32, &a)); /* vfma.f32 s0, s1, s2 */
    assert_true(vfp_decode(0xeea00a81u, ARM_ISET_T32, &t));
    assert_int_equal(a.op, ISA_OP_VFMA);
    assert_int_equal(t.op, ISA_OP_VFMA);
    assert_int_equal(a.iset, ARM_ISET_A32);
    assert_int_equal(t.iset, ARM_ISET_T32);
    assert_int_equal(t.len, 4);
    assert_int_equal(a.a.vfp_3.vd, 0);
    assert_int_equal(a.a.vfp_3.vn, 1);
    assert_int_equal(a.a.vfp_3.vm, 2);
    assert_int_equal(a.f.dwrite, 1u);
    assert_true(a.f.fp_flags);
    /* arm_decode sends the coprocessor 10/11 space to the VFP table in both states. */
    const uint8_t a32[4] = {0x81, 0x0a, 0xa0, 0xee};
    const uint8_t t32[4] = {0xa0, 0xee, 0x81, 0x0a};
    assert_true(arm_decode(a32, 4, false, 0, &a));
    assert_true(arm_decode(t32, 4, true, 0, &t));
    assert_int_equal(a.op, ISA_OP_VFMA);
    assert_int_equal(t.op, ISA_OP_VFMA);
    assert_int_equal(t.iset, ARM_ISET_T32);
    /* vmla.f64 d17, d1, d2 = ee411b02: D:Vd = 1:0001 */
    assert_true(vfp_decode(0xee411b02u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VMLA);
    assert_int_equal(a.a.vfp_3.vd, 17);
    assert_int_equal(a.f.dwrite, 1u << 17);
    /* vldmia r0!, {d0-d3} = ecb00b08: D0-D3 and r0 written */
    assert_true(vfp_decode(0xecb00b08u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VLDM);
    assert_int_equal(a.f.dwrite, 0xfu);
    assert_int_equal(a.f.wregs, 1u);
    /* vpush {s3} = ed6d1a01 (vstmdb sp!, {s3}): sp written, no D register */
    assert_true(vfp_decode(0xed6d1a01u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VSTM);
    assert_int_equal(a.f.wregs, 1u << 13);
    assert_int_equal(a.f.dwrite, 0u);
    /* vmov.32 d3[1], r2 = ee232b10: D3 written */
    assert_true(vfp_decode(0xee232b10u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VMOV_sc);
    assert_int_equal(a.f.dwrite, 1u << 3);
    /* vmsr fpscr, r0 = eee10a10: writes the mode, ends the block */
    assert_true(vfp_decode(0xeee10a10u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VMSR);
    assert_true(a.f.fp_mode && a.f.end);
    /* vmrs APSR_nzcv, fpscr = eef1fa10: NZCV written, no core register */
    assert_true(vfp_decode(0xeef1fa10u, ARM_ISET_A32, &a));
    assert_int_equal(a.op, ISA_OP_VMRS);
    assert_int_equal(a.f.wregs, 0u);
    assert_int_equal(a.f.fl_write, 15u);
    assert_true(a.f.fp_read);
    /* vmrs r0, fpexc (eef80a10) is UNDEFINED in user mode under qemu-arm: no line */
    assert_false(vfp_decode(0xeef80a10u, ARM_ISET_A32, &a));
}

/* One A32 and one T16 encoding of ADD decode into the same operation and
 * argument set (ARM ARM A8.8.7): e0810002 = add r0, r1, r2; 1888 = adds r0, r1, r2. */
static void test_shared_operation(void **state)
{
    (void)state;
    struct isa_insn a, t;
    assert_true(a32_decode(0xe0810002u, &a));
    assert_true(t16_decode(0x1888u, &t));
    assert_int_equal(a.op, ISA_OP_ADD_rrri);
    assert_int_equal(t.op, ISA_OP_ADD_rrri);
    assert_int_equal(a.a.s_rrr_shi.s, 0);
    assert_int_equal(t.a.s_rrr_shi.s, 1); /* 16-bit forms set flags outside IT */
    assert_int_equal(a.a.s_rrr_shi.rd, 0);
    assert_int_equal(t.a.s_rrr_shi.rd, 0);
    assert_int_equal(a.a.s_rrr_shi.rn, 1);
    assert_int_equal(t.a.s_rrr_shi.rn, 1);
    assert_int_equal(a.a.s_rrr_shi.rm, 2);
    assert_int_equal(t.a.s_rrr_shi.rm, 2);
    assert_int_equal(t.f.fl_write, 15);
    assert_int_equal(a.f.fl_write, 0);
    assert_int_equal(t.f.wregs, 1);
}

/* Fields that need more than a bit range (A8.8.25, A8.8.131, A8.8.133). */
static void test_field_transforms(void **state)
{
    (void)state;
    struct isa_insn d;
    /* bl to -4 from a T32 pair: f7ff fffe; S=1 J1=J2=1 imm10=0x3ff imm11=0x7fe. */
    assert_true(t32_decode(0xf7fffffeu, &d));
    assert_int_equal(d.op, ISA_OP_BL);
    assert_int_equal(d.a.i.imm, -4);
    /* bl +0x1000: f001 f800. */
    assert_true(t32_decode(0xf001f800u, &d));
    assert_int_equal(d.a.i.imm, 0x1000);
    /* push {r4, lr} = b510: STMDB sp! with r4 and r14. */
    assert_true(t16_decode(0xb510u, &d));
    assert_int_equal(d.op, ISA_OP_STM);
    assert_int_equal(d.a.ldm.list, (1 << 4) | (1 << 14));
    assert_int_equal(d.a.ldm.rn, 13);
    assert_int_equal(d.a.ldm.p, 1);
    assert_int_equal(d.a.ldm.u, 0);
    /* pop {r4, pc} = bd10: LDMIA sp! with r4 and r15, interworking. */
    assert_true(t16_decode(0xbd10u, &d));
    assert_int_equal(d.op, ISA_OP_LDM);
    assert_int_equal(d.a.ldm.list, (1 << 4) | (1 << 15));
    assert_true(d.f.psr);
    /* ldmia r1, {r1, r2} = c906: the base is in the list, no writeback. */
    assert_true(t16_decode(0xc906u, &d));
    assert_int_equal(d.a.ldm.w, 0);
    /* ldmia r1!, {r2} = c904: writeback. */
    assert_true(t16_decode(0xc904u, &d));
    assert_int_equal(d.a.ldm.w, 1);
    /* A32 blx to +6 (H=1): fa000001 -> imm 4 | 2. */
    assert_true(a32_decode(0xfb000001u, &d));
    assert_int_equal(d.op, ISA_OP_BLX_i);
    assert_int_equal(d.a.i.imm, 6);
    /* beq with imm8 = 0xfe: d0fe -> -4. */
    assert_true(t16_decode(0xd0feu, &d));
    assert_int_equal(d.op, ISA_OP_B);
    assert_int_equal(d.cond, 0);
    assert_int_equal(d.a.i.imm, -4);
    /* de00 is UDF, df00 SVC (the B<cond> space with cond 1110, 1111). */
    assert_true(t16_decode(0xde00u, &d));
    assert_int_equal(d.op, ISA_OP_UDF);
    assert_true(t16_decode(0xdf00u, &d));
    assert_int_equal(d.op, ISA_OP_SVC);
}

/* Facts that reverse execution depends on (the LDREXD pre-image bug). */
static void test_facts(void **state)
{
    (void)state;
    struct isa_insn d;
    /* ldrexd r2, r3, [r0] = e1b02f9f writes r2 and r3. */
    assert_true(a32_decode(0xe1b02f9fu, &d));
    assert_int_equal(d.op, ISA_OP_LDREXD);
    assert_int_equal(d.f.wregs, (1 << 2) | (1 << 3));
    assert_true(d.f.extra);
    /* ldr r0, [r1], #4 = e4910004 writes r0 and the base r1. */
    assert_true(a32_decode(0xe4910004u, &d));
    assert_int_equal(d.f.wregs, (1 << 0) | (1 << 1));
    /* movs pc, lr (exception return) is UNPREDICTABLE in user mode. */
    assert_true(a32_decode(0xe1b0f00eu, &d));
    assert_true(d.f.unpredictable);
    /* adc r0, r0, r0 reads C. */
    assert_true(a32_decode(0xe0a00000u, &d));
    assert_int_equal(d.f.fl_read, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a32_lines),     cmocka_unit_test(test_t16_lines),
        cmocka_unit_test(test_t32_lines),     cmocka_unit_test(test_shared_operation),
        cmocka_unit_test(test_vfp_lines),     cmocka_unit_test(test_vfp_shared_and_facts),
        cmocka_unit_test(test_field_transforms), cmocka_unit_test(test_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
