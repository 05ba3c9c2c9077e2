/* See undo_record.h. Encoding and applying single records; the layouts are
 * undo_format.h's, shared with the code the translator emits. Nothing here
 * knows the ring or the translator: code-cache invalidation goes through the
 * callback the translator registers, and remapping pages through linux/. */
#include "undo/undo_record.h"

#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/process.h"
#include "linux/sys_signal.h"

static undo_code_changed_fn *code_changed;
static void *code_changed_ctx;

void undo_set_code_changed(undo_code_changed_fn *fn, void *ctx)
{
    code_changed = fn;
    code_changed_ctx = ctx;
}

static void note_code_changed(uint32_t addr, uint32_t len)
{
    if (code_changed)
        code_changed(code_changed_ctx, addr, len);
}

static void put_tag(uint8_t *rec, uint32_t len, uint32_t tag)
{
    memset(rec + len - 8, 0, 4); /* the padding word below every non-BLOCK tag */
    memcpy(rec + len - 4, &tag, 4);
}

/* Old guest bytes: only mapped, readable bytes can change; others read as 0. */
static void read_old(uint8_t *dst, uint32_t addr, uint32_t len)
{
    if (guest_range_ok(addr, len, 1))
        memcpy(dst, g2h(addr), len);
    else
        memset(dst, 0, len);
}

uint32_t undo_encode_block(uint8_t *dst, const struct arm_cpu *cpu, const struct undo_block_shape *s, uint32_t pc)
{
    struct undo_block_layout l = undo_block_layout(s);
    memset(dst, 0, l.len); /* padding */
    if (s->flags)
        memcpy(dst + l.flags_off, &cpu->n, 8);
    uint8_t *q = dst + l.core_off;
    for (unsigned r = 0; r < 15; r++) {
        if (s->core & (1u << r)) {
            memcpy(q, &cpu->r[r], 4);
            q += 4;
        }
    }
    if (s->extra) {
        struct undo_extra x = {.fpscr = cpu->fpscr, .tpidruro = cpu->tpidruro, .tpidrurw = cpu->tpidrurw,
                               .excl_addr = cpu->excl_addr, .excl_val = cpu->excl_val,
                               .excl_valid = cpu->excl_valid, .excl_size = cpu->excl_size};
        memcpy(dst + l.extra_off, &x, sizeof x);
    }
    if (s->vfp) {
        q = dst + l.d_off;
        for (unsigned k = 0; k < 32; k++) {
            if (s->dmask & (1u << k)) {
                memcpy(q, &cpu->d[k], 8);
                q += 8;
            }
        }
        struct undo_block_vfp v = {s->dmask, cpu->fpscr};
        memcpy(dst + l.vfp_off, &v, sizeof v);
    }
    struct undo_block_tail tail = {pc, undo_block_tag(s)};
    memcpy(dst + l.tail_off, &tail, sizeof tail);
    return l.len;
}

uint32_t undo_encode_store(uint8_t *dst, uint32_t type, uint32_t addr, unsigned size)
{
    struct undo_store s = {0, addr, type == UNDO_LOAD ? UNDO_LOAD_TAG(size) : UNDO_STORE_TAG(size)};
    if (type != UNDO_LOAD)
        read_old((uint8_t *)&s.old, addr, size);
    memcpy(dst, &s, sizeof s);
    return sizeof s;
}

uint32_t undo_encode_storem(uint8_t *dst, uint32_t addr, unsigned nwords)
{
    uint32_t len = UNDO_STOREM_LEN(nwords);
    memset(dst, 0, len);
    for (unsigned k = 0; k < nwords; k++)
        read_old(dst + 4 * k, addr + 4 * k, 4); /* wraps at 4 GiB */
    memcpy(dst + len - 8, &addr, 4);
    uint32_t tag = UNDO_STOREM_TAG(nwords);
    memcpy(dst + len - 4, &tag, 4);
    return len;
}

uint32_t undo_encode_mem(uint8_t *dst, uint32_t addr, uint32_t len)
{
    uint32_t rec = UNDO_MEM_LEN(len);
    struct undo_mem_hdr h = {addr, len};
    memcpy(dst, &h, sizeof h);
    read_old(dst + sizeof h, addr, len);
    memset(dst + sizeof h + len, 0, rec - 8 - sizeof h - len);
    put_tag(dst, rec, UNDO_TAG(UNDO_MEM, rec));
    return rec;
}

