/* 64-bit arithmetic: multiply, divide and modulo (__aeabi_ldivmod/uldivmod), shifts, compares. */
#include <stdio.h>
#include <stdint.h>

int main(void)
{
    int64_t sv[] = {0, 1, -1, 7, -7, 1000000007, -1000000007, INT64_MAX, INT64_MIN + 1, 0x123456789abcdefLL,
                    -0x123456789abcdefLL, 4294967296LL, 4294967295LL, -4294967296LL, 65536, 3};
    int n = sizeof sv / sizeof sv[0];
    uint64_t h = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int64_t a = sv[i], b = sv[j];
            uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
            h = h * 1099511628211ULL ^ (ua * ub);
            if (b != 0) {
                h = h * 31 + (uint64_t)(a / b);
                h = h * 31 + (uint64_t)(a % b);
                h = h * 31 + ua / ub;
                h = h * 31 + ua % ub;
            }
            h += (a < b) + 2 * (ua < ub) + 4 * (a == b);
        }
    printf("hash %016llx\n", (unsigned long long)h);
    for (int i = 0; i < 8; i++) {
        int64_t a = sv[i + 5], b = sv[(i * 3) % n] ? sv[(i * 3) % n] : 3;
        printf("%lld / %lld = %lld rem %lld; u: %llu %% %llu = %llu\n", (long long)a, (long long)b,
               (long long)(a / b), (long long)(a % b), (unsigned long long)a, (unsigned long long)b,
               (unsigned long long)((uint64_t)a % (uint64_t)b));
    }
    uint64_t x = 0xf0e1d2c3b4a59687ULL;
    for (int s = 0; s < 64; s += 7)
        printf("shift %2d: %016llx %016llx %016llx\n", s, (unsigned long long)(x << s), (unsigned long long)(x >> s),
               (unsigned long long)((int64_t)x >> s));
    volatile int sh = 33;
    printf("var shift %llx %llx\n", (unsigned long long)(x << sh), (unsigned long long)((int64_t)x >> sh));
    uint64_t f = 1;
    for (int i = 1; i <= 20; i++) f *= (uint64_t)i;
    printf("20! = %llu\n", (unsigned long long)f);
    uint32_t a32 = 0xfffffffbu, b32 = 0xfffffff1u;
    printf("32x32->64 %llu %lld\n", (unsigned long long)a32 * b32, (long long)(int32_t)a32 * (int32_t)b32);
    uint64_t r = 88172645463325252ULL;
    uint64_t acc = 0;
    for (int i = 0; i < 20000; i++) {
        r ^= r << 13; r ^= r >> 7; r ^= r << 17;
        acc += r % 1000003 + r / 999999937ULL;
    }
    printf("xorshift acc %llu last %016llx\n", (unsigned long long)acc, (unsigned long long)r);
    return 0;
}
