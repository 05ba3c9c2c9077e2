/* string.h: copies, compares, searches, tokenizing, overlapping moves. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int main(void)
{
    char buf[256], buf2[256];
    strcpy(buf, "Hello");
    strcat(buf, ", world");
    printf("%s len=%zu\n", buf, strlen(buf));
    strncpy(buf2, buf, 5);
    buf2[5] = 0;
    printf("ncpy=%s cmp=%d ncmp=%d\n", buf2, strcmp(buf, buf2) > 0, strncmp(buf, buf2, 5));
    printf("chr=%s rchr=%s str=%s\n", strchr(buf, 'o'), strrchr(buf, 'o'), strstr(buf, "wor"));
    printf("spn=%zu cspn=%zu pbrk=%s\n", strspn("aaabbbccc", "ab"), strcspn("xyz:abc", ":"), strpbrk("hello world", "wd"));
    char tok[] = "a,b;;c, d ,e";
    char *save, *t;
    for (t = strtok_r(tok, ",; ", &save); t; t = strtok_r(NULL, ",; ", &save)) printf("tok[%s]\n", t);
    memset(buf, 'x', 100);
    buf[100] = 0;
    printf("memset len=%zu\n", strlen(buf));
    for (int i = 0; i < 64; i++) buf[i] = (char)('A' + i % 26);
    memmove(buf + 3, buf, 40);
    buf[50] = 0;
    printf("move fwd %s\n", buf);
    memmove(buf, buf + 7, 30);
    printf("move back %.40s\n", buf);
    printf("memcmp %d %d\n", memcmp("abcd", "abce", 4) < 0, memcmp("abcd", "abcd", 4));
    char *d = strdup("duplicate me");
    printf("dup %s %zu\n", d, strlen(d));
    free(d);
    /* all alignments / lengths of memcpy and strlen */
    unsigned sum = 0;
    char src[128];
    for (int i = 0; i < 128; i++) src[i] = (char)(i * 7 + 1);
    for (int a = 0; a < 8; a++)
        for (int b = 0; b < 8; b++)
            for (int n = 0; n < 70; n += 3) {
                memset(buf2, 0, sizeof buf2);
                memcpy(buf2 + a, src + b, n);
                for (int k = 0; k < 80; k++) sum = sum * 31 + (unsigned char)buf2[k];
            }
    printf("memcpy sum %08x\n", sum);
    sum = 0;
    for (int a = 0; a < 8; a++)
        for (int n = 0; n < 40; n++) {
            memset(buf, 'q', 100);
            buf[a + n] = 0;
            sum += strlen(buf + a) * (a + 1);
        }
    printf("strlen sum %u\n", sum);
    printf("strcasecmp %d strncasecmp %d\n", strcasecmp("HeLLo", "hello"), strncasecmp("ABCx", "abcy", 3));
    printf("memchr %s\n", (char *)memchr("find the needle", 'n', 15));
    return 0;
}
