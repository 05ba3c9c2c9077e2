/* See state_hash.h. FNV-1a over 8-byte words: fast enough to hash a few
 * hundred MiB of guest memory in a test, and any changed byte changes it. */
#include "timeline/state_hash.h"

#include <stdio.h>
#include <stdlib.h>

#include "linux/guest_threads.h"

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
    /* Every thread: the table (a replay waits on the recording's
     * deadlines: REPLAY_PARK), and each waiting thread's context (the
     * running one's is c and p->sig above). */
    if (guest_threads_multi()) {
        h = mix(h, guest_threads.current);
        h = mix(h, guest_threads.slice_end);
        h = mix(h, guest_threads.cur_thread_pending);
        for (uint32_t i = 0; i < guest_threads.nslots; i++) {
            struct guest_thread_sched t = guest_threads.t[i];
            if (t.state == GTS_FREE)
                continue;
            h = mix_bytes(h, &t, sizeof t);
            if (i != guest_threads.current)
                h = mix_bytes(h, &guest_thread_ctx[i], sizeof guest_thread_ctx[i]);
        }
    }
    if (getenv("BACKSTEP_HASH_DEBUG")) {
        uint64_t hc = mix_bytes(0, c, offsetof(struct arm_cpu, icount));
        uint64_t hs = mix_bytes(0, &p->sig, sizeof p->sig);
        uint64_t ht = mix_bytes(0, &guest_threads, sizeof guest_threads);
        uint64_t hx = mix_bytes(0, guest_thread_ctx, sizeof guest_thread_ctx);
        fprintf(stderr, "HASH %llu cpu %016llx sig %016llx table %016llx ctx %016llx cur %u slice %llu\n",
                (unsigned long long)c->icount, (unsigned long long)hc, (unsigned long long)hs, (unsigned long long)ht,
                (unsigned long long)hx, guest_threads.current, (unsigned long long)guest_threads.slice_end);
        for (uint32_t i = 0; i < guest_threads.nslots; i++) {
            const struct guest_thread_sched *t = &guest_threads.t[i];
            fprintf(stderr, "  t%u tid %d st %u res %u/%x rerun %u fa %x wo %u pend %llx ctx %016llx\n", i, t->tid,
                    t->state, t->has_result, t->result, t->rerun, t->futex_addr, t->wait_order,
                    (unsigned long long)t->pending,
                    (unsigned long long)mix_bytes(0, &guest_thread_ctx[i], sizeof guest_thread_ctx[i]));
            if (getenv("BACKSTEP_HASH_DEBUG")[0] == '2') {
                const uint32_t *w = (const uint32_t *)&guest_thread_ctx[i];
                for (size_t k = 0; k < sizeof guest_thread_ctx[i] / 4; k++)
                    if (w[k])
                        fprintf(stderr, " %zu:%x", k, w[k]);
                fprintf(stderr, "\n");
            }
        }
    }
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
