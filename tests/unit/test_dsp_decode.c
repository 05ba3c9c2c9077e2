/* Decode tests of the DSP table (translator/dsp_table.c): every instruction
 * assembled with `arm-linux-gnueabihf-as -march=armv7-a` (hex pasted with its
 * source line), run through Capstone and dsp_decode, must give the expected
 * helper, registers (read off the assembly syntax, e.g. QADD Rd, Rm, Rn) and
 * immediate; PC operands, cond 1111 and wrong should-be bits are refused; and
 * random encodings filling each table pattern agree with Capstone's id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <capstone/capstone.h>
#include <cmocka.h>

#include "arm/cpu.h"
#include "translator/dsp_ops.h"

struct expect {
    uint32_t enc;
    const char *src;
    const char *name;
    uint8_t rd, rd_hi, rn, rm, ra;
    uint32_t imm;
};

static const struct expect cases[] = {
    {0xe6125f16, "sadd16 r5, r2, r6", "sadd16", 5, DSP_REG_NONE, 2, 6, DSP_REG_NONE, 0},
    {0xe610af31, "sasx r10, r0, r1", "sasx", 10, DSP_REG_NONE, 0, 1, DSP_REG_NONE, 0},
    {0xe618df51, "ssax r13, r8, r1", "ssax", 13, DSP_REG_NONE, 8, 1, DSP_REG_NONE, 0},
    {0xe6195f70, "ssub16 r5, r9, r0", "ssub16", 5, DSP_REG_NONE, 9, 0, DSP_REG_NONE, 0},
    {0xe618ef93, "sadd8 r14, r8, r3", "sadd8", 14, DSP_REG_NONE, 8, 3, DSP_REG_NONE, 0},
    {0xe6110ff6, "ssub8 r0, r1, r6", "ssub8", 0, DSP_REG_NONE, 1, 6, DSP_REG_NONE, 0},
    {0xe6216f13, "qadd16 r6, r1, r3", "qadd16", 6, DSP_REG_NONE, 1, 3, DSP_REG_NONE, 0},
    {0xe6281f36, "qasx r1, r8, r6", "qasx", 1, DSP_REG_NONE, 8, 6, DSP_REG_NONE, 0},
    {0xe62d0f59, "qsax r0, r13, r9", "qsax", 0, DSP_REG_NONE, 13, 9, DSP_REG_NONE, 0},
    {0xe6231f7a, "qsub16 r1, r3, r10", "qsub16", 1, DSP_REG_NONE, 3, 10, DSP_REG_NONE, 0},
    {0xe629af90, "qadd8 r10, r9, r0", "qadd8", 10, DSP_REG_NONE, 9, 0, DSP_REG_NONE, 0},
    {0xe62e9ff6, "qsub8 r9, r14, r6", "qsub8", 9, DSP_REG_NONE, 14, 6, DSP_REG_NONE, 0},
    {0xe6330f1e, "shadd16 r0, r3, r14", "shadd16", 0, DSP_REG_NONE, 3, 14, DSP_REG_NONE, 0},
    {0xe63d8f32, "shasx r8, r13, r2", "shasx", 8, DSP_REG_NONE, 13, 2, DSP_REG_NONE, 0},
    {0xe6364f52, "shsax r4, r6, r2", "shsax", 4, DSP_REG_NONE, 6, 2, DSP_REG_NONE, 0},
    {0xe6318f79, "shsub16 r8, r1, r9", "shsub16", 8, DSP_REG_NONE, 1, 9, DSP_REG_NONE, 0},
    {0xe6384f9a, "shadd8 r4, r8, r10", "shadd8", 4, DSP_REG_NONE, 8, 10, DSP_REG_NONE, 0},
    {0xe6312ff9, "shsub8 r2, r1, r9", "shsub8", 2, DSP_REG_NONE, 1, 9, DSP_REG_NONE, 0},
    {0xe65a9f13, "uadd16 r9, r10, r3", "uadd16", 9, DSP_REG_NONE, 10, 3, DSP_REG_NONE, 0},
    {0xe6515f38, "uasx r5, r1, r8", "uasx", 5, DSP_REG_NONE, 1, 8, DSP_REG_NONE, 0},
    {0xe651bf59, "usax r11, r1, r9", "usax", 11, DSP_REG_NONE, 1, 9, DSP_REG_NONE, 0},
    {0xe6590f73, "usub16 r0, r9, r3", "usub16", 0, DSP_REG_NONE, 9, 3, DSP_REG_NONE, 0},
    {0xe65a7f98, "uadd8 r7, r10, r8", "uadd8", 7, DSP_REG_NONE, 10, 8, DSP_REG_NONE, 0},
    {0xe65c6ff5, "usub8 r6, r12, r5", "usub8", 6, DSP_REG_NONE, 12, 5, DSP_REG_NONE, 0},
    {0xe6697f1e, "uqadd16 r7, r9, r14", "uqadd16", 7, DSP_REG_NONE, 9, 14, DSP_REG_NONE, 0},
    {0xe6645f33, "uqasx r5, r4, r3", "uqasx", 5, DSP_REG_NONE, 4, 3, DSP_REG_NONE, 0},
    {0xe662cf5b, "uqsax r12, r2, r11", "uqsax", 12, DSP_REG_NONE, 2, 11, DSP_REG_NONE, 0},
    {0xe663cf71, "uqsub16 r12, r3, r1", "uqsub16", 12, DSP_REG_NONE, 3, 1, DSP_REG_NONE, 0},
    {0xe6649f98, "uqadd8 r9, r4, r8", "uqadd8", 9, DSP_REG_NONE, 4, 8, DSP_REG_NONE, 0},
    {0xe6657ffb, "uqsub8 r7, r5, r11", "uqsub8", 7, DSP_REG_NONE, 5, 11, DSP_REG_NONE, 0},
    {0xe6747f19, "uhadd16 r7, r4, r9", "uhadd16", 7, DSP_REG_NONE, 4, 9, DSP_REG_NONE, 0},
    {0xe67e1f38, "uhasx r1, r14, r8", "uhasx", 1, DSP_REG_NONE, 14, 8, DSP_REG_NONE, 0},
    {0xe6726f5c, "uhsax r6, r2, r12", "uhsax", 6, DSP_REG_NONE, 2, 12, DSP_REG_NONE, 0},
    {0xe6725f77, "uhsub16 r5, r2, r7", "uhsub16", 5, DSP_REG_NONE, 2, 7, DSP_REG_NONE, 0},
    {0xe6706f9a, "uhadd8 r6, r0, r10", "uhadd8", 6, DSP_REG_NONE, 0, 10, DSP_REG_NONE, 0},
    {0xe67c1ff8, "uhsub8 r1, r12, r8", "uhsub8", 1, DSP_REG_NONE, 12, 8, DSP_REG_NONE, 0},
    {0xe68c9fb5, "sel r9, r12, r5", "sel", 9, DSP_REG_NONE, 12, 5, DSP_REG_NONE, 0},
    {0xe785fe1b, "usad8 r5, r11, r14", "usad8", 5, DSP_REG_NONE, 11, 14, DSP_REG_NONE, 0},
    {0xe789de17, "usada8 r9, r7, r14, r13", "usada8", 9, DSP_REG_NONE, 7, 14, 13, 0},
    {0xe10e105d, "qadd r1, r13, r14", "qadd", 1, DSP_REG_NONE, 14, 13, DSP_REG_NONE, 0},
    {0xe12b4057, "qsub r4, r7, r11", "qsub", 4, DSP_REG_NONE, 11, 7, DSP_REG_NONE, 0},
    {0xe140a051, "qdadd r10, r1, r0", "qdadd", 10, DSP_REG_NONE, 0, 1, DSP_REG_NONE, 0},
    {0xe164b05e, "qdsub r11, r14, r4", "qdsub", 11, DSP_REG_NONE, 4, 14, DSP_REG_NONE, 0},
    {0xe6a0a019, "ssat r10, #1, r9", "ssat", 10, DSP_REG_NONE, 9, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(0, 0, 0)},
    {0xe6a7a21d, "ssat r10, #8, r13, lsl #4", "ssat", 10, DSP_REG_NONE, 13, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(7, 4, 0)},
    {0xe6af73d4, "ssat r7, #16, r4, asr #7", "ssat", 7, DSP_REG_NONE, 4, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(15, 7, 1)},
    {0xe6bfb016, "ssat r11, #32, r6", "ssat", 11, DSP_REG_NONE, 6, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(31, 0, 0)},
    {0xe6bfef9a, "ssat r14, #32, r10, lsl #31", "ssat", 14, DSP_REG_NONE, 10, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(31, 31, 0)},
    {0xe6be5050, "ssat r5, #31, r0, asr #32", "ssat", 5, DSP_REG_NONE, 0, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(30, 0, 1)},
    {0xe6a170d5, "ssat r7, #2, r5, asr #1", "ssat", 7, DSP_REG_NONE, 5, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(1, 1, 1)},
    {0xe6e02019, "usat r2, #0, r9", "usat", 2, DSP_REG_NONE, 9, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(0, 0, 0)},
    {0xe6e81017, "usat r1, #8, r7", "usat", 1, DSP_REG_NONE, 7, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(8, 0, 0)},
    {0xe6ff0193, "usat r0, #31, r3, lsl #3", "usat", 0, DSP_REG_NONE, 3, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(31, 3, 0)},
    {0xe6f0c054, "usat r12, #16, r4, asr #32", "usat", 12, DSP_REG_NONE, 4, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(16, 0, 1)},
    {0xe6ef2fdb, "usat r2, #15, r11, asr #31", "usat", 2, DSP_REG_NONE, 11, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(15, 31, 1)},
    {0xe6e13096, "usat r3, #1, r6, lsl #1", "usat", 3, DSP_REG_NONE, 6, DSP_REG_NONE, DSP_REG_NONE, DSP_SAT_IMM(1, 1, 0)},
    {0xe6a06f3d, "ssat16 r6, #1, r13", "ssat16", 6, DSP_REG_NONE, 13, DSP_REG_NONE, DSP_REG_NONE, 0},
    {0xe6a77f31, "ssat16 r7, #8, r1", "ssat16", 7, DSP_REG_NONE, 1, DSP_REG_NONE, DSP_REG_NONE, 7},
    {0xe6af2f37, "ssat16 r2, #16, r7", "ssat16", 2, DSP_REG_NONE, 7, DSP_REG_NONE, DSP_REG_NONE, 15},
    {0xe6e06f38, "usat16 r6, #0, r8", "usat16", 6, DSP_REG_NONE, 8, DSP_REG_NONE, DSP_REG_NONE, 0},
    {0xe6e74f32, "usat16 r4, #7, r2", "usat16", 4, DSP_REG_NONE, 2, DSP_REG_NONE, DSP_REG_NONE, 7},
    {0xe6efdf36, "usat16 r13, #15, r6", "usat16", 13, DSP_REG_NONE, 6, DSP_REG_NONE, DSP_REG_NONE, 15},
    {0xe16d0488, "smulbb r13, r8, r4", "smulbb", 13, DSP_REG_NONE, 8, 4, DSP_REG_NONE, 0},
    {0xe10ba586, "smlabb r11, r6, r5, r10", "smlabb", 11, DSP_REG_NONE, 6, 5, 10, 0},
    {0xe146e283, "smlalbb r14, r6, r3, r2", "smlalbb", 14, 6, 3, 2, DSP_REG_NONE, 0},
    {0xe1610dc2, "smulbt r1, r2, r13", "smulbt", 1, DSP_REG_NONE, 2, 13, DSP_REG_NONE, 0},
    {0xe1030eca, "smlabt r3, r10, r14, r0", "smlabt", 3, DSP_REG_NONE, 10, 14, 0, 0},
    {0xe14d72c9, "smlalbt r7, r13, r9, r2", "smlalbt", 7, 13, 9, 2, DSP_REG_NONE, 0},
    {0xe16400ae, "smultb r4, r14, r0", "smultb", 4, DSP_REG_NONE, 14, 0, DSP_REG_NONE, 0},
    {0xe10258a6, "smlatb r2, r6, r8, r5", "smlatb", 2, DSP_REG_NONE, 6, 8, 5, 0},
    {0xe14e92a5, "smlaltb r9, r14, r5, r2", "smlaltb", 9, 14, 5, 2, DSP_REG_NONE, 0},
    {0xe16b08ed, "smultt r11, r13, r8", "smultt", 11, DSP_REG_NONE, 13, 8, DSP_REG_NONE, 0},
    {0xe109bdea, "smlatt r9, r10, r13, r11", "smlatt", 9, DSP_REG_NONE, 10, 13, 11, 0},
    {0xe1470aec, "smlaltt r0, r7, r12, r10", "smlaltt", 0, 7, 12, 10, DSP_REG_NONE, 0},
    {0xe12c06a8, "smulwb r12, r8, r6", "smulwb", 12, DSP_REG_NONE, 8, 6, DSP_REG_NONE, 0},
    {0xe1261d8e, "smlawb r6, r14, r13, r1", "smlawb", 6, DSP_REG_NONE, 14, 13, 1, 0},
    {0xe12706ea, "smulwt r7, r10, r6", "smulwt", 7, DSP_REG_NONE, 10, 6, DSP_REG_NONE, 0},
    {0xe120d1c3, "smlawt r0, r3, r1, r13", "smlawt", 0, DSP_REG_NONE, 3, 1, 13, 0},
    {0xe707f112, "smuad r7, r2, r1", "smuad", 7, DSP_REG_NONE, 2, 1, DSP_REG_NONE, 0},
    {0xe705f059, "smusd r5, r9, r0", "smusd", 5, DSP_REG_NONE, 9, 0, DSP_REG_NONE, 0},
    {0xe7012910, "smlad r1, r0, r9, r2", "smlad", 1, DSP_REG_NONE, 0, 9, 2, 0},
    {0xe7089551, "smlsd r8, r1, r5, r9", "smlsd", 8, DSP_REG_NONE, 1, 5, 9, 0},
    {0xe7410913, "smlald r0, r1, r3, r9", "smlald", 0, 1, 3, 9, DSP_REG_NONE, 0},
    {0xe742645a, "smlsld r6, r2, r10, r4", "smlsld", 6, 2, 10, 4, DSP_REG_NONE, 0},
    {0xe705fe39, "smuadx r5, r9, r14", "smuadx", 5, DSP_REG_NONE, 9, 14, DSP_REG_NONE, 0},
    {0xe707fd71, "smusdx r7, r1, r13", "smusdx", 7, DSP_REG_NONE, 1, 13, DSP_REG_NONE, 0},
    {0xe70dce37, "smladx r13, r7, r14, r12", "smladx", 13, DSP_REG_NONE, 7, 14, 12, 0},
    {0xe7072174, "smlsdx r7, r4, r1, r2", "smlsdx", 7, DSP_REG_NONE, 4, 1, 2, 0},
    {0xe74b1d35, "smlaldx r1, r11, r5, r13", "smlaldx", 1, 11, 5, 13, DSP_REG_NONE, 0},
    {0xe747427b, "smlsldx r4, r7, r11, r2", "smlsldx", 4, 7, 11, 2, DSP_REG_NONE, 0},
    {0xe758f310, "smmul r8, r0, r3", "smmul", 8, DSP_REG_NONE, 0, 3, DSP_REG_NONE, 0},
    {0xe758b215, "smmla r8, r5, r2, r11", "smmla", 8, DSP_REG_NONE, 5, 2, 11, 0},
    {0xe758ecd0, "smmls r8, r0, r12, r14", "smmls", 8, DSP_REG_NONE, 0, 12, 14, 0},
    {0xe754f13a, "smmulr r4, r10, r1", "smmulr", 4, DSP_REG_NONE, 10, 1, DSP_REG_NONE, 0},
    {0xe75b843d, "smmlar r11, r13, r4, r8", "smmlar", 11, DSP_REG_NONE, 13, 4, 8, 0},
    {0xe7553ef2, "smmlsr r5, r2, r14, r3", "smmlsr", 5, DSP_REG_NONE, 2, 14, 3, 0},
    {0xe04e8d9c, "umaal r8, r14, r12, r13", "umaal", 8, 14, 12, 13, DSP_REG_NONE, 0},
    {0xe68f507a, "sxtb16 r5, r10", "sxtb16", 5, DSP_REG_NONE, DSP_REG_NONE, 10, DSP_REG_NONE, 0},
    {0xe68f3479, "sxtb16 r3, r9, ror #8", "sxtb16", 3, DSP_REG_NONE, DSP_REG_NONE, 9, DSP_REG_NONE, 8},
    {0xe68fc87e, "sxtb16 r12, r14, ror #16", "sxtb16", 12, DSP_REG_NONE, DSP_REG_NONE, 14, DSP_REG_NONE, 16},
    {0xe68fcc7d, "sxtb16 r12, r13, ror #24", "sxtb16", 12, DSP_REG_NONE, DSP_REG_NONE, 13, DSP_REG_NONE, 24},
    {0xe6cf307c, "uxtb16 r3, r12", "uxtb16", 3, DSP_REG_NONE, DSP_REG_NONE, 12, DSP_REG_NONE, 0},
    {0xe6cf347d, "uxtb16 r3, r13, ror #8", "uxtb16", 3, DSP_REG_NONE, DSP_REG_NONE, 13, DSP_REG_NONE, 8},
    {0xe6cf687b, "uxtb16 r6, r11, ror #16", "uxtb16", 6, DSP_REG_NONE, DSP_REG_NONE, 11, DSP_REG_NONE, 16},
    {0xe6cfcc73, "uxtb16 r12, r3, ror #24", "uxtb16", 12, DSP_REG_NONE, DSP_REG_NONE, 3, DSP_REG_NONE, 24},
    {0xe6883077, "sxtab16 r3, r8, r7", "sxtab16", 3, DSP_REG_NONE, 8, 7, DSP_REG_NONE, 0},
    {0xe68b5470, "sxtab16 r5, r11, r0, ror #8", "sxtab16", 5, DSP_REG_NONE, 11, 0, DSP_REG_NONE, 8},
    {0xe68c0874, "sxtab16 r0, r12, r4, ror #16", "sxtab16", 0, DSP_REG_NONE, 12, 4, DSP_REG_NONE, 16},
    {0xe6847c73, "sxtab16 r7, r4, r3, ror #24", "sxtab16", 7, DSP_REG_NONE, 4, 3, DSP_REG_NONE, 24},
    {0xe6c9b075, "uxtab16 r11, r9, r5", "uxtab16", 11, DSP_REG_NONE, 9, 5, DSP_REG_NONE, 0},
    {0xe6cc747b, "uxtab16 r7, r12, r11, ror #8", "uxtab16", 7, DSP_REG_NONE, 12, 11, DSP_REG_NONE, 8},
    {0xe6ce5871, "uxtab16 r5, r14, r1, ror #16", "uxtab16", 5, DSP_REG_NONE, 14, 1, DSP_REG_NONE, 16},
    {0xe6c13c7e, "uxtab16 r3, r1, r14, ror #24", "uxtab16", 3, DSP_REG_NONE, 1, 14, DSP_REG_NONE, 24},
    {0xe6837015, "pkhbt r7, r3, r5", "pkhbt", 7, DSP_REG_NONE, 3, 5, DSP_REG_NONE, 0},
    {0xe6873299, "pkhbt r3, r7, r9, lsl #5", "pkhbt", 3, DSP_REG_NONE, 7, 9, DSP_REG_NONE, 5},
    {0xe689e810, "pkhbt r14, r9, r0, lsl #16", "pkhbt", 14, DSP_REG_NONE, 9, 0, DSP_REG_NONE, 16},
    {0xe68a7f95, "pkhbt r7, r10, r5, lsl #31", "pkhbt", 7, DSP_REG_NONE, 10, 5, DSP_REG_NONE, 31},
    {0xe68ac0d1, "pkhtb r12, r10, r1, asr #1", "pkhtb", 12, DSP_REG_NONE, 10, 1, DSP_REG_NONE, 1},
    {0xe68ad851, "pkhtb r13, r10, r1, asr #16", "pkhtb", 13, DSP_REG_NONE, 10, 1, DSP_REG_NONE, 16},
    {0xe686efdc, "pkhtb r14, r6, r12, asr #31", "pkhtb", 14, DSP_REG_NONE, 6, 12, DSP_REG_NONE, 31},
    {0xe68cb053, "pkhtb r11, r12, r3, asr #32", "pkhtb", 11, DSP_REG_NONE, 12, 3, DSP_REG_NONE, 0},
    {0xe6ff7f32, "rbit r7, r2", "rbit", 7, DSP_REG_NONE, DSP_REG_NONE, 2, DSP_REG_NONE, 0},
    {0x11031052, "qaddne r1, r2, r3", "qadd", 1, DSP_REG_NONE, 3, 2, DSP_REG_NONE, 0},
    {0xc1014382, "smlabbgt r1, r2, r3, r4", "smlabb", 1, DSP_REG_NONE, 2, 3, 4, 0},
};

static csh cs;

static int setup(void **state)
{
    (void)state;
    if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &cs) != CS_ERR_OK)
        return -1;
    cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cs_close(&cs);
    return 0;
}

/* Capstone's id for an encoding, 0 (ARM_INS_INVALID) if it does not decode. */
static unsigned cs_id_of(uint32_t enc)
{
    uint8_t bytes[4] = {enc & 0xff, (enc >> 8) & 0xff, (enc >> 16) & 0xff, enc >> 24};
    cs_insn *ci;
    size_t n = cs_disasm(cs, bytes, 4, 0x1000, 1, &ci);
    if (n != 1)
        return 0;
    unsigned id = ci->id;
    cs_free(ci, n);
    return id;
}

