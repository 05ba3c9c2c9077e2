/* Variadic functions with mixed int / long long / double / pointer arguments. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static long long sum_mixed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    long long total = 0;
    for (const char *p = fmt; *p; p++) {
        switch (*p) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += va_arg(ap, long long); break;
        case 'd': total += (long long)(va_arg(ap, double) * 1000); break;
        case 's': total += (long long)strlen(va_arg(ap, const char *)); break;
        }
    }
    va_end(ap);
    return total;
}

static int my_printf(char *out, size_t n, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    int r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return len == r ? r : -1;
}

static double avg(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    va_end(ap);
    return n ? s / n : 0;
}

int main(void)
{
    printf("%lld\n", sum_mixed("iii", 1, 2, 3));
    printf("%lld\n", sum_mixed("ilid", 1, 5000000000LL, -7, 2.5));
    printf("%lld\n", sum_mixed("dldlsi", 0.001, 1LL, 1.5, -1LL, "hello", 10));
    printf("%lld\n", sum_mixed("iiiiiiiiiiil", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1LL << 40));
    char buf[128];
    int r = my_printf(buf, sizeof buf, "%d-%s-%.2f-%lld-%c", 42, "mid", 3.14159, -99LL, 'Z');
    printf("%d [%s]\n", r, buf);
    r = my_printf(buf, 8, "%s", "truncated string");
    printf("%d [%s]\n", r, buf);
    printf("avg %.4f %.4f\n", avg(3, 1.0, 2.0, 4.0), avg(5, 0.5, -1.5, 2.25, 8.0, 1e3));
    return 0;
}
