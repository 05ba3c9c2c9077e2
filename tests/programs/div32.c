/* 32-bit division (no hardware divide on ARMv5: __aeabi_idiv/uidiv), by variables and constants. */
#include <stdio.h>
#include <limits.h>

static int sdiv(int a, int b) { return a / b; }
static int smod(int a, int b) { return a % b; }
static unsigned udiv(unsigned a, unsigned b) { return a / b; }
static unsigned umod(unsigned a, unsigned b) { return a % b; }

int main(void)
{
    int vals[] = {0, 1, -1, 2, -2, 3, 7, -7, 10, 100, -100, 12345, -12345, 65536, INT_MAX, INT_MIN, 1 << 30, 999999937};
    int n = sizeof vals / sizeof vals[0];
    unsigned h = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int a = vals[i], b = vals[j];
            if (b == 0 || (a == INT_MIN && b == -1)) continue;
            h = h * 33 + (unsigned)sdiv(a, b);
            h = h * 33 + (unsigned)smod(a, b);
            h = h * 33 + udiv((unsigned)a, (unsigned)b);
            h = h * 33 + umod((unsigned)a, (unsigned)b);
        }
    printf("hash %08x\n", h);
    for (int i = 0; i < n; i += 3) printf("%d: /3=%d %%3=%d /10=%d %%10=%d /7=%d u/1000=%u\n", vals[i], vals[i] / 3,
                                          vals[i] % 3, vals[i] / 10, vals[i] % 10, vals[i] / 7, (unsigned)vals[i] / 1000);
    unsigned s = 1;
    unsigned long long tot = 0;
    for (int i = 0; i < 100000; i++) {
        s = s * 1103515245u + 12345u;
        unsigned d = (s >> 16) | 1;
        tot += s / d + s % (d >> 3 | 1) + (unsigned)((int)s / (int)(d | 0x80000000u));
    }
    printf("random divisions %llu\n", tot);
    /* decimal conversion by hand */
    char buf[16];
    for (unsigned v = 1; v < 4000000000u; v = v * 7 + 3) {
        int k = 15;
        buf[k] = 0;
        unsigned t = v;
        do { buf[--k] = (char)('0' + t % 10); t /= 10; } while (t);
        printf("%s ", buf + k);
    }
    printf("\n");
    return 0;
}
