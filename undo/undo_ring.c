/* See undo_ring.h. The ring: chunks, room, the top, the floor, marks and
 * scans; what a record holds and what popping it restores is
 * undo_record.c's. Chunks are mapped once and reused; only the dispatcher
 * and helpers called from translated code touch the log, so nothing here
 * needs to be reentrant. */
#include "undo/undo_ring.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"

#define CHUNK_SIZE (8u << 20)
#define MAX_CHUNKS 4096u
/* C pushes of large ranges go in pieces of at most this many bytes (MEM) or
 * pages (MAP), so that no record comes near a chunk's size. */
#define PIECE (CHUNK_SIZE / 4)
_Static_assert(UNDO_MEM_LEN(PIECE) <= UNDO_TAG_MAX_LEN && UNDO_MAP_LEN(PIECE) <= UNDO_TAG_MAX_LEN,
               "a piece's record length fits its tag");
_Static_assert(UNDO_MAP_LEN(PIECE) + 64 < CHUNK_SIZE, "a piece fits a chunk");

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
    uint64_t started; /* chunks moved to, ever */
    uint64_t rewinds, thread_pushes; /* undo_ring_stats */
    uint32_t range_lo, range_len;    /* undo_count_range */
    bool fixed_limit;                /* undo_ring_fixed_limit */
    uint64_t range_mem_pushes;
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
    ring.rewinds++;
    ring.oldest = ring.cur = 0;
    ring.count = 1;
    ring.first_block[0] = NULL;
    ring.floor_rec = chunk_base(0);
    ring.floor_icount = 0;
    ring.barrier_icount = cpu->icount;
    set_limits(cpu, chunk_base(0));
}

