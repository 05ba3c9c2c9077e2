/* The guest's threads for the timeline target (timeline_threads.c): the
 * thread ops of rsp_target.h over linux/guest_threads.h, and stepping one
 * thread while the threads run one at a time on the engine's one CPU.
 * Internal to bs_gdbstub. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "timeline/engine.h"

/* At most this many one-instruction moves per thread step: a step of a
 * thread that cannot run (it waits for ever) ends there, reported as a
 * step of that thread that has not moved it (gdb's `next` then asks
 * again, as it would wait on Linux; Ctrl-C stops it). */
#define TL_THREAD_STEP_CAP (4u * 1000u * 1000u)

/* c's registers in g layout (RSP_G_PACKET_BYTES). */
void tl_put_regs(const struct arm_cpu *c, uint8_t *out);

/* rsp_target_ops threads, current_thread, thread_regs (tv unused). */
unsigned tl_threads(void *tv, int32_t *tids, unsigned max);
int32_t tl_current_thread(void *tv);
bool tl_thread_regs(void *tv, int32_t tid, uint8_t *out);

/* Thread tid's pc (false: no such thread now). */
bool tl_thread_pc(int32_t tid, uint32_t *pc);

/* Forward until thread tid has retired one instruction: the instructions of
 * other threads the scheduler runs first are stepped one at a time, and a
 * breakpoint one of them reaches stops it there (es: ES_BREAKPOINT, that
 * thread running). *moved: tid's instruction ran. */
void tl_step_thread(int32_t tid, engine_interrupt_fn *intr, void *ctx, struct engine_stop *es, bool *moved);
/* Backward until the instruction undone was thread tid's (it is then the
 * running thread); other threads' instructions are undone on the way (gdb
 * steps backward with the other threads locked: their breakpoints do not
 * stop it). *moved: tid's instruction was undone. */
void tl_step_thread_back(int32_t tid, engine_interrupt_fn *intr, void *ctx, struct engine_stop *es, bool *moved);
