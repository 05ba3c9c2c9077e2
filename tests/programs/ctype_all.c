/* ctype classification and case mapping over all bytes in the C locale. */
#include <stdio.h>
#include <ctype.h>
#include <string.h>

int main(void)
{
    const char *names[] = {"alnum", "alpha", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit", "blank"};
    int (*fns[])(int) = {isalnum, isalpha, iscntrl, isdigit, isgraph, islower, isprint, ispunct, isspace, isupper, isxdigit, isblank};
    for (int f = 0; f < 12; f++) {
        int count = 0;
        unsigned h = 0;
        for (int c = -1; c < 256; c++) if (fns[f](c)) { count++; h = h * 257 + (unsigned)(c + 1); }
        printf("%-6s %3d %08x\n", names[f], count, h);
    }
    char s[] = "Hello, World! 123 abc XYZ \t~";
    for (char *p = s; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("%s\n", s);
    for (char *p = s; *p; p++) *p = (char)tolower((unsigned char)*p);
    printf("%s\n", s);
    int changed = 0;
    for (int c = 0; c < 256; c++) changed += toupper(c) != c;
    printf("toupper changes %d bytes, toupper(EOF)=%d\n", changed, toupper(EOF));
    return 0;
}
