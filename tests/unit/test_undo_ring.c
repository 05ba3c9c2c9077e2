/* Unit tests of the undo log (undo/): the record format at its limits (BLOCK
 * records with every part present, including the VFP part that no
 * translation emits yet: 32 D registers and FPSCR; 64-instruction blocks;
 * STOREM records of 1 to 32 words, also wrapping at 4 GiB), and what
 * popping restores: registers, guest bytes, the memory map, brk, and the
 * code-changed callback. Expected lengths and tags are worked out by hand
 * from the layout written in undo/undo_format.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/process.h"
#include "test_rng.h"
#include "undo/undo_ring.h"

#define RW (PROT_READ | PROT_WRITE)
#define PAGE_A 0x00100000u /* test pages, mapped per test */

static struct arm_cpu cpu;

static struct {
    unsigned calls;
    uint32_t addr, len;
} changed;

static void on_code_changed(void *ctx, uint32_t addr, uint32_t len)
{
    assert_ptr_equal(ctx, &changed);
    changed.calls++;
    changed.addr = addr;
    changed.len = len;
}

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof err)) {
        fprintf(stderr, "guest_mem_init: %s\n", err);
        return -1;
    }
    undo_ring_init(&cpu, 16u << 20);
    return 0;
}

static int reset(void **state)
{
    (void)state;
    guest_mem_unmap_all();
    guest_proc.invalidate_code = NULL;
    undo_set_code_changed(NULL, NULL);
    memset(&changed, 0, sizeof changed);
    uint8_t *top = cpu.undo_top, *limit = cpu.undo_limit;
    memset(&cpu, 0, sizeof cpu);
    cpu.undo_top = top;
    cpu.undo_limit = limit;
    cpu.icount = 1000;
    undo_clear(&cpu);
    rng_state = 0x9e3779b97f4a7c15ull;
    return 0;
}

/* Every guest-visible field a BLOCK record may save, random (flags as the
 * struct keeps them: bytes 0/1, GE 4 bits). */
static void random_state(struct arm_cpu *c)
{
    for (int r = 0; r < 16; r++)
        c->r[r] = rnd();
    c->r[15] &= ~3u;
    c->n = rnd() & 1, c->z = rnd() & 1, c->c = rnd() & 1, c->v = rnd() & 1;
    c->q = rnd() & 1;
    c->ge = rnd() & 15;
    c->thumb = rnd() & 1;
    c->itstate = (uint8_t)rnd();
    c->fpscr = rnd();
    c->tpidruro = rnd();
    c->tpidrurw = rnd();
    for (int k = 0; k < 32; k++)
        c->d[k] = (uint64_t)rnd() << 32 | rnd();
    c->excl_addr = rnd();
    c->excl_valid = rnd() & 1;
    c->excl_size = (uint8_t)(1u << (rnd() & 3));
    c->excl_val = (uint64_t)rnd() << 32 | rnd();
}

/* Runs a block "forward": its length in instructions, and every field it
 * could have written gets a new random value. */
static void clobber(struct arm_cpu *c, unsigned ninsns)
{
    c->icount += ninsns;
    random_state(c);
}

static void assert_flags_equal(const struct arm_cpu *a, const struct arm_cpu *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->z, b->z);
    assert_int_equal(a->c, b->c);
    assert_int_equal(a->v, b->v);
    assert_int_equal(a->q, b->q);
    assert_int_equal(a->ge, b->ge);
    assert_int_equal(a->thumb, b->thumb);
    assert_int_equal(a->itstate, b->itstate);
}

static void assert_extra_equal(const struct arm_cpu *a, const struct arm_cpu *b)
{
    assert_int_equal(a->tpidruro, b->tpidruro);
    assert_int_equal(a->tpidrurw, b->tpidrurw);
    assert_int_equal(a->excl_addr, b->excl_addr);
    assert_int_equal(a->excl_valid, b->excl_valid);
    assert_int_equal(a->excl_size, b->excl_size);
    assert_true(a->excl_val == b->excl_val);
}