static void test_assembled(void **state)
{
    (void)state;
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct expect *e = &cases[i];
        struct dsp_insn d;
        unsigned id = cs_id_of(e->enc);
        if (!id || !dsp_decode(id, e->enc, &d)) {
            print_error("%08x %s: not decoded (cs id %u)\n", e->enc, e->src, id);
            bad++;
            continue;
        }
        if (strcmp(d.name, e->name) || d.rd != e->rd || d.rd_hi != e->rd_hi || d.rn != e->rn ||
            d.rm != e->rm || d.ra != e->ra || d.imm != e->imm) {
            print_error("%08x %s: got %s rd %u hi %u rn %u rm %u ra %u imm %#x\n", e->enc, e->src,
                        d.name, d.rd, d.rd_hi, d.rn, d.rm, d.ra, d.imm);
            bad++;
        }
        /* Register masks follow the fields. */
        uint16_t w = (uint16_t)(1u << e->rd), r = 0;
        if (e->rd_hi != DSP_REG_NONE) {
            w |= (uint16_t)(1u << e->rd_hi);
            r |= w;
        }
        if (e->rn != DSP_REG_NONE)
            r |= (uint16_t)(1u << e->rn);
        if (e->rm != DSP_REG_NONE)
            r |= (uint16_t)(1u << e->rm);
        if (e->ra != DSP_REG_NONE)
            r |= (uint16_t)(1u << e->ra);
        if (d.writes != w || d.reads != r) {
            print_error("%08x %s: masks writes %#x reads %#x\n", e->enc, e->src, d.writes, d.reads);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

static void test_flags_and_shapes(void **state)
{
    (void)state;
    struct dsp_insn d;
    assert_true(dsp_decode(ARM_INS_SADD16, 0xe6125f16, &d)); /* sadd16 r5, r2, r6 */
    assert_int_equal(d.shape, DSP_RD_NM);
    assert_int_equal(d.flags, DSP_WRITES_GE);
    assert_ptr_equal(d.fn, (void *)dsp_sadd16);
    assert_true(dsp_decode(ARM_INS_QADD, 0x11032052, &d)); /* qaddne r2, r2, r3 */
    assert_int_equal(d.flags, DSP_WRITES_Q);
    assert_ptr_equal(d.fn, (void *)dsp_qadd);
    assert_true(dsp_decode(ARM_INS_SEL, 0xe6810fb2, &d)); /* sel r0, r1, r2 */
    assert_int_equal(d.flags, DSP_READS_GE);
    assert_true(dsp_decode(ARM_INS_UMAAL, 0xe0454291, &d)); /* umaal r4, r5, r1, r2 */
    assert_int_equal(d.shape, DSP_RDLOHI_NM);
    assert_ptr_equal(d.fn, (void *)dsp_umaal);
    assert_true(dsp_decode(ARM_INS_SXTB16, 0xe68f4071, &d)); /* sxtb16 r4, r1 */
    assert_int_equal(d.shape, DSP_RD_NM_ROT);
    assert_int_equal(d.rn, DSP_REG_NONE);
    assert_ptr_equal(d.fn, (void *)dsp_sxtab16);
    assert_true(dsp_decode(ARM_INS_PKHTB, 0xe68cb053, &d)); /* pkhtb r11, r12, r3, asr #32 */
    assert_int_equal(d.shape, DSP_RD_NM_IMM);
    assert_int_equal(d.imm, 0);
}

static void test_refused(void **state)
{
    (void)state;
    struct dsp_insn d;
    /* qadd r4, r1, r2 = e1024051; Rd, Rn, Rm = PC: UNPREDICTABLE -> refused. */
    assert_true(dsp_decode(ARM_INS_QADD, 0xe1024051, &d));
    assert_false(dsp_decode(ARM_INS_QADD, 0xe102f051, &d));
    assert_false(dsp_decode(ARM_INS_QADD, 0xe10f4051, &d));
    assert_false(dsp_decode(ARM_INS_QADD, 0xe102405f, &d));
    /* cond = 1111 is another instruction space. */
    assert_false(dsp_decode(ARM_INS_QADD, 0xf1024051, &d));
    /* Wrong id for the encoding. */
    assert_false(dsp_decode(ARM_INS_QSUB, 0xe1024051, &d));
    assert_false(dsp_decode(ARM_INS_ADD, 0xe1024051, &d));
    /* sadd16 r4, r1, r2 = e6114f12 with a should-be-one bit (11:8) cleared. */
    assert_true(dsp_decode(ARM_INS_SADD16, 0xe6114f12, &d));
    assert_false(dsp_decode(ARM_INS_SADD16, 0xe6114e12, &d));
    /* smlal<x><y>/umaal with RdHi or RdLo = PC. umaal r4, r5, r1, r2 = e0454291. */
    assert_false(dsp_decode(ARM_INS_UMAAL, 0xe04f4291, &d));
    assert_false(dsp_decode(ARM_INS_UMAAL, 0xe045f291, &d));
    /* smlabb r5, r1, r2, r3 = e1053281; Ra = PC. */
    assert_true(dsp_decode(ARM_INS_SMLABB, 0xe1053281, &d));
    assert_false(dsp_decode(ARM_INS_SMLABB, 0xe105f281, &d));
    /* smlad r5, r1, r2, r3 = e7053211; with Ra = 1111 the encoding is SMUAD. */
    assert_false(dsp_decode(ARM_INS_SMLAD, 0xe705f211, &d));
    assert_true(dsp_decode(ARM_INS_SMUAD, 0xe705f211, &d));
    /* rbit r4, r1 = e6ff4f31; Rd = PC. */
    assert_true(dsp_decode(ARM_INS_RBIT, 0xe6ff4f31, &d));
    assert_false(dsp_decode(ARM_INS_RBIT, 0xe6ffff31, &d));
    assert_false(dsp_decode(ARM_INS_RBIT, 0xe6ff4f3f, &d));
}

/* Fills every letter of a table pattern with random bits (registers 0..14,
 * cond 0..14) and checks Capstone names the same instruction and dsp_decode
 * gives that line back; the same encoding with one register field = 15 is refused. */
static void test_table_patterns(void **state)
{
    (void)state;
    uint32_t seed = 0x2545f491;
    unsigned bad = 0, checked = 0;
    for (unsigned i = 0; i < dsp_table_size(); i++) {
        unsigned id;
        const char *name, *pat;
        assert_true(dsp_table_entry(i, &id, &name, &pat));
        unsigned nbits = 0;
        for (const char *p = pat; *p; p++)
            nbits += *p != ' ';
        assert_int_equal(nbits, 32);
        for (unsigned iter = 0; iter < 64; iter++) {
            uint32_t enc = 0, regpos[5];
            unsigned nregs = 0;
            int bit = 31;
            char prev = 0;
            for (const char *p = pat; *p; p++) {
                if (*p == ' ')
                    continue;
                seed = seed * 1664525u + 1013904223u;
                uint32_t b = *p == '1' ? 1 : *p == '0' ? 0 : (seed >> 16) & 1;
                enc |= b << bit;
                if (strchr("nmdha", *p) && *p != prev)
                    regpos[nregs++] = (uint32_t)bit - 3;
                prev = *p;
                bit--;
            }
            /* cond 0..14 and registers 0..14 */
            if ((enc >> 28) == 15)
                enc &= ~(1u << 28);
            for (unsigned k = 0; k < nregs; k++)
                if (((enc >> regpos[k]) & 15) == 15)
                    enc &= ~(1u << regpos[k]);
            struct dsp_insn d;
            unsigned got = cs_id_of(enc);
            checked++;
            if (got != id || !dsp_decode(got, enc, &d) || strcmp(d.name, name)) {
                if (bad < 20)
                    print_error("%s: %08x: Capstone id %u (want %u)\n", name, enc, got, id);
                bad++;
                continue;
            }
            for (unsigned k = 0; k < nregs; k++) {
                if (dsp_decode(id, enc | 15u << regpos[k], &d)) {
                    print_error("%s: %08x accepted with PC\n", name, enc | 15u << regpos[k]);
                    bad++;
                }
            }
        }
    }
    print_message("%u random encodings checked\n", checked);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assembled),
        cmocka_unit_test(test_flags_and_shapes),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_table_patterns),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