uint32_t undo_encode_cpu(uint8_t *dst, const struct arm_cpu *cpu, uint64_t replay_cursor)
{
    struct undo_cpu_rec r;
    memcpy(&r.cpu, cpu, sizeof *cpu);
    r.replay_cursor = replay_cursor;
    memcpy(dst, &r, sizeof r);
    put_tag(dst, UNDO_CPU_LEN, UNDO_TAG(UNDO_CPU, UNDO_CPU_LEN));
    return UNDO_CPU_LEN;
}

uint32_t undo_encode_map(uint8_t *dst, uint32_t addr, uint32_t npages, const uint8_t *old_flags, uint32_t old_brk,
                         uint32_t old_next_start)
{
    uint32_t len = UNDO_MAP_LEN(npages);
    struct undo_map_hdr h = {addr, npages, old_brk, old_next_start};
    memset(dst, 0, len);
    memcpy(dst, &h, sizeof h);
    if (npages)
        memcpy(dst + sizeof h, old_flags, npages);
    put_tag(dst, len, UNDO_TAG(UNDO_MAP, len));
    return len;
}

uint32_t undo_encode_sigstate(uint8_t *dst, const struct guest_sigstate *s)
{
    memset(dst, 0, UNDO_SIGSTATE_LEN);
    memcpy(dst, s, sizeof *s);
    put_tag(dst, UNDO_SIGSTATE_LEN, UNDO_TAG(UNDO_SIGSTATE, UNDO_SIGSTATE_LEN));
    return UNDO_SIGSTATE_LEN;
}

uint32_t undo_encode_threads(uint8_t *dst, const struct guest_thread_ctx *ctx, const struct guest_threads *table,
                             uint64_t replay_cursor)
{
    uint32_t len = UNDO_THREADS_LEN(table->nslots);
    memset(dst, 0, len);
    struct undo_threads_hdr h;
    memset(&h, 0, sizeof h);
    h.replay_cursor = replay_cursor;
    h.ctx = *ctx;
    if (table->current != guest_threads.current)
        h.in_ctx = guest_thread_ctx[guest_threads.current];
    memcpy(dst, &h, sizeof h);
    memcpy(dst + sizeof h, table, guest_threads_image_len(table->nslots));
    put_tag(dst, len, UNDO_TAG(UNDO_THREADS, len));
    return len;
}

int32_t undo_threads_running_tid(const uint8_t *rec)
{
    struct guest_threads t;
    memcpy(&t, rec + sizeof(struct undo_threads_hdr), offsetof(struct guest_threads, t));
    if (t.current >= GUEST_MAX_THREADS)
        return 0;
    struct guest_thread_sched e;
    memcpy(&e, rec + sizeof(struct undo_threads_hdr) + offsetof(struct guest_threads, t) + t.current * sizeof e,
           sizeof e);
    return e.tid;
}

uint32_t undo_encode_barrier(uint8_t *dst, uint64_t icount)
{
    memcpy(dst, &icount, 8);
    put_tag(dst, UNDO_BARRIER_LEN, UNDO_TAG(UNDO_BARRIER, UNDO_BARRIER_LEN));
    return UNDO_BARRIER_LEN;
}

/* Puts old bytes back into guest memory, also into pages the guest cannot
 * write (a store that faulted on a read-only page was logged first; its
 * bytes are unchanged and skipped by the comparison). Unmapped pages are
 * skipped. */
static undo_change_hook *change_hook;

void undo_set_change_hook(undo_change_hook *fn) { change_hook = fn; }

static void write_back(uint32_t addr, const uint8_t *src, uint32_t len)
{
    if (change_hook)
        change_hook(addr, len);
    while (len > 0) {
        uint32_t in_page = GUEST_PAGE_SIZE - (addr & GUEST_PAGE_MASK);
        uint32_t n = len < in_page ? len : in_page;
        /* Unreadable pages (PROT_NONE) were logged as zeros (undo_push_mem):
         * skipped, and the host could not compare them anyway. */
        uint8_t f = guest_page_flags(addr);
        if ((f & GUEST_PAGE_MAPPED) && (f & (PROT_READ | PROT_EXEC)) && memcmp(g2h(addr), src, n) != 0) {
            guest_write_force(addr, src, n);
            note_code_changed(addr, n);
        }
        addr += n;
        src += n;
        len -= n;
    }
}

