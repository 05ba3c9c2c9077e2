/* SHA-256 (FIPS 180-4), for the checksums of saved recordings: their log
 * and the files they copied. Incremental: init, update any number of times,
 * final. Not for anything secret (no care about timing). */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t h[8];
    uint64_t bytes;
    uint8_t buf[64];
    unsigned fill;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, uint8_t out[32]);
/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const uint8_t d[32], char out[65]);
/* The digest of a whole file as hex; false (errno set) if it cannot be read. */
int sha256_file(const char *path, char out[65]);
