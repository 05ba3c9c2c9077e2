/* bench workload: string/libc-heavy. strlen, memcpy, strcmp, strchr, strstr, sprintf and
   strtoul in a loop over generated records. Usage: string_libc [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(int argc, char **argv)
{
    unsigned rounds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 150000;
    static char recs[256][96];
    uint32_t s = 42;
    for (int i = 0; i < 256; i++) {
        s = s * 1103515245u + 12345u;
        snprintf(recs[i], sizeof recs[i], "record-%03d key=%u value=%x name=%.*s", i, s >> 8, s,
                 (int)(s % 30) + 5, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    }
    char buf[256], buf2[256];
    uint32_t acc = 0;
    for (unsigned r = 0; r < rounds; r++) {
        const char *a = recs[r & 255], *b = recs[(r * 7 + 3) & 255];
        size_t la = strlen(a);
        memcpy(buf, a, la + 1);
        strcat(buf, "|");
        strncat(buf, b, 40);
        acc += (uint32_t)strlen(buf);
        acc += (uint32_t)(strcmp(a, b) > 0);
        const char *k = strstr(buf, "key=");
        if (k) acc += (uint32_t)strtoul(k + 4, NULL, 10) & 0xfff;
        const char *c = strchr(buf, 'n');
        if (c) acc += (uint32_t)(c - buf);
        int n = snprintf(buf2, sizeof buf2, "%u:%s:%08x", r, buf + (r % 13), acc);
        acc = acc * 31 + (uint32_t)n + (unsigned char)buf2[n / 2];
        memmove(buf2 + 1, buf2, (size_t)n);
        acc ^= (uint32_t)memcmp(buf2, buf, 16) > 0;
    }
    printf("string_libc rounds=%u acc=%08x\n", rounds, acc);
    return 0;
}
