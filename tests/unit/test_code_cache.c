/* The code cache: block registration and lookup (PC, Thumb bit, IT state
 * and FPSCR mode bits are the key), overlap queries used for invalidation, the indirect-branch table, a
 * flush, and the entry/exit trampolines together with the register
 * conventions of guest_reg_map.h (pinned guest registers and the instruction
 * count are loaded on entry and written back on exit). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "translator/code_cache.h"
#include "arm/cpu.h"
#include "translator/guest_reg_map.h"
#include "translator/x86_emit.h"

static int setup(void **state)
{
    (void)state;
    static int done;
    if (!done)
        code_cache_init();
    done = 1;
    code_cache_flush();
    return 0;
}

/* Writes size bytes of int3 at cc.next and registers them as a block. */
static struct tblock *add_block(uint32_t pc, bool thumb, uint32_t len, uint32_t size)
{
    memset(cc.next, 0xcc, size);
    return code_cache_add(pc, thumb, pc + len, len / 4, size);
}

static void test_add_and_lookup(void **state)
{
    (void)state;
    assert_null(code_cache_lookup(0x10000, 0));
    uint8_t *at = cc.next;
    struct tblock *tb = add_block(0x10000, false, 16, 37);
    assert_non_null(tb);
    assert_ptr_equal(tb->host, at);
    assert_ptr_equal(code_cache_lookup(0x10000, 0), tb);
    assert_null(code_cache_lookup(0x10000, TB_THUMB)); /* Thumb is part of the key */
    assert_null(code_cache_lookup(0x10004, 0));
    /* the next block starts 16-byte aligned after this one */
    assert_ptr_equal(cc.next, at + 48);
    struct tblock *t2 = add_block(0x10000, true, 8, 8);
    assert_ptr_equal(code_cache_lookup(0x10000, TB_THUMB), t2);
    assert_ptr_equal(code_cache_lookup(0x10000, 0), tb);
}

/* The rest of the key: the IT state and the FPSCR mode bits (ARM ARM: they
 * change what the same instruction bytes do), computed from the CPU. */
static void test_key_carries_it_and_fpscr_mode(void **state)
{
    (void)state;
    struct arm_cpu cpu;
    memset(&cpu, 0, sizeof cpu);
    assert_int_equal(tb_kind_of(&cpu), 0);
    cpu.thumb = 1;
    assert_int_equal(tb_kind_of(&cpu), TB_THUMB);
    cpu.itstate = 0x18; /* ITSTATE of "IT NE" at its first instruction */
    assert_int_equal(tb_kind_of(&cpu), TB_THUMB | 0x18u << TB_IT_SHIFT);
    cpu.itstate = 0;
    /* RMode = round towards zero (FPSCR[23:22] = 3), FZ (bit 24), DN (25),
     * Len (18:16), Stride (21:20), AHP (26) are mode; NZCV, QC and the
     * cumulative exception bits are not. */
    cpu.fpscr = 3u << 22;
    assert_int_equal(tb_kind_of(&cpu), TB_THUMB | 3u << 22);
    cpu.fpscr = 0xf800009fu; /* NZCV, QC, IDC, IXC..IOC */
    assert_int_equal(tb_kind_of(&cpu), TB_THUMB);
    cpu.fpscr = 1u << 24 | 1u << 25 | 7u << 16 | 3u << 20 | 3u << 22 | 1u << 26;
    assert_int_equal(tb_kind_of(&cpu), TB_THUMB | 0x07f70000u);

    struct tblock *plain = add_block(0x18000, true, 2, 16);
    memset(cc.next, 0xcc, 16);
    struct tblock *in_it = code_cache_add(0x18000, TB_THUMB | 0x18u << TB_IT_SHIFT, 0x18002, 1, 16);
    assert_ptr_equal(code_cache_lookup(0x18000, TB_THUMB), plain);
    assert_ptr_equal(code_cache_lookup(0x18000, TB_THUMB | 0x18u << TB_IT_SHIFT), in_it);
    assert_null(code_cache_lookup(0x18000, TB_THUMB | 3u << 22));
    /* Only blocks keyed by pc and T alone go into the indirect-branch table. */
    struct jc_entry *e = &cc.jc[(0x18001u >> 1) & (JC_SIZE - 1)];
    code_cache_jc_fill(in_it);
    assert_int_not_equal(e->pc, 0x18001);
    code_cache_jc_fill(plain);
    assert_int_equal(e->pc, 0x18001);
    assert_ptr_equal(e->host, plain->host);
}

