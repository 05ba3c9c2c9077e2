/* Decode tests of the helper-called A32 instructions (their lines in
 * arm/a32.decode, through arm_decode; the helper list DSP_TRANS_OPS in
 * translator/dsp_ops.h): every instruction assembled with
 * `arm-linux-gnueabihf-as -march=armv7-a` (hex pasted with its source line)
 * must decode into the expected operation and registers (read off the
 * assembly syntax, e.g. QADD Rd, Rm, Rn) and immediate, with the registers
 * it writes and whether it may write Q/GE as the ARM ARM says; PC operands
 * are UNPREDICTABLE, cond 1111 and wrong should-be bits are other
 * instructions; and random encodings of each line agree with Capstone. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <capstone/capstone.h>
#include <cmocka.h>

#include "arm/cpu.h"
#include "arm/decode.h"
#include "translator/dsp_ops.h"
#include "test_rng.h"

#define DSP_REG_NONE 0xff /* an operand the instruction does not have */

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
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cs_close(&cs);
    return 0;
}

/* Capstone's name for an encoding ("" if it does not decode). */
static const char *cs_name_of(uint32_t enc)
{
    static char name[32];
    uint8_t bytes[4] = {enc & 0xff, (enc >> 8) & 0xff, (enc >> 16) & 0xff, enc >> 24};
    cs_insn *ci;
    size_t n = cs_disasm(cs, bytes, 4, 0x1000, 1, &ci);
    name[0] = 0;
    if (n == 1) {
        const char *s = cs_insn_name(cs, ci->id);
        strncpy(name, s ? s : "", sizeof name - 1);
        cs_free(ci, n);
    }
    return name;
}

/* The operation's name in lower case ("sadd16"). */
static const char *op_name(const struct isa_insn *d)
{
    static char name[32];
    const char *s = isa_op_names[d->op];
    size_t i = 0;
    for (; s[i] && i + 1 < sizeof name; i++)
        name[i] = (char)tolower((unsigned char)s[i]);
    name[i] = 0;
    return name;
}

enum shape { SH_NONE, SH_NM, SH_RM, SH_NMA, SH_LOHI, SH_SAT, SH_ROT, SH_IMM, SH_UMAAL };

static enum shape shape_of(const struct isa_insn *d)
{
    switch (d->op) {
#define SHAPE(op, shape, fn) \
    case ISA_OP_##op: return SH_##shape;
        DSP_TRANS_OPS(SHAPE)
#undef SHAPE
    case ISA_OP_UMAAL: return SH_UMAAL;
    default: return SH_NONE;
    }
}

struct fields {
    uint8_t rd, rd_hi, rn, rm, ra; /* rd is RdLo for the long forms */
    uint32_t imm; /* SAT: DSP_SAT_IMM; ROT: rotation in bits; IMM: imm5 */
};

/* The operands in the ARM ARM's terms, from the decoded arguments. */
static struct fields fields_of(const struct isa_insn *d)
{
    struct fields f = {DSP_REG_NONE, DSP_REG_NONE, DSP_REG_NONE, DSP_REG_NONE, DSP_REG_NONE, 0};
    const union arm_args *a = &d->a;
    switch (shape_of(d)) {
    case SH_NM: f.rd = (uint8_t)a->rrr.rd, f.rn = (uint8_t)a->rrr.rn, f.rm = (uint8_t)a->rrr.rm; break;
    case SH_RM: f.rd = (uint8_t)a->rr.rd, f.rm = (uint8_t)a->rr.rm; break;
    case SH_NMA:
        f.rd = (uint8_t)a->rrrr.rd, f.rn = (uint8_t)a->rrrr.rn, f.rm = (uint8_t)a->rrrr.rm;
        f.ra = (uint8_t)a->rrrr.ra;
        break;
    case SH_LOHI:
        f.rd = (uint8_t)a->lohi.rdlo, f.rd_hi = (uint8_t)a->lohi.rdhi;
        f.rn = (uint8_t)a->lohi.rn, f.rm = (uint8_t)a->lohi.rm;
        break;
    case SH_UMAAL: /* &s_rrrr: RdHi in rd, RdLo in ra */
        f.rd = (uint8_t)a->s_rrrr.ra, f.rd_hi = (uint8_t)a->s_rrrr.rd;
        f.rn = (uint8_t)a->s_rrrr.rn, f.rm = (uint8_t)a->s_rrrr.rm;
        break;
    case SH_SAT:
        f.rd = (uint8_t)a->sat.rd, f.rn = (uint8_t)a->sat.rn;
        f.imm = DSP_SAT_IMM(a->sat.satimm, a->sat.imm5, a->sat.sh);
        break;
    case SH_ROT:
        f.rd = (uint8_t)a->rrr_rot.rd, f.rm = (uint8_t)a->rrr_rot.rm;
        f.rn = a->rrr_rot.rn == 15 ? DSP_REG_NONE : (uint8_t)a->rrr_rot.rn; /* SXTB16, UXTB16 */
        f.imm = 8u * (uint32_t)a->rrr_rot.rot;
        break;
    case SH_IMM:
        f.rd = (uint8_t)a->rrr_imm.rd, f.rn = (uint8_t)a->rrr_imm.rn, f.rm = (uint8_t)a->rrr_imm.rm;
        f.imm = (uint32_t)a->rrr_imm.imm;
        break;
    case SH_NONE: break;
    }
    return f;
}