/* A restore point at p, noted as the chunk's first if it is. */
static void note_block(uint8_t *p, uint64_t icount)
{
    if (!ring.first_block[ring.cur]) {
        ring.first_block[ring.cur] = p;
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
    ring.started++;
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

static void count_in_range(uint32_t addr, uint64_t len)
{
    if (ring.range_len && addr + len > ring.range_lo && addr < (uint64_t)ring.range_lo + ring.range_len)
        ring.range_mem_pushes++;
}

void undo_count_range(uint32_t addr, uint32_t len)
{
    ring.range_lo = addr;
    ring.range_len = len;
}

void undo_ring_stats(struct undo_ring_stats *out)
{
    memset(out, 0, sizeof *out);
    out->bytes_limit = (uint64_t)ring.max_chunks * CHUNK_SIZE;
    out->chunks_used = ring.count;
    out->dropped_chunks = ring.dropped;
    out->chunks_started = ring.started;
    out->chunks_max = ring.max_chunks;
    out->rewinds = ring.rewinds;
    out->thread_pushes = ring.thread_pushes;
    out->range_mem_pushes = ring.range_mem_pushes;
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
    note_block(cpu->undo_top, icount);
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

/* After a push from C the next block prologue must re-check its room
 * (reserve may have used what it counted on): make it call
 * helper_undo_room. */
static void pushed(struct arm_cpu *cpu)
{
    if (!ring.fixed_limit)
        cpu->undo_limit = cpu->undo_top;
    else if (cpu->undo_top >= ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM)
        next_chunk(cpu); /* the room a record written in translated code needs */
    else
        cpu->undo_limit = ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM;
}

void undo_ring_fixed_limit(struct arm_cpu *cpu, bool on)
{
    ring.fixed_limit = on;
    if (!ring.active)
        return;
    if (!on)
        cpu->undo_limit = cpu->undo_top; /* the next prologue checks anew */
    else if (cpu->undo_top >= ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM)
        next_chunk(cpu);
    else
        cpu->undo_limit = ring.chunk[ring.cur] + CHUNK_SIZE - UNDO_BLOCK_ROOM;
}

void undo_push_block(struct arm_cpu *cpu, const struct undo_block_shape *s, uint32_t pc)
{
    if (!ring.active)
        return;
    uint8_t *p = reserve(cpu, undo_block_layout(s).len);
    note_block(p, cpu->icount);
    undo_encode_block(p, cpu, s, pc);
    /* No pushed(): the next prologue's room check is still right, since a
     * top below the limit has UNDO_BLOCK_ROOM left after this record too. */
}

void undo_push_block_all(struct arm_cpu *cpu)
{
    struct undo_block_shape s = {.ninsns = 1, .core = UNDO_BLOCK_CORE_ALL, .flags = true, .extra = true};
    undo_push_block(cpu, &s, cpu->r[15] | cpu->thumb);
}

void undo_push_store(struct arm_cpu *cpu, uint32_t type, uint32_t addr, unsigned size)
{
    if (!ring.active)
        return;
    undo_encode_store(reserve(cpu, sizeof(struct undo_store)), type, addr, size);
    pushed(cpu);
}

void undo_push_storem(struct arm_cpu *cpu, uint32_t addr, unsigned nwords)
{
    if (!ring.active)
        return;
    undo_encode_storem(reserve(cpu, UNDO_STOREM_LEN(nwords)), addr, nwords);
    pushed(cpu);
}

void undo_push_mem(struct arm_cpu *cpu, uint32_t addr, uint32_t len)
{
    if (!ring.active || len == 0)
        return;
    count_in_range(addr, len);
    while (len > 0) {
        uint32_t n = len < PIECE ? len : PIECE;
        undo_encode_mem(reserve(cpu, UNDO_MEM_LEN(n)), addr, n);
        addr += n;
        len -= n;
    }
    pushed(cpu);
}

void undo_push_cpu(struct arm_cpu *cpu, uint64_t replay_cursor)
{
    if (!ring.active)
        return;
    undo_encode_cpu(reserve(cpu, UNDO_CPU_LEN), cpu, replay_cursor);
    pushed(cpu);
}

void undo_push_sigstate(struct arm_cpu *cpu, const struct guest_sigstate *old)
{
    if (!ring.active)
        return;
    undo_encode_sigstate(reserve(cpu, UNDO_SIGSTATE_LEN), old);
    pushed(cpu);
}

void undo_push_threads(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx, const struct guest_threads *table,
                       uint64_t replay_cursor)
{
    if (!ring.active)
        return;
    ring.thread_pushes++;
    undo_encode_threads(reserve(cpu, UNDO_THREADS_LEN(table->nslots)), ctx, table, replay_cursor);
    pushed(cpu);
}

void undo_push_barrier(struct arm_cpu *cpu)
{
    if (!ring.active)
        return;
    undo_encode_barrier(reserve(cpu, UNDO_BARRIER_LEN), cpu->icount);
    ring.barrier_icount = cpu->icount;
    pushed(cpu);
}

void undo_push_map(struct arm_cpu *cpu, uint32_t addr, uint32_t npages, const uint8_t *old_flags, uint32_t old_brk,
                   uint32_t old_next_start)
{
    if (!ring.active)
        return;
    count_in_range(addr, (uint64_t)npages << 12); /* a map change may change the bytes */
    /* Huge ranges (munmap of most of the space) go in pieces. */
    do {
        uint32_t n = npages < PIECE ? npages : PIECE;
        undo_encode_map(reserve(cpu, UNDO_MAP_LEN(n)), addr, n, old_flags, old_brk, old_next_start);
        addr += n * GUEST_PAGE_SIZE;
        old_flags += n;
        npages -= n;
    } while (npages > 0);
    pushed(cpu);
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
    *len = undo_record_len(t);
    return t - *len;
}

uint32_t undo_pop(struct arm_cpu *cpu, uint64_t *replay_cursor)
{
    uint32_t type, len;
    const uint8_t *p = undo_peek(cpu, &type, &len);
    if (!p)
        return 0;
    undo_restore(cpu, type, p, len, replay_cursor);
    ring.rewinds++;
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

struct undo_mark undo_mark_floor(void)
{
    struct undo_mark m = {ring.oldest, ring.floor_rec};
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
            uint32_t len = undo_record_len(p);
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
