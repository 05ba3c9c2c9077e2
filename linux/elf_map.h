/* Mapping the PT_LOAD segments of a validated ELF image into guest memory
 * (ET_EXEC at its addresses, ET_DYN at a chosen load bias). Internal to linux/. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "linux/elf_check.h"

struct elf_loaded {
    uint32_t bias;       /* added to every p_vaddr (0 for ET_EXEC) */
    uint32_t base;       /* lowest mapped address: lo + bias (AT_BASE for an interpreter) */
    uint32_t entry;      /* e_entry + bias */
    uint32_t phdr_addr;  /* where the program headers are in guest memory (AT_PHDR), 0 if not loaded */
    uint32_t start_data; /* as qemu-arm computes it (lowest writable segment address) */
    uint32_t brk;        /* page-aligned end of the highest segment */
};

/* Returns 0, or -1 with a one-line message in err (nothing stays mapped then). */
int elf_map_image(const struct elf_image *img, struct elf_loaded *out, char *err, size_t errlen);
