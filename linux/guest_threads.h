/* The guest's threads, run one at a time on one host thread (issue 12).
 *
 * One struct arm_cpu runs (the translator's, pointed to by rbx); every other
 * guest thread's architectural state waits in its slot and is swapped in at
 * a switch. A switch happens only at instruction counts (the end of a
 * thread's slice of GUEST_THREAD_SLICE instructions) and where the running
 * thread cannot go on (futex wait, a blocking syscall, exit), so a run is a
 * function of the guest's state and its inputs: replay and reverse execution
 * are exact, as with rr.
 *
 * What history covers: the table below (one plain struct, saved whole by the
 * undo log's THREADS record, snapshots and the state hash), the slots of the
 * threads not running, and the per-thread parts of the signal state
 * (blocked mask, sigsuspend's saved mask, the alternate stack), which live in
 * p->sig for the running thread and in its slot for the others. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "linux/guest_structs.h"
#include "linux/process.h"

#define GUEST_MAX_THREADS 64u
/* Instructions a thread runs before the next runnable one gets its turn. */
#define GUEST_THREAD_SLICE 100000u

enum guest_thread_state {
    GTS_FREE = 0,     /* slot unused (never used, or its thread has exited) */
    GTS_RUNNABLE,     /* runs when its turn comes */
    GTS_FUTEX,        /* FUTEX_WAIT on futex_addr (bitset), woken by a FUTEX_WAKE or, if
                       * deadline is set, by time (an input: logged) */
    GTS_SYSCALL,      /* its SVC would block the host: it waits (parked) until the
                       * syscall can run without blocking (an input: logged) */
};

/* The scheduling state of one thread (in the table history saves whole). */
struct guest_thread_sched {
    int32_t tid;
    uint32_t state;            /* enum guest_thread_state */
    uint32_t clear_child_tid;  /* CLONE_CHILD_CLEARTID / set_tid_address */
    uint32_t robust_list;      /* set_robust_list head */
    uint32_t futex_addr, futex_bitset;
    /* A parked syscall: the fd it waits on and for what (POLLIN/POLLOUT),
     * or one of the WAIT_* kinds below. */
    int32_t wait_fd;
    uint32_t wait_events;
    uint32_t wait_ptr, wait_n; /* WAIT_POLL: the guest's pollfd array; WAIT_CHILD: idtype, id */
    uint64_t deadline_ns;      /* CLOCK_MONOTONIC; 0: none */
    uint64_t pending;          /* signals sent to this thread (tgkill), bit sig-1 */
    uint64_t serial;           /* creation order (for gdb's thread numbers) */
    /* Set when the wait ended with a result (a FUTEX_WAKE, a timeout, a
     * signal): r0 takes it when the thread runs next. rerun: the parked
     * syscall is served again when the thread runs next (it can now run
     * without blocking). */
    uint32_t has_result, result;
    uint32_t rerun;
    uint32_t wait_order; /* FUTEX_WAKE wakes waiters in the order they came */
};
/* wait_fd values that are not fds. */
#define WAIT_NONE (-1)  /* only the deadline or a signal ends the wait */
#define WAIT_POLL (-2)  /* any fd of a poll(2) array ready */
#define WAIT_CHILD (-3) /* a child to reap (wait4/waitid) */
#define WAIT_SIGSET (-4) /* rt_sigtimedwait: a signal of the guest's set at wait_ptr pending */
#define WAIT_SELECT (-5) /* select/pselect6: any fd of its sets ready (read from its r0-r3) */
_Static_assert(sizeof(struct guest_thread_sched) == 80, "no padding: the table is hashed and saved as bytes");

/* The table: what the scheduler decides from. */
struct guest_threads {
    uint32_t current;  /* slot of the running thread */
    uint32_t nslots;   /* slots [0, nslots) may be in use */
    uint64_t slice_end; /* icount at which the running thread's turn ends */
    uint64_t next_serial;
    uint32_t next_wait_order, pad;
    /* Signals in p->sig.pending that were sent to the running thread alone
     * (they go back to its entry when it stops running). */
    uint64_t cur_thread_pending;
    struct guest_thread_sched t[GUEST_MAX_THREADS];
};

/* A thread's state while it does not run: registers (run-control fields of
 * struct arm_cpu unused) and the per-thread signal state. */
struct guest_thread_ctx {
    struct arm_cpu cpu;
    uint64_t blocked, saved_mask;
    uint32_t has_saved_mask, pad;
    struct guest_stack altstack;
    uint32_t pad2;
};

extern struct guest_threads guest_threads;
extern struct guest_thread_ctx guest_thread_ctx[GUEST_MAX_THREADS];

/* Fills slot 0 with the main thread if the table is empty (the process id
 * is its tid). */
void guest_threads_ensure(void);
/* Live threads (1 for a program that never created one). */
unsigned guest_threads_live(void);
/* True once the guest has more than one thread (ever): the runtime then
 * checks slices. */
bool guest_threads_multi(void);
/* The tid of the running thread. */
int32_t guest_thread_current_tid(void);
/* Fills tids[0..max) with the live threads' tids in creation order; returns
 * how many there are. */
unsigned guest_thread_list(int32_t *tids, unsigned max);
/* The registers of thread tid: the running CPU's for the running thread, its
 * slot's for another. False if no such live thread. */
bool guest_thread_regs(int32_t tid, const struct arm_cpu *running, struct arm_cpu *out);
/* True if tid names a live guest thread. */
bool guest_thread_alive(int32_t tid);
