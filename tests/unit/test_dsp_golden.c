/* Differential test of the DSP helpers against qemu-arm: dsp_golden/qemu_golden.txt
 * was produced by running dsp_golden/gen.{c,S} (every instruction of the DSP table
 * on 32 input vectors) under qemu-arm, the project's reference; see gen.c for the
 * format and how to regenerate it. Here each encoding goes through Capstone and
 * dsp_decode, is run by dsp_execute on the same inputs, and r1-r5 plus
 * APSR (NZCVQ, GE) must match qemu-arm's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>
#include <cmocka.h>

#include "arm/cpu.h"
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
    csh cs;
    assert_int_equal(cs_open(CS_ARCH_ARM, CS_MODE_ARM, &cs), CS_ERR_OK);
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);

    static uint32_t vin[MAX_VEC][6];
    unsigned nvec = 0;
    char line[256];
    struct dsp_insn d;
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
            uint8_t bytes[4] = {enc & 0xff, (enc >> 8) & 0xff, (enc >> 16) & 0xff, enc >> 24};
            cs_insn *ci;
            size_t n = cs_disasm(cs, bytes, 4, 0x1000, 1, &ci);
            if (n != 1) {
                print_error("%08x: Capstone cannot decode it\n", enc);
                failures++;
                have_insn = false;
                continue;
            }
            have_insn = dsp_decode(ci->id, enc, &d);
            if (!have_insn) {
                print_error("%08x (%s %s): dsp_decode refused it\n", enc, ci->mnemonic,
                            ci->op_str);
                failures++;
            }
            cs_free(ci, n);
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
            dsp_execute(&cpu, &d);
            uint32_t apsr = arm_cpsr(&cpu) & APSR_MASK;
            checks++;
            if (memcmp(&cpu.r[1], &v[1], 5 * sizeof(uint32_t)) != 0 || apsr != v[6]) {
                if (failures < 40)
                    print_error("%08x %s vector %u: in %08x %08x %08x %08x %08x apsr %08x\n"
                                "   qemu  %08x %08x %08x %08x %08x apsr %08x\n"
                                "   ours  %08x %08x %08x %08x %08x apsr %08x\n",
                                enc, d.name, v[0], in[0], in[1], in[2], in[3], in[4], in[5],
                                v[1], v[2], v[3], v[4], v[5], v[6], cpu.r[1], cpu.r[2],
                                cpu.r[3], cpu.r[4], cpu.r[5], apsr);
                failures++;
            }
        }
    }
    fclose(f);
    cs_close(&cs);
    print_message("%u instructions, %u vector checks against qemu-arm\n", insns, checks);
    assert_true(insns >= 143);
    assert_int_equal(checks, insns * nvec);
    assert_int_equal(failures, 0);
}

/* Every table line is exercised by the golden file. */
static void test_golden_covers_table(void **state)
{
    (void)state;
    FILE *f = open_golden();
    assert_non_null(f);
    csh cs;
    assert_int_equal(cs_open(CS_ARCH_ARM, CS_MODE_ARM, &cs), CS_ERR_OK);
    unsigned n_entries = dsp_table_size();
    bool *seen = calloc(n_entries, sizeof *seen);
    assert_non_null(seen);
    char line[256];
    while (fgets(line, sizeof line, f)) {
        uint32_t enc;
        if (line[0] != 'I' || sscanf(line + 1, "%x", &enc) != 1)
            continue;
        struct dsp_insn d;
        uint8_t bytes[4] = {enc & 0xff, (enc >> 8) & 0xff, (enc >> 16) & 0xff, enc >> 24};
        cs_insn *ci;
        size_t n = cs_disasm(cs, bytes, 4, 0x1000, 1, &ci);
        if (n != 1)
            continue;
        if (dsp_decode(ci->id, enc, &d))
            for (unsigned i = 0; i < n_entries; i++) {
                unsigned id;
                const char *name, *pat;
                assert_true(dsp_table_entry(i, &id, &name, &pat));
                if (id == ci->id && strcmp(name, d.name) == 0)
                    seen[i] = true;
            }
        cs_free(ci, n);
    }
    unsigned missing = 0;
    for (unsigned i = 0; i < n_entries; i++) {
        unsigned id;
        const char *name, *pat;
        dsp_table_entry(i, &id, &name, &pat);
        if (!seen[i]) {
            print_error("table entry %s is not in the golden file\n", name);
            missing++;
        }
    }
    free(seen);
    fclose(f);
    cs_close(&cs);
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
