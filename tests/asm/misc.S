@ misc.S -- MRS/MSR (APSR_nzcvq, APSR_g, APSR_nzcvqg; register and immediate
@ forms), NOP/YIELD, the set_tls private syscall (0xf0005) read back with
@ MRC p15, 0, Rt, c13, c0, 3 (TPIDRURO), the kuser helpers get_tls
@ (0xffff0fe0), cmpxchg (0xffff0fc0), memory_barrier (0xffff0fa0) and the
@ helper version word (0xffff0ffc), and SVC write (including an error return).
@ march: armv7-a
@ trace: ignore-kuser-records   (kuser_trace.S checks the records themselves)
#include "common.inc"
        TEST_BEGIN
        @ MSR/MRS
        ldr     r0, =0xf80f0000
        msr     APSR_nzcvqg, r0
        mrs     r1, APSR
        CHECK(r1, 0xf80f0010)
        mov     r0, #0
        msr     APSR_nzcvq, r0          @ GE kept
        mrs     r1, APSR
        CHECK(r1, 0x000f0010)
        ldr     r0, =0x50050000
        msr     APSR_g, r0              @ only GE changes
        mrs     r1, APSR
        CHECK(r1, 0x00050010)
        msr     APSR_nzcvq, #0x60000000
        mrs     r1, APSR
        CHECK(r1, 0x60050010)
        msr     APSR_g, #0x000a0000
        mrs     r1, APSR
        CHECK(r1, 0x600a0010)
        msr     APSR_nzcvqg, #0x08000000
        mrs     r2, CPSR
        CHECK(r2, 0x08000010)
        SETPSR(0x40000000)
        mrsne   r3, APSR
        mrseq   r4, APSR
        CHECK(r4, 0x40000010)
        msrne   APSR_nzcvq, #0xf0000000
        msreq   APSR_nzcvq, #0x20000000
        CHECKPSR(NZCV_MASK, 0x20000000)
        nop
        yield
        @ set_tls and TPIDRURO
        ldr     r0, =0x12345678
        ldr     r7, =0xf0005
        svc     #0
        CHECK(r0, 0)
        mrc     p15, 0, r5, c13, c0, 3
        CHECK(r5, 0x12345678)
        @ kuser helpers: get_tls returns TPIDRURO in r0
        mov     r0, #0
        ldr     r12, =0xffff0fe0
        blx     r12
        CHECK(r0, 0x12345678)
        @ cmpxchg(oldval r0, newval r1, ptr r2): r0 = 0 and C set on success
        ldr     r2, =word
        mov     r0, #7
        mov     r1, #9
        ldr     r12, =0xffff0fc0
        blx     r12
        CHECK(r0, 0)
        CHECKPSR(0x20000000, 0x20000000)
        ldr     r3, =word
        ldr     r3, [r3]
        CHECK(r3, 9)
        ldr     r2, =word
        mov     r0, #7                  @ stale old value: fails, r0 != 0, C clear
        mov     r1, #11
        ldr     r12, =0xffff0fc0
        blx     r12
        CHECKPSR(0x20000000, 0)
        ldr     r3, =word
        ldr     r3, [r3]
        CHECK(r3, 9)
        @ memory barrier helper
        ldr     r12, =0xffff0fa0
        blx     r12
        @ helper version (number of helpers), at least 2 on any kernel
        ldr     r12, =0xffff0ffc
        ldr     r6, [r12]
        cmp     r6, #2
        movge   r6, #1
        CHECK(r6, 1)
        @ TLS changed again, via mrc after set_tls
        ldr     r0, =0xcafe0000
        ldr     r7, =0xf0005
        svc     #0
        mrc     p15, 0, r8, c13, c0, 3
        CHECK(r8, 0xcafe0000)
        @ write() to a bad descriptor: -EBADF
        mvn     r0, #0
        adr     r1, msg
        mov     r2, #4
        mov     r7, #4
        svc     #0
        CHECK(r0, 0xfffffff7)
        @ write() that works
        mov     r0, #1
        adr     r1, msg
        mov     r2, #(msg_end - msg)
        mov     r7, #4
        svc     #0
        CHECK(r0, 16)
        @ conditional SVC: not taken leaves r0 alone, taken returns -EBADF
        SETPSR(0x40000000)
        mvn     r0, #0
        adr     r1, msg
        mov     r2, #1
        mov     r7, #4
        svcne   #0
        CHECK(r0, 0xffffffff)
        svceq   #0
        CHECK(r0, 0xfffffff7)
        TEST_END misc
msg:    .ascii  "hello from misc\n"
msg_end:
        .balign 4
        .data
word:   .word   7
