/* See snapshots.h. */
#include "snapshots/snapshots.h"
#include "snapshots/forward_image.h"
#include "snapshots/snap_map.h"

#include "linux/thread_sched.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "translator/code_cache.h"
#include "translator/fault.h"
#include "undo/undo_ring.h"

#define NPAGES (1u << 20)
/* Saved pages beyond this are merged away (thinning older intervals
 * further), so recording memory stays bounded whatever the program writes:
 * merging two intervals keeps one copy of each page they both saved. */
#define SNAPSHOT_MEMORY_LIMIT (512ull << 20)

struct saved_page {
    uint32_t addr;
    uint8_t *data;
};


struct snap {
    uint64_t icount;
    struct arm_cpu cpu;
    uint32_t brk, tls, next_start;
    struct guest_sigstate sig;
    /* The thread table and the waiting threads' contexts (nslots of each). */
    struct guest_threads *threads;
    struct guest_thread_ctx *thread_ctx;
    uint64_t cookie; /* the caller's, opaque */
    struct map_run *map;
    unsigned nmap;
    /* Pages first written in the interval this snapshot starts, as they
     * were at the snapshot. */
    struct saved_page *pages;
    unsigned npages, cap;
};

static struct {
    bool enabled;
    struct arm_cpu *cpu;
    struct linux_proc *proc;
    uint64_t interval;
    unsigned max;
    struct snap *snaps;
    unsigned n;
    bool armed; /* protection on: first writes are being caught */
    uint64_t next_due; /* count of the next snapshot */
    uint64_t saved_total;
} S;

/* Pages saved in the open interval. */
static uint8_t saved_bit[NPAGES / 8];

static bool is_saved(uint32_t page) { return saved_bit[page >> 15] & (1u << ((page >> 12) & 7)); }
static void set_saved(uint32_t page) { saved_bit[page >> 15] |= (uint8_t)(1u << ((page >> 12) & 7)); }

static int host_prot(uint8_t f)
{
    int h = f & (PROT_READ | PROT_WRITE);
    if (f & PROT_EXEC)
        h |= PROT_READ;
    return h;
}

void *snap_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "backstep: out of memory for snapshots\n");
        exit(1);
    }
    return q;
}

/* The next page index at or after i whose flags are not 0 (NPAGES if none):
 * most of the 4 GiB is unmapped, skipped eight pages at a time. */
static uint32_t next_mapped(const uint8_t *t, uint32_t i)
{
    while (i < NPAGES && (i & 7))
        if (t[i])
            return i;
        else
            i++;
    while (i < NPAGES) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if (w)
            break;
        i += 8;
    }
    while (i < NPAGES && !t[i])
        i++;
    return i;
}

/* Page copies come from 2 MiB arenas with a free list (malloc per page
 * showed in profiles). */
static uint8_t *free_pages;
static uint8_t *arena_next, *arena_end;

uint8_t *snap_page_alloc(void)
{
    if (free_pages) {
        uint8_t *p = free_pages;
        memcpy(&free_pages, p, sizeof free_pages);
        return p;
    }
    if (arena_next == arena_end) {
        void *m = mmap(NULL, 2u << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            fprintf(stderr, "backstep: out of memory for snapshots\n");
            exit(1);
        }
        arena_next = m;
        arena_end = arena_next + (2u << 20);
    }
    uint8_t *p = arena_next;
    arena_next += GUEST_PAGE_SIZE;
    return p;
}

void snap_page_free(uint8_t *p)
{
    memcpy(p, &free_pages, sizeof free_pages);
    free_pages = p;
}

/* A guest page that is writable but protected by us: its first write. */
static bool on_write_fault(uint32_t addr)
{
    if (!S.armed)
        return false;
    uint32_t page = addr & ~GUEST_PAGE_MASK;
    uint8_t f = guest_page_flags(page);
    if (!(f & GUEST_PAGE_MAPPED) || !(f & PROT_WRITE) || is_saved(page))
        return false;
    snapshots_note_write(page, 1);
    return true;
}

