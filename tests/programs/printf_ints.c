/* printf of ints, longs, long longs, chars, strings, widths and flags. */
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <inttypes.h>
#include <stddef.h>

int main(void)
{
    int vals[] = {0, 1, -1, 42, -42, 255, 65535, INT_MAX, INT_MIN, 123456789};
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++)
        printf("[%d] [%5d] [%-5d] [%05d] [%+d] [%x] [%X] [%o] [%u] [%#x]\n",
               vals[i], vals[i], vals[i], vals[i], vals[i], (unsigned)vals[i],
               (unsigned)vals[i], (unsigned)vals[i], (unsigned)vals[i], (unsigned)vals[i]);
    long l = LONG_MIN;
    unsigned long ul = ULONG_MAX;
    printf("long %ld %lu %lx\n", l, ul, ul);
    long long ll[] = {0, -1, LLONG_MAX, LLONG_MIN, 1234567890123456789LL, -987654321098765LL};
    for (unsigned i = 0; i < sizeof ll / sizeof ll[0]; i++)
        printf("ll %lld %llu %llx %20lld|%-20lld|\n", ll[i], (unsigned long long)ll[i],
               (unsigned long long)ll[i], ll[i], ll[i]);
    printf("%" PRId64 " %" PRIu64 " %" PRIx32 "\n", INT64_C(-5000000000), UINT64_C(18000000000000000000), UINT32_C(0xdeadbeef));
    printf("%c%c%c %s %.3s %10s|%-10s| %%\n", 'a', 'b', 'c', "str", "truncate", "right", "left");
    printf("%hhd %hd %hhu %hu\n", (signed char)200, (short)70000, (unsigned char)300, (unsigned short)70000);
    printf("%*d|%-*d|%.*d\n", 8, 77, 8, 77, 5, 77);
    size_t z = sizeof(long long);
    printf("%zu %td\n", z, (ptrdiff_t)-3);
    int n = 0;
    printf("count%n", &n);
    printf(" -> %d\n", n);
    return 0;
}
