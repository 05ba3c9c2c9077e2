/* See vfp_arith.h. */
#include "translator/vfp_arith.h"

#include "base/host_cpu.h"
#include "translator/vfp_softfma.h"

#include <immintrin.h>
#include <string.h>

/* One IEEE binary format. */
struct fmt {
    uint64_t sign, exp, frac, quiet, minnorm, defnan;
};
static const struct fmt F32 = {0x80000000u, 0x7f800000u, 0x007fffffu, 0x00400000u, 0x00800000u, 0x7fc00000u};
static const struct fmt F64 = {1ull << 63, 0x7ff0000000000000ull, 0x000fffffffffffffull, 1ull << 51, 1ull << 52,
                               0x7ff8000000000000ull};

static bool is_nan(const struct fmt *f, uint64_t x) { return (x & f->exp) == f->exp && (x & f->frac); }
static bool is_snan(const struct fmt *f, uint64_t x) { return is_nan(f, x) && !(x & f->quiet); }
static bool is_inf(const struct fmt *f, uint64_t x) { return (x & ~f->sign) == f->exp; }
static bool is_zero(const struct fmt *f, uint64_t x) { return (x & ~f->sign) == 0; }
static bool is_denormal(const struct fmt *f, uint64_t x) { return !(x & f->exp) && (x & f->frac); }

/* FZ: a denormal input is replaced by a zero of its sign, and IDC is set
 * (ARM ARM FPUnpack). */
static uint64_t flush_in(const struct fmt *f, uint64_t x, uint32_t *fpscr)
{
    if ((*fpscr & FPSCR_FZ) && is_denormal(f, x)) {
        *fpscr |= FPSCR_IDC;
        return x & f->sign;
    }
    return x;
}

/* FPProcessNaN: a signalling NaN is quieted (and signals); DN gives the
 * default NaN. */
static uint64_t process_nan(const struct fmt *f, uint64_t x, uint32_t *fpscr)
{
    if (is_snan(f, x))
        *fpscr |= FPSCR_IOC;
    if (*fpscr & FPSCR_DN)
        return f->defnan;
    return x | f->quiet;
}

/* FPProcessNaNs / FPProcessNaNs3 over n operands: the first signalling NaN,
 * else the first quiet NaN. *done is false if there is no NaN. */
static uint64_t process_nans(const struct fmt *f, const uint64_t *v, int n, uint32_t *fpscr, bool *done)
{
    *done = true;
    for (int k = 0; k < n; k++)
        if (is_snan(f, v[k])) {
            for (int j = 0; j < n; j++) /* any signalling NaN signals */
                if (is_snan(f, v[j]))
                    *fpscr |= FPSCR_IOC;
            return process_nan(f, v[k], fpscr);
        }
    for (int k = 0; k < n; k++)
        if (is_nan(f, v[k]))
            return process_nan(f, v[k], fpscr);
    *done = false;
    return 0;
}

/* --- the host's SSE unit under the guest's rounding mode ------------------ */

enum hop { H_ADD, H_SUB, H_MUL, H_DIV, H_SQRT, H_FMA, H_CVT, H_ROUND, H_I2F };

/* MXCSR exception flags. */
#define X_IE 0x01u
#define X_ZE 0x04u
#define X_OE 0x08u
#define X_UE 0x10u
#define X_PE 0x20u

/* ARM RMode (RN, RP, RM, RZ) as MXCSR.RC (RN, RD, RU, RZ). */
static unsigned host_rc(uint32_t fpscr)
{
    static const unsigned rc[4] = {0, 2, 1, 3};
    return rc[(fpscr >> FPSCR_RMODE_SHIFT) & 3];
}

/* Runs one instruction with MXCSR = all exceptions masked, rounding rc,
 * DAZ and FTZ off, and the flags it raised in *xf; MXCSR is restored within
 * the same asm statement. dp: the operands are double (H_CVT: the source is;
 * H_ROUND: always double; H_I2F: the destination is, a is an int64). */
#define RUN(insn)                                                                                                    \
    __asm__ volatile("stmxcsr %[sv]\n\tldmxcsr %[ci]\n\t" insn "\n\tstmxcsr %[co]\n\tldmxcsr %[sv]"              \
                     : [x] "+x"(x), [sv] "=&m"(saved), [co] "=m"(out)                                               \
                     : [y] "x"(y), [z] "x"(z), [g] "r"(g), [ci] "m"(csr))
