/* Debugging Thumb code (gdb_thumb_*.py). Built -O0 as ARM code (main and
 * a_leaf) with Thumb functions (t_leaf, t_mid) marked target("thumb"):
 * main (ARM) calls t_leaf (Thumb) twice and t_mid (Thumb), which calls
 * a_leaf (ARM); t_leaf stores to `counter` (a watchpoint in Thumb code).
 *
 * sw_entry .. sw_arm_leaf below are hand-written so each state switch is
 * one known instruction at a label (expected values from the ARM ARM):
 *   sw_entry     (Thumb)  push {r4, lr}
 *   sw_call_arm  (Thumb)  bl sw_arm        -> the linker makes it BLX: to ARM, lr = next | 1
 *   sw_arm       (ARM)    push {r4, lr}; mov r0, #7
 *   sw_blx_imm   (ARM)    blx sw_thumb     -> Thumb, lr = sw_after_imm
 *   sw_thumb     (Thumb)  adds r0, #1
 *   sw_bx_lr     (Thumb)  bx lr            -> ARM (lr bit 0 clear)
 *   sw_after_imm (ARM)    ldr r3, =sw_thumb2 (bit 0 set: .thumb_func)
 *   sw_blx_reg   (ARM)    blx r3           -> Thumb, lr = sw_after_reg
 *   sw_thumb2    (Thumb)  push {lr}
 *   sw_bl_pair   (Thumb)  bl sw_arm_leaf   -> BLX: to ARM, lr = sw_pop_pc | 1
 *   sw_arm_leaf  (ARM)    add r0, r0, #10
 *   sw_arm_bx    (ARM)    bx lr            -> Thumb
 *   sw_pop_pc    (Thumb)  pop {pc}         -> ARM (ARMv5T: POP {pc} interworks)
 *   sw_after_reg (ARM)    pop {r4, pc}     -> Thumb (ARMv5T: LDM pc interworks)
 *   sw_back      (Thumb)  pop {r4, pc}     -> ARM, back in main
 * sw_entry(0) returns 7 + 1 + 10 = 18. */
#include <stdio.h>

#define ARM __attribute__((target("arm"), noinline))
#define THUMB __attribute__((target("thumb"), noinline))

volatile int counter;

int sw_entry(void);

__asm__(".text\n"
        ".syntax unified\n"
        ".thumb\n"
        ".global sw_entry\n"
        ".type sw_entry, %function\n"
        ".thumb_func\n"
        "sw_entry:\n"
        "  push {r4, lr}\n"
        "sw_call_arm:\n"
        "  bl sw_arm\n"
        "sw_back:\n"
        "  pop {r4, pc}\n"
        ".size sw_entry, . - sw_entry\n"

        ".arm\n"
        ".align 2\n"
        ".type sw_arm, %function\n"
        "sw_arm:\n"
        "  push {r4, lr}\n"
        "  mov r0, #7\n"
        "sw_blx_imm:\n"
        "  blx sw_thumb\n"
        "sw_after_imm:\n"
        "  ldr r3, =sw_thumb2\n"
        "sw_blx_reg:\n"
        "  blx r3\n"
        "sw_after_reg:\n"
        "  pop {r4, pc}\n"
        ".ltorg\n"
        ".size sw_arm, . - sw_arm\n"

        ".thumb\n"
        ".type sw_thumb, %function\n"
        ".thumb_func\n"
        "sw_thumb:\n"
        "  adds r0, #1\n"
        "sw_bx_lr:\n"
        "  bx lr\n"
        ".size sw_thumb, . - sw_thumb\n"

        ".type sw_thumb2, %function\n"
        ".thumb_func\n"
        "sw_thumb2:\n"
        "  push {lr}\n"
        "sw_bl_pair:\n"
        "  bl sw_arm_leaf\n"
        "sw_pop_pc:\n"
        "  pop {pc}\n"
        ".size sw_thumb2, . - sw_thumb2\n"

        ".arm\n"
        ".align 2\n"
        ".type sw_arm_leaf, %function\n"
        "sw_arm_leaf:\n"
        "  add r0, r0, #10\n"
        "sw_arm_bx:\n"
        "  bx lr\n"
        ".size sw_arm_leaf, . - sw_arm_leaf\n");

THUMB int t_leaf(int x)
{
    int y = x * 3; /* MARK:t_leaf_first */
    counter = y;   /* MARK:t_leaf_store */
    return y + 1;  /* MARK:t_leaf_ret */
} /* MARK:t_leaf_end */

ARM int a_leaf(int x)
{
    int y = x + 100; /* MARK:a_leaf_first */
    return y;        /* MARK:a_leaf_ret */
} /* MARK:a_leaf_end */

THUMB int t_mid(int x)
{
    int a = a_leaf(x); /* MARK:t_mid_call */
    return a * 2;      /* MARK:t_mid_ret */
} /* MARK:t_mid_end */

int main(void)
{
    int v = t_leaf(2);    /* MARK:main_call1 */
    v += t_leaf(5);       /* MARK:main_call2 */
    v += t_mid(v);        /* MARK:main_call3 */
    v += sw_entry();      /* MARK:main_sw */
    printf("v %d counter %d\n", v, counter); /* MARK:main_print */
    return 0;
}
