/* Sizes as people type them on a command line or to `monitor`: "512M",
 * "2G", "64MiB", "1048576". One parser for both, so they accept the same. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Decimal digits, then an optional K, M or G (binary: 2^10, 2^20, 2^30),
 * optionally followed by "iB" or "B", then optional trailing blanks. At most
 * 1 TiB. False (and *out untouched) for anything else. */
bool parse_size_arg(const char *s, uint64_t *out);
