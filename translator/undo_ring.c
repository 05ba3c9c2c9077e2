/* See undo_ring.h. Chunks are mapped once and reused; only the dispatcher and
 * helpers called from translated code touch the log, so nothing here needs
 * to be reentrant. */
#include "translator/undo_ring.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/process.h"
#include "translator/code_cache.h"

#define CHUNK_SIZE (8u << 20)
#define MAX_CHUNKS 4096u

static struct {
    bool active;
    struct arm_cpu *cpu;
    unsigned max_chunks;        /* ring capacity */
    uint8_t *chunk[MAX_CHUNKS]; /* ring slots, mapped on first use */
    uint8_t *used_end[MAX_CHUNKS]; /* top of a chunk we moved past */
    uint8_t *first_block[MAX_CHUNKS]; /* its first BLOCK record (NULL: none yet) */
    uint64_t first_icount[MAX_CHUNKS];
    unsigned oldest, cur, count; /* ring indices; count chunks in use */
    /* The earliest record that may be popped: nothing below it (in the
     * oldest chunk) belongs to a reachable state. */
    uint8_t *floor_rec;
    uint64_t floor_icount;   /* icount of that BLOCK record, 0 before any drop */
    uint64_t barrier_icount; /* first reachable count after the last barrier */
    uint64_t dropped;
} ring;

static uint8_t *chunk_base(unsigned i)
{
    if (!ring.chunk[i]) {
        void *m = mmap(NULL, CHUNK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED) {
            fprintf(stderr, "backstep: cannot map %u MiB for the undo log\n", CHUNK_SIZE >> 20);
            exit(1);
        }
        /* Transparent huge pages: a log that is written once straight
         * through costs one fault per 2 MiB instead of per 4 KiB. */
        madvise(m, CHUNK_SIZE, MADV_HUGEPAGE);
        ring.chunk[i] = m;
    }
    return ring.chunk[i];
}

static void set_limits(struct arm_cpu *cpu, uint8_t *top)
{
    cpu->undo_top = top;
    cpu->undo_limit = ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM;
}

void undo_ring_init(struct arm_cpu *cpu, uint64_t limit_bytes)
{
    ring.active = true;
    ring.cpu = cpu;
    ring.max_chunks = (unsigned)(limit_bytes / CHUNK_SIZE);
    if (ring.max_chunks < 2)
        ring.max_chunks = 2;
    if (ring.max_chunks > MAX_CHUNKS)
        ring.max_chunks = MAX_CHUNKS;
    undo_clear(cpu);
}

bool undo_ring_active(void) { return ring.active; }
void undo_ring_stop(void) { ring.active = false; }

void undo_clear(struct arm_cpu *cpu)
{
    ring.oldest = ring.cur = 0;
    ring.count = 1;
    ring.first_block[0] = NULL;
    ring.floor_rec = chunk_base(0);
    ring.floor_icount = 0;
    ring.barrier_icount = cpu->icount;
    set_limits(cpu, chunk_base(0));
}

static void note_block(struct arm_cpu *cpu, uint64_t icount)
{
    if (!ring.first_block[ring.cur]) {
        ring.first_block[ring.cur] = cpu->undo_top;
        ring.first_icount[ring.cur] = icount;
    }
}

static void drop_oldest(void)
{
    unsigned o = ring.oldest;
    ring.oldest = (o + 1) % ring.max_chunks;
    ring.count--;
    ring.dropped++;
    /* Only called from next_chunk, which has set used_end of every chunk.
     * Records before the new oldest chunk's first BLOCK belong to a state
     * that is gone. */
    unsigned n = ring.oldest;
    ring.floor_rec = ring.first_block[n] ? ring.first_block[n] : ring.used_end[n];
    ring.floor_icount = ring.first_block[n] ? ring.first_icount[n] : UINT64_MAX;
}

