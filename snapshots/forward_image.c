/* See forward_image.h. */
#include "snapshots/forward_image.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/guest_threads.h"
#include "linux/sys_signal.h"
#include "snapshots/snap_map.h"
#include "translator/code_cache.h"
#include "undo/undo_ring.h"

#define NPAGES (1u << 20)
/* Beyond this many copied pages the image is given up (forward seeks then
 * replay, as without it): it costs at most this much memory. */
#define MAX_IMAGE_PAGES ((512u << 20) / GUEST_PAGE_SIZE)

struct image_page {
    uint32_t addr;
    uint8_t *data; /* NULL: unmapped at f */
};

static struct {
    bool valid, paused;
    uint64_t icount, cookie;
    struct arm_cpu cpu;
    uint32_t brk, tls;
    struct guest_sigstate sig;
    bool exited;
    int fatal_signal;
    uint32_t next_start;
    struct guest_threads threads;
    struct guest_thread_ctx *thread_ctx;
    struct map_run *map;
    unsigned nmap;
    struct image_page *pages;
    unsigned npages, cap;
} F;

static uint8_t copied[NPAGES / 8];

static bool is_copied(uint32_t page) { return copied[page >> 15] & (1u << ((page >> 12) & 7)); }

void fwd_image_drop(void)
{
    if (!F.valid)
        return;
    for (unsigned i = 0; i < F.npages; i++) {
        copied[F.pages[i].addr >> 15] = 0;
        if (F.pages[i].data)
            snap_page_free(F.pages[i].data);
    }
    free(F.pages);
    free(F.map);
    free(F.thread_ctx);
    F.pages = NULL;
    F.map = NULL;
    F.thread_ctx = NULL;
    F.npages = F.cap = F.nmap = 0;
    F.valid = false;
}

void fwd_image_begin(struct arm_cpu *cpu, struct linux_proc *p, uint64_t cookie)
{
    fwd_image_drop();
    F.valid = true;
    F.icount = cpu->icount;
    F.cookie = cookie;
    F.cpu = *cpu;
    F.brk = p->brk_cur;
    F.tls = p->tls;
    F.sig = p->sig;
    F.exited = p->exited;
    F.fatal_signal = p->fatal_signal;
    F.next_start = guest_mmap_next_start();
    guest_threads_ensure();
    uint32_t ns = guest_threads.nslots;
    memcpy(&F.threads, &guest_threads, guest_threads_image_len(ns));
    F.thread_ctx = snap_xrealloc(NULL, ns * sizeof *F.thread_ctx);
    memcpy(F.thread_ctx, guest_thread_ctx, ns * sizeof *F.thread_ctx);
    snap_record_map(&F.map, &F.nmap);
}

void fwd_image_pause(bool paused) { F.paused = paused; }
uint64_t fwd_image_icount(void) { return F.valid ? F.icount : UINT64_MAX; }
uint64_t fwd_image_cookie(void) { return F.cookie; }

void fwd_image_before_change(uint32_t addr, uint32_t len)
{
    if (!F.valid || F.paused || len == 0)
        return;
    uint64_t end = (uint64_t)addr + len;
    for (uint64_t a = addr & ~(uint64_t)GUEST_PAGE_MASK; a < end && a < (1ull << 32); a += GUEST_PAGE_SIZE) {
        uint32_t page = (uint32_t)a;
        if (is_copied(page))
            continue;
        uint8_t f = guest_page_flags(page);
        if ((f & GUEST_PAGE_MAPPED) && !(f & (PROT_READ | PROT_EXEC))) {
            /* Its bytes cannot be read here (PROT_NONE): no image. */
            fwd_image_drop();
            return;
        }
        if (F.npages == MAX_IMAGE_PAGES) {
            fwd_image_drop();
            return;
        }
        if (F.npages == F.cap) {
            F.cap = F.cap ? 2 * F.cap : 256;
            F.pages = snap_xrealloc(F.pages, F.cap * sizeof *F.pages);
        }
        uint8_t *data = NULL;
        if (f & GUEST_PAGE_MAPPED) {
            data = snap_page_alloc();
            memcpy(data, g2h(page), GUEST_PAGE_SIZE);
        }
        F.pages[F.npages++] = (struct image_page){page, data};
        copied[page >> 15] |= (uint8_t)(1u << ((page >> 12) & 7));
    }
}

bool fwd_image_restore(struct arm_cpu *cpu, struct linux_proc *p)
{
    if (!F.valid)
        return false;
    /* Pages the image does not hold are as they were at f (the invariant):
     * only its map and its pages are put back. */
    bool was_paused = F.paused;
    F.paused = true;
    snap_restore_map(F.map, F.nmap);
    for (unsigned i = 0; i < F.npages; i++)
        if (F.pages[i].data && (guest_page_flags(F.pages[i].addr) & GUEST_PAGE_MAPPED))
            memcpy(g2h(F.pages[i].addr), F.pages[i].data, GUEST_PAGE_SIZE);
    snap_protect_as_map(F.map, F.nmap);
    F.paused = was_paused;
    struct arm_cpu keep = *cpu;
    *cpu = F.cpu;
    cpu->budget = keep.budget;
    cpu->bp_pass = keep.bp_pass;
    cpu->undo_top = keep.undo_top;
    cpu->undo_limit = keep.undo_limit;
    p->brk_cur = F.brk;
    p->tls = F.tls;
    p->sig = F.sig;
    p->exited = F.exited;
    p->fatal_signal = F.fatal_signal;
    memset(&guest_threads, 0, sizeof guest_threads);
    memcpy(&guest_threads, &F.threads, guest_threads_image_len(F.threads.nslots));
    memcpy(guest_thread_ctx, F.thread_ctx, F.threads.nslots * sizeof *F.thread_ctx);
    guest_signals_host_sync(p);
    guest_mmap_set_next_start(F.next_start);
    undo_clear(cpu);
    code_cache_flush();
    return true;
}
