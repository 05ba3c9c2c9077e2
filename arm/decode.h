/* Decoding one guest instruction in either state, from the generated table
 * decoders (arm_decode_gen.h, made from arm/TABLE.decode). Nothing here knows
 * of x86 or of the translator. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm_decode_gen.h"

/* Thumb (A6.1): a halfword whose bits 15:11 are 0b11101, 0b11110 or 0b11111
 * is the first half of a 32-bit instruction. */
static inline bool thumb_is_32bit(uint16_t hw1) { return (hw1 >> 11) >= 0x1d; }

/* Decodes the instruction at p (little-endian guest bytes; avail of them may
 * be read: 2 means the second halfword lies on a page that cannot be
 * fetched) in decode context ctx (ARM_CTX_*: ARM_CTX_IN_IT inside a Thumb IT
 * block). Sets d->len to the instruction's size whatever the outcome, and
 * d->raw to its encoding (T32: first halfword in bits 31:16). False if no
 * table line matches, or if the second halfword is missing. */
bool arm_decode(const uint8_t *p, size_t avail, bool thumb, unsigned ctx, struct isa_insn *d);