static uint64_t host(enum hop op, bool dp, uint64_t a, uint64_t b, uint64_t c, unsigned rc, unsigned *xf)
{
    if (op == H_FMA && !host_has_fma())
        return vfp_soft_fma(dp, a, b, c, rc, xf); /* same result and flags, no vfmadd */
    uint32_t csr = 0x1f80u | rc << 13, saved, out = 0;
    __m128i x = _mm_cvtsi64_si128((long long)a), y = _mm_cvtsi64_si128((long long)b),
            z = _mm_cvtsi64_si128((long long)c);
    int64_t g = (int64_t)a;
    if (dp) {
        switch (op) {
        case H_ADD: RUN("addsd %[y], %[x]"); break;
        case H_SUB: RUN("subsd %[y], %[x]"); break;
        case H_MUL: RUN("mulsd %[y], %[x]"); break;
        case H_DIV: RUN("divsd %[y], %[x]"); break;
        case H_SQRT: RUN("sqrtsd %[x], %[x]"); break;
        case H_FMA: RUN("vfmadd231sd %[z], %[y], %[x]"); break; /* x += y * z */
        case H_CVT: RUN("cvtsd2ss %[x], %[x]"); break;
        case H_ROUND: RUN("roundsd $4, %[x], %[x]"); break; /* 4: by MXCSR.RC */
        case H_I2F: RUN("cvtsi2sdq %[g], %[x]"); break;
        }
    } else {
        switch (op) {
        case H_ADD: RUN("addss %[y], %[x]"); break;
        case H_SUB: RUN("subss %[y], %[x]"); break;
        case H_MUL: RUN("mulss %[y], %[x]"); break;
        case H_DIV: RUN("divss %[y], %[x]"); break;
        case H_SQRT: RUN("sqrtss %[x], %[x]"); break;
        case H_FMA: RUN("vfmadd231ss %[z], %[y], %[x]"); break;
        case H_CVT: RUN("cvtss2sd %[x], %[x]"); break;
        case H_ROUND: RUN("roundsd $4, %[x], %[x]"); break;
        case H_I2F: RUN("cvtsi2ssq %[g], %[x]"); break;
        }
    }
    *xf = out & 0x3fu;
    uint64_t r = (uint64_t)_mm_cvtsi128_si64(x);
    bool out_dp = (op == H_CVT || op == H_ROUND) ? (op == H_ROUND || !dp) : dp;
    return out_dp ? r : (uint32_t)r;
}
#undef RUN

/* The host's rounded result with ARM's flags: an invalid operation gives the
 * (positive) default NaN; underflow is tininess before rounding (ARM ARM
 * FPRound: the exact result below the smallest normal), which x86 decides
 * after rounding; FZ flushes a tiny result to zero with UFC only (no IXC:
 * nothing was rounded, as qemu-arm does). A result that rounded up to the
 * smallest normal is tiny exactly when the same operation rounded towards
 * zero stays below it. */
static uint64_t rounded(enum hop op, bool dp, const struct fmt *fo, uint64_t a, uint64_t b, uint64_t c,
                        uint32_t *fpscr)
{
    unsigned xf;
    uint64_t r = host(op, dp, a, b, c, host_rc(*fpscr), &xf);
    if (xf & X_IE) {
        *fpscr |= FPSCR_IOC;
        return fo->defnan;
    }
    if (xf & X_ZE)
        *fpscr |= FPSCR_DZC;
    if (xf & X_OE)
        *fpscr |= FPSCR_OFC;
    bool inexact = (xf & X_PE) != 0;
    uint64_t m = r & ~fo->sign;
    bool tiny = (m != 0 && m < fo->minnorm) || (m == 0 && inexact);
    if (!tiny && m == fo->minnorm && inexact) {
        unsigned xf2;
        tiny = (host(op, dp, a, b, c, 3, &xf2) & ~fo->sign) < fo->minnorm;
    }
    if (tiny && (*fpscr & FPSCR_FZ)) {
        *fpscr |= FPSCR_UFC;
        return r & fo->sign;
    }
    if (inexact)
        *fpscr |= FPSCR_IXC | (tiny ? FPSCR_UFC : 0u);
    return r;
}

