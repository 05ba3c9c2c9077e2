/* Resource structures: 32-bit rlimit (ugetrlimit/setrlimit) and sysinfo,
 * following the kernel's compat rules (kernel/sys.c: put_compat_rlimit,
 * get_compat_rlimit, compat_sys_sysinfo). */
#include <string.h>

#include "linux/xlat.h"

/* Limits above 32 bits read as infinity (COMPAT_RLIM_INFINITY). */
static uint32_t rlim_from_host(rlim_t v) { return v > GUEST_RLIM_INFINITY ? GUEST_RLIM_INFINITY : (uint32_t)v; }
/* The guest's infinity is the host's infinity. */
static rlim_t rlim_to_host(uint32_t v) { return v == GUEST_RLIM_INFINITY ? RLIM_INFINITY : (rlim_t)v; }

void xlat_rlimit_from_host(struct guest_rlimit *g, const struct rlimit *h)
{
    g->rlim_cur = rlim_from_host(h->rlim_cur);
    g->rlim_max = rlim_from_host(h->rlim_max);
}

void xlat_rlimit_to_host(struct rlimit *h, const struct guest_rlimit *g)
{
    h->rlim_cur = rlim_to_host(g->rlim_cur);
    h->rlim_max = rlim_to_host(g->rlim_max);
}

void xlat_sysinfo(struct guest_sysinfo *g, const struct sysinfo *h)
{
    uint64_t totalram = h->totalram, freeram = h->freeram, sharedram = h->sharedram;
    uint64_t bufferram = h->bufferram, totalswap = h->totalswap, freeswap = h->freeswap;
    uint64_t totalhigh = h->totalhigh, freehigh = h->freehigh;
    uint32_t mem_unit = h->mem_unit;
    /* compat_sys_sysinfo: if a memory size does not fit 32 bits, grow mem_unit
     * up to PAGE_SIZE and shift every size down by the same amount. */
    if ((totalram >> 32) || (totalswap >> 32)) {
        int bitcount = 0;
        while (mem_unit < 4096u) {
            mem_unit <<= 1;
            bitcount++;
        }
        totalram >>= bitcount;
        freeram >>= bitcount;
        sharedram >>= bitcount;
        bufferram >>= bitcount;
        totalswap >>= bitcount;
        freeswap >>= bitcount;
        totalhigh >>= bitcount;
        freehigh >>= bitcount;
    }
    memset(g, 0, sizeof(*g));
    g->uptime = (int32_t)h->uptime;
    for (int i = 0; i < 3; i++)
        g->loads[i] = (uint32_t)h->loads[i];
    g->totalram = (uint32_t)totalram;
    g->freeram = (uint32_t)freeram;
    g->sharedram = (uint32_t)sharedram;
    g->bufferram = (uint32_t)bufferram;
    g->totalswap = (uint32_t)totalswap;
    g->freeswap = (uint32_t)freeswap;
    g->procs = h->procs;
    g->totalhigh = (uint32_t)totalhigh;
    g->freehigh = (uint32_t)freehigh;
    g->mem_unit = mem_unit;
}
