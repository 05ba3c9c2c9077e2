/* bench workload: memory-heavy. Transposes a 2048x2048 uint32 matrix (16 MiB, far larger
   than L2) repeatedly and walks it with a large stride. Usage: mem_walk [PASSES] */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define DIM 2048

int main(int argc, char **argv)
{
    unsigned passes = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 6;
    uint32_t *a = malloc(sizeof(uint32_t) * DIM * DIM);
    uint32_t *b = malloc(sizeof(uint32_t) * DIM * DIM);
    if (!a || !b) { fprintf(stderr, "out of memory\n"); return 1; }
    for (uint32_t i = 0; i < DIM * DIM; i++) a[i] = i * 2654435761u;
    uint32_t sum = 0;
    for (unsigned p = 0; p < passes; p++) {
        for (uint32_t i = 0; i < DIM; i += 8)
            for (uint32_t j = 0; j < DIM; j += 8)
                for (uint32_t ii = i; ii < i + 8; ii++)
                    for (uint32_t jj = j; jj < j + 8; jj++) b[jj * DIM + ii] = a[ii * DIM + jj] + p;
        for (uint32_t k = 0, idx = 0; k < DIM * DIM / 4; k++) {
            sum += b[idx];
            idx = (idx + 4099 * 4) & (DIM * DIM - 1);
        }
        uint32_t *t = a; a = b; b = t;
    }
    uint32_t h = 0;
    for (uint32_t i = 0; i < DIM * DIM; i += 997) h = h * 33 + a[i];
    printf("mem_walk passes=%u sum=%08x h=%08x\n", passes, sum, h);
    free(a);
    free(b);
    return 0;
}
