/* Function names for -d in_asm's "IN: name" lines, found as qemu-arm 7.2
 * finds them, so that the two logs diff clean: the STT_FUNC symbols of the
 * first SHT_SYMTAB of the executable and of its interpreter (not of the
 * libraries ld.so maps later), Thumb bit cleared, load bias added; an address
 * names the symbol whose [value, value + size) holds it, so zero-sized
 * symbols never match. Internal to linux/ and the translator's logging. */
#pragma once
#include <stdint.h>

#include "linux/elf_check.h"

/* Reads img's symbol table (silently nothing for a stripped or malformed
 * one: names are a logging nicety, never a reason to fail). */
void elf_symbols_add(const struct elf_image *img, uint32_t bias);

/* The name for addr, or "" (qemu-arm prints "IN: " then). */
const char *elf_symbols_lookup(uint32_t addr);
