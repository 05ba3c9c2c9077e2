/* Differential test of the VFP slow path (translator/vfp_helpers.c over
 * vfp_arith.c) against qemu-arm: vfp_golden/qemu_golden.txt was produced by
 * vfp_golden/gen.py, which runs tests/asm/vfp_special.S (every VFP operation
 * on pairs of special operands, 16 FPSCR modes) under qemu-arm -cpu
 * cortex-a15 and samples one case in 127. Each line gives the operation,
 * FPSCR and d0-d2 before it, and d0 and FPSCR after it; here helper_vfp runs
 * the same operation on a struct arm_cpu and must produce the same bits. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arm/cpu.h"
#include "base/host_cpu.h"
#include "translator/vfp_helpers.h"

/* The operations of vfp_special.S as helper_vfp calls: the register numbers
 * are the ones its snippets name (single: s0 <- s1 op s2; double: d0 <- d1
 * op d2). A snippet `vmov Vd, Vm` then an in-place VCVT (fixed point) is
 * marked pre_move. VABS/VNEG are inline bit operations (no helper). */
struct golden_op {
    const char *name;
    uint32_t opw, regs;
    bool pre_move;
};

#define S 0u
#define D VOPF_DP
#define FIX(size, fbits) ((uint32_t)(size) << 16 | (uint32_t)(fbits) << 24)
static const struct golden_op ops[] = {
    {"s_add", VOP_ADD | S, VOP_REGS(0, 1, 2), false},
    {"s_sub", VOP_SUB | S, VOP_REGS(0, 1, 2), false},
    {"s_mul", VOP_MUL | S, VOP_REGS(0, 1, 2), false},
    {"s_div", VOP_DIV | S, VOP_REGS(0, 1, 2), false},
    {"s_nmul", VOP_NMUL | S, VOP_REGS(0, 1, 2), false},
    {"s_mla", VOP_MLA | S, VOP_REGS(0, 1, 2), false},
    {"s_mls", VOP_MLS | S, VOP_REGS(0, 1, 2), false},
    {"s_nmla", VOP_NMLA | S, VOP_REGS(0, 1, 2), false},
    {"s_nmls", VOP_NMLS | S, VOP_REGS(0, 1, 2), false},
    {"s_fma", VOP_FMA | S, VOP_REGS(0, 1, 2), false},
    {"s_fms", VOP_FMS | S, VOP_REGS(0, 1, 2), false},
    {"s_fnma", VOP_FNMA | S, VOP_REGS(0, 1, 2), false},
    {"s_fnms", VOP_FNMS | S, VOP_REGS(0, 1, 2), false},
    {"s_sqrt", VOP_SQRT | S, VOP_REGS(0, 0, 1), false},
    {"s_cmp", VOP_CMP | S, VOP_REGS(1, 0, 2), false},
    {"s_cmpe", VOP_CMP | S | VOPF_E, VOP_REGS(1, 0, 2), false},
    {"s_cmpz", VOP_CMP | S | VOPF_E | VOPF_Z, VOP_REGS(1, 0, 0), false},
    {"s_tod", VOP_CVT_FD | S, VOP_REGS(0, 0, 1), false},
    {"s_tos32", VOP_FTOI | S | VOPF_SGN | VOPF_RZ, VOP_REGS(0, 0, 1), false},
    {"s_tou32", VOP_FTOI | S | VOPF_RZ, VOP_REGS(0, 0, 1), false},
    {"s_tos32r", VOP_FTOI | S | VOPF_SGN, VOP_REGS(0, 0, 1), false},
    {"s_tou32r", VOP_FTOI | S, VOP_REGS(0, 0, 1), false},
    {"s_froms32", VOP_ITOF | S | VOPF_SGN, VOP_REGS(0, 0, 1), false},
    {"s_fromu32", VOP_ITOF | S, VOP_REGS(0, 0, 1), false},
    {"s_tofix", VOP_TOFIX | S | VOPF_SGN | FIX(16, 4), VOP_REGS(0, 0, 1), true},
    {"s_toufix", VOP_TOFIX | S | FIX(32, 8), VOP_REGS(0, 0, 1), true},
    {"s_fromfix", VOP_FROMFIX | S | VOPF_SGN | FIX(32, 20), VOP_REGS(0, 0, 1), true},
    {"s_fromufix", VOP_FROMFIX | S | FIX(16, 3), VOP_REGS(0, 0, 1), true},
    {"s_toh", VOP_F32_TO_F16, VOP_REGS(0, 0, 1), false},
    {"s_toht", VOP_F32_TO_F16 | VOPF_TOP, VOP_REGS(0, 0, 1), false},
    {"s_fromh", VOP_F16_TO_F32, VOP_REGS(0, 0, 1), false},
    {"s_fromht", VOP_F16_TO_F32 | VOPF_TOP, VOP_REGS(0, 0, 1), false},
    {"d_add", VOP_ADD | D, VOP_REGS(0, 1, 2), false},
    {"d_sub", VOP_SUB | D, VOP_REGS(0, 1, 2), false},
    {"d_mul", VOP_MUL | D, VOP_REGS(0, 1, 2), false},
    {"d_div", VOP_DIV | D, VOP_REGS(0, 1, 2), false},
    {"d_nmul", VOP_NMUL | D, VOP_REGS(0, 1, 2), false},
    {"d_mla", VOP_MLA | D, VOP_REGS(0, 1, 2), false},
    {"d_mls", VOP_MLS | D, VOP_REGS(0, 1, 2), false},
    {"d_nmla", VOP_NMLA | D, VOP_REGS(0, 1, 2), false},
    {"d_nmls", VOP_NMLS | D, VOP_REGS(0, 1, 2), false},
    {"d_fma", VOP_FMA | D, VOP_REGS(0, 1, 2), false},
    {"d_fms", VOP_FMS | D, VOP_REGS(0, 1, 2), false},
    {"d_fnma", VOP_FNMA | D, VOP_REGS(0, 1, 2), false},
    {"d_fnms", VOP_FNMS | D, VOP_REGS(0, 1, 2), false},
    {"d_sqrt", VOP_SQRT | D, VOP_REGS(0, 0, 1), false},
    {"d_cmp", VOP_CMP | D, VOP_REGS(1, 0, 2), false},
    {"d_cmpe", VOP_CMP | D | VOPF_E, VOP_REGS(1, 0, 2), false},
    {"d_cmpz", VOP_CMP | D | VOPF_Z, VOP_REGS(1, 0, 0), false},
    {"d_tos", VOP_CVT_FD | D, VOP_REGS(0, 0, 1), false},
    {"d_tos32", VOP_FTOI | D | VOPF_SGN | VOPF_RZ, VOP_REGS(0, 0, 1), false},
    {"d_tou32", VOP_FTOI | D | VOPF_RZ, VOP_REGS(0, 0, 1), false},
    {"d_tos32r", VOP_FTOI | D | VOPF_SGN, VOP_REGS(0, 0, 1), false},
    {"d_tou32r", VOP_FTOI | D, VOP_REGS(0, 0, 1), false},
    {"d_froms32", VOP_ITOF | D | VOPF_SGN, VOP_REGS(0, 0, 2), false},
    {"d_fromu32", VOP_ITOF | D, VOP_REGS(0, 0, 3), false},
    {"d_tofix", VOP_TOFIX | D | VOPF_SGN | FIX(32, 12), VOP_REGS(0, 0, 1), true},
    {"d_toufix", VOP_TOFIX | D | FIX(16, 2), VOP_REGS(0, 0, 1), true},
};