static const struct undo_block_shape everything = {.ninsns = UNDO_BLOCK_MAX_INSNS,
                                                   .core = UNDO_BLOCK_CORE_ALL,
                                                   .flags = true,
                                                   .extra = true,
                                                   .vfp = true,
                                                   .dmask = 0xffffffffu};

static void test_block_tag_and_layout(void **state)
{
    (void)state;
    uint8_t buf[UNDO_BLOCK_MAX_LEN];
    /* A32 prologue, 32 instructions, r0 r1 and the flags: type 1, 31 << 4,
     * bit 10, mask 3 << 16; 8 + 2 * 4 = 16 bytes, tail at 16, 24 in all. */
    struct undo_block_shape a32 = {.ninsns = 32, .core = 0x3, .flags = true};
    assert_int_equal(undo_block_tag(&a32), 0x000305f1u);
    struct undo_block_layout l = undo_block_layout(&a32);
    assert_int_equal(l.core_off, 8);
    assert_int_equal(l.tail_off, 16);
    assert_int_equal(l.len, 24);
    /* Nothing saved: only the tail. */
    struct undo_block_shape none = {.ninsns = 1};
    assert_int_equal(undo_block_layout(&none).len, 8);
    assert_int_equal(undo_block_tag(&none), UNDO_BLOCK);
    /* What kernel-helper calls push: 8 + 60 + 32 = 100, padded to 104, + 8. */
    struct undo_block_shape all_core = {.ninsns = 1, .core = UNDO_BLOCK_CORE_ALL, .flags = true, .extra = true};
    assert_int_equal(undo_block_layout(&all_core).len, 112);
    assert_int_equal(undo_block_tag(&all_core), 0xffff0401u);
    /* Sparse VFP part: flags 0-7, r0 r14 8-15, d0 d31 16-31, vfp 32-39, tail 40. */
    struct undo_block_shape sparse = {.ninsns = 5, .core = 0x4001, .flags = true, .vfp = true, .dmask = 0x80000001u};
    l = undo_block_layout(&sparse);
    assert_int_equal(l.d_off, 16);
    assert_int_equal(l.vfp_off, 32);
    assert_int_equal(l.tail_off, 40);
    assert_int_equal(l.len, 48);
    /* Everything: 104 + 32 * 8 + 8 + 8 = 376. */
    l = undo_block_layout(&everything);
    assert_int_equal(l.len, 376);
    assert_int_equal(UNDO_BLOCK_MAX_LEN, 376);
    assert_int_equal(l.d_off, 104);
    assert_int_equal(l.vfp_off, 360);

    /* Encoded, each decodes back to its shape and length from its end. */
    const struct undo_block_shape *shapes[] = {&a32, &none, &all_core, &sparse, &everything};
    random_state(&cpu);
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        uint32_t len = undo_encode_block(buf, &cpu, shapes[i], 0x8000u | 1);
        assert_int_equal(len, undo_block_layout(shapes[i]).len);
        assert_int_equal(len % 8, 0);
        assert_int_equal(undo_record_len(buf + len), len);
        struct undo_block_shape d = undo_block_shape_at(buf + len);
        assert_int_equal(d.ninsns, shapes[i]->ninsns);
        assert_int_equal(d.core, shapes[i]->core);
        assert_int_equal(d.flags, shapes[i]->flags);
        assert_int_equal(d.extra, shapes[i]->extra);
        assert_int_equal(d.vfp, shapes[i]->vfp);
        assert_int_equal(d.dmask, shapes[i]->vfp ? shapes[i]->dmask : 0);
        struct undo_block_tail t;
        memcpy(&t, buf + len - 8, 8);
        assert_int_equal(t.pc, 0x8001u);
        assert_int_equal(UNDO_BLOCK_NINSNS(t.tag), shapes[i]->ninsns);
    }
}