/* Moves the top to a fresh chunk, dropping the oldest one if the ring is full. */
static void next_chunk(struct arm_cpu *cpu)
{
    ring.used_end[ring.cur] = cpu->undo_top;
    unsigned next = (ring.cur + 1) % ring.max_chunks;
    if (ring.count == ring.max_chunks)
        drop_oldest();
    ring.cur = next;
    ring.count++;
    ring.first_block[next] = NULL;
    set_limits(cpu, chunk_base(next));
    if (ring.count == 1)
        ring.floor_rec = ring.chunk[next];
}

void undo_ring_set_limit(struct arm_cpu *cpu, uint64_t limit_bytes)
{
    unsigned want = (unsigned)(limit_bytes / CHUNK_SIZE);
    if (want < 2)
        want = 2;
    if (want > MAX_CHUNKS)
        want = MAX_CHUNKS;
    if (want == ring.max_chunks)
        return;
    /* Re-laying the ring out is simplest done by forgetting it: the caller
     * (the timeline) reports the new start of history. */
    for (unsigned i = 0; i < MAX_CHUNKS; i++) {
        if (ring.chunk[i] && i >= want) {
            munmap(ring.chunk[i], CHUNK_SIZE);
            ring.chunk[i] = NULL;
        }
    }
    ring.max_chunks = want;
    undo_clear(cpu);
}

void undo_ring_stats(struct undo_ring_stats *out)
{
    memset(out, 0, sizeof *out);
    out->bytes_limit = (uint64_t)ring.max_chunks * CHUNK_SIZE;
    out->chunks_used = ring.count;
    out->dropped_chunks = ring.dropped;
    if (!ring.active)
        return;
    for (unsigned k = 0, i = ring.oldest; k < ring.count; k++, i = (i + 1) % ring.max_chunks)
        out->bytes_used += (uint64_t)((i == ring.cur ? ring.cpu->undo_top : ring.used_end[i]) - ring.chunk[i]);
}

uint8_t *helper_undo_room(struct arm_cpu *cpu, uint64_t icount)
{
    if (cpu->undo_top >= ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM)
        next_chunk(cpu);
    else
        set_limits(cpu, cpu->undo_top); /* a C push lowered the limit */
    /* The caller writes a BLOCK record at the top next. */
    note_block(cpu, icount);
    return cpu->undo_top;
}

/* Room for len more bytes from C, in the current chunk. */
static uint8_t *reserve(struct arm_cpu *cpu, size_t len)
{
    if (cpu->undo_top + len + 64 > ring.chunk[ring.cur] + CHUNK_SIZE)
        next_chunk(cpu);
    uint8_t *p = cpu->undo_top;
    cpu->undo_top += len;
    return p;
}

static void put_tag(uint8_t *rec, size_t len, uint32_t type)
{
    uint32_t tag = UNDO_TAG(type, len);
    memcpy(rec + len - 4, &tag, 4);
}

void undo_push_block_all(struct arm_cpu *cpu)
{
    if (!ring.active)
        return;
    size_t len = 8 + 15 * 4 + sizeof(struct undo_extra) + sizeof(struct undo_block_tail);
    uint8_t *p = reserve(cpu, len);
    if (!ring.first_block[ring.cur]) {
        ring.first_block[ring.cur] = p;
        ring.first_icount[ring.cur] = cpu->icount;
    }
    memcpy(p, &cpu->n, 8);
    memcpy(p + 8, cpu->r, 15 * 4);
    struct undo_extra x = {.fpscr = cpu->fpscr, .tpidruro = cpu->tpidruro, .tpidrurw = cpu->tpidrurw,
                           .excl_addr = cpu->excl_addr, .excl_val = cpu->excl_val,
                           .excl_valid = cpu->excl_valid, .excl_size = cpu->excl_size};
    memcpy(p + 8 + 60, &x, sizeof x);
    struct undo_block_tail tail = {cpu->r[15] | cpu->thumb, UNDO_BLOCK_TAG(1, len, 0x7fffu | UNDO_MASK_EXTRA, true)};
    memcpy(p + len - sizeof tail, &tail, sizeof tail);
}