void snapshots_init(struct arm_cpu *cpu, struct linux_proc *p, uint64_t interval, unsigned max_count,
                    uint64_t cookie)
{
    S.enabled = true;
    S.cpu = cpu;
    S.proc = p;
    S.interval = interval;
    S.max = max_count < 2 ? 2 : max_count;
    fault_set_write_protect_handler(on_write_fault);
    snapshots_take(cookie);
}

bool snapshots_enabled(void) { return S.enabled; }

void snapshots_set_interval(uint64_t k)
{
    S.interval = k ? k : 1;
    if (S.n)
        S.next_due = S.snaps[S.n - 1].icount + S.interval;
}

uint64_t snapshots_next_due(void)
{
    if (!S.enabled || !S.n)
        return UINT64_MAX;
    return S.next_due;
}

/* Instructions of recording per page a snapshot interval saved: a saved
 * page costs a fault and a copy (a few microseconds, i.e. some thousands of
 * instructions), so spacing snapshots by this much per page keeps their
 * cost near a tenth of the run whatever the program's write footprint. */
#define INSNS_PER_SAVED_PAGE 200000ull
#define MAX_SNAPSHOT_GAP 500000000ull

uint64_t snapshots_open_icount(void) { return S.n ? S.snaps[S.n - 1].icount : 0; }

/* mprotect runs of writable, mapped pages; with protect, unsaved ones lose
 * write permission, else every one gets its guest permission back. */
static void set_protection(bool protect)
{
    const uint8_t *t = guest_page_flags_table();
    uint32_t run = 0, nrun = 0;
    int run_prot = -1;
    for (uint32_t i = next_mapped(t, 0);; i = next_mapped(t, i + 1)) {
        int want = -1;
        if (i < NPAGES && (t[i] & PROT_WRITE))
            want = protect && !is_saved(i << 12) ? host_prot(t[i]) & ~PROT_WRITE : host_prot(t[i]);
        if (want >= 0 && want == run_prot && run + nrun == i) {
            nrun++;
            continue;
        }
        if (run_prot >= 0)
            mprotect(g2h(run << 12), (size_t)nrun * GUEST_PAGE_SIZE, run_prot);
        if (i >= NPAGES)
            break;
        run = i;
        nrun = 1;
        run_prot = want;
    }
}

void snapshots_going_live(void)
{
    if (!S.enabled || S.armed)
        return;
    set_protection(true);
    S.armed = true;
}

void snapshots_leave_live(void)
{
    if (!S.armed)
        return;
    set_protection(false);
    S.armed = false;
}

void snapshots_note_write(uint32_t addr, uint32_t len)
{
    if (!S.armed || len == 0)
        return;
    struct snap *s = &S.snaps[S.n - 1];
    uint64_t end = (uint64_t)addr + len;
    for (uint64_t a = addr & ~(uint64_t)GUEST_PAGE_MASK; a < end; a += GUEST_PAGE_SIZE) {
        uint32_t page = (uint32_t)a;
        uint8_t f = guest_page_flags(page);
        if (!(f & GUEST_PAGE_MAPPED) || is_saved(page))
            continue;
        set_saved(page);
        if (!(f & (PROT_READ | PROT_EXEC)))
            continue; /* unreadable: its bytes cannot change through us either */
        if (s->npages == s->cap) {
            s->cap = s->cap ? 2 * s->cap : 64;
            s->pages = snap_xrealloc(s->pages, s->cap * sizeof *s->pages);
        }
        uint8_t *copy = snap_page_alloc();
        memcpy(copy, g2h(page), GUEST_PAGE_SIZE);
        s->pages[s->npages++] = (struct saved_page){page, copy};
        S.saved_total++;
        if (f & PROT_WRITE)
            mprotect(g2h(page), GUEST_PAGE_SIZE, host_prot(f));
    }
}

