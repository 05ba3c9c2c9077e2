/* translator/vfp_softfma.c (the fused multiply-add for hosts without FMA3)
 * against the host's vfmadd231sd/ss: result bits and MXCSR's IE, OE and PE
 * in the four rounding modes, on operands drawn to reach the hard cases:
 * exact cancellation and near-cancellation of the product by the addend,
 * products in and below the denormal range, overflow, carries into the next
 * binade, halfway cases, infinities and zeros. Needs a host with FMA3 (the
 * reference): without it the test exits 77, which ctest reports as skipped
 * (SKIP_RETURN_CODE), never as passed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/test_rng.h"
#include "translator/vfp_softfma.h"

#define FLAGS 0x29u /* IE | OE | PE: what vfp_soft_fma reports */

__attribute__((target("fma"))) static uint64_t hw_fma(bool dp, uint64_t a, uint64_t b, uint64_t c, unsigned rc,
                                                      unsigned *xf)
{
    uint32_t csr = 0x1f80u | rc << 13, saved, out;
    uint64_t r;
    if (dp) {
        double x, y, z;
        memcpy(&x, &a, 8), memcpy(&y, &b, 8), memcpy(&z, &c, 8);
        __asm__ volatile("stmxcsr %[sv]\n\tldmxcsr %[ci]\n\tvfmadd231sd %[z], %[y], %[x]\n\t"
                         "stmxcsr %[co]\n\tldmxcsr %[sv]"
                         : [x] "+x"(x), [sv] "=&m"(saved), [co] "=m"(out)
                         : [y] "x"(y), [z] "x"(z), [ci] "m"(csr));
        memcpy(&r, &x, 8);
    } else {
        float x, y, z;
        uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b, c32 = (uint32_t)c, r32;
        memcpy(&x, &a32, 4), memcpy(&y, &b32, 4), memcpy(&z, &c32, 4);
        __asm__ volatile("stmxcsr %[sv]\n\tldmxcsr %[ci]\n\tvfmadd231ss %[z], %[y], %[x]\n\t"
                         "stmxcsr %[co]\n\tldmxcsr %[sv]"
                         : [x] "+x"(x), [sv] "=&m"(saved), [co] "=m"(out)
                         : [y] "x"(y), [z] "x"(z), [ci] "m"(csr));
        memcpy(&r32, &x, 4);
        r = r32;
    }
    *xf = out & FLAGS;
    return r;
}

struct fmt {
    int m, eb, bias;
};

static uint64_t rnd64(void) { return (uint64_t)rnd() << 32 | rnd(); }

/* A fraction: zero, all ones, one bit, a few low bits, or random. */
static uint64_t frac(const struct fmt *f)
{
    uint64_t mask = (1ull << f->m) - 1;
    switch (below(6)) {
    case 0: return 0;
    case 1: return mask;
    case 2: return 1ull << below((uint32_t)f->m);
    case 3: return below(8);
    case 4: return mask - below(8);
    default: return rnd64() & mask;
    }
}

static uint64_t make(const struct fmt *f, bool neg, int e, uint64_t fr)
{
    int emax = (1 << f->eb) - 1;
    if (e < 0)
        e = 0;
    if (e > emax - 1)
        e = emax - 1;
    return (uint64_t)neg << (f->m + f->eb) | (uint64_t)e << f->m | fr;
}

/* A biased exponent: anywhere, near the bottom, near the bias, near the top. */
static int expo(const struct fmt *f)
{
    int emax = (1 << f->eb) - 2;
    switch (below(4)) {
    case 0: return (int)below((uint32_t)emax + 1);
    case 1: return (int)below(4);
    case 2: return f->bias - 40 + (int)below(80);
    default: return emax - (int)below(4);
    }
}

static uint64_t special(const struct fmt *f)
{
    uint64_t inf = ((1ull << f->eb) - 1) << f->m, sign = (uint64_t)below(2) << (f->m + f->eb);
    return sign | (below(2) ? inf : 0);
}

static void check(bool dp, uint64_t a, uint64_t b, uint64_t c, unsigned rc, unsigned long *n)
{
    unsigned xs, xh;
    uint64_t rs = vfp_soft_fma(dp, a, b, c, rc, &xs);
    uint64_t rh = hw_fma(dp, a, b, c, rc, &xh);
    if (rs != rh || xs != xh) {
        fprintf(stderr, "%s rc=%u a=%#llx b=%#llx c=%#llx: soft %#llx flags %#x, host %#llx flags %#x\n",
                dp ? "double" : "single", rc, (unsigned long long)a, (unsigned long long)b, (unsigned long long)c,
                (unsigned long long)rs, xs, (unsigned long long)rh, xh);
        fail();
    }
    ++*n;
}

static void run(bool dp)
{
    const struct fmt f = dp ? (struct fmt){52, 11, 1023} : (struct fmt){23, 8, 127};
    unsigned long n = 0;
    rng_state = dp ? 0x5eed0001u : 0x5eed0002u;
    for (int i = 0; i < 400000; i++) {
        uint64_t b = make(&f, below(2), expo(&f), frac(&f));
        uint64_t c = make(&f, below(2), expo(&f), frac(&f));
        if (below(16) == 0)
            b = special(&f);
        if (below(16) == 0)
            c = special(&f);
        /* The addend: independent, or the product rounded towards zero then
         * negated (cancellation) and nudged by a few units, or an exponent
         * near the product's. */
        uint64_t a;
        unsigned x;
        uint64_t zero = 0;
        switch (below(5)) {
        case 0: a = make(&f, below(2), expo(&f), frac(&f)); break;
        case 1: a = special(&f); break;
        case 2:
        case 3:
            a = hw_fma(dp, zero, b, c, 3, &x) ^ (1ull << (f.m + f.eb));
            if ((a & ~(1ull << (f.m + f.eb))) >> f.m == (1ull << f.eb) - 1)
                a = zero; /* the product overflowed */
            a += below(5) - 2u; /* may cross zero: a fine operand too */
            if (!dp)
                a = (uint32_t)a;
            break;
        default: {
            uint64_t p = hw_fma(dp, zero, b, c, 3, &x);
            int pe = (int)((p >> f.m) & ((1u << f.eb) - 1));
            a = make(&f, below(2), pe - 70 + (int)below(140), frac(&f));
            break;
        }
        }
        if (((a >> f.m) & ((1ull << f.eb) - 1)) == (1ull << f.eb) - 1 && (a & ((1ull << f.m) - 1)))
            continue; /* a NaN: outside the function's contract */
        for (unsigned rc = 0; rc < 4; rc++)
            check(dp, a, b, c, rc, &n);
    }
    printf("%s: %lu cases agree with the host's vfmadd231\n", dp ? "double" : "single", n);
}

static void test_single(void **state)
{
    (void)state;
    run(false);
}

static void test_double(void **state)
{
    (void)state;
    run(true);
}

int main(void)
{
    if (!__builtin_cpu_supports("fma")) {
        fprintf(stderr, "test_vfp_softfma: the host has no FMA3 to compare with: skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_single), cmocka_unit_test(test_double)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
