/* bench workload: compression-style byte loop. An LZ77 compressor (hash-chain match finder)
   and decompressor over generated text, round-trip checked. Usage: lz_compress [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define WIN 4096
#define MINM 3
#define MAXM 258
#define HBITS 12

static size_t compress(const unsigned char *in, size_t n, unsigned char *out)
{
    static int head[1 << HBITS];
    static int prev[1 << 20];
    memset(head, -1, sizeof head);
    size_t o = 0, i = 0;
    while (i < n) {
        int best = 0, bdist = 0;
        if (i + MINM <= n) {
            unsigned h = ((unsigned)in[i] << 8 ^ (unsigned)in[i + 1] << 4 ^ in[i + 2]) & ((1 << HBITS) - 1);
            int cand = head[h], chain = 32;
            while (cand >= 0 && (int)i - cand <= WIN && chain--) {
                int l = 0;
                while (l < MAXM && i + (size_t)l < n && in[cand + l] == in[i + (size_t)l]) l++;
                if (l > best) { best = l; bdist = (int)i - cand; }
                cand = prev[cand];
            }
            prev[i] = head[h];
            head[h] = (int)i;
        }
        if (best >= MINM) {
            out[o++] = 0xff;
            out[o++] = (unsigned char)(bdist >> 8);
            out[o++] = (unsigned char)bdist;
            out[o++] = (unsigned char)(best - MINM);
            for (int k = 1; k < best; k++) {
                size_t j = i + (size_t)k;
                if (j + MINM <= n) {
                    unsigned h = ((unsigned)in[j] << 8 ^ (unsigned)in[j + 1] << 4 ^ in[j + 2]) & ((1 << HBITS) - 1);
                    prev[j] = head[h];
                    head[h] = (int)j;
                }
            }
            i += (size_t)best;
        } else {
            if (in[i] == 0xff) out[o++] = 0xff, out[o++] = 0, out[o++] = 0, out[o++] = 0;
            else out[o++] = in[i];
            i++;
        }
    }
    return o;
}

static size_t decompress(const unsigned char *in, size_t n, unsigned char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (in[i] != 0xff) { out[o++] = in[i++]; continue; }
        int dist = in[i + 1] << 8 | in[i + 2], len = in[i + 3] + MINM;
        i += 4;
        if (dist == 0) { out[o++] = 0xff; continue; }
        for (int k = 0; k < len; k++, o++) out[o] = out[o - (size_t)dist];
    }
    return o;
}

int main(int argc, char **argv)
{
    unsigned rounds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 6;
    size_t n = 256 * 1024;
    unsigned char *text = malloc(n), *comp = malloc(n * 2), *back = malloc(n);
    static const char *words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ", "and ",
                                  "backstep ", "runs ", "arm ", "code ", "on ", "x86 ", "\n"};
    uint32_t s = 1;
    for (size_t i = 0; i < n;) {
        s = s * 1664525u + 1013904223u;
        const char *w = words[(s >> 24) & 15];
        size_t l = strlen(w);
        if ((s & 0x3f) == 7) { text[i++] = (unsigned char)(s >> 8); continue; }
        for (size_t k = 0; k < l && i < n; k++) text[i++] = (unsigned char)w[k];
    }
    uint32_t acc = 0;
    size_t clen = 0;
    for (unsigned r = 0; r < rounds; r++) {
        text[r * 977 % n] ^= (unsigned char)r;
        clen = compress(text, n, comp);
        size_t dlen = decompress(comp, clen, back);
        if (dlen != n || memcmp(back, text, n) != 0) { printf("lz_compress round trip FAILED at round %u\n", r); return 1; }
        for (size_t i = 0; i < clen; i += 61) acc = acc * 31 + comp[i];
    }
    printf("lz_compress rounds=%u in=%zu out=%zu acc=%08x\n", rounds, n, clen, acc);
    return 0;
}
