/* Conditional BKPT and UDF in ARM state (A32 BKPT with cond != AL is
 * UNPREDICTABLE in the ARM ARM; qemu-arm treats both as conditional
 * instructions): with their condition failing they are skipped, for each of
 * the 14 conditions; the last one, a BKPTNE with Z clear, traps: the
 * program dies of SIGTRAP (128 + 5). */
// EXIT: 133
#include <stdio.h>

#define ARM __attribute__((target("arm"), noinline))

/* Sets NZCV, then BKPT<c> #0 and UDF<c> #0 with condition c (encodings from
 * the ARM ARM, A8.8.24 and A8.8.247, with the cond field changed). */
#define SKIP(c, nzcv)                                                                  \
    __asm__ volatile("msr APSR_nzcvq, %0\n\t"                                          \
                     ".inst 0x01200070 | (" #c " << 28)\n\t"                           \
                     ".inst 0x07f000f0 | (" #c " << 28)" ::"r"((unsigned)(nzcv) << 28) \
                     : "cc")

ARM static int skips(void)
{
    int n = 0;
    /* NZCV = 8 4 2 1; each value makes its condition fail. */
    SKIP(0, 0x0); n++;  /* EQ, Z clear */
    SKIP(1, 0x4); n++;  /* NE, Z set */
    SKIP(2, 0x0); n++;  /* CS, C clear */
    SKIP(3, 0x2); n++;  /* CC, C set */
    SKIP(4, 0x0); n++;  /* MI, N clear */
    SKIP(5, 0x8); n++;  /* PL, N set */
    SKIP(6, 0x0); n++;  /* VS, V clear */
    SKIP(7, 0x1); n++;  /* VC, V set */
    SKIP(8, 0x6); n++;  /* HI, C set but Z set */
    SKIP(9, 0x2); n++;  /* LS, C set and Z clear */
    SKIP(10, 0x8); n++; /* GE, N != V */
    SKIP(11, 0x9); n++; /* LT, N == V */
    SKIP(12, 0x4); n++; /* GT, Z set */
    SKIP(13, 0x0); n++; /* LE, Z clear and N == V */
    return n;
}

ARM static void trap(void)
{
    /* BKPTNE #0 with Z clear: the condition holds. */
    __asm__ volatile("msr APSR_nzcvq, %0\n\t.inst 0x11200070" ::"r"(0u) : "cc");
}

int main(void)
{
    printf("skipped %d conditional BKPT/UDF pairs\n", skips());
    fflush(stdout);
    trap();
    printf("not reached\n");
    return 0;
}