static FILE *open_golden(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path + 1) : 0;
    snprintf(path + dir, sizeof path - dir, "vfp_golden/qemu_golden.txt");
    return fopen(path, "r");
}

static void test_against_qemu(void **state)
{
    (void)state;
    FILE *f = open_golden();
    assert_non_null(f);
    char name[32];
    unsigned long long d0, d1, d2, d0_out;
    unsigned fpscr, fpscr_out;
    unsigned cases = 0, skipped = 0, failures = 0;
    static struct arm_cpu cpu;
    while (fscanf(f, "%31s %x %llx %llx %llx %llx %x", name, &fpscr, &d0, &d1, &d2, &d0_out, &fpscr_out) == 7) {
        const struct golden_op *op = NULL;
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
            if (strcmp(ops[k].name, name) == 0)
                op = &ops[k];
        if (!op) {
            assert_true(strcmp(name, "s_abs") == 0 || strcmp(name, "s_neg") == 0);
            skipped++;
            continue;
        }
        memset(&cpu, 0, sizeof cpu);
        cpu.d[0] = d0;
        cpu.d[1] = d1;
        cpu.d[2] = d2;
        cpu.fpscr = fpscr;
        if (op->pre_move) { /* vmov Vd, Vm first */
            if (op->opw & VOPF_DP)
                cpu.d[0] = cpu.d[1];
            else
                cpu.d[0] = (cpu.d[0] & 0xffffffff00000000ull) | (cpu.d[0] >> 32);
        }
        helper_vfp(&cpu, op->opw, op->regs);
        cases++;
        if (cpu.d[0] != d0_out || cpu.fpscr != fpscr_out) {
            if (failures++ < 20)
                print_error("%s fpscr %08x d0 %016llx d1 %016llx d2 %016llx: qemu d0 %016llx fpscr %08x, "
                            "backstep d0 %016llx fpscr %08x\n",
                            name, fpscr, d0, d1, d2, d0_out, fpscr_out, (unsigned long long)cpu.d[0], cpu.fpscr);
        }
    }
    fclose(f);
    printf("vfp golden: %u cases compared with qemu-arm, %u inline-only skipped, %u differ\n", cases, skipped,
           failures);
    assert_true(cases > 4000);
    assert_int_equal(failures, 0);
}

/* Registered twice: as is, and with BACKSTEP_NO_FMA=1 (unit/test_vfp_golden-
 * nofma), where the fused operations must then take the software path. */
static void test_fma_override(void **state)
{
    (void)state;
    const char *e = getenv("BACKSTEP_NO_FMA");
    if (e && *e == '1')
        assert_false(host_has_fma());
    else
        assert_int_equal(host_has_fma(), __builtin_cpu_supports("fma") && __builtin_cpu_supports("avx"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_fma_override), cmocka_unit_test(test_against_qemu)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
