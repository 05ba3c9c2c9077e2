/* See vfp_softfma.h. The product of two significands (at most 53 bits each)
 * is exact in 128 bits; the addend is aligned to it with a sticky bit for
 * what is shifted out; the sum is rounded once. Written in integers rather
 * than with libm's fma(): glibc's x86-64 fma() picks the vfmadd instruction
 * itself when the CPU has it (an ifunc), so on an FMA host the tests of the
 * fallback would not run the code a host without FMA runs. */
#include "translator/vfp_softfma.h"

typedef unsigned __int128 u128;

#define X_IE 0x01u
#define X_OE 0x08u
#define X_PE 0x20u

enum { RC_NEAREST, RC_DOWN, RC_UP, RC_ZERO };

struct num {
    bool neg;
    u128 sig; /* value = sig * 2^k */
    int k;
};

static int clz128(u128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)x);
}

/* Puts the top bit of a nonzero significand at bit 125 (room for the carry
 * of a sum at bit 126). */
static void normalize(struct num *n)
{
    int s = clz128(n->sig) - 2;
    n->sig <<= s;
    n->k -= s;
}

uint64_t vfp_soft_fma(bool dp, uint64_t a, uint64_t b, uint64_t c, unsigned rc, unsigned *xf)
{
    const int M = dp ? 52 : 23, EB = dp ? 11 : 8, BIAS = dp ? 1023 : 127;
    const uint64_t SIGN = 1ull << (M + EB), INF = ((1ull << EB) - 1) << M, FRAC = (1ull << M) - 1;
    const uint64_t NAN_X86 = SIGN | INF | 1ull << (M - 1); /* x86's "QNaN indefinite" */
    if (!dp) {
        a = (uint32_t)a;
        b = (uint32_t)b;
        c = (uint32_t)c;
    }
    *xf = 0;
    const uint64_t v[3] = {a, b, c};
    bool neg[3], inf[3], zero[3];
    for (int i = 0; i < 3; i++) {
        uint64_t m = v[i] & ~SIGN;
        if (m > INF) {
            *xf = X_IE;
            return NAN_X86;
        }
        neg[i] = (v[i] & SIGN) != 0;
        inf[i] = m == INF;
        zero[i] = m == 0;
    }
    bool pneg = neg[1] != neg[2];
    if (inf[1] || inf[2]) {
        if (zero[1] || zero[2] || (inf[0] && neg[0] != pneg)) { /* Inf * 0, Inf - Inf */
            *xf = X_IE;
            return NAN_X86;
        }
        return pneg ? SIGN | INF : INF;
    }
    if (inf[0])
        return a;
    if (zero[1] || zero[2]) { /* an exact zero product: a + (+-0) */
        if (!zero[0] || neg[0] == pneg)
            return a;
        return rc == RC_DOWN ? SIGN : 0; /* x + (-x) is +0 except rounding down */
    }
    struct num n[3];
    for (int i = 0; i < 3; i++) {
        uint64_t e = (v[i] & INF) >> M, f = v[i] & FRAC;
        n[i].neg = neg[i];
        n[i].sig = e ? f | 1ull << M : f; /* a denormal has exponent 1, no hidden bit */
        n[i].k = (e ? (int)e : 1) - BIAS - M;
    }
    struct num x = {pneg, n[1].sig * n[2].sig, n[1].k + n[2].k};
    normalize(&x);
    if (!zero[0]) {
        struct num y = n[0];
        normalize(&y);
        if (y.k > x.k || (y.k == x.k && y.sig > x.sig)) {
            struct num t = x;
            x = y;
            y = t;
        }
        int d = x.k - y.k;
        if (d >= 127) {
            y.sig = 1; /* only a sticky bit remains, below x's last bit */
        } else if (d > 0) {
            bool lost = (y.sig & (((u128)1 << d) - 1)) != 0;
            y.sig = y.sig >> d | lost;
        }
        /* With d > 0, x >= 2^125 > y: a difference keeps its top bit at 124
         * or above, far above the sticky bit, so rounding sees the right
         * side of every boundary. With d = 0 nothing was shifted out. */
        if (x.neg == y.neg) {
            x.sig += y.sig;
        } else {
            x.sig -= y.sig;
            if (x.sig == 0)
                return rc == RC_DOWN ? SIGN : 0; /* exact cancellation */
        }
    }
    /* Round x.sig * 2^x.k to M + 1 bits, or to the denormal quantum. */
    int top = 127 - clz128(x.sig) + x.k; /* exponent of the leading bit */
    int q = top - M < 1 - BIAS - M ? 1 - BIAS - M : top - M; /* exponent of the last kept bit */
    int shift = q - x.k;
    u128 kept, rem = 0, half = 0;
    if (shift <= 0) {
        kept = x.sig << -shift; /* exact */
    } else if (shift >= 127) {
        kept = 0; /* x.sig < 2^127 <= half: below half, not zero */
        rem = 1;
        half = 2;
    } else {
        kept = x.sig >> shift;
        rem = x.sig & (((u128)1 << shift) - 1);
        half = (u128)1 << (shift - 1);
    }
    bool inexact = rem != 0, up = false;
    switch (rc) {
    case RC_NEAREST: up = rem > half || (rem == half && inexact && (kept & 1)); break;
    case RC_DOWN: up = inexact && x.neg; break;
    case RC_UP: up = inexact && !x.neg; break;
    default: break;
    }
    kept += up;
    /* The biased exponent field plus the significand with its hidden bit
     * gives the encoding for normal and denormal results alike, also when
     * rounding carried into the next binade. */
    uint64_t bits = ((uint64_t)(q + M + BIAS - 1) << M) + (uint64_t)kept;
    if (inexact)
        *xf |= X_PE;
    if (bits >= INF) {
        *xf |= X_OE | X_PE;
        bool to_inf = rc == RC_NEAREST || (rc == RC_DOWN && x.neg) || (rc == RC_UP && !x.neg);
        bits = to_inf ? INF : INF - 1;
    }
    return x.neg ? SIGN | bits : bits;
}