uint64_t vfp_arith(enum vfp_op op, bool dp, uint64_t a, uint64_t b, uint64_t c, uint32_t *fpscr)
{
    const struct fmt *f = dp ? &F64 : &F32;
    if (!dp) {
        a = (uint32_t)a;
        b = (uint32_t)b;
        c = (uint32_t)c;
    }
    int n = op == VFP_SQRT ? 1 : op == VFP_FMA ? 3 : 2;
    uint64_t v[3] = {a, b, c};
    for (int k = 0; k < n; k++)
        v[k] = flush_in(f, v[k], fpscr);
    bool done;
    /* FPMulAdd (A2.7.x): the NaN rules first (a signalling NaN anywhere
     * wins), then a quiet NaN addend with Inf * 0 is an invalid operation
     * that gives the default NaN. */
    bool any_snan = is_snan(f, v[0]) || (n > 1 && is_snan(f, v[1])) || (n > 2 && is_snan(f, v[2]));
    if (op == VFP_FMA && !any_snan && is_nan(f, v[0]) &&
        ((is_inf(f, v[1]) && is_zero(f, v[2])) || (is_zero(f, v[1]) && is_inf(f, v[2])))) {
        *fpscr |= FPSCR_IOC;
        return f->defnan;
    }
    uint64_t r = process_nans(f, v, n, fpscr, &done);
    if (done)
        return r;
    static const enum hop h[] = {H_ADD, H_SUB, H_MUL, H_DIV, H_SQRT, H_FMA};
    return rounded(h[op], dp, f, v[0], v[1], v[2], fpscr);
}

uint64_t vfp_cvt_fd(bool from_dp, uint64_t x, uint32_t *fpscr)
{
    if (!from_dp) {
        x = flush_in(&F32, (uint32_t)x, fpscr);
        if (is_nan(&F32, x)) {
            uint64_t q = process_nan(&F32, x, fpscr);
            if (q == F32.defnan && (*fpscr & FPSCR_DN))
                return F64.defnan;
            /* FPConvert of a NaN keeps the sign and the top of the payload. */
            return (q & F32.sign) << 32 | F64.exp | (q & F32.frac) << 29;
        }
        unsigned xf;
        return host(H_CVT, false, x, 0, 0, 0, &xf); /* exact */
    }
    x = flush_in(&F64, x, fpscr);
    if (is_nan(&F64, x)) {
        uint64_t q = process_nan(&F64, x, fpscr);
        if (q == F64.defnan && (*fpscr & FPSCR_DN))
            return F32.defnan;
        return (q >> 32 & F32.sign) | F32.exp | (q & F64.frac) >> 29;
    }
    return rounded(H_CVT, true, &F32, x, 0, 0, fpscr);
}

/* x (not a NaN) as a double: exact. */
static double to_double(bool dp, uint64_t x)
{
    if (dp) {
        double d;
        memcpy(&d, &x, 8);
        return d;
    }
    uint32_t w = (uint32_t)x;
    float s;
    memcpy(&s, &w, 4);
    return s;
}

static uint64_t bits_of(double d)
{
    uint64_t x;
    memcpy(&x, &d, 8);
    return x;
}

/* Rounds v to an integral value: towards zero if rz, else per FPSCR. */
static double round_integral(double v, bool rz, uint32_t fpscr)
{
    unsigned xf;
    return to_double(true, host(H_ROUND, true, bits_of(v), 0, 0, rz ? 3u : host_rc(fpscr), &xf));
}

/* FPToFixed's saturation (A2.7.7 / qemu-arm): out of range gives the
 * nearest bound and IOC, not IXC; in range, IXC if the value changed. */
static int64_t saturate(double r, double v, double lo, double hi, uint32_t *fpscr)
{
    if (r < lo) {
        *fpscr |= FPSCR_IOC;
        return (int64_t)lo;
    }
    if (r > hi) {
        *fpscr |= FPSCR_IOC;
        return (int64_t)hi;
    }
    if (r != v)
        *fpscr |= FPSCR_IXC;
    return (int64_t)r;
}

