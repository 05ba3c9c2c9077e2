/* Futexes between guest threads, kept by the scheduler: a waiting thread is
 * a table entry, a wake is a table change, so waits and wakes replay
 * exactly. Shared futexes (between processes) are treated as private: a
 * FUTEX_WAIT on memory another process changes is not woken by it. */
#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <time.h>

#include "linux/guest_mem.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

static uint64_t mono_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int64_t thread_futex_wait(uint32_t uaddr, uint32_t val, uint32_t bitset, const int64_t *timeout_ns, bool abs_realtime,
                          bool abs)
{
    uint32_t cur;
    memcpy(&cur, g2h(uaddr), 4);
    if (cur != val)
        return -EAGAIN;
    if (!bitset)
        return -EINVAL;
    uint64_t deadline = 0;
    if (timeout_ns) {
        if (*timeout_ns < 0)
            return -EINVAL;
        uint64_t now = mono_ns(CLOCK_MONOTONIC);
        if (!abs) {
            deadline = now + (uint64_t)*timeout_ns;
        } else {
            /* An absolute time on CLOCK_REALTIME (FUTEX_CLOCK_REALTIME) is
             * turned into the monotonic clock the scheduler waits on. */
            uint64_t base = abs_realtime ? mono_ns(CLOCK_REALTIME) : now;
            if ((uint64_t)*timeout_ns <= base)
                return -ETIMEDOUT;
            deadline = now + ((uint64_t)*timeout_ns - base);
        }
        if (!deadline)
            deadline = 1;
    }
    struct guest_thread_sched *t = &guest_threads.t[guest_threads.current];
    t->state = GTS_FUTEX;
    t->futex_addr = uaddr;
    t->futex_bitset = bitset;
    t->deadline_ns = deadline;
    t->wait_order = guest_threads.next_wait_order++;
    return GUEST_SYSCALL_PARKED;
}

/* The waiter on uaddr (matching bitset) that came first, or -1. */
static int first_waiter(uint32_t uaddr, uint32_t bitset)
{
    int best = -1;
    for (uint32_t i = 0; i < guest_threads.nslots; i++) {
        const struct guest_thread_sched *t = &guest_threads.t[i];
        if (t->state == GTS_FUTEX && t->futex_addr == uaddr && (t->futex_bitset & bitset) &&
            (best < 0 || (int32_t)(t->wait_order - guest_threads.t[best].wait_order) < 0))
            best = (int)i;
    }
    return best;
}

static void wake_one(struct guest_thread_sched *t)
{
    t->state = GTS_RUNNABLE;
    t->has_result = 1;
    t->result = 0;
    t->deadline_ns = 0;
}

int64_t thread_futex_wake(uint32_t uaddr, uint32_t n, uint32_t bitset)
{
    if (!bitset)
        return -EINVAL;
    int64_t woken = 0;
    while ((uint32_t)woken < n) {
        int w = first_waiter(uaddr, bitset);
        if (w < 0)
            break;
        wake_one(&guest_threads.t[w]);
        woken++;
    }
    return woken;
}

int64_t thread_futex_requeue(uint32_t uaddr, uint32_t nwake, uint32_t nreq, uint32_t uaddr2)
{
    int64_t done = thread_futex_wake(uaddr, nwake, FUTEX_BITSET_MATCH_ANY);
    for (uint32_t k = 0; k < nreq; k++) {
        int w = first_waiter(uaddr, FUTEX_BITSET_MATCH_ANY);
        if (w < 0)
            break;
        guest_threads.t[w].futex_addr = uaddr2;
        done++;
    }
    return done;
}