static void test_other_tags_at_limits(void **state)
{
    (void)state;
    /* STORE of 8 bytes: type 2, size 8 << 4, length 16 << 10. */
    assert_int_equal(UNDO_STORE_TAG(8), 2u | 8u << 4 | 16u << 10);
    assert_int_equal(UNDO_STORE_SIZE(UNDO_STORE_TAG(8)), 8);
    assert_int_equal(UNDO_STORE_SIZE(UNDO_LOAD_TAG(1)), 1);
    /* STOREM lengths: words padded to 8, + addr + tag. */
    const unsigned n[] = {1, 16, 17, 32};
    const uint32_t len[] = {16, 72, 80, 136};
    for (int i = 0; i < 4; i++) {
        uint32_t tag = UNDO_STOREM_TAG(n[i]);
        assert_int_equal(UNDO_TAG_TYPE(tag), UNDO_STOREM);
        assert_int_equal(UNDO_STOREM_WORDS(tag), n[i]);
        assert_int_equal(UNDO_STOREM_LEN(n[i]), len[i]);
        uint8_t end[8] = {0};
        memcpy(end + 4, &tag, 4);
        assert_int_equal(undo_record_len(end + 8), len[i]);
    }
    /* The largest length a non-BLOCK tag holds: 22 bits. */
    uint32_t tag = UNDO_TAG(UNDO_MEM, UNDO_TAG_MAX_LEN);
    uint8_t end[4];
    memcpy(end, &tag, 4);
    assert_int_equal(undo_record_len(end + 4), (1u << 22) - 8);
    assert_int_equal(UNDO_TAG_TYPE(tag), UNDO_MEM);
}

/* All 15 core registers, the flags word, struct undo_extra, all 32 D
 * registers and FPSCR, in a 64-instruction block: popping restores exactly
 * the state at the block's start. */
static void test_block_everything_round_trip(void **state)
{
    (void)state;
    random_state(&cpu);
    struct arm_cpu before = cpu;
    guest_proc.tls = 0;
    undo_push_block(&cpu, &everything, cpu.r[15] | cpu.thumb);
    clobber(&cpu, UNDO_BLOCK_MAX_INSNS);
    uint32_t type, len;
    assert_non_null(undo_peek(&cpu, &type, &len));
    assert_int_equal(type, UNDO_BLOCK);
    assert_int_equal(len, 376);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_BLOCK);
    assert_memory_equal(cpu.r, before.r, sizeof cpu.r);
    assert_flags_equal(&cpu, &before);
    assert_extra_equal(&cpu, &before);
    assert_int_equal(cpu.fpscr, before.fpscr);
    assert_memory_equal(cpu.d, before.d, sizeof cpu.d);
    assert_int_equal(cpu.icount, 1000);
    assert_int_equal(guest_proc.tls, before.tpidruro);
    assert_null(undo_peek(&cpu, &type, &len)); /* nothing below it */
    assert_int_equal(undo_pop(&cpu, NULL), 0);
}

/* Random shapes: what a record saved comes back, everything else keeps the
 * value it has now (nothing spills into a neighbour's slot). Records of
 * different lengths lie on top of each other and pop back in order. */