uint32_t vfp_ftoi(bool dp, uint64_t x, bool sgn, bool rz, uint32_t *fpscr)
{
    const struct fmt *f = dp ? &F64 : &F32;
    x = flush_in(f, dp ? x : (uint32_t)x, fpscr);
    if (is_nan(f, x)) {
        *fpscr |= FPSCR_IOC;
        return 0;
    }
    double v = to_double(dp, x);
    double r = round_integral(v, rz, *fpscr);
    return (uint32_t)saturate(r, v, sgn ? -2147483648.0 : 0.0, sgn ? 2147483647.0 : 4294967295.0, fpscr);
}

uint64_t vfp_itof(bool dp, uint32_t x, bool sgn, uint32_t *fpscr)
{
    int64_t g = sgn ? (int64_t)(int32_t)x : (int64_t)x;
    return rounded(H_I2F, dp, dp ? &F64 : &F32, (uint64_t)g, 0, 0, fpscr);
}

uint64_t vfp_tofix(bool dp, uint64_t x, bool uns, unsigned size, unsigned fbits, uint32_t *fpscr)
{
    const struct fmt *f = dp ? &F64 : &F32;
    x = flush_in(f, dp ? x : (uint32_t)x, fpscr);
    if (is_nan(f, x)) {
        *fpscr |= FPSCR_IOC;
        return 0;
    }
    /* Scaling by a power of two is exact (or overflows to Inf, which
     * saturates all the same). */
    double v = to_double(dp, x) * (double)(1ull << fbits);
    double r = round_integral(v, true, *fpscr);
    double lo = uns ? 0.0 : -(double)(1ull << (size - 1));
    double hi = uns ? (double)((1ull << size) - 1) : (double)((1ull << (size - 1)) - 1);
    int64_t i = saturate(r, v, lo, hi, fpscr);
    uint64_t res = (uint64_t)i; /* sign-extended, or the unsigned value */
    return dp ? res : (uint32_t)res;
}

uint64_t vfp_fromfix(bool dp, uint64_t x, bool uns, unsigned size, unsigned fbits, uint32_t *fpscr)
{
    uint64_t raw = x & ((1ull << size) - 1);
    int64_t i = uns ? (int64_t)raw : (int64_t)(raw ^ (1ull << (size - 1))) - (int64_t)(1ull << (size - 1));
    double v = (double)i / (double)(1ull << fbits); /* exact: at most 32 significant bits */
    if (dp)
        return bits_of(v);
    /* FixedToFP with round_to_nearest (A8.8.309): RN whatever FPSCR.RMode
     * says (qemu-arm agrees); the flags still accumulate in FPSCR. */
    uint32_t nearest = *fpscr & ~(3u << FPSCR_RMODE_SHIFT);
    uint64_t r = rounded(H_CVT, true, &F32, bits_of(v), 0, 0, &nearest);
    *fpscr = (*fpscr & (3u << FPSCR_RMODE_SHIFT)) | nearest;
    return r;
}

void vfp_cmp(bool dp, uint64_t a, uint64_t b, bool signal_qnan, uint32_t *fpscr)
{
    const struct fmt *f = dp ? &F64 : &F32;
    a = flush_in(f, dp ? a : (uint32_t)a, fpscr);
    b = flush_in(f, dp ? b : (uint32_t)b, fpscr);
    uint32_t nzcv;
    if (is_nan(f, a) || is_nan(f, b)) {
        if (signal_qnan || is_snan(f, a) || is_snan(f, b))
            *fpscr |= FPSCR_IOC;
        nzcv = 0x3; /* unordered: C V */
    } else {
        double x = to_double(dp, a), y = to_double(dp, b);
        nzcv = x == y ? 0x6 : x < y ? 0x8 : 0x2; /* Z C, N, C */
    }
    *fpscr = (*fpscr & ~FPSCR_NZCV) | nzcv << 28;
}

/* Half precision (A2.7.4): 1 sign, 5 exponent, 10 fraction bits; with AHP
 * exponent 31 is an ordinary exponent (no Inf or NaN). */
