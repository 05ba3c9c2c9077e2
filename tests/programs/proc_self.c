/* The guest's view of /proc/self: what the kernel (and qemu-arm) shows an ARM
 * process about itself, not the emulator's x86-64 process. Prints facts
 * derived from each file, checked against the program's own state, so the
 * output is the same whatever the addresses are. */
// ARGS: first "second arg"
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static size_t slurp(const char *path, char *buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: cannot open\n", path);
        return 0;
    }
    size_t n = 0;
    ssize_t r;
    while (n < len && (r = read(fd, buf + n, len - n)) > 0)
        n += (size_t)r;
    close(fd);
    return n;
}

/* The maps line holding addr: its permissions and the basename of its path
 * ("-" when anonymous). */
static void mapping_of(const char *what, uintptr_t addr)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[1024];
    while (f && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char perms[8];
        int pos = 0;
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perms, &pos) < 3)
            continue;
        if (addr < lo || addr >= hi)
            continue;
        char *name = line + pos;
        name[strcspn(name, "\n")] = '\0';
        printf("%s: in a %s mapping of %s\n", what, perms, *name ? basename(name) : "-");
        fclose(f);
        return;
    }
    printf("%s: in no mapping\n", what);
    if (f)
        fclose(f);
}

int main(int argc, char **argv)
{
    static char buf[65536];

    /* cmdline: the argument strings, each with its NUL. */
    size_t n = slurp("/proc/self/cmdline", buf, sizeof buf);
    size_t want = 0;
    for (int i = 0; i < argc; i++)
        want += strlen(argv[i]) + 1;
    int same = n == want;
    for (size_t off = 0, i = 0; same && (int)i < argc; off += strlen(argv[i]) + 1, i++)
        same = strcmp(buf + off, argv[i]) == 0;
    printf("cmdline: %zu bytes, %s argv (argc %d)\n", n, same ? "matches" : "differs from", argc);

    /* auxv: (type, value) pairs up to AT_NULL, the values getauxval sees. */
    n = slurp("/proc/self/auxv", buf, sizeof buf);
    const uint32_t *av = (const uint32_t *)buf;
    int pairs = 0, agree = 1, terminated = 0;
    for (size_t i = 0; i + 1 < n / 4; i += 2, pairs++) {
        if (av[i] == AT_NULL) {
            terminated = 1;
            break;
        }
        if (av[i] != AT_RANDOM && av[i] != AT_EXECFN && av[i] != AT_PLATFORM && getauxval(av[i]) != av[i + 1])
            agree = 0;
    }
    printf("auxv: terminated %d, values agree with getauxval %d, has AT_PAGESZ %d\n", terminated, agree,
           getauxval(AT_PAGESZ) == 4096);

    /* maps: where the program's code, its stack, libc's code and the heap are. */
    int local = 0;
    mapping_of("main", (uintptr_t)&main);
    mapping_of("a local variable", (uintptr_t)&local);
    mapping_of("puts", (uintptr_t)&puts);
    mapping_of("a static buffer", (uintptr_t)buf);
    void *big = malloc(1 << 20); /* mmap'ed by malloc: anonymous */
    mapping_of("a 1 MiB malloc block", (uintptr_t)big);
    free(big);

    /* The main thread's stack as glibc finds it (it reads /proc/self/maps). */
    pthread_attr_t at;
    void *stack;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &at) == 0 && pthread_attr_getstack(&at, &stack, &size) == 0)
        printf("pthread_getattr_np: the stack holds a local %d\n",
               (uintptr_t)&local >= (uintptr_t)stack && (uintptr_t)&local < (uintptr_t)stack + size);
    else
        printf("pthread_getattr_np failed\n");

    /* exe: the program itself. (Not stat("/proc/self/exe"): qemu-arm 7.2
     * answers it with its own binary, the kernel and backstep with the
     * program's.) */
    ssize_t len = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[len > 0 ? len : 0] = '\0';
    printf("exe: links to %s\n", basename(buf));

    /* fd/N: a descriptor names the file it was opened on. */
    int fd = open(".", O_RDONLY | O_DIRECTORY);
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    len = readlink(link, buf, sizeof buf - 1);
    buf[len > 0 ? len : 0] = '\0';
    char cwd[4096];
    printf("fd: %s names the working directory %d\n", fd >= 3 ? "a new descriptor" : "a low descriptor",
           getcwd(cwd, sizeof cwd) && strcmp(cwd, buf) == 0);
    close(fd);
    return 0;
}