void undo_push_mem(struct arm_cpu *cpu, uint32_t addr, uint32_t len)
{
    if (!ring.active || len == 0)
        return;
    /* Large writes go in pieces so that no record comes near a chunk's size. */
    const uint32_t piece = CHUNK_SIZE / 4;
    while (len > 0) {
        uint32_t n = len < piece ? len : piece;
        size_t rec = sizeof(struct undo_mem_hdr) + ((n + 7u) & ~7u) + 8;
        uint8_t *p = reserve(cpu, rec);
        struct undo_mem_hdr h = {addr, n};
        memcpy(p, &h, sizeof h);
        /* Only mapped, readable bytes can change; others are recorded as 0
         * and skipped when popped (see write_back). */
        if (guest_range_ok(addr, n, 1))
            memcpy(p + sizeof h, g2h(addr), n);
        else
            memset(p + sizeof h, 0, n);
        memset(p + rec - 8, 0, 4);
        put_tag(p, rec, UNDO_MEM);
        addr += n;
        len -= n;
    }
    /* The next block prologue must re-check its room (reserve may have used
     * what it counted on): make it call helper_undo_room. */
    cpu->undo_limit = cpu->undo_top;
}

void undo_push_cpu(struct arm_cpu *cpu, uint64_t replay_cursor)
{
    if (!ring.active)
        return;
    size_t len = sizeof(struct undo_cpu_rec) + 8;
    uint8_t *p = reserve(cpu, len);
    struct undo_cpu_rec r;
    memcpy(&r.cpu, cpu, sizeof *cpu);
    r.replay_cursor = replay_cursor;
    memcpy(p, &r, sizeof r);
    memset(p + sizeof r, 0, 4);
    put_tag(p, len, UNDO_CPU);
    cpu->undo_limit = cpu->undo_top;
}

void undo_push_barrier(struct arm_cpu *cpu)
{
    if (!ring.active)
        return;
    uint8_t *p = reserve(cpu, 16);
    memcpy(p, &cpu->icount, 8);
    memset(p + 8, 0, 4);
    put_tag(p, 16, UNDO_BARRIER);
    ring.barrier_icount = cpu->icount;
    cpu->undo_limit = cpu->undo_top;
}

struct undo_map_hdr {
    uint32_t addr, npages, old_brk, old_next_start;
};

void undo_push_map(struct arm_cpu *cpu, uint32_t addr, uint32_t npages, const uint8_t *old_flags, uint32_t old_brk,
                   uint32_t old_next_start)
{
    if (!ring.active)
        return;
    /* Huge ranges (munmap of most of the space) go in pieces. */
    const uint32_t piece = CHUNK_SIZE / 4;
    do {
        uint32_t n = npages < piece ? npages : piece;
        size_t len = sizeof(struct undo_map_hdr) + ((n + 7u) & ~7u) + 8;
        uint8_t *p = reserve(cpu, len);
        struct undo_map_hdr h = {addr, n, old_brk, old_next_start};
        memcpy(p, &h, sizeof h);
        if (n)
            memcpy(p + sizeof h, old_flags, n);
        memset(p + len - 8, 0, 4);
        put_tag(p, len, UNDO_MAP);
        addr += n * GUEST_PAGE_SIZE;
        old_flags += n;
        npages -= n;
    } while (npages > 0);
    cpu->undo_limit = cpu->undo_top;
}

/* Puts the map of [addr, +npages pages) back as old_flags says, in runs of
 * pages that share their old state. */
