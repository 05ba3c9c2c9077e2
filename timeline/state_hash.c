/* See state_hash.h. FNV-1a over 8-byte words: fast enough to hash a few
 * hundred MiB of guest memory in a test, and any changed byte changes it. */
#include "timeline/state_hash.h"

#include <string.h>

#include "linux/guest_mem.h"

#define FNV_PRIME 0x100000001b3ull

static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * FNV_PRIME; }

static uint64_t mix_bytes(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, b + i, 8);
        h = mix(h, w);
    }
    for (; i < n; i++)
        h = mix(h, b[i]);
    return h;
}

uint64_t state_hash(const struct arm_cpu *c, const struct linux_proc *p)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = mix_bytes(h, c->r, sizeof c->r);
    const uint8_t flags[8] = {c->n, c->z, c->c, c->v, c->q, c->ge, c->thumb, c->itstate};
    h = mix_bytes(h, flags, sizeof flags);
    h = mix(h, c->fpscr);
    h = mix(h, c->tpidruro);
    h = mix(h, c->tpidrurw);
    h = mix_bytes(h, c->d, sizeof c->d);
    h = mix(h, c->excl_valid ? ((uint64_t)c->excl_addr << 8 | c->excl_size) : 0);
    h = mix(h, c->excl_valid ? c->excl_val : 0);
    h = mix(h, c->icount);
    h = mix(h, p->brk_cur);
    h = mix(h, p->tls);
    h = mix_bytes(h, &p->sig, sizeof p->sig);
    h = mix(h, guest_mmap_next_start());
    for (uint64_t a = 0; a < (1ull << 32); a += GUEST_PAGE_SIZE) {
        uint8_t f = guest_page_flags((uint32_t)a);
        if (!(f & GUEST_PAGE_MAPPED))
            continue;
        h = mix(h, a | f);
        if (f & (1 | 4)) /* readable (x86 reads executable pages too) */
            h = mix_bytes(h, g2h((uint32_t)a), GUEST_PAGE_SIZE);
    }
    return h;
}
