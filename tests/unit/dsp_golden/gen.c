/* Generator of qemu_golden.txt, the reference for tests/unit/test_dsp_golden.c.
 * Freestanding ARM program (no libc): runs every stub of gen.S on the same
 * input vectors and prints the resulting r1-r5 and APSR in hex. Its output,
 * produced under qemu-arm (the project's reference), is the golden file, so
 * the expected values do not come from backstep's own helpers. Regenerate:
 * (-DNVEC=n for a longer, uncommitted run checked with DSP_GOLDEN=file):
 *   arm-linux-gnueabi-gcc -nostdlib -static -ffreestanding -O1 -march=armv7-a -marm \
 *       -o /tmp/dsp_gen gen.c gen.S && qemu-arm /tmp/dsp_gen > qemu_golden.txt
 * Format: "V i r1 r2 r3 r4 r5 apsr" lines give the input vectors; then per stub
 * "I encoding" and per vector "O i r1 r2 r3 r4 r5 apsr" (APSR masked to NZCVQ and GE). */
#include <stdint.h>

#ifndef NVEC
#define NVEC 32
#endif
#define APSR_MASK 0xf80f0000u

struct frame {
    uint32_t in[5], apsr_in, out[5], apsr_out;
};

extern const uint32_t stubs_start[], stubs_end[];

static char buf[4096];
static unsigned len;

static void flush(void)
{
    register uint32_t r0 __asm__("r0") = 1;
    register const char *r1 __asm__("r1") = buf;
    register uint32_t r2 __asm__("r2") = len;
    register uint32_t r7 __asm__("r7") = 4; /* write */
    __asm__ volatile("svc 0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
    len = 0;
}

static void put(char c)
{
    if (len == sizeof buf)
        flush();
    buf[len++] = c;
}

static void hex(uint32_t v)
{
    put(' ');
    for (int i = 28; i >= 0; i -= 4)
        put("0123456789abcdef"[(v >> i) & 15]);
}

static const uint32_t edges[16] = {
    0x00000000, 0xffffffff, 0x7fff8000, 0x80007fff, 0x7f80ff01, 0x807f01ff,
    0x00010001, 0x7fffffff, 0x80000000, 0x12345678, 0xfedcba98, 0x0000ffff,
    0xffff0000, 0x80008000, 0x7fff7fff, 0x00007fff,
};

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    uint32_t hi = seed >> 16;
    seed = seed * 1103515245u + 12345u;
    return hi << 16 | (seed >> 16);
}

/* A random word: plain, one of the edges, or built from edge bytes. */
static uint32_t mixed(void)
{
    static const uint8_t bytes[5] = {0x00, 0x01, 0x7f, 0x80, 0xff};
    uint32_t r = rnd();
    if ((r & 3) == 0)
        return edges[(r >> 2) & 15];
    if ((r & 3) == 1) {
        uint32_t v = 0, s = rnd();
        for (unsigned b = 0; b < 4; b++)
            v |= (uint32_t)bytes[((s >> (8 * b)) & 0xff) % 5] << (8 * b);
        return v;
    }
    return rnd();
}

static void vector(unsigned i, struct frame *f)
{
    for (unsigned k = 0; k < 5; k++)
        f->in[k] = i < 16 ? edges[(i * (2 * k + 3) + k * 5) % 16] : mixed();
    /* GE cycles through all 16 values, Q is preset in every third vector
     * (it must stay set), NZCV vary and must be preserved. */
    f->apsr_in = ((i * 5u) & 15) << 28 | (i % 3 == 2 ? 1u << 27 : 0) | (i & 15) << 16;
}

int golden_main(void)
{
    static struct frame vec[NVEC];
    for (unsigned i = 0; i < NVEC; i++) {
        vector(i, &vec[i]);
        put('V');
        hex(i);
        for (unsigned k = 0; k < 5; k++)
            hex(vec[i].in[k]);
        hex(vec[i].apsr_in);
        put('\n');
    }
    for (const uint32_t *s = stubs_start; s < stubs_end; s += 11) {
        put('I');
        hex(s[5]);
        put('\n');
        void (*stub)(struct frame *) = (void (*)(struct frame *))(uintptr_t)s;
        for (unsigned i = 0; i < NVEC; i++) {
            struct frame f = vec[i];
            stub(&f);
            put('O');
            hex(i);
            for (unsigned k = 0; k < 5; k++)
                hex(f.out[k]);
            hex(f.apsr_out & APSR_MASK);
            put('\n');
        }
    }
    flush();
    return 0;
}
