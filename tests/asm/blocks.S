@ blocks.S -- control-flow shapes that stress a block translator: hot loops
@ whose branch changes direction, entry into the middle of code already run
@ from its start, a straight-line run longer than any sane block limit,
@ SVC inside a loop, recursion (BX LR / POP {PC} to many return sites),
@ indirect jumps through a table to alternating targets.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        @ 1. hot loop with a data-dependent inner branch
        mov     r0, #0
        mov     r1, #0
        mov     r2, #0
1:      tst     r0, #3
        addeq   r1, r1, #1
        beq     2f
        add     r2, r2, r0
2:      add     r0, r0, #1
        cmp     r0, #300
        blt     1b
        CHECK(r1, 75)
        CHECK(r2, 33750)
        @ 2. run a sequence from its start, then enter it in the middle
        mov     r3, #0
        bl      seq_start
        CHECK(r3, 15)
        mov     r3, #0
        bl      seq_mid
        CHECK(r3, 12)
        mov     r3, #0
        bl      seq_start
        CHECK(r3, 15)
        @ 3. a long straight-line run (700 instructions)
        mov     r4, #0
        .rept   350
        add     r4, r4, #3
        eor     r4, r4, r4, lsr #7
        .endr
        @ 4. SVC inside a loop: write(-1, ...) returns -EBADF each time
        mov     r5, #5
        mov     r6, #0
3:      mvn     r0, #0
        adr     r1, 3b
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     r6, r6, r0
        subs    r5, r5, #1
        bne     3b
        CHECK(r6, 0xffffffd3)           @ 5 * -9
        @ 5. recursion: fib(12) with calls from two different sites
        mov     r0, #12
        bl      fib
        CHECK(r0, 144)
        @ 6. indirect jumps to alternating targets
        mov     r8, #0
        mov     r9, #0
        ldr     r10, =jtab
4:      and     r11, r9, #3
        ldr     r12, [r10, r11, lsl #2]
        blx     r12
        add     r9, r9, #1
        cmp     r9, #40
        bne     4b
        CHECK(r8, 1110)
        @ 7. a conditional branch as the only way out of a tight loop
        mov     r0, #0
5:      adds    r0, r0, #0x10000000
        bcc     5b
        CHECK(r0, 0)
        TEST_END blocks

seq_start:
        add     r3, r3, #1
        add     r3, r3, #2
seq_mid:
        add     r3, r3, #3
        add     r3, r3, #4
        add     r3, r3, #5
        bx      lr

fib:    cmp     r0, #2
        movlt   pc, lr
        push    {r4, lr}
        sub     r4, r0, #2
        sub     r0, r0, #1
        bl      fib
        push    {r0}
        mov     r0, r4
        bl      fib
        pop     {r1}
        add     r0, r0, r1
        pop     {r4, pc}

t0:     add     r8, r8, #1
        bx      lr
t1:     add     r8, r8, #10
        bx      lr
t2:     add     r8, r8, #100
        mov     pc, lr
t3:     push    {lr}
        add     r8, r8, #0
        pop     {pc}
        .data
jtab:   .word   t0, t1, t2, t3