static void test_block_random_shapes_pop(void **state)
{
    (void)state;
    enum { N = 200 };
    static struct arm_cpu start[N];
    static struct undo_block_shape shape[N];
    random_state(&cpu);
    for (int i = 0; i < N; i++) {
        shape[i] = (struct undo_block_shape){.ninsns = 1 + below(UNDO_BLOCK_MAX_INSNS),
                                             .core = rnd() & UNDO_BLOCK_CORE_ALL,
                                             .flags = rnd() & 1,
                                             .extra = rnd() & 1,
                                             .vfp = rnd() & 1,
                                             .dmask = rnd() & rnd()};
        if (!shape[i].vfp)
            shape[i].dmask = 0;
        start[i] = cpu;
        undo_push_block(&cpu, &shape[i], cpu.r[15] | cpu.thumb);
        clobber(&cpu, shape[i].ninsns);
    }
    for (int i = N - 1; i >= 0; i--) {
        struct arm_cpu now = cpu;
        uint32_t type, len;
        assert_non_null(undo_peek(&cpu, &type, &len));
        assert_int_equal(type, UNDO_BLOCK);
        assert_int_equal(len, undo_block_layout(&shape[i]).len);
        assert_int_equal(undo_pop(&cpu, NULL), UNDO_BLOCK);
        const struct arm_cpu *s = &start[i];
        /* The tail's pc carries the Thumb bit of the block's start: T comes
         * back with or without the flags part. */
        assert_int_equal(cpu.thumb, s->thumb);
        now.thumb = s->thumb;
        assert_int_equal(cpu.icount, s->icount);
        assert_int_equal(cpu.r[15], s->r[15]);
        for (unsigned r = 0; r < 15; r++)
            assert_int_equal(cpu.r[r], (shape[i].core >> r & 1) ? s->r[r] : now.r[r]);
        assert_flags_equal(&cpu, shape[i].flags ? s : &now);
        assert_extra_equal(&cpu, shape[i].extra ? s : &now);
        assert_int_equal(cpu.fpscr, (shape[i].extra || shape[i].vfp) ? s->fpscr : now.fpscr);
        for (unsigned k = 0; k < 32; k++)
            assert_true(cpu.d[k] == ((shape[i].dmask >> k & 1) ? s->d[k] : now.d[k]));
    }
    uint32_t type, len;
    assert_null(undo_peek(&cpu, &type, &len));
}

static uint8_t *map_pages(uint32_t addr, uint32_t npages)
{
    assert_int_equal(guest_mmap(addr, npages * GUEST_PAGE_SIZE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
                     addr);
    uint8_t *h = g2h(addr);
    for (uint32_t i = 0; i < npages * GUEST_PAGE_SIZE; i++)
        h[i] = (uint8_t)(i * 7 + 3);
    return h;
}

/* STM-sized and VSTM-sized STOREM records: popped, the words come back and
 * no byte around them changes. */
static void test_storem_limits(void **state)
{
    (void)state;
    uint8_t *h = map_pages(PAGE_A, 2);
    static uint8_t orig[2 * GUEST_PAGE_SIZE];
    memcpy(orig, h, sizeof orig);
    const unsigned n[] = {1, 16, 17, 32};
    /* The last two cross from the first page into the second. */
    const uint32_t at[] = {PAGE_A + 0x100, PAGE_A + 0x204, PAGE_A + GUEST_PAGE_SIZE - 0x20,
                           PAGE_A + GUEST_PAGE_SIZE - 0x44};
    for (int i = 0; i < 4; i++) {
        undo_push_storem(&cpu, at[i], n[i]);
        uint32_t type, len;
        const uint8_t *rec = undo_peek(&cpu, &type, &len);
        assert_non_null(rec);
        assert_int_equal(type, UNDO_STOREM);
        assert_int_equal(len, UNDO_STOREM_LEN(n[i]));
        struct undo_access a = {0};
        assert_true(undo_record_access(type, rec, len, &a));
        assert_int_equal(a.addr, at[i]);
        assert_int_equal(a.len, 4 * n[i]);
        assert_true(a.write);
        memset(g2h(at[i]), 0xee, 4 * n[i]); /* the STM */
        assert_int_equal(undo_pop(&cpu, NULL), UNDO_STOREM);
        assert_memory_equal(h, orig, sizeof orig);
    }
}

/* A STOREM whose words run past 0xffffffff continues at 0, as the guest's
 * address arithmetic does; page 0 is never mapped, so those words are
 * skipped, and the words below 4 GiB come back. */
static void test_storem_wraps_at_4g(void **state)
{
    (void)state;
    assert_int_equal(guest_map_fixed_anywhere(0xfffff000u, GUEST_PAGE_SIZE, RW, NULL, 0), 0);
    uint32_t w[2] = {0x11223344u, 0x55667788u};
    memcpy(g2h(0xfffffff8u), w, 8);
    undo_push_storem(&cpu, 0xfffffff8u, 4);
    uint32_t type, len;
    const uint8_t *rec = undo_peek(&cpu, &type, &len);
    assert_non_null(rec);
    assert_int_equal(len, 24);
    uint32_t old[4];
    memcpy(old, rec, 16);
    assert_int_equal(old[0], w[0]);
    assert_int_equal(old[1], w[1]);
    assert_int_equal(old[2], 0); /* page 0: unmapped */
    assert_int_equal(old[3], 0);
    memset(g2h(0xfffffff8u), 0, 8);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_STOREM);
    assert_memory_equal(g2h(0xfffffff8u), w, 8);
    assert_false(guest_page_flags(0) & GUEST_PAGE_MAPPED);
}

