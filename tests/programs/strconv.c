/* strtol/strtoul/strtoll/strtod/atoi/atol/atof with bases, end pointers, overflow. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

int main(void)
{
    const char *ints[] = {"0", "42", "-42", "  +17xyz", "0x1F", "0777", "2147483647", "2147483648", "-2147483649",
                          "99999999999999999999", "abc", "-0", "1e5", "0b101", "  -0x80000000"};
    for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        char *end;
        errno = 0;
        long v = strtol(ints[i], &end, 0);
        int e1 = errno;
        errno = 0;
        unsigned long u = strtoul(ints[i], NULL, 10);
        int e2 = errno;
        errno = 0;
        long long ll = strtoll(ints[i], NULL, 16);
        printf("%-22s strtol0=%ld end=+%d erange=%d strtoul10=%lu erange=%d strtoll16=%lld atoi=%d\n", ints[i], v,
               (int)(end - ints[i]), e1 == ERANGE, u, e2 == ERANGE, ll, atoi(ints[i]));
    }
    for (int base = 2; base <= 36; base += 5) printf("base %d: %ld\n", base, strtol("zz10", NULL, base));
    const char *dbl[] = {"3.14159", "-2.5e-3", "1e308", "1e309", "0x1.8p3", "inf", "-nan", "  .5abc", "1e-320", "123456789012345678901234567890"};
    for (unsigned i = 0; i < sizeof dbl / sizeof dbl[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(dbl[i], &end);
        printf("strtod %-32s = %.17g end=+%d erange=%d atof=%g\n", dbl[i], d, (int)(end - dbl[i]), errno == ERANGE, atof(dbl[i]));
    }
    printf("strtof %.9g atol %ld atoll %lld\n", strtof("0.1", NULL), atol("-123456"), atoll("9000000000"));
    return 0;
}