void snapshots_after_map_change(uint32_t addr, uint32_t len)
{
    if (!S.armed)
        return;
    uint64_t end = (uint64_t)addr + len;
    for (uint64_t a = addr & ~(uint64_t)GUEST_PAGE_MASK; a < end && a < (1ull << 32); a += GUEST_PAGE_SIZE) {
        uint8_t f = guest_page_flags((uint32_t)a);
        if ((f & GUEST_PAGE_MAPPED) && (f & PROT_WRITE) && !is_saved((uint32_t)a))
            mprotect(g2h((uint32_t)a), GUEST_PAGE_SIZE, host_prot(f) & ~PROT_WRITE);
    }
}

void snap_record_map(struct map_run **out, unsigned *nout)
{
    const uint8_t *t = guest_page_flags_table();
    struct map_run *map = NULL;
    unsigned n = 0, cap = 0;
    for (uint32_t i = next_mapped(t, 0); i < NPAGES; i = next_mapped(t, i + 1)) {
        uint32_t a = i << 12;
        struct map_run *last = n ? &map[n - 1] : NULL;
        if (last && last->flags == t[i] && last->addr + last->npages * GUEST_PAGE_SIZE == a) {
            last->npages++;
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            map = snap_xrealloc(map, cap * sizeof *map);
        }
        map[n++] = (struct map_run){a, 1, t[i]};
    }
    *out = map;
    *nout = n;
}

/* Drops snapshot j (0 < j < n-1): its interval joins j-1's. Pages both
 * saved keep j-1's copy (the older one). */
static void merge_into_previous(unsigned j)
{
    struct snap *a = &S.snaps[j - 1], *b = &S.snaps[j];
    static uint8_t in_a[NPAGES / 8];
    for (unsigned i = 0; i < a->npages; i++)
        in_a[a->pages[i].addr >> 15] |= (uint8_t)(1u << ((a->pages[i].addr >> 12) & 7));
    for (unsigned i = 0; i < b->npages; i++) {
        struct saved_page p = b->pages[i];
        if (in_a[p.addr >> 15] & (1u << ((p.addr >> 12) & 7))) {
            snap_page_free(p.data);
            S.saved_total--;
            continue;
        }
        if (a->npages == a->cap) {
            a->cap = a->cap ? 2 * a->cap : 64;
            a->pages = snap_xrealloc(a->pages, a->cap * sizeof *a->pages);
        }
        a->pages[a->npages++] = p;
    }
    for (unsigned i = 0; i < a->npages; i++)
        in_a[a->pages[i].addr >> 15] = 0;
    b->npages = 0;
    free(b->pages);
    free(b->map);
    free(b->threads);
    free(b->thread_ctx);
    memmove(&S.snaps[j], &S.snaps[j + 1], (S.n - j - 1) * sizeof *S.snaps);
    S.n--;
}

/* Keeps the count bounded, thinning older history more: drops the
 * snapshot whose removal leaves the smallest gap relative to its age. */
static void thin(void)
{
    while (S.n > S.max || (S.saved_total * GUEST_PAGE_SIZE > SNAPSHOT_MEMORY_LIMIT && S.n > 2)) {
        uint64_t end = S.snaps[S.n - 1].icount;
        unsigned best = 1;
        double best_cost = 0;
        for (unsigned j = 1; j + 1 < S.n; j++) {
            double gap = (double)(S.snaps[j + 1].icount - S.snaps[j - 1].icount);
            double age = (double)(end - S.snaps[j].icount) + 1.0;
            double cost = gap / age;
            if (j == 1 || cost < best_cost) {
                best = j;
                best_cost = cost;
            }
        }
        merge_into_previous(best);
    }
}