static void test_store_sizes(void **state)
{
    (void)state;
    uint8_t *h = map_pages(PAGE_A, 1);
    static uint8_t orig[GUEST_PAGE_SIZE];
    memcpy(orig, h, sizeof orig);
    const unsigned sizes[] = {1, 2, 4, 8};
    for (int i = 0; i < 4; i++) {
        uint32_t addr = PAGE_A + 0x301 + 16 * (uint32_t)i;
        undo_push_store(&cpu, UNDO_STORE, addr, sizes[i]);
        memset(g2h(addr), 0xaa, sizes[i]);
        assert_int_equal(undo_pop(&cpu, NULL), UNDO_STORE);
        assert_memory_equal(h, orig, sizeof orig);
    }
    /* A LOAD record restores nothing but names the access. */
    undo_push_store(&cpu, UNDO_LOAD, PAGE_A + 8, 4);
    uint32_t type, len;
    const uint8_t *rec = undo_peek(&cpu, &type, &len);
    struct undo_access a = {0};
    assert_true(undo_record_access(type, rec, len, &a));
    assert_int_equal(a.addr, PAGE_A + 8);
    assert_int_equal(a.len, 4);
    assert_false(a.write);
    h[8] = 0;
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_LOAD);
    assert_int_equal(h[8], 0);
}

/* Popped records that change guest bytes tell the translator which ones
 * (so it drops their translations); unchanged bytes do not. */
static void test_code_changed_callback(void **state)
{
    (void)state;
    undo_set_code_changed(on_code_changed, &changed);
    map_pages(PAGE_A, 1);
    undo_push_store(&cpu, UNDO_STORE, PAGE_A + 0x40, 4);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_STORE); /* bytes as they were */
    assert_int_equal(changed.calls, 0);
    undo_push_store(&cpu, UNDO_STORE, PAGE_A + 0x40, 4);
    memset(g2h(PAGE_A + 0x40), 0, 4);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_STORE);
    assert_int_equal(changed.calls, 1);
    assert_int_equal(changed.addr, PAGE_A + 0x40);
    assert_int_equal(changed.len, 4);
}

/* MAP records: popping undoes an mmap (pages unmapped again), an munmap
 * (pages back, with their bytes from the MEM record below) and an mprotect,
 * and puts back brk and the mmap search start. */
