/* sprintf/snprintf round trips and sscanf with many conversions. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[256];
    int n = sprintf(buf, "%d %s %x %.3f %c %lld", -17, "word", 0xbeef, 2.71828, 'Q', 1LL << 50);
    printf("%d: %s\n", n, buf);
    int i; char s[32]; unsigned x; double d; char c; long long ll;
    int got = sscanf(buf, "%d %31s %x %lf %c %lld", &i, s, &x, &d, &c, &ll);
    printf("got %d: %d %s %x %.5f %c %lld\n", got, i, s, x, d, c, ll);
    got = sscanf("key=value; 12:34:56 rest", "%[^=]=%[^;]; %d:%d:%d %n", s, buf, &i, (int *)&x, &n, &n);
    printf("got %d: %s %s %d %u %d\n", got, s, buf, i, x, n);
    float f; short h; unsigned char hh; long l; char word[8];
    got = sscanf("  1.5e2 -300 200 0x7fffffff abcdefghij", "%f %hd %hhu %li %7s", &f, &h, &hh, &l, word);
    printf("got %d: %g %d %u %ld %s\n", got, f, h, hh, l, word);
    got = sscanf("100 abc", "%d %d", &i, &i);
    printf("partial got %d i=%d\n", got, i);
    got = sscanf("", "%d", &i);
    printf("empty got %d\n", got);
    n = snprintf(buf, 10, "%s", "0123456789abcdef");
    printf("snprintf %d [%s]\n", n, buf);
    n = snprintf(NULL, 0, "%08.3f|%-8s|%+5d", -3.14159, "ab", 7);
    snprintf(buf, sizeof buf, "%08.3f|%-8s|%+5d", -3.14159, "ab", 7);
    printf("%d [%s]\n", n, buf);
    unsigned total = 0;
    for (int k = 0; k < 2000; k++) {
        snprintf(buf, sizeof buf, "%d,%u,%x,%.2f", k * 7919, k * 104729u, k * 31337, k / 7.0);
        int a; unsigned b, c2; double dd;
        if (sscanf(buf, "%d,%u,%x,%lf", &a, &b, &c2, &dd) != 4) { printf("round trip failed at %d\n", k); return 1; }
        total += (unsigned)a + b + c2 + (unsigned)(dd * 100 + 0.5);
    }
    printf("round trips total %u\n", total);
    return 0;
}