static void pop_map(const uint8_t *p)
{
    struct undo_map_hdr h;
    memcpy(&h, p, sizeof h);
    const uint8_t *old = p + sizeof h;
    for (uint32_t i = 0; i < h.npages;) {
        uint32_t j = i + 1;
        while (j < h.npages && old[j] == old[i])
            j++;
        uint32_t a = h.addr + i * GUEST_PAGE_SIZE, len = (j - i) * GUEST_PAGE_SIZE;
        uint8_t want = old[i];
        if (!(want & GUEST_PAGE_MAPPED)) {
            guest_munmap(a, len);
        } else {
            /* Pages still mapped keep their bytes; pages that were removed
             * come back as zeros and get their bytes from the MEM record. */
            for (uint32_t k = 0; k < len; k += GUEST_PAGE_SIZE) {
                if (!(guest_page_flags(a + k) & GUEST_PAGE_MAPPED))
                    guest_mmap(a + k, GUEST_PAGE_SIZE, want & 7, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
                else if ((guest_page_flags(a + k) & 7) != (want & 7))
                    guest_mprotect(a + k, GUEST_PAGE_SIZE, want & 7);
            }
        }
        i = j;
    }
    guest_proc.brk_cur = h.old_brk;
    guest_mmap_set_next_start(h.old_next_start);
    if (code_cache_overlaps(h.addr, h.npages * GUEST_PAGE_SIZE))
        code_cache_flush();
}

uint64_t undo_floor(void)
{
    uint64_t f = ring.dropped ? ring.floor_icount : 0;
    return f > ring.barrier_icount ? f : ring.barrier_icount;
}

/* The top of the log, moving down into the previous chunk when the current
 * one is empty. NULL at the floor. */
static uint8_t *top(struct arm_cpu *cpu)
{
    for (;;) {
        uint8_t *t = cpu->undo_top;
        if (t == ring.floor_rec)
            return NULL;
        if (t > ring.chunk[ring.cur])
            return t;
        if (ring.cur == ring.oldest)
            return NULL;
        ring.cur = (ring.cur + ring.max_chunks - 1) % ring.max_chunks;
        ring.count--;
        set_limits(cpu, ring.used_end[ring.cur]);
    }
}

const uint8_t *undo_peek(struct arm_cpu *cpu, uint32_t *type, uint32_t *len)
{
    if (!ring.active)
        return NULL;
    uint8_t *t = top(cpu);
    if (!t)
        return NULL;
    uint32_t tag;
    memcpy(&tag, t - 4, 4);
    if (UNDO_TAG_TYPE(tag) == UNDO_BARRIER)
        return NULL;
    *type = UNDO_TAG_TYPE(tag);
    *len = UNDO_TAG_LEN(tag);
    return t - *len;
}

/* Puts old bytes back into guest memory, also into pages the guest cannot
 * write (a store that faulted on a read-only page was logged first; its
 * bytes are unchanged and skipped by the comparison). */
static void write_back(uint32_t addr, const uint8_t *src, uint32_t len)
{
    while (len > 0) {
        uint32_t in_page = GUEST_PAGE_SIZE - (addr & GUEST_PAGE_MASK);
        uint32_t n = len < in_page ? len : in_page;
        /* Unreadable pages (PROT_NONE) were logged as zeros (undo_push_mem):
         * skipped, and the host could not compare them anyway. */
        uint8_t f = guest_page_flags(addr);
        if ((f & GUEST_PAGE_MAPPED) && (f & (PROT_READ | PROT_EXEC)) && memcmp(g2h(addr), src, n) != 0) {
            guest_write_force(addr, src, n);
            if (code_cache_overlaps(addr, n))
                code_cache_flush();
        }
        addr += n;
        src += n;
        len -= n;
    }
}

static void pop_block(struct arm_cpu *cpu, const uint8_t *p, uint32_t len)
{
    struct undo_block_tail tail;
    memcpy(&tail, p + len - sizeof tail, sizeof tail);
    uint32_t mask = UNDO_BLOCK_MASK(tail.tag);
    cpu->icount -= UNDO_BLOCK_NINSNS(tail.tag);
    const uint8_t *q = p;
    if (UNDO_BLOCK_HAS_FLAGS(tail.tag)) {
        memcpy(&cpu->n, p, 8);
        q += 8;
    }
    cpu->r[15] = tail.pc & ~1u;
    cpu->thumb = tail.pc & 1; /* the state the block started in */
    for (unsigned r = 0; r < 15; r++) {
        if (mask & (1u << r)) {
            memcpy(&cpu->r[r], q, 4);
            q += 4;
        }
    }
    if (mask & UNDO_MASK_EXTRA) {
        struct undo_extra x;
        memcpy(&x, q, sizeof x);
        cpu->fpscr = x.fpscr;
        cpu->tpidruro = x.tpidruro;
        guest_proc.tls = x.tpidruro;
        cpu->tpidrurw = x.tpidrurw;
        cpu->excl_addr = x.excl_addr;
        cpu->excl_val = x.excl_val;
        cpu->excl_valid = x.excl_valid;
        cpu->excl_size = x.excl_size;
    }
}

uint32_t undo_pop(struct arm_cpu *cpu, uint64_t *replay_cursor)
{
    uint32_t type, len;
    const uint8_t *p = undo_peek(cpu, &type, &len);
    if (!p)
        return 0;
    switch (type) {
    case UNDO_BLOCK:
        pop_block(cpu, p, len);
        break;
    case UNDO_STORE: {
        struct undo_store s;
        memcpy(&s, p, sizeof s);
        write_back(s.addr, (const uint8_t *)&s.old, UNDO_STORE_SIZE(s.tag));
        break;
    }
    case UNDO_MEM: {
        struct undo_mem_hdr h;
        memcpy(&h, p, sizeof h);
        write_back(h.addr, p + sizeof h, h.len);
        break;
    }
    case UNDO_MAP:
        pop_map(p);
        break;
    case UNDO_STOREM: {
        uint32_t tag, addr, nw = 0;
        memcpy(&tag, p + len - 4, 4);
        memcpy(&addr, p + len - 8, 4);
        nw = UNDO_STOREM_WORDS(tag);
        for (uint32_t k = 0; k < nw; k++)
            write_back(addr + 4 * k, p + 4 * k, 4);
        break;
    }
    case UNDO_CPU: {
        struct undo_cpu_rec r;
        memcpy(&r, p, sizeof r);
        /* Everything but the run-control fields, which belong to now. */
        r.cpu.budget = cpu->budget;
        r.cpu.bp_pass = cpu->bp_pass;
        r.cpu.undo_top = cpu->undo_top;
        r.cpu.undo_limit = cpu->undo_limit;
        *cpu = r.cpu;
        guest_proc.tls = cpu->tpidruro; /* the kernel's copy of TPIDRURO (set_tls) */
        if (replay_cursor)
            *replay_cursor = r.replay_cursor;
        break;
    }
    }
    cpu->undo_top = (uint8_t *)p;
    if (ring.first_block[ring.cur] && cpu->undo_top <= ring.first_block[ring.cur]) {
        /* The chunk's first BLOCK is gone; the next prologue notes anew. */
        ring.first_block[ring.cur] = NULL;
        cpu->undo_limit = cpu->undo_top;
        return type;
    }
    /* Popping may have moved below the point the prologue checks against. */
    if (cpu->undo_limit > ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM)
        cpu->undo_limit = ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM;
    return type;
}

struct undo_mark undo_mark_now(const struct arm_cpu *cpu)
{
    struct undo_mark m = {ring.cur, cpu->undo_top};
    return m;
}

void undo_scan_since(const struct arm_cpu *cpu, struct undo_mark mark, undo_visit_fn *fn, void *ctx)
{
    if (!ring.active)
        return;
    unsigned c = ring.cur;
    uint8_t *p = cpu->undo_top;
    for (;;) {
        uint8_t *base = ring.chunk[c];
        uint8_t *stop = c == mark.chunk ? mark.p : base;
        while (p > stop) {
            uint32_t tag;
            memcpy(&tag, p - 4, 4);
            uint32_t len = UNDO_TAG_LEN(tag);
            p -= len;
            if (!fn(ctx, UNDO_TAG_TYPE(tag), p, len))
                return;
        }
        if (c == mark.chunk || c == ring.oldest)
            return;
        c = (c + ring.max_chunks - 1) % ring.max_chunks;
        p = ring.used_end[c];
    }
}
