/* ARM guest program for tests/cli/loader_vs_qemu.sh: prints what the loader and
 * the guest memory layer decide (argv/envp addresses and strings, every auxv
 * entry, the kuser helper version, where mmap and brk put memory, a file
 * mapping's bytes), leaving out the values that legitimately differ between
 * backstep and qemu-arm (AT_HWCAP, AT_HWCAP2, the platform name, the random
 * bytes). Run under both, the outputs must be identical. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d argv=%p envp=%p sp~%p\n", argc, (void *)argv, (void *)envp, (void *)&argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%p \"%s\"\n", i, (void *)argv[i], argv[i]);
    char **e = envp;
    for (; *e; e++)
        printf("env %p \"%s\"\n", (void *)*e, *e);
    unsigned long *a = (unsigned long *)(e + 1);
    for (; a[0] != AT_NULL; a += 2) {
        if (a[0] == AT_HWCAP || a[0] == AT_HWCAP2)
            printf("auxv %2lu (not compared)\n", a[0]);
        else
            printf("auxv %2lu %#lx\n", a[0], a[1]);
    }
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    printf("platform length %zu, ends in 'l': %d\n", strlen(plat), plat[strlen(plat) - 1] == 'l');
    printf("execfn \"%s\"\n", (const char *)getauxval(AT_EXECFN));
    printf("kuser helper version %u\n", *(volatile unsigned *)0xffff0ffc);
    printf("brk %p\n", sbrk(0));
    void *m1 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    void *m2 = mmap(NULL, 3 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap %p %p\n", m1, m2);
    printf("munmap %d\n", munmap(m1, 4096));
    void *m3 = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap after munmap %p\n", m3);
    void *bad = mmap((void *)0x12345, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("unaligned MAP_FIXED %s\n", bad == MAP_FAILED ? "fails" : "succeeds");
    int fd = open(argv[0], O_RDONLY);
    if (fd >= 0) {
        unsigned char *f = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
        if (f != MAP_FAILED)
            printf("file mapping %p starts %02x %c%c%c\n", (void *)f, f[0], f[1], f[2], f[3]);
        close(fd);
    }
    return 0;
}
