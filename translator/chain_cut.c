/* See chain_cut.h. A site's original target is the block's own exit path
 * (what the rel32 held before the dispatcher chained it). */
#include "translator/chain_cut.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "translator/code_cache.h"
#include "translator/x86_emit.h"

#define MAX_SITES (1u << 18)

struct site {
    uint8_t *at, *orig;
};
static struct site *sites;
static volatile uint32_t nsites;
static volatile uint64_t sites_generation; /* cc.generation the sites belong to */
static volatile sig_atomic_t guest_running;

bool chain_cut_note(uint8_t *site)
{
    if (!sites && !(sites = calloc(MAX_SITES, sizeof *sites)))
        return false;
    if (sites_generation != cc.generation) {
        nsites = 0; /* a flush dropped every block, and every site with it */
        sites_generation = cc.generation;
    }
    if (nsites == MAX_SITES)
        return false;
    int32_t rel;
    memcpy(&rel, site, 4);
    sites[nsites] = (struct site){site, site + 4 + rel};
    nsites = nsites + 1;
    return true;
}

void chain_cut_guest_running(bool on) { guest_running = on; }

void chain_cut_now(void)
{
    if (!guest_running)
        return; /* the dispatcher looks for arrived signals before entering */
    if (sites && sites_generation == cc.generation)
        for (uint32_t i = 0; i < nsites; i++)
            x_patch_rel32(sites[i].at, sites[i].orig);
    for (uint32_t i = 0; i < JC_SIZE; i++)
        cc.jc[i].pc = 2; /* never matches (code_cache_flush) */
}