static bool decode(uint32_t enc, struct isa_insn *d) { return a32_decode(enc, d) && shape_of(d) != SH_NONE; }

static void test_assembled(void **state)
{
    (void)state;
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct expect *e = &cases[i];
        struct isa_insn d;
        if (!decode(e->enc, &d) || d.f.unpredictable) {
            print_error("%08x %s: not decoded as one of ours\n", e->enc, e->src);
            bad++;
            continue;
        }
        struct fields f = fields_of(&d);
        if (strcmp(op_name(&d), e->name) || f.rd != e->rd || f.rd_hi != e->rd_hi || f.rn != e->rn ||
            f.rm != e->rm || f.ra != e->ra || f.imm != e->imm) {
            print_error("%08x %s: got %s rd %u hi %u rn %u rm %u ra %u imm %#x\n", e->enc, e->src,
                        op_name(&d), f.rd, f.rd_hi, f.rn, f.rm, f.ra, f.imm);
            bad++;
        }
        /* The registers it writes: Rd, or RdLo and RdHi. */
        uint16_t w = (uint16_t)(1u << e->rd);
        if (e->rd_hi != DSP_REG_NONE)
            w |= (uint16_t)(1u << e->rd_hi);
        if (d.f.wregs != w) {
            print_error("%08x %s: writes %#x, want %#x\n", e->enc, e->src, d.f.wregs, w);
            bad++;
        }
        if (d.cond != e->enc >> 28) {
            print_error("%08x %s: cond %u\n", e->enc, e->src, d.cond);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Which of them may write Q or GE (A8.8: the parallel S and U forms set GE;
 * QADD..QDSUB, SSAT/USAT(16), SMLA<x><y>, SMLAW<y>, SMUAD(X), SMLAD(X) and
 * SMLSD(X) set Q on overflow; nothing else does), and the helper each calls. */
static void test_flags_and_helpers(void **state)
{
    (void)state;
    static const char *const writes_q_ge[] = {
        "sadd16", "sasx", "ssax", "ssub16", "sadd8", "ssub8", "uadd16", "uasx", "usax", "usub16", "uadd8",
        "usub8", "qadd", "qsub", "qdadd", "qdsub", "ssat", "usat", "ssat16", "usat16", "smlabb", "smlabt",
        "smlatb", "smlatt", "smlawb", "smlawt", "smuad", "smuadx", "smlad", "smladx", "smlsd", "smlsdx",
    };
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct isa_insn d;
        if (!decode(cases[i].enc, &d))
            continue; /* test_assembled reports it */
        bool want = false;
        for (size_t k = 0; k < sizeof writes_q_ge / sizeof writes_q_ge[0]; k++)
            want |= strcmp(writes_q_ge[k], cases[i].name) == 0;
        if (d.f.psr != want) {
            print_error("%s: psr fact %d, want %d\n", cases[i].src, d.f.psr, want);
            bad++;
        }
        if (d.f.fl_may || d.f.mem || d.f.end || d.f.trap) {
            print_error("%s: NZCV, memory, block end or trap facts set\n", cases[i].src);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    struct isa_insn d;
    assert_true(decode(0xe6125f16, &d)); /* sadd16 r5, r2, r6 */
    assert_ptr_equal(dsp_helper_of(&d), (const void *)dsp_sadd16);
    assert_true(decode(0x11032052, &d)); /* qaddne r2, r2, r3 */
    assert_ptr_equal(dsp_helper_of(&d), (const void *)dsp_qadd);
    assert_true(decode(0xe0454291, &d)); /* umaal r4, r5, r1, r2 */
    assert_ptr_equal(dsp_helper_of(&d), (const void *)dsp_umaal);
    assert_true(decode(0xe68f4071, &d)); /* sxtb16 r4, r1: the SXTAB16 helper with n = 0 */
    assert_ptr_equal(dsp_helper_of(&d), (const void *)dsp_sxtab16);
    assert_true(decode(0xe68cb053, &d)); /* pkhtb r11, r12, r3, asr #32: imm 0 */
    assert_ptr_equal(dsp_helper_of(&d), (const void *)dsp_pkhtb);
    assert_int_equal(fields_of(&d).imm, 0);
}

static void expect_unpredictable(uint32_t enc, const char *what)
{
    struct isa_insn d;
    if (!a32_decode(enc, &d) || !d.f.unpredictable) {
        print_error("%08x (%s): not UNPREDICTABLE (decoded %d)\n", enc, what, a32_decode(enc, &d));
        fail();
    }
}

static void expect_op(uint32_t enc, enum isa_op op, bool yes)
{
    struct isa_insn d;
    bool got = a32_decode(enc, &d) && d.op == op && !d.f.unpredictable;
    if (got != yes) {
        print_error("%08x: %s %s\n", enc, yes ? "not" : "wrongly", isa_op_names[op]);
        fail();
    }
}

static void test_refused(void **state)
{
    (void)state;
    /* qadd r4, r1, r2 = e1024051; Rd, Rn, Rm = PC: UNPREDICTABLE. */
    expect_op(0xe1024051, ISA_OP_QADD, true);
    expect_unpredictable(0xe102f051, "qadd Rd = PC");
    expect_unpredictable(0xe10f4051, "qadd Rn = PC");
    expect_unpredictable(0xe102405f, "qadd Rm = PC");
    /* cond = 1111 is another instruction space. */
    expect_op(0xf1024051, ISA_OP_QADD, false);
    /* sadd16 r4, r1, r2 = e6114f12 with a should-be-one bit (11:8) cleared. */
    expect_op(0xe6114f12, ISA_OP_SADD16, true);
    expect_op(0xe6114e12, ISA_OP_SADD16, false);
    /* umaal with RdHi or RdLo = PC. umaal r4, r5, r1, r2 = e0454291. */
    expect_unpredictable(0xe04f4291, "umaal RdHi = PC");
    expect_unpredictable(0xe045f291, "umaal RdLo = PC");
    /* smlabb r5, r1, r2, r3 = e1053281; Ra = PC. */
    expect_op(0xe1053281, ISA_OP_SMLABB, true);
    expect_unpredictable(0xe105f281, "smlabb Ra = PC");
    /* smlad r5, r1, r2, r3 = e7053211; with Ra = 1111 the encoding is SMUAD. */
    expect_op(0xe705f211, ISA_OP_SMLAD, false);
    expect_op(0xe705f211, ISA_OP_SMUAD, true);
    /* rbit r4, r1 = e6ff4f31; Rd or Rm = PC. */
    expect_op(0xe6ff4f31, ISA_OP_RBIT, true);
    expect_unpredictable(0xe6ffff31, "rbit Rd = PC");
    expect_unpredictable(0xe6ff4f3f, "rbit Rm = PC");
}

/* Random encodings of every line that calls a helper (its fixed bits, the
 * rest random, cond 0..14, no register PC): Capstone names the same
 * instruction, and putting PC into any register field (a nibble at 0, 8,
 * 12 or 16 that decodes as a register) makes it UNPREDICTABLE. */
static void test_table_lines(void **state)
{
    (void)state;
    rng_state = 0x2545f491u;
    unsigned bad = 0, checked = 0, lines = 0;
    for (unsigned k = 0; k < a32_table_len; k++) {
        const struct arm_table_line *l = &a32_table[k];
        struct isa_insn probe = {.op = l->op};
        if (shape_of(&probe) == SH_NONE)
            continue;
        lines++;
        for (unsigned iter = 0, got = 0; got < 64 && iter < 10000; iter++) {
            uint32_t enc = (rnd() & ~l->mask) | l->fixed;
            if ((enc >> 28) == 15)
                continue;
            struct isa_insn d;
            if (!a32_decode(enc, &d) || d.line != k || d.f.unpredictable)
                continue; /* an earlier line of its group, or a PC operand */
            got++;
            checked++;
            const char *cs_name = cs_name_of(enc);
            if (strcmp(cs_name, op_name(&d))) {
                if (bad < 20)
                    print_error("%s: %08x: Capstone says %s\n", l->name, enc, cs_name);
                bad++;
            }
            for (unsigned pos = 0; pos <= 16; pos += 4) {
                if (pos == 4)
                    continue;
                uint32_t pc_enc = enc | 15u << pos;
                struct isa_insn p;
                if (pc_enc == enc || !a32_decode(pc_enc, &p) || p.line != k)
                    continue;
                struct fields f = fields_of(&p);
                bool has_pc = f.rd == 15 || f.rd_hi == 15 || f.rn == 15 || f.rm == 15 || f.ra == 15;
                if (has_pc && !p.f.unpredictable) {
                    print_error("%s: %08x accepted with PC\n", l->name, pc_enc);
                    bad++;
                }
            }
        }
    }
    print_message("%u lines, %u random encodings checked\n", lines, checked);
    assert_int_equal(lines, 89);
    assert_true(checked >= 64u * lines);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assembled),
        cmocka_unit_test(test_flags_and_helpers),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_table_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
