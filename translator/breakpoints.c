/* See breakpoints.h. A sorted array: the set is small (what a person sets in
 * a debugger) and looked up once per translated instruction. */
#include "translator/breakpoints.h"

#include <string.h>

#include "translator/code_cache.h"

#define MAX_BREAKPOINTS 4096

static uint32_t bps[MAX_BREAKPOINTS];
static unsigned nbps;

static unsigned lower_bound(uint32_t pc)
{
    unsigned lo = 0, hi = nbps;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (bps[mid] < pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool tr_breakpoint_at(uint32_t pc)
{
    unsigned i = lower_bound(pc);
    return i < nbps && bps[i] == pc;
}

bool tr_breakpoint_insert(uint32_t pc)
{
    unsigned i = lower_bound(pc);
    if (i < nbps && bps[i] == pc)
        return true;
    if (nbps == MAX_BREAKPOINTS)
        return false;
    memmove(&bps[i + 1], &bps[i], (nbps - i) * sizeof bps[0]);
    bps[i] = pc;
    nbps++;
    code_cache_flush();
    return true;
}

void tr_breakpoint_remove(uint32_t pc)
{
    unsigned i = lower_bound(pc);
    if (i >= nbps || bps[i] != pc)
        return;
    memmove(&bps[i], &bps[i + 1], (nbps - i - 1) * sizeof bps[0]);
    nbps--;
    code_cache_flush();
}

unsigned tr_breakpoint_list(const uint32_t **pcs)
{
    *pcs = bps;
    return nbps;
}
