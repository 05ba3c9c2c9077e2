@ Stubs for the qemu-arm golden file of the DSP helper test (see gen.c).
@ Each stub is exactly 11 words; the instruction under test is word 5.
@ Called with r0 = struct { u32 in[5]; u32 apsr_in; u32 out[5]; u32 apsr_out; }:
@ loads r1-r5 and APSR (NZCVQ, GE), runs the instruction, stores r1-r5 and APSR.
    .syntax unified
    .arm
    .text
    .macro T ins:vararg
1:  push {r4, r5, lr}
    mov r12, r0
    ldr r0, [r12, #20]
    msr APSR_nzcvqg, r0
    ldm r12, {r1-r5}
    \ins
    mrs r0, APSR
    add r12, r12, #24
    stm r12, {r1-r5}
    str r0, [r12, #20]
    pop {r4, r5, pc}
2:
    .if (2b - 1b) != 44
    .error "stub is not 11 words"
    .endif
    .endm

    .section .note.GNU-stack, "", %progbits
    .text
    .global stubs_start, stubs_end, _start
_start:
    bl golden_main          @ returns the exit status in r0
    mov r7, #1
    svc 0

    .balign 4
stubs_start:
    T sadd16 r4, r1, r2
    T sasx r5, r2, r1
    T ssax r3, r1, r2
    T ssub16 r4, r3, r5
    T sadd8 r1, r2, r3
    T ssub8 r2, r4, r1
    T qadd16 r4, r1, r2
    T qasx r5, r2, r1
    T qsax r3, r1, r2
    T qsub16 r4, r3, r5
    T qadd8 r1, r2, r3
    T qsub8 r2, r4, r1
    T shadd16 r4, r1, r2
    T shasx r5, r2, r1
    T shsax r3, r1, r2
    T shsub16 r4, r3, r5
    T shadd8 r1, r2, r3
    T shsub8 r2, r4, r1
    T uadd16 r4, r1, r2
    T uasx r5, r2, r1
    T usax r3, r1, r2
    T usub16 r4, r3, r5
    T uadd8 r1, r2, r3
    T usub8 r2, r4, r1
    T uqadd16 r4, r1, r2
    T uqasx r5, r2, r1
    T uqsax r3, r1, r2
    T uqsub16 r4, r3, r5
    T uqadd8 r1, r2, r3
    T uqsub8 r2, r4, r1
    T uhadd16 r4, r1, r2
    T uhasx r5, r2, r1
    T uhsax r3, r1, r2
    T uhsub16 r4, r3, r5
    T uhadd8 r1, r2, r3
    T uhsub8 r2, r4, r1
    T sel r4, r1, r2
    T sel r5, r3, r1
    T usad8 r4, r1, r2
    T usada8 r5, r1, r2, r3
    T qadd r4, r1, r2
    T qadd r5, r2, r1
    T qsub r4, r1, r2
    T qsub r3, r2, r1
    T qdadd r4, r1, r2
    T qdadd r5, r2, r1
    T qdsub r4, r1, r2
    T qdsub r1, r3, r2
    T ssat r4, #1, r1
    T ssat r4, #8, r2, lsl #4
    T ssat r4, #16, r1, asr #7
    T ssat r4, #32, r1
    T ssat r5, #32, r2, lsl #31
    T ssat r4, #31, r1, asr #32
    T ssat r5, #24, r3, asr #1
    T ssat r4, #2, r2, asr #31
    T usat r4, #0, r1
    T usat r4, #8, r1
    T usat r4, #31, r2, lsl #3
    T usat r4, #16, r1, asr #32
    T usat r4, #15, r3, asr #31
    T usat r5, #1, r2
    T usat r3, #31, r1
    T ssat16 r4, #1, r1
    T ssat16 r4, #8, r2
    T ssat16 r5, #16, r1
    T usat16 r4, #0, r1
    T usat16 r4, #7, r2
    T usat16 r5, #15, r1
    T smulbb r4, r1, r2
    T smlabb r5, r1, r2, r3
    T smlalbb r4, r5, r1, r2
    T smulbt r4, r1, r2
    T smlabt r5, r1, r2, r3
    T smlalbt r4, r5, r1, r2
    T smultb r4, r1, r2
    T smlatb r5, r1, r2, r3
    T smlaltb r4, r5, r1, r2
    T smultt r4, r1, r2
    T smlatt r5, r1, r2, r3
    T smlaltt r4, r5, r1, r2
    T smulwb r4, r1, r2
    T smulwt r4, r2, r1
    T smlawb r5, r1, r2, r3
    T smlawt r4, r1, r2, r3
    T smuad r4, r1, r2
    T smusd r4, r1, r2
    T smlad r5, r1, r2, r3
    T smlsd r5, r1, r2, r3
    T smlald r4, r5, r1, r2
    T smlsld r4, r5, r1, r2
    T smuadx r4, r1, r2
    T smusdx r4, r1, r2
    T smladx r5, r1, r2, r3
    T smlsdx r5, r1, r2, r3
    T smlaldx r4, r5, r1, r2
    T smlsldx r4, r5, r1, r2
    T smmul r4, r1, r2
    T smmla r5, r1, r2, r3
    T smmls r4, r1, r2, r3
    T smmulr r4, r1, r2
    T smmlar r5, r1, r2, r3
    T smmlsr r4, r1, r2, r3
    T umaal r4, r5, r1, r2
    T umaal r3, r4, r5, r1
    T smulbb r3, r5, r4
    T smlatb r1, r2, r3, r4
    T smlalbt r1, r2, r3, r4
    T sxtb16 r4, r1
    T sxtb16 r4, r2, ror #8
    T sxtb16 r5, r1, ror #16
    T sxtb16 r4, r3, ror #24
    T uxtb16 r4, r1
    T uxtb16 r4, r2, ror #8
    T uxtb16 r5, r1, ror #16
    T uxtb16 r4, r3, ror #24
    T sxtab16 r4, r1, r2
    T sxtab16 r4, r1, r2, ror #8
    T sxtab16 r5, r2, r1, ror #16
    T sxtab16 r4, r3, r5, ror #24
    T uxtab16 r4, r1, r2
    T uxtab16 r4, r1, r2, ror #8
    T uxtab16 r5, r2, r1, ror #16
    T uxtab16 r4, r3, r5, ror #24
    T pkhbt r4, r1, r2
    T pkhbt r4, r1, r2, lsl #5
    T pkhbt r5, r2, r1, lsl #16
    T pkhbt r4, r1, r2, lsl #31
    T pkhtb r4, r1, r2, asr #1
    T pkhtb r4, r1, r2, asr #16
    T pkhtb r5, r2, r1, asr #32
    T pkhtb r4, r1, r2, asr #31
    T rbit r4, r1
    T rbit r5, r2
    @ operand aliasing: sources that are also destinations
    T qdadd r2, r2, r2
    T smlalbb r1, r2, r1, r2
    T umaal r1, r2, r2, r1
    T sadd16 r3, r3, r3
    T smlad r1, r2, r1, r1
    T pkhtb r1, r1, r1, asr #16
    T sxtab16 r2, r2, r2, ror #8
    T usada8 r4, r4, r4, r4
    T smlald r1, r2, r2, r1
stubs_end:
