/* Emitting a planned block (block_plan.h): the entry checks and undo
 * record, then each instruction under its condition, keeping x86 flags live
 * from one instruction to a later condition when they can tell. */
#include "translator/block_emit.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/log.h"
#include "translator/breakpoints.h"
#include "translator/code_cache.h"
#include "translator/guest_reg_map.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "undo/undo_format.h"
#include "undo/undo_ring.h"
#include "trans_gen.h"

/* Room one guest instruction may need in the worst case (LDM of 16 regs). */
#define MAX_INSN_BYTES 1024

_Static_assert(MAX_BLOCK_INSNS <= UNDO_BLOCK_MAX_INSNS, "a block's length fits the BLOCK tag");

/* Block entry: the budget check, the breakpoint check, the BLOCK undo
 * record, and the instruction count. */
static void emit_prologue(struct tr *t, uint32_t pc, unsigned n, const struct block_plan *pl)
{
    struct xbuf *b = t->b;
    /* Without recording nothing stops the guest on the way (no debugger):
     * plain runs leave the check out (it cost about 8% on call-heavy code)
     * until the guest has several threads, whose turns end by count.
     * A history query's replay stops at its slices' ends. */
    if (tr_recording || tr_budget_checks || tr_query) {
        X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_R13, (int32_t)n, 8));
        X(b, CMP, R32(RAX), CPUF(budget, 8));
        size_t ok = x_jcc_fwd(b, XCC_BE);
        tr_exit_at(b, pc, EXIT_BUDGET);
        x_bind(b, ok);
    }
    if (tr_breakpoint_at(pc)) {
        X(b, CMP, xreg(ZYDIS_REGISTER_R13), CPUF(bp_pass, 8));
        size_t pass = x_jcc_fwd(b, XCC_E);
        tr_exit_at(b, pc, EXIT_BREAKPOINT);
        x_bind(b, pass);
    }
    if (tr_recording && n > 0) {
        X(b, MOVQ, R32(RAX), xreg(UNDO_TOP_HOST_REG));
        X(b, CMP, R32(RAX), CPUF(undo_limit, 8));
        size_t room = x_jcc_fwd(b, XCC_B);
        X(b, MOV, R32(RSI), xreg(ZYDIS_REGISTER_R13));
        tr_call(t, (const void *)helper_undo_room);
        x_bind(b, room);
        tr_emit_block_record(t, pc, n, pl);
    }
    X(b, ADD, xreg(ZYDIS_REGISTER_R13), ximm((int64_t)n));
}

/* cpu->itstate = want, if translated code has not stored that already (the
 * block key holds ITSTATE at entry). Stored before each instruction of an IT
 * block, so that a fault, a helper and -d cpu see the instruction's own, and
 * before an instruction that leaves the block, the state after it: the
 * successor's key. Leaves the x86 flags alone. */
static void store_itstate(struct xbuf *b, uint8_t *cur, uint8_t want)
{
    if (*cur != want) {
        X(b, MOV, CPUF(itstate, 1), ximm((int8_t)want)); /* imm8, sign-extended by Zydis */
        *cur = want;
    }
}

