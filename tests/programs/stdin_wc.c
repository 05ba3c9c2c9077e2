/* Reads its stdin (the test feeds this very source file) with read(2) and stdio. */
// STDIN: self
#include <stdio.h>
#include <ctype.h>
#include <unistd.h>
#include <string.h>

int main(void)
{
    char first[64];
    ssize_t n = read(0, first, 40);
    if (n <= 0) { printf("no input\n"); return 1; }
    first[n] = 0;
    printf("first read %zd bytes: %.20s\n", n, first);
    long lines = 0, words = 0, chars = n, in_word = 0;
    unsigned sum = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)first[i];
        if (c == '\n') lines++;
        if (isspace(c)) in_word = 0; else if (!in_word) { in_word = 1; words++; }
        sum = sum * 31 + c;
    }
    int c;
    char longest[256] = "", cur[256];
    size_t curlen = 0;
    while ((c = getchar()) != EOF) {
        chars++;
        sum = sum * 31 + (unsigned)c;
        if (c == '\n') {
            lines++;
            cur[curlen] = 0;
            if (curlen > strlen(longest)) strcpy(longest, cur);
            curlen = 0;
        } else if (curlen < 255) cur[curlen++] = (char)c;
        if (isspace(c)) in_word = 0; else if (!in_word) { in_word = 1; words++; }
    }
    printf("lines %ld words %ld chars %ld hash %08x\n", lines, words, chars, sum);
    printf("longest line: %s\n", longest);
    printf("eof again: %d\n", getchar());
    return 0;
}
