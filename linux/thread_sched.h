/* The scheduler of the guest's threads (see linux/guest_threads.h): thread
 * creation and exit, futexes between guest threads, parking a syscall that
 * would block the one host thread, and the scheduling point where the
 * running thread changes. Recording and replay plug in through hooks; a plain
 * run uses none. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "linux/guest_threads.h"
#include "linux/process.h"

/* A syscall handler's result meaning "the calling thread waits": r0 keeps
 * its argument, the thread is no longer runnable, and the runtime goes to a
 * scheduling point. Never seen by the guest (a kernel-internal errno). */
#define GUEST_SYSCALL_PARKED (-530)

struct thread_sched_hooks {
    /* A scheduling point or a thread syscall is about to change the table
     * or the running thread: pre is the state before (recording pushes it
     * as an undo record). */
    void (*changed)(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx_pre, const struct guest_threads *pre,
                    uint64_t cursor_pre);
    /* A scheduling point changed the signal state (thread-directed
     * signals moving in and out of the pending set): sig_pre as it was. */
    void (*sig_changed)(struct arm_cpu *cpu, const struct guest_sigstate *sig_pre);
    /* (A switch leaves the incoming thread's slot as it was: its bytes are
     * guest_thread_ctx[guest_threads.current] when changed is called.) */
    /* The replay log's cursor now (handed back to changed). */
    uint64_t (*cursor)(void);
    /* Replaying: the wake the recording logged at this count for a thread
     * that waits (consumed if it carried a result; a parked syscall's own
     * log entry is left for serving it). False: none here. */
    bool (*logged_wake)(uint64_t icount, uint32_t *slot, bool *rerun, uint32_t *result);
    /* Live: true when this point's wakes are to be logged (recording). */
    void (*log_wake)(uint64_t icount, uint32_t slot, uint32_t nr, uint32_t result);
    /* True while replaying the recorded past (wakes come from the log). */
    bool (*replaying)(void);
};
void thread_sched_set_hooks(const struct thread_sched_hooks *h);

/* No switches and no parking (a diversion runs its thread alone). */
extern bool thread_sched_frozen;
void thread_sched_freeze(bool on);

/* Whether the runtime must stop at a scheduling point now. */
static inline bool thread_sched_due(const struct arm_cpu *cpu)
{
    return guest_threads.nslots > 1 && !thread_sched_frozen &&
           (cpu->icount >= guest_threads.slice_end || guest_threads.t[guest_threads.current].state != GTS_RUNNABLE);
}

/* True while a parked select, pselect6, poll or ppoll whose timeout passed
 * is served again: it polls without waiting, so it returns 0 with its sets
 * or revents cleared and the remaining time 0, as the kernel's timeout
 * does (the runtime clears it after the syscall). */
extern bool thread_serving_timed_out;

enum sched_outcome {
    TS_RUN,         /* run the (possibly new) current thread */
    TS_RUN_EINTR,   /* it was switched in with r0 = -EINTR from a wait a signal
                        * ended: the runtime applies the restart rules */
    TS_SERVE,       /* it was switched in to serve its parked syscall again */
    TS_IDLE,        /* nothing can run: waited a little (recording: give the
                        * debugger and signals a look, then call again) */
};
/* The scheduling point: wakes waiting threads (signals, time, fds), picks
 * the next runnable thread, switches. may_wait_forever: a plain run (no
 * debugger to poll) waits in here until something can run. */
enum sched_outcome thread_sched_point(struct arm_cpu *cpu, struct linux_proc *p, bool may_wait_forever);

/* The current thread's state as a context (registers and its signal parts). */
void thread_ctx_capture(struct guest_thread_ctx *out, const struct arm_cpu *cpu, const struct linux_proc *p);
/* Undoing a scheduling point or thread syscall: the table (an image of
 * pre->nslots slots) and the running thread as they were; if it switched,
 * in_pre is the slot of the thread that came in, as it was. Called by the
 * undo log. */
void thread_sched_restore(struct arm_cpu *cpu, const struct guest_thread_ctx *ctx_pre,
                          const struct guest_thread_ctx *in_pre, const struct guest_threads *pre);
/* Around a thread syscall or anything else that changes the table outside
 * a scheduling point: begin takes the pre-images, end reports a change. */
void thread_change_begin(struct arm_cpu *cpu, struct linux_proc *p);
void thread_change_end(struct arm_cpu *cpu);
/* Bytes of a table image holding nslots slots. */
static inline uint32_t guest_threads_image_len(uint32_t nslots)
{
    return (uint32_t)(__builtin_offsetof(struct guest_threads, t) + nslots * sizeof(struct guest_thread_sched));
}

/* Thread syscalls (linux/sys_thread.c serves them through these). The
 * running CPU is needed to create a thread from it. */
void thread_sched_bind_cpu(struct arm_cpu *cpu);
int64_t thread_clone(struct linux_proc *p, uint32_t flags, uint32_t newsp, uint32_t ptid, uint32_t tls, uint32_t ctid);
/* exit(2) of the calling thread; false if it is the last one (the process
 * exits). */
bool thread_exit(struct linux_proc *p, int status);
int64_t thread_futex_wait(uint32_t uaddr, uint32_t val, uint32_t bitset, const int64_t *timeout_ns, bool abs_realtime,
                          bool abs);
int64_t thread_futex_wake(uint32_t uaddr, uint32_t n, uint32_t bitset);
int64_t thread_futex_requeue(uint32_t uaddr, uint32_t nwake, uint32_t nreq, uint32_t uaddr2);
int32_t thread_tid_current(void);
/* In a fork's child: only the calling thread goes on. */
void thread_after_fork(void);
int thread_slot_of_tid(int32_t tid);
/* The host id to pass for a guest tid (0, the caller, for a guest thread). */
int32_t thread_host_tid(int32_t tid);
/* Parks the calling thread when its syscall nr would block (only once
 * several threads exist): returns true with its wait set up. */
bool thread_would_block(struct linux_proc *p, uint32_t nr, const uint32_t a[7]);
/* Readiness checks of parked waits (thread_park.c). */
bool thread_poll_array_ready(uint32_t fds, uint32_t n);
bool thread_child_ready(uint32_t idtype, uint32_t id);
bool thread_select_ready(uint32_t n, uint32_t in, uint32_t out, uint32_t ex);
/* r0 of the thread just switched in before its wait's result replaced it
 * (its first argument: the restart rules need it after an EINTR). */
extern uint32_t thread_sched_orig_r0;
