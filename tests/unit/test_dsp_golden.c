/* Differential test of the DSP helpers against qemu-arm: dsp_golden/qemu_golden.txt
 * was produced by running dsp_golden/gen.{c,S} (every helper-called A32
 * instruction on 32 input vectors) under qemu-arm, the project's reference;
 * see gen.c for the format and how to regenerate it. Here each encoding is
 * decoded by the table decoder (arm_decode, arm/a32.decode), run by
 * dsp_execute on the same inputs, and r1-r5 plus APSR (NZCVQ, GE) must match
 * qemu-arm's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arm/cpu.h"
#include "arm/decode.h"
#include "translator/dsp_ops.h"

#define MAX_VEC 1024 /* the committed file has 32; DSP_GOLDEN may name a longer run */
#define APSR_MASK 0xf80f0000u

static FILE *open_golden(void)
{
    char path[4096];
    const char *env = getenv("DSP_GOLDEN");
    if (env)
        return fopen(env, "r");
    /* CMake compiles with the absolute source path: find the file next to us. */
    snprintf(path, sizeof path, "%s", __FILE__);
    char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path + 1) : 0;
    snprintf(path + dir, sizeof path - dir, "dsp_golden/qemu_golden.txt");
    return fopen(path, "r");
}

static void test_against_qemu(void **state)
{
    (void)state;
    FILE *f = open_golden();
    assert_non_null(f);

    static uint32_t vin[MAX_VEC][6];
    unsigned nvec = 0;
    char line[256];
    struct isa_insn d;
    bool have_insn = false;
    uint32_t enc = 0;
    unsigned insns = 0, checks = 0, failures = 0;
    while (fgets(line, sizeof line, f)) {
        uint32_t v[7];
        if (line[0] == 'V') {
            assert_int_equal(sscanf(line + 1, "%x %x %x %x %x %x %x", &v[0], &v[1], &v[2],
                                    &v[3], &v[4], &v[5], &v[6]),
                             7);
            assert_true(v[0] < MAX_VEC);
            memcpy(vin[v[0]], &v[1], sizeof vin[0]);
            if (v[0] >= nvec)
                nvec = v[0] + 1;
        } else if (line[0] == 'I') {
            assert_int_equal(sscanf(line + 1, "%x", &enc), 1);
            have_insn = a32_decode(enc, &d) && !d.f.unpredictable && dsp_helper_of(&d);
            if (!have_insn) {
                print_error("%08x: not decoded as a helper-called instruction\n", enc);
                failures++;
            }
            insns++;
        } else if (line[0] == 'O' && have_insn) {
            assert_int_equal(sscanf(line + 1, "%x %x %x %x %x %x %x", &v[0], &v[1], &v[2],
                                    &v[3], &v[4], &v[5], &v[6]),
                             7);
            assert_true(v[0] < nvec);
            const uint32_t *in = vin[v[0]];
            struct arm_cpu cpu;
            memset(&cpu, 0, sizeof cpu);
            memcpy(&cpu.r[1], in, 5 * sizeof(uint32_t));
            arm_set_cpsr_flags(&cpu, in[5], APSR_MASK);
            assert_true(dsp_execute(&cpu, &d));
            uint32_t apsr = arm_cpsr(&cpu) & APSR_MASK;
            checks++;
            if (memcmp(&cpu.r[1], &v[1], 5 * sizeof(uint32_t)) != 0 || apsr != v[6]) {
                if (failures < 40)
                    print_error("%08x %s vector %u: in %08x %08x %08x %08x %08x apsr %08x\n"
                                "   qemu  %08x %08x %08x %08x %08x apsr %08x\n"
                                "   ours  %08x %08x %08x %08x %08x apsr %08x\n",
                                enc, isa_op_names[d.op], v[0], in[0], in[1], in[2], in[3], in[4], in[5],
                                v[1], v[2], v[3], v[4], v[5], v[6], cpu.r[1], cpu.r[2],
                                cpu.r[3], cpu.r[4], cpu.r[5], apsr);
                failures++;
            }
        }
    }
    fclose(f);
    print_message("%u instructions, %u vector checks against qemu-arm\n", insns, checks);
    assert_true(insns >= 143);
    assert_int_equal(checks, insns * nvec);
    assert_int_equal(failures, 0);
}

/* Every table line that calls a helper is exercised by the golden file. */
static void test_golden_covers_table(void **state)
{
    (void)state;
    FILE *f = open_golden();
    assert_non_null(f);
    bool seen[1024] = {false};
    assert_true(a32_table_len <= 1024);
    char line[256];
    while (fgets(line, sizeof line, f)) {
        uint32_t enc;
        if (line[0] != 'I' || sscanf(line + 1, "%x", &enc) != 1)
            continue;
        struct isa_insn d;
        if (a32_decode(enc, &d))
            seen[d.line] = true;
    }
    fclose(f);
    unsigned missing = 0, lines = 0;
    for (unsigned k = 0; k < a32_table_len; k++) {
        struct isa_insn probe = {.op = a32_table[k].op};
        if (!dsp_helper_of(&probe))
            continue;
        lines++;
        if (!seen[k]) {
            print_error("table line %s is not in the golden file\n", a32_table[k].name);
            missing++;
        }
    }
    print_message("%u helper-called table lines\n", lines);
    assert_true(lines > 0);
    assert_int_equal(missing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_qemu),
        cmocka_unit_test(test_golden_covers_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
