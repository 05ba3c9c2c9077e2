/* Unaligned data: memcpy at odd offsets, packed structs, byte-level serialization. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

struct __attribute__((packed)) hdr {
    uint8_t kind;
    uint32_t len;
    uint16_t flags;
    uint64_t stamp;
    int32_t delta;
};

static uint32_t load32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static void store32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static uint64_t load64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint16_t load16(const unsigned char *p) { uint16_t v; memcpy(&v, p, 2); return v; }

int main(void)
{
    unsigned char buf[256];
    for (int i = 0; i < 256; i++) buf[i] = (unsigned char)(i * 37 + 11);
    uint64_t h = 0;
    for (int off = 0; off < 16; off++) {
        h = h * 131 + load32(buf + off);
        h = h * 131 + load64(buf + off + 20);
        h = h * 131 + load16(buf + off + 50);
    }
    printf("loads %016llx\n", (unsigned long long)h);
    for (int off = 1; off < 200; off += 5) store32(buf + off, 0x01020304u * (unsigned)off);
    h = 0;
    for (int i = 0; i < 256; i++) h = h * 3 + buf[i];
    printf("stores %016llx\n", (unsigned long long)h);

    struct hdr arr[5];
    printf("sizeof hdr %zu\n", sizeof(struct hdr));
    for (int i = 0; i < 5; i++) {
        arr[i].kind = (uint8_t)i;
        arr[i].len = 0x11223344u + (unsigned)i;
        arr[i].flags = (uint16_t)(0xabcd ^ i);
        arr[i].stamp = 0x0102030405060708ULL * (uint64_t)(i + 1);
        arr[i].delta = -1000 * i;
    }
    for (int i = 0; i < 5; i++) {
        arr[i].len += arr[(i + 1) % 5].len;
        arr[i].stamp ^= arr[i].len;
        printf("hdr %u %08x %04x %016llx %d\n", arr[i].kind, arr[i].len, arr[i].flags,
               (unsigned long long)arr[i].stamp, arr[i].delta);
    }
    unsigned char *raw = (unsigned char *)arr;
    for (size_t i = 0; i < 19; i++) printf("%02x", raw[19 + i]);
    printf("\n");
    /* serialize big-endian by hand */
    unsigned char out[12];
    uint32_t words[3] = {0xdeadbeef, 0x00c0ffee, 0x12345678};
    for (int i = 0; i < 3; i++)
        for (int b = 0; b < 4; b++) out[i * 4 + b] = (unsigned char)(words[i] >> (24 - 8 * b));
    for (int i = 0; i < 12; i++) printf("%02x", out[i]);
    printf(" %08x\n", __builtin_bswap32(load32(out + 4)));
    return 0;
}