static void test_overlaps(void **state)
{
    (void)state;
    assert_false(code_cache_overlaps(0, 0xffffffffu));
    add_block(0x20000, false, 0x10, 16);   /* guest [0x20000, 0x20010) */
    assert_true(code_cache_overlaps(0x2000c, 4));
    assert_true(code_cache_overlaps(0x1fff0, 0x11));
    assert_false(code_cache_overlaps(0x1fff0, 0x10));
    assert_false(code_cache_overlaps(0x20010, 4));
    assert_true(code_cache_overlaps(0, 0xffffffffu));
}

static void test_indirect_table_and_flush(void **state)
{
    (void)state;
    struct tblock *tb = add_block(0x30040, false, 4, 16);
    code_cache_jc_fill(tb);
    /* Entries are keyed by the BX target: pc | Thumb bit, indexed by key >> 1. */
    struct jc_entry *e = &cc.jc[(0x30040u >> 1) & (JC_SIZE - 1)];
    assert_int_equal(e->pc, 0x30040);
    assert_ptr_equal(e->host, tb->host);
    struct tblock *tt = add_block(0x30052, true, 2, 16);
    code_cache_jc_fill(tt);
    struct jc_entry *et = &cc.jc[(0x30053u >> 1) & (JC_SIZE - 1)];
    assert_int_equal(et->pc, 0x30053);
    assert_ptr_equal(et->host, tt->host);
    uint64_t gen = cc.generation;
    code_cache_flush();
    assert_int_equal(cc.generation, gen + 1);
    assert_null(code_cache_lookup(0x30040, 0));
    assert_int_not_equal(e->pc, 0x30040); /* no stale table entry survives */
    assert_ptr_equal(cc.next, cc.blocks_start);
}

/* A hand-made "block": change pinned registers and the count, return 42. */
static void test_trampolines(void **state)
{
    (void)state;
    struct xbuf b = {.start = cc.next, .p = cc.next, .end = cc.end};
    X(&b, ADD, xreg(ZYDIS_REGISTER_R8D), ximm(5));         /* guest r0 += 5 */
    X(&b, MOV, xreg(ZYDIS_REGISTER_R15D), ximm(0x1234));   /* guest sp */
    X(&b, ADD, xreg(ICOUNT_HOST_REG), ximm(3));            /* 3 instructions retired */
    X(&b, MOV, xreg(ZYDIS_REGISTER_EAX), ximm(42));
    x_jmp_abs(&b, cc.exit_stub);
    assert_false(b.failed);
    assert_false(b.overflow);
    struct tblock *tb = code_cache_add(0x40000, 0, 0x40010, 4, (uint32_t)(b.p - b.start));

    struct arm_cpu cpu;
    memset(&cpu, 0, sizeof cpu);
    cpu.r[0] = 10;
    cpu.r[1] = 0xdeadbeef;
    cpu.icount = 100;
    uintptr_t r = cc.enter(&cpu, tb->host);
    assert_int_equal(r, 42);
    assert_int_equal(cpu.r[0], 15);
    assert_int_equal(cpu.r[1], 0xdeadbeef); /* untouched pinned register survives */
    assert_int_equal(cpu.r[13], 0x1234);
    assert_int_equal(cpu.icount, 103);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_add_and_lookup, setup),
        cmocka_unit_test_setup(test_key_carries_it_and_fpscr_mode, setup),
        cmocka_unit_test_setup(test_overlaps, setup),
        cmocka_unit_test_setup(test_indirect_table_and_flush, setup),
        cmocka_unit_test_setup(test_trampolines, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