void snapshots_take(uint64_t cookie)
{
    if (!S.enabled)
        return;
    if (S.n && S.snaps[S.n - 1].icount == S.cpu->icount)
        return;
    uint64_t gap = S.interval;
    if (S.n && S.snaps[S.n - 1].npages * INSNS_PER_SAVED_PAGE > gap)
        gap = S.snaps[S.n - 1].npages * INSNS_PER_SAVED_PAGE;
    /* ... but never so sparse that reaching an old point means replaying
     * more than this (the pages an interval saves grow with its length). */
    if (gap > MAX_SNAPSHOT_GAP && MAX_SNAPSHOT_GAP > S.interval)
        gap = MAX_SNAPSHOT_GAP;
    S.next_due = S.cpu->icount + gap;
    S.snaps = snap_xrealloc(S.snaps, (S.n + 1) * sizeof *S.snaps);
    struct snap *s = &S.snaps[S.n++];
    memset(s, 0, sizeof *s);
    s->icount = S.cpu->icount;
    s->cpu = *S.cpu;
    s->brk = S.proc->brk_cur;
    s->tls = S.proc->tls;
    s->sig = S.proc->sig;
    guest_threads_ensure();
    uint32_t ns = guest_threads.nslots;
    s->threads = snap_xrealloc(NULL, sizeof *s->threads);
    memcpy(s->threads, &guest_threads, guest_threads_image_len(ns));
    s->thread_ctx = snap_xrealloc(NULL, ns * sizeof *s->thread_ctx);
    memcpy(s->thread_ctx, guest_thread_ctx, ns * sizeof *s->thread_ctx);
    s->next_start = guest_mmap_next_start();
    s->cookie = cookie;
    snap_record_map(&s->map, &s->nmap);
    memset(saved_bit, 0, sizeof saved_bit);
    S.armed = false;
    snapshots_going_live();
    thin();
}

bool snapshots_interval_may_write(uint64_t at, uint32_t addr, uint32_t len)
{
    unsigned i = 0;
    while (i < S.n && S.snaps[i].icount != at)
        i++;
    if (i == S.n || len == 0)
        return true;
    uint64_t end = (uint64_t)addr + len;
    for (uint64_t a = addr & ~(uint64_t)GUEST_PAGE_MASK; a < end; a += GUEST_PAGE_SIZE) {
        if (i == S.n - 1) {
            if (is_saved((uint32_t)a))
                return true;
            continue;
        }
        for (unsigned k = 0; k < S.snaps[i].npages; k++)
            if (S.snaps[i].pages[k].addr == (uint32_t)a)
                return true;
        /* A page written but unreadable has no copy: be safe. */
        uint8_t f = guest_page_flags((uint32_t)a);
        if ((f & GUEST_PAGE_MAPPED) && !(f & (PROT_READ | PROT_EXEC)))
            return true;
    }
    return false;
}

uint64_t snapshots_before(uint64_t n)
{
    uint64_t best = UINT64_MAX;
    for (unsigned i = 0; i < S.n && S.snaps[i].icount < n; i++)
        best = S.snaps[i].icount;
    return best;
}

