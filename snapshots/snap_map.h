/* What snapshots.c and forward_image.c share: a guest memory map as runs of
 * pages with the same flags, and the page copies' allocator. */
#pragma once
#include <stddef.h>
#include <stdint.h>

struct map_run {
    uint32_t addr, npages;
    uint8_t flags;
};

/* The current map (*out is malloc'd). */
void snap_record_map(struct map_run **out, unsigned *nout);
/* Makes the memory map that one, every page of it mapped read-write for the
 * copies that come next (contents of pages kept mapped are unchanged;
 * fwd_image_before_change is told of every run that changes). */
void snap_restore_map(const struct map_run *map, unsigned nmap);
/* Then gives the pages the map's own permissions. */
void snap_protect_as_map(const struct map_run *map, unsigned nmap);
/* realloc, or a one-line error and exit when memory runs out. */
void *snap_xrealloc(void *p, size_t n);
uint8_t *snap_page_alloc(void);
void snap_page_free(uint8_t *p);