static void test_map_round_trips(void **state)
{
    (void)state;
    undo_set_code_changed(on_code_changed, &changed);
    guest_proc.brk_cur = 0x200000;
    guest_mmap_set_next_start(0x40000000u);
    uint8_t unmapped[2] = {0, 0};
    map_pages(PAGE_A, 2); /* an mmap the MAP record undoes */
    undo_push_map(&cpu, PAGE_A, 2, unmapped, 0x200000, 0x40000000u);
    guest_proc.brk_cur = 0x300000;
    guest_mmap_set_next_start(0x30000000u);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MAP);
    assert_false(guest_page_flags(PAGE_A) & GUEST_PAGE_MAPPED);
    assert_false(guest_page_flags(PAGE_A + GUEST_PAGE_SIZE) & GUEST_PAGE_MAPPED);
    assert_int_equal(guest_proc.brk_cur, 0x200000);
    assert_int_equal(guest_mmap_next_start(), 0x40000000u);
    assert_int_equal(changed.addr, PAGE_A);
    assert_int_equal(changed.len, 2 * GUEST_PAGE_SIZE);

    /* munmap of the middle one of three pages. */
    uint8_t *h = map_pages(PAGE_A, 3);
    static uint8_t orig[3 * GUEST_PAGE_SIZE];
    memcpy(orig, h, sizeof orig);
    uint8_t old[3] = {GUEST_PAGE_MAPPED | RW, GUEST_PAGE_MAPPED | RW, GUEST_PAGE_MAPPED | RW};
    undo_push_mem(&cpu, PAGE_A, 3 * GUEST_PAGE_SIZE);
    assert_int_equal(guest_munmap(PAGE_A + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE), 0);
    undo_push_map(&cpu, PAGE_A, 3, old, 0x200000, 0x40000000u);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MAP);
    assert_int_equal(guest_page_flags(PAGE_A + GUEST_PAGE_SIZE), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MEM);
    assert_memory_equal(h, orig, sizeof orig);

    /* mprotect to read-only. */
    undo_push_mem(&cpu, PAGE_A, 8);
    assert_int_equal(guest_mprotect(PAGE_A, GUEST_PAGE_SIZE, PROT_READ), 0);
    undo_push_map(&cpu, PAGE_A, 1, old, 0x200000, 0x40000000u);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MAP);
    assert_int_equal(guest_page_flags(PAGE_A), GUEST_PAGE_MAPPED | RW);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MEM);
}

/* A MEM push larger than a piece becomes several records; the largest
 * decodes its length from its tag and every byte comes back. */
static void test_mem_pieces(void **state)
{
    (void)state;
    const uint32_t piece = 2u << 20, total = piece + 100;
    uint32_t npages = (total + GUEST_PAGE_SIZE - 1) / GUEST_PAGE_SIZE;
    uint8_t *h = map_pages(PAGE_A, npages);
    uint8_t *orig = malloc(total);
    assert_non_null(orig);
    memcpy(orig, h, total);
    undo_push_mem(&cpu, PAGE_A, total);
    memset(h, 0x5a, total);
    uint32_t type, len;
    assert_non_null(undo_peek(&cpu, &type, &len));
    assert_int_equal(type, UNDO_MEM);
    assert_int_equal(len, 8 + 104 + 8); /* the last 100 bytes, padded */
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MEM);
    assert_non_null(undo_peek(&cpu, &type, &len));
    assert_int_equal(len, 8 + piece + 8);
    assert_int_equal(undo_pop(&cpu, NULL), UNDO_MEM);
    assert_memory_equal(h, orig, total);
    free(orig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_block_tag_and_layout, reset),
        cmocka_unit_test_setup(test_other_tags_at_limits, reset),
        cmocka_unit_test_setup(test_block_everything_round_trip, reset),
        cmocka_unit_test_setup(test_block_random_shapes_pop, reset),
        cmocka_unit_test_setup(test_storem_limits, reset),
        cmocka_unit_test_setup(test_storem_wraps_at_4g, reset),
        cmocka_unit_test_setup(test_store_sizes, reset),
        cmocka_unit_test_setup(test_code_changed_callback, reset),
        cmocka_unit_test_setup(test_map_round_trips, reset),
        cmocka_unit_test_setup(test_mem_pieces, reset),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
