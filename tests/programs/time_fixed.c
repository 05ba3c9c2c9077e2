/* Deterministic time functions: gmtime/timegm/strftime/mktime(TZ=UTC)/difftime on fixed times. */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <string.h>

int main(void)
{
    time_t ts[] = {0, 86399, 951782400 /* 2000-02-29 */, 1234567890, 2147483647, -86400, 1700000000};
    char buf[128];
    for (unsigned i = 0; i < sizeof ts / sizeof ts[0]; i++) {
        struct tm tm;
        gmtime_r(&ts[i], &tm);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b %j %U %w %y %%", &tm);
        printf("%lld -> %s yday=%d\n", (long long)ts[i], buf, tm.tm_yday);
        time_t back = timegm(&tm);
        printf("  timegm back %lld\n", (long long)back);
    }
    struct tm t = {0};
    t.tm_year = 124; t.tm_mon = 1; t.tm_mday = 29; t.tm_hour = 12; t.tm_min = 30;
    time_t m = mktime(&t);
    printf("mktime 2024-02-29 12:30 = %lld wday %d\n", (long long)m, t.tm_wday);
    t.tm_mday += 400;
    m = mktime(&t);
    strftime(buf, sizeof buf, "%c | %D | %T | %e", &t);
    printf("normalized: %s\n", buf);
    printf("asctime %s", asctime(gmtime(&ts[3])));
    printf("difftime %.1f\n", difftime(ts[4], ts[3]));
    struct tm p;
    memset(&p, 0, sizeof p);
    char *end = strptime("2021-07-04 09:08:07", "%Y-%m-%d %H:%M:%S", &p);
    printf("strptime ok=%d %d/%d/%d %d:%d:%d\n", end && !*end, p.tm_year + 1900, p.tm_mon + 1, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec);
    return 0;
}