uint32_t vfp_f16_to_f32(uint32_t h, uint32_t *fpscr)
{
    uint32_t sign = (h & 0x8000u) << 16, e = (h >> 10) & 31u, fr = h & 0x3ffu;
    if (e == 31 && !(*fpscr & FPSCR_AHP)) {
        if (!fr)
            return sign | 0x7f800000u;
        uint32_t nan = sign | 0x7f800000u | fr << 13;
        return (uint32_t)process_nan(&F32, nan, fpscr);
    }
    if (e == 0) {
        if (!fr)
            return sign;
        /* A half denormal is a normal single (exact; FZ does not apply to
         * half-precision inputs, A2.7.4). */
        int k = 0;
        while (!(fr & 0x400u)) {
            fr <<= 1;
            k++;
        }
        return sign | (uint32_t)(127 - 15 - k + 1) << 23 | (fr & 0x3ffu) << 13;
    }
    return sign | (e - 15 + 127) << 23 | fr << 13;
}

uint32_t vfp_f32_to_f16(uint32_t x, uint32_t *fpscr)
{
    bool ahp = (*fpscr & FPSCR_AHP) != 0;
    x = (uint32_t)flush_in(&F32, x, fpscr);
    uint32_t sign = (x >> 16) & 0x8000u;
    if (is_nan(&F32, x)) {
        if (ahp) { /* no NaN in the alternative format: zero, IOC */
            *fpscr |= FPSCR_IOC;
            return sign;
        }
        uint32_t q = (uint32_t)process_nan(&F32, x, fpscr);
        if (*fpscr & FPSCR_DN)
            return 0x7e00u;
        return ((q >> 16) & 0x8000u) | 0x7c00u | ((q & F32.frac) >> 13) | 0x200u;
    }
    if (is_inf(&F32, x)) {
        if (ahp) { /* saturates to the largest value, IOC */
            *fpscr |= FPSCR_IOC;
            return sign | 0x7fffu;
        }
        return sign | 0x7c00u;
    }
    if (is_zero(&F32, x))
        return sign;
    /* Round the magnitude by hand: value = m * 2^(e-150), m 24 bits. */
    uint32_t e = (x >> 23) & 0xffu, m = x & F32.frac;
    int32_t exp;
    if (e == 0) {
        exp = -149;
    } else {
        m |= 0x800000u;
        exp = (int32_t)e - 150;
    }
    /* Target: half with exponent bias 15; quantum 2^-24 for denormals. The
     * value is m * 2^exp; find the half's exponent. */
    int32_t top = 31 - __builtin_clz(m) + exp; /* floor(log2(value)) */
    int32_t q = top - 10;                      /* quantum exponent of a normal half */
    if (q < -24)
        q = -24;
    /* Exact integer n = value / 2^q with rounding. */
    uint64_t n;
    bool inexact = false;
    int32_t sh = q - exp;
    uint64_t rem = 0, half = 0;
    if (sh <= 0) {
        n = (uint64_t)m << -sh;
    } else if (sh >= 32) { /* far below half a quantum: only the direction counts */
        n = 0;
        rem = 1;
        half = 2;
        inexact = true;
    } else {
        n = m >> sh;
        rem = m & ((1ull << sh) - 1);
        half = 1ull << (sh - 1);
        inexact = rem != 0;
    }
    bool tiny = top < -14;
    unsigned rmode = (*fpscr >> FPSCR_RMODE_SHIFT) & 3;
    if (inexact) {
        bool up;
        switch (rmode) {
        case 0: up = rem > half || (rem == half && (n & 1)); break;
        case 1: up = !sign; break;
        case 2: up = sign != 0; break;
        default: up = false; break;
        }
        n += up;
    }
    /* Repack: n is the significand in units of 2^q. */
    uint32_t hexp, hfr;
    if (q == -24 && n < 0x400u) {
        hexp = 0;
        hfr = (uint32_t)n;
    } else {
        if (n >= 0x800u) { /* rounding carried */
            n >>= 1;
            q++;
        }
        hexp = (uint32_t)(q + 10 + 15);
        hfr = (uint32_t)n & 0x3ffu;
    }
    uint32_t maxexp = ahp ? 31u : 30u;
    if (hexp > maxexp) {
        if (ahp) {
            *fpscr |= FPSCR_IOC;
            return sign | 0x7fffu;
        }
        *fpscr |= FPSCR_OFC | FPSCR_IXC;
        bool to_inf = rmode == 0 || (rmode == 1 && !sign) || (rmode == 2 && sign);
        return sign | (to_inf ? 0x7c00u : 0x7bffu);
    }
    if (inexact)
        *fpscr |= FPSCR_IXC | (tiny ? FPSCR_UFC : 0u);
    return sign | hexp << 10 | hfr;
}
