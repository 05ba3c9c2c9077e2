/* mmap: anonymous mappings, mprotect, munmap, mremap, MAP_FIXED, and a file mapping (shared and private). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>

int main(void)
{
    size_t len = 5 * 4096;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    int zero = 1;
    for (size_t i = 0; i < len; i++) zero &= p[i] == 0;
    memset(p, 0xab, len);
    printf("anon zeroed %d\n", zero);
    unsigned char *q = mremap(p, len, 64 * 4096, MREMAP_MAYMOVE);
    printf("mremap ok %d kept data %d new zero %d\n", q != MAP_FAILED, q[len - 1] == 0xab, q[len + 100] == 0);
    printf("mprotect ro %d\n", mprotect(q, 4096, PROT_READ));
    printf("munmap part %d\n", munmap(q + 4096, 4096));
    unsigned char *fixed = mmap(q + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED at hole %d zero %d\n", fixed == q + 4096, fixed[7] == 0);
    munmap(q, 64 * 4096);

    int fd = open("mapped.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
    for (int i = 0; i < 3; i++) { char line[4096]; memset(line, 'a' + i, sizeof line); write(fd, line, sizeof line); }
    char *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("file map %c %c %c\n", m[0], m[4096], m[8191 + 4096]);
    memcpy(m + 10, "SHARED", 6);
    msync(m, 4096, MS_SYNC);
    char *pm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 4096);
    pm[0] = 'Z';
    char buf[16] = {0};
    pread(fd, buf, 6, 10);
    char b2[2] = {0};
    pread(fd, b2, 1, 4096);
    printf("shared write visible via read: %s; private write hidden: %s\n", buf, b2);
    munmap(m, 3 * 4096);
    munmap(pm, 4096);
    close(fd);
    unlink("mapped.dat");
    void *bad = mmap(NULL, 4096, PROT_READ, MAP_SHARED, 999, 0);
    printf("mmap bad fd fails %d\n", bad == MAP_FAILED);
    return 0;
}
