/* The thread table and what others may ask of it (guest_threads.h). The
 * scheduler that changes it is linux/thread_sched.c. */
#include "linux/guest_threads.h"
#include "linux/guest_ident.h"

#include <string.h>
#include <unistd.h>

struct guest_threads guest_threads;
struct guest_thread_ctx guest_thread_ctx[GUEST_MAX_THREADS];

/* Slot 0 is the main thread until it is filled in (thread_sched_init): a
 * program that never clones still has one thread, with the process's id. */
void guest_threads_ensure(void)
{
    if (guest_threads.nslots)
        return;
    guest_threads.nslots = 1;
    guest_threads.current = 0;
    guest_threads.slice_end = UINT64_MAX;
    guest_threads.t[0].tid = guest_pid();
    guest_threads.t[0].state = GTS_RUNNABLE;
    guest_threads.t[0].serial = 1;
    guest_threads.next_serial = 2;
}

unsigned guest_threads_live(void)
{
    guest_threads_ensure();
    unsigned n = 0;
    for (uint32_t i = 0; i < guest_threads.nslots; i++)
        n += guest_threads.t[i].state != GTS_FREE;
    return n;
}

bool guest_threads_multi(void) { return guest_threads.nslots > 1; }

int32_t guest_thread_current_tid(void)
{
    guest_threads_ensure();
    return guest_threads.t[guest_threads.current].tid;
}

unsigned guest_thread_list(int32_t *tids, unsigned max)
{
    guest_threads_ensure();
    /* Creation order: serials increase with each clone; slots are reused. */
    unsigned n = 0;
    uint64_t last = 0;
    for (;;) {
        int best = -1;
        for (uint32_t i = 0; i < guest_threads.nslots; i++) {
            const struct guest_thread_sched *s = &guest_threads.t[i];
            if (s->state != GTS_FREE && s->serial > last &&
                (best < 0 || s->serial < guest_threads.t[best].serial))
                best = (int)i;
        }
        if (best < 0)
            return n;
        if (n < max)
            tids[n] = guest_threads.t[best].tid;
        n++;
        last = guest_threads.t[best].serial;
    }
}

static int slot_of(int32_t tid)
{
    guest_threads_ensure();
    for (uint32_t i = 0; i < guest_threads.nslots; i++)
        if (guest_threads.t[i].state != GTS_FREE && guest_threads.t[i].tid == tid)
            return (int)i;
    return -1;
}

bool guest_thread_alive(int32_t tid) { return slot_of(tid) >= 0; }

bool guest_thread_regs(int32_t tid, const struct arm_cpu *running, struct arm_cpu *out)
{
    int s = slot_of(tid);
    if (s < 0)
        return false;
    *out = (uint32_t)s == guest_threads.current ? *running : guest_thread_ctx[s].cpu;
    return true;
}
