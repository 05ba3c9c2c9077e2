/* A dynamically linked program for the gdb sessions on shared libraries
 * (gdb_dyn_*.py) and the dynamic round trips: calls into libc through the
 * PLT (puts, malloc, snprintf), writes malloc'ed memory at marked lines, and
 * loads and unloads libm with dlopen/dlclose. Exit status 7. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int scale(int x)
{
    return x * 3 + 1; /* MARK:scale */
}

int main(int argc, char **argv)
{
    (void)argv;
    int *cells = malloc(16 * sizeof *cells); /* MARK:malloc */
    for (int i = 0; i < 16; i++)
        cells[i] = i;
    puts("dynlib start"); /* MARK:puts_call */
    cells[5] = scale(argc); /* MARK:cell5_write */
    char line[64];
    snprintf(line, sizeof line, "cell5=%d", cells[5]);
    puts(line); /* MARK:puts_line */
    void *m = dlopen("libm.so.6", RTLD_NOW);
    if (!m) {
        printf("dlopen: %s\n", dlerror());
        return 1;
    }
    double (*cosp)(double) = (double (*)(double))dlsym(m, "cos");
    printf("cos(0)=%.1f\n", cosp ? cosp(0.0) : -1.0);
    dlclose(m); /* MARK:dlclose */
    cells[5] += 100; /* MARK:cell5_again */
    printf("cell5=%d\n", cells[5]);
    free(cells);
    return 7; /* MARK:ret */
}
