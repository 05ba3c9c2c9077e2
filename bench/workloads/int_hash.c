/* bench workload: integer-heavy. A PRNG feeding a hash-mixing loop with table lookups.
   Usage: int_hash [ROUNDS]   (prints a checksum; same output on every architecture) */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(int argc, char **argv)
{
    uint32_t rounds = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 20000000u;
    static uint32_t table[1024];
    uint32_t s = 0x12345678u;
    for (int i = 0; i < 1024; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; table[i] = s; }
    uint32_t h1 = 0x811c9dc5u, h2 = 0, acc = 0;
    for (uint32_t i = 0; i < rounds; i++) {
        s ^= s << 13; s ^= s >> 17; s ^= s << 5;
        h1 = (h1 ^ (s & 0xff)) * 16777619u;
        h2 = ((h2 << 5) | (h2 >> 27)) + (s ^ table[h1 & 1023]);
        table[s & 1023] += h2 >> 3;
        acc += (h1 > h2) ? (h1 - h2) >> 7 : (h2 ^ i) & 0xffff;
        if ((i & 0xffff) == 0) acc ^= acc >> 11;
    }
    uint32_t t = 0;
    for (int i = 0; i < 1024; i++) t = t * 31 + table[i];
    printf("int_hash rounds=%u h1=%08x h2=%08x acc=%08x table=%08x\n", rounds, h1, h2, acc, t);
    return 0;
}