static void restore_block(struct arm_cpu *cpu, const uint8_t *p, uint32_t len)
{
    struct undo_block_shape s = undo_block_shape_at(p + len);
    struct undo_block_layout l = undo_block_layout(&s);
    struct undo_block_tail tail;
    memcpy(&tail, p + l.tail_off, sizeof tail);
    cpu->icount -= s.ninsns;
    cpu->r[15] = tail.pc & ~1u;
    cpu->thumb = tail.pc & 1; /* the state the block started in */
    if (s.flags)
        memcpy(&cpu->n, p + l.flags_off, 8);
    const uint8_t *q = p + l.core_off;
    for (unsigned r = 0; r < 15; r++) {
        if (s.core & (1u << r)) {
            memcpy(&cpu->r[r], q, 4);
            q += 4;
        }
    }
    if (s.extra) {
        struct undo_extra x;
        memcpy(&x, p + l.extra_off, sizeof x);
        cpu->fpscr = x.fpscr;
        cpu->tpidruro = x.tpidruro;
        guest_proc.tls = x.tpidruro; /* the kernel's copy of TPIDRURO (set_tls) */
        cpu->tpidrurw = x.tpidrurw;
        cpu->excl_addr = x.excl_addr;
        cpu->excl_val = x.excl_val;
        cpu->excl_valid = x.excl_valid;
        cpu->excl_size = x.excl_size;
    }
    if (s.vfp) {
        q = p + l.d_off;
        for (unsigned k = 0; k < 32; k++) {
            if (s.dmask & (1u << k)) {
                memcpy(&cpu->d[k], q, 8);
                q += 8;
            }
        }
        struct undo_block_vfp v;
        memcpy(&v, p + l.vfp_off, sizeof v);
        cpu->fpscr = v.fpscr;
    }
}

static void restore_map(const uint8_t *p)
{
    struct undo_map_hdr h;
    memcpy(&h, p, sizeof h);
    if (change_hook)
        change_hook(h.addr, h.npages * GUEST_PAGE_SIZE);
    guest_map_restore(h.addr, h.npages, p + sizeof h);
    guest_proc.brk_cur = h.old_brk;
    guest_mmap_set_next_start(h.old_next_start);
    note_code_changed(h.addr, h.npages * GUEST_PAGE_SIZE);
}

void undo_restore(struct arm_cpu *cpu, uint32_t type, const uint8_t *p, uint32_t len, uint64_t *replay_cursor)
{
    switch (type) {
    case UNDO_BLOCK:
        restore_block(cpu, p, len);
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
        restore_map(p);
        break;
    case UNDO_SIGSTATE:
        memcpy(&guest_proc.sig, p, sizeof guest_proc.sig);
        guest_signals_host_sync(&guest_proc);
        break;
    case UNDO_THREADS: {
        static struct undo_threads_hdr h;
        static struct guest_threads table;
        memcpy(&h, p, sizeof h);
        uint32_t nslots;
        memcpy(&nslots, p + sizeof h + offsetof(struct guest_threads, nslots), 4);
        memcpy(&table, p + sizeof h, guest_threads_image_len(nslots));
        thread_sched_restore(cpu, &h.ctx, &h.in_ctx, &table);
        if (replay_cursor)
            *replay_cursor = h.replay_cursor;
        break;
    }
    case UNDO_STOREM: {
        uint32_t tag, addr;
        memcpy(&tag, p + len - 4, 4);
        memcpy(&addr, p + len - 8, 4);
        uint32_t nw = UNDO_STOREM_WORDS(tag);
        for (uint32_t k = 0; k < nw; k++)
            write_back(addr + 4 * k, p + 4 * k, 4); /* wraps at 4 GiB */
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
    default: /* LOAD, BARRIER: nothing to put back */
        break;
    }
}