bool emit_block(const struct block_plan *pl, uint32_t pc, bool thumb, struct xbuf *b, unsigned *failed_at)
{
    uint8_t it = pl->it[0]; /* ITSTATE in the cpu at block entry */
    bool log_in = log_enabled(LOG_IN_ASM);
    struct tr t = {.b = b, .thumb = thumb, .fpscr_mode = pl->fpscr_mode, .block_len = pl->n};
    emit_prologue(&t, pc, pl->n, pl);
    if (log_in)
        tr_log_in_asm_block(pc);
    *failed_at = UINT_MAX;
    /* x86 flags produced by an earlier flag-setting instruction, valid while
     * nothing emitted since changed them (b->flags_clobbered_at). */
    int live_kind = HF_NONE;
    size_t live_end = 0;
    uint32_t cur = pc;
    t.ended = false;
    for (unsigned k = 0; k < pl->n; k++) {
        const struct isa_insn *d = &pl->insn[k];
        if ((size_t)(b->end - b->p) < MAX_INSN_BYTES) {
            b->overflow = true;
            return false;
        }
        if (log_in)
            tr_log_in_asm(cur, d, pl->it[k]);
        t.pc = cur;
        t.d = d;
        t.index = k;
        t.ended = false;
        t.uncounted = false;
        cur += d->len;
        store_itstate(b, &it, pl->it[k]);
        if (log_enabled(LOG_CPU)) {
            X(b, MOV, R32(ESI), ximm((int64_t)t.pc));
            tr_call_synced(&t, (const void *)helper_trace_cpu);
        }
        if (plan_ends_block(d)) /* both ways out (taken, condition failed) */
            store_itstate(b, &it, k + 1 < pl->n ? pl->it[k + 1] : pl->it_end);
        int live = live_kind && b->flags_clobbered_at <= live_end ? live_kind : HF_NONE;
        t.fl_read = t.fl_write = 0;
        t.fl_need = pl->fl_need[k];
        size_t skip = tr_cond_skip(&t, d->cond, live);
        t.hf_kind = HF_NONE;
        if (!trans_dispatch(&t, d)) {
            *failed_at = k;
            return true;
        }
        if (skip != SIZE_MAX)
            x_bind(b, skip);
        /* Later instructions may branch on the x86 flags this one left if it
         * set them on every path (unconditional). */
        if (skip == SIZE_MAX && t.hf_kind) {
            live_kind = t.hf_kind;
            live_end = t.hf_end;
        }
        if (t.ended) {
            if (skip != SIZE_MAX)
                tr_branch_direct(&t, cur); /* condition failed: next instruction */
            break;
        }
    }
    if (pl->lone_exit) {
        /* Not counted (n == 0): it has not retired when its signal arrives. */
        const struct isa_insn *d = &pl->insn[0];
        if (log_in)
            tr_log_in_asm(pc, d, pl->it[0]);
        t.pc = pc;
        t.d = d;
        if (log_enabled(LOG_CPU)) { /* qemu-arm logs the state before it too */
            X(b, MOV, R32(ESI), ximm((int64_t)t.pc));
            tr_call_synced(&t, (const void *)helper_trace_cpu);
        }
        /* A conditional A32 trap (BKPT<c>, UDF<c>, an UNPREDICTABLE
         * encoding with a condition), and any Thumb trap or undefined
         * encoding inside an IT block but BKPT (plan_block gives those the
         * IT condition), traps only if its condition holds, as under
         * qemu-arm; else it retires like any condition-failed instruction
         * (EXIT_TRAP_SKIPPED: the dispatcher counts it, steps over it and
         * advances ITSTATE). */
        size_t skip = SIZE_MAX;
        if (!pl->fetch_fault && d->cond < 14 && (d->iset == ARM_ISET_A32 || (pl->it[0] & 15)))
            skip = tr_cond_skip(&t, d->cond, HF_NONE);
        if (pl->fetch_fault)
            tr_exit_reason(&t, pc, EXIT_FETCH_FAULT);
        else if (pl->undecodable || !trans_dispatch(&t, d) || !t.ended)
            tr_exit_reason(&t, pc, EXIT_UNDEF);
        if (skip != SIZE_MAX) {
            x_bind(b, skip);
            tr_exit_at(b, pc, EXIT_TRAP_SKIPPED);
        }
    } else if (!t.ended) {
        store_itstate(b, &it, pl->it_end);
        tr_branch_direct(&t, cur);
    }
    if (b->failed) {
        fprintf(stderr, "backstep: internal error: x86 encoding of %s failed in block at 0x%08x\n",
                ZydisMnemonicGetString(b->failed_mnemonic), pc);
        abort();
    }
    if (b->overflow)
        return false;
    if (log_in)
        log_printf("\n");
    return true;
}