void snap_restore_map(const struct map_run *map, unsigned nmap)
{
    static uint8_t want[NPAGES];
    memset(want, 0, sizeof want);
    for (unsigned i = 0; i < nmap; i++)
        memset(&want[map[i].addr >> 12], map[i].flags, map[i].npages);
    /* Equal stretches are skipped 64 pages at a time (the page-by-page
     * walk of the 4 GiB space was most of a restore's time). */
    const uint8_t *flags = guest_page_flags_table();
    for (uint64_t a = 0; a < (1ull << 32);) {
        uint32_t idx = (uint32_t)(a >> 12);
        if (!(idx & 63) && idx + 64 <= NPAGES && !memcmp(flags + idx, want + idx, 64)) {
            a += 64ull * GUEST_PAGE_SIZE;
            continue;
        }
        uint8_t have = flags[idx];
        if (have == want[idx]) {
            a += GUEST_PAGE_SIZE;
            continue;
        }
        /* A run of pages with the same (have, want). */
        uint64_t b = a + GUEST_PAGE_SIZE;
        while (b < (1ull << 32) && guest_page_flags((uint32_t)b) == have && want[b >> 12] == want[idx])
            b += GUEST_PAGE_SIZE;
        uint32_t len = (uint32_t)(b - a);
        fwd_image_before_change((uint32_t)a, len);
        if (!(want[idx] & GUEST_PAGE_MAPPED))
            guest_munmap((uint32_t)a, len);
        else if (!(have & GUEST_PAGE_MAPPED))
            guest_mmap((uint32_t)a, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        else
            guest_mprotect((uint32_t)a, len, PROT_READ | PROT_WRITE);
        a = b;
    }
    /* Every page of the map is mapped now, at least read-write for the copies. */
    for (unsigned i = 0; i < nmap; i++)
        if ((map[i].flags & 7) != (PROT_READ | PROT_WRITE))
            guest_mprotect(map[i].addr, map[i].npages * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
}

void snap_protect_as_map(const struct map_run *map, unsigned nmap)
{
    for (unsigned k = 0; k < nmap; k++)
        if ((map[k].flags & 7) != (PROT_READ | PROT_WRITE))
            guest_mprotect(map[k].addr, map[k].npages * GUEST_PAGE_SIZE, map[k].flags & 7);
}

uint64_t snapshots_restore_before(uint64_t n, uint64_t *cookie)
{
    if (!S.enabled)
        return UINT64_MAX;
    unsigned i = S.n;
    while (i > 0 && S.snaps[i - 1].icount > n)
        i--;
    if (i == 0)
        return UINT64_MAX;
    i--;
    snapshots_leave_live();
    const struct snap *s = &S.snaps[i];
    snap_restore_map(s->map, s->nmap);
    /* Only the intervals from i to the one holding the current count: a
     * page written between snapshot i and now was first written in one of
     * them (so saved there, as it was at its start); a page not written
     * since snapshot i is already right. (Going back over many intervals
     * one at a time, as history queries do, no longer copies every later
     * interval's pages each time.) */
    unsigned top = S.n;
    while (top > i + 1 && S.snaps[top - 1].icount > S.cpu->icount)
        top--;
    for (unsigned j = top; j-- > i;)
        for (unsigned k = 0; k < S.snaps[j].npages; k++) {
            const struct saved_page *p = &S.snaps[j].pages[k];
            if (guest_page_flags(p->addr) & GUEST_PAGE_MAPPED) {
                fwd_image_before_change(p->addr, GUEST_PAGE_SIZE);
                memcpy(g2h(p->addr), p->data, GUEST_PAGE_SIZE);
            }
        }
    snap_protect_as_map(s->map, s->nmap);
    struct arm_cpu *c = S.cpu;
    struct arm_cpu keep = *c;
    *c = s->cpu;
    c->budget = keep.budget;
    c->bp_pass = keep.bp_pass;
    c->undo_top = keep.undo_top;
    c->undo_limit = keep.undo_limit;
    S.proc->brk_cur = s->brk;
    S.proc->tls = s->tls;
    S.proc->sig = s->sig;
    memset(&guest_threads, 0, sizeof guest_threads);
    memcpy(&guest_threads, s->threads, guest_threads_image_len(s->threads->nslots));
    memcpy(guest_thread_ctx, s->thread_ctx, s->threads->nslots * sizeof *s->thread_ctx);
    guest_signals_host_sync(S.proc);
    S.proc->exited = false;
    S.proc->fatal_signal = 0;
    guest_mmap_set_next_start(s->next_start);
    if (cookie)
        *cookie = s->cookie;
    undo_clear(c);
    code_cache_flush();
    return s->icount;
}

void snapshots_stats(struct snapshot_stats *out)
{
    memset(out, 0, sizeof *out);
    out->count = S.n;
    out->saved_pages = S.saved_total;
    out->interval = S.interval;
    if (S.n) {
        out->first_icount = S.snaps[0].icount;
        out->last_icount = S.snaps[S.n - 1].icount;
    }
}
