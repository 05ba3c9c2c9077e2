/* See timeline_threads.h. Which thread runs at a count is part of the
 * recorded state (linux/guest_threads.h), so a step of one thread is a loop
 * of one-instruction engine moves that looks at the running thread before
 * each move forward (its instruction is the next one retired) and after
 * each move backward (the thread running then is the one whose instruction
 * was undone). */
#include "gdbstub/timeline_threads.h"

#include <string.h>

#include "gdbstub/target_xml.h"
#include "linux/guest_threads.h"
#include "translator/breakpoints.h"

/* How often the loops look at the client (Ctrl-C). */
#define POLL_EVERY 1024u

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }

void tl_put_regs(const struct arm_cpu *c, uint8_t *out)
{
    for (unsigned i = 0; i < 16; i++)
        put32(out + 4 * i, c->r[i]);
    put32(out + rsp_reg_offset(RSP_REG_CPSR), arm_cpsr(c));
    for (unsigned i = 0; i < 32; i++)
        memcpy(out + rsp_reg_offset(RSP_REG_D0 + i), &c->d[i], 8);
    put32(out + rsp_reg_offset(RSP_REG_FPSCR), c->fpscr);
}

unsigned tl_threads(void *tv, int32_t *tids, unsigned max)
{
    (void)tv;
    return guest_thread_list(tids, max);
}

int32_t tl_current_thread(void *tv)
{
    (void)tv;
    return guest_thread_current_tid();
}

bool tl_thread_regs(void *tv, int32_t tid, uint8_t *out)
{
    (void)tv;
    struct arm_cpu c;
    if (!guest_thread_regs(tid, engine_cpu(), &c))
        return false;
    tl_put_regs(&c, out);
    return true;
}

bool tl_thread_pc(int32_t tid, uint32_t *pc)
{
    struct arm_cpu c;
    if (!guest_thread_regs(tid, engine_cpu(), &c))
        return false;
    *pc = c.r[15];
    return true;
}

static bool poll_now(unsigned n, engine_interrupt_fn *intr, void *ctx, struct engine_stop *es)
{
    if (n % POLL_EVERY != POLL_EVERY - 1 || !intr || !intr(ctx))
        return false;
    memset(es, 0, sizeof *es);
    es->kind = ES_INTERRUPTED;
    return true;
}

void tl_step_thread(int32_t tid, engine_interrupt_fn *intr, void *ctx, struct engine_stop *es, bool *moved)
{
    struct arm_cpu *cpu = engine_cpu();
    *moved = false;
    memset(es, 0, sizeof *es);
    es->kind = ES_REACHED;
    for (unsigned n = 0; n < TL_THREAD_STEP_CAP; n++) {
        bool mine = guest_thread_current_tid() == tid;
        /* intr also ends a wait where every thread waits (RUN_IDLE). */
        engine_forward(cpu->icount + 1, false, intr, ctx, es);
        if (es->kind != ES_REACHED)
            return;
        if (mine) {
            *moved = true;
            return;
        }
        if (!guest_thread_alive(tid))
            return; /* it ended (another thread's exit_group) */
        /* Another thread ran: it stops at its breakpoints as in a continue,
         * unless it is tid, which is about to run its step. */
        if (guest_thread_current_tid() != tid && tr_breakpoint_at(cpu->r[15])) {
            es->kind = ES_BREAKPOINT;
            return;
        }
        if (poll_now(n, intr, ctx, es))
            return;
    }
}

void tl_step_thread_back(int32_t tid, engine_interrupt_fn *intr, void *ctx, struct engine_stop *es, bool *moved)
{
    *moved = false;
    memset(es, 0, sizeof *es);
    es->kind = ES_REACHED;
    for (unsigned n = 0; n < TL_THREAD_STEP_CAP; n++) {
        engine_step_back(es);
        if (es->kind != ES_REACHED)
            return;
        if (guest_thread_current_tid() == tid) {
            *moved = true;
            return;
        }
        if (!guest_thread_alive(tid))
            return; /* before it was created */
        if (poll_now(n, intr, ctx, es))
            return;
    }
}
