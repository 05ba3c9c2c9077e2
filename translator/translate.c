/* The block pipeline: guest code at a pc -> a block in the code cache.
 *   plan_block   (block_plan.c)  decode the block once and analyse it
 *   emit_block   (block_emit.c)  emit its x86 code: entry checks, undo record,
 *                                each instruction's trans_*() (tr_*.c) under
 *                                its condition (flags_cond.c), the exit
 *                                (block_exit.c)
 *   code_cache_add               register it for lookup and chaining
 * Blocks end at branches and other writes to PC, SVC, undefined
 * instructions, page edges that are not executable, breakpoints, and after
 * MAX_BLOCK_INSNS instructions. Helpers for the emitters: reg_access.c,
 * helper_call.c, undo_hooks.c; -d in_asm: in_asm_log.c. */
#include "translator/translate.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/block_emit.h"
#include "translator/block_plan.h"
#include "translator/code_cache.h"
#include "translator/tr_internal.h"

void translate_set_recording(bool on)
{
    if (on != tr_recording)
        code_cache_flush();
    tr_recording = on;
}

bool translate_recording(void) { return tr_recording; }

void translate_set_budget_checks(bool on)
{
    if (on != tr_budget_checks)
        code_cache_flush();
    tr_budget_checks = on;
}

bool translate_budget_checks(void) { return tr_budget_checks; }

void translate_set_query(bool on)
{
    if (on != tr_query)
        code_cache_flush();
    tr_query = on;
}

bool translate_query(void) { return tr_query; }

void translate_set_load_records(bool on)
{
    if (on != tr_load_records)
        code_cache_flush();
    tr_load_records = on;
}

void translate_init(void) { tr_in_asm_init(); }

bool tr_fetchable(uint32_t addr)
{
    uint8_t f = guest_page_flags(addr);
    return (f & GUEST_PAGE_MAPPED) && (f & PROT_EXEC);
}

static struct tblock *translate_into(uint32_t pc, unsigned kind, struct xbuf *b)
{
    static struct block_plan pl;
    bool thumb = kind & TB_THUMB;
    bool single = (kind & TB_SINGLE) || log_enabled(LOG_CPU);
    unsigned max = single ? 1 : MAX_BLOCK_INSNS;
    for (;;) {
        plan_block(&pl, pc, kind, max);
        unsigned failed_at;
        b->p = b->start;
        b->flags_clobbered_at = 0;
        if (!emit_block(&pl, pc, thumb, b, &failed_at))
            return NULL;
        if (failed_at == UINT_MAX)
            break;
        /* The semantic function refused an instruction the table accepted:
         * end the block before it (it then raises SIGILL on its own). */
        if (failed_at == 0) {
            pl.n = 0;
            pl.lone_exit = true;
            pl.undecodable = true;
            pl.mask = 0;
            pl.extra = pl.flags = pl.vfp = false;
            pl.dmask = 0;
            b->p = b->start;
            b->flags_clobbered_at = 0;
            if (!emit_block(&pl, pc, thumb, b, &failed_at))
                return NULL;
            pl.end_pc = pc + pl.insn[0].len;
            break;
        }
        max = failed_at;
    }
    return code_cache_add(pc, kind, pl.end_pc, pl.n, (uint32_t)(b->p - b->start));
}

/* With BACKSTEP_PERF_MAP=1 in the environment, each block is named in
 * /tmp/perf-PID.map, so that `perf report` attributes host time to guest code
 * (the perf map convention JITs use). For profiling backstep itself. */
static void perf_map_add(const struct tblock *tb)
{
    static FILE *map;
    static int state; /* 0 unknown, 1 on, -1 off */
    if (state == 0) {
        const char *e = getenv("BACKSTEP_PERF_MAP");
        state = e && *e == '1' ? 1 : -1;
        if (state == 1) {
            char path[64];
            snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
            map = fopen(path, "w");
            if (!map)
                state = -1;
        }
    }
    if (state == 1) {
        fprintf(map, "%lx %x guest_%08x\n", (unsigned long)(uintptr_t)tb->host, tb->host_size, tb->pc);
        fflush(map);
    }
}

struct tblock *translate_block(uint32_t pc, unsigned kind)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        struct xbuf b = {.start = cc.next, .p = cc.next, .end = cc.end};
        struct tblock *tb = translate_into(pc, kind, &b);
        if (tb) {
            if (log_enabled(LOG_OUT_ASM))
                log_out_asm(tb);
            perf_map_add(tb);
            return tb;
        }
        code_cache_flush();
    }
    fprintf(stderr, "backstep: internal error: block at 0x%08x does not fit the code cache\n", pc);
    abort();
}
