/* A guest thread's life: clone with CLONE_THREAD makes a slot from the
 * running thread, exit(2) frees it (clear_child_tid and its futex wake, the
 * robust futexes it held marked OWNER_DIED), and ids. */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include "linux/guest_mem.h"
#include "linux/guest_ident.h"
#include "linux/sys_signal.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"

static struct arm_cpu *running_cpu;

void thread_sched_bind_cpu(struct arm_cpu *cpu) { running_cpu = cpu; }

int32_t thread_tid_current(void) { return guest_thread_current_tid(); }

int thread_slot_of_tid(int32_t tid)
{
    guest_threads_ensure();
    for (uint32_t i = 0; i < guest_threads.nslots; i++)
        if (guest_threads.t[i].state != GTS_FREE && guest_threads.t[i].tid == tid)
            return (int)i;
    return -1;
}

static int free_slot(void)
{
    for (uint32_t i = 0; i < guest_threads.nslots; i++)
        if (guest_threads.t[i].state == GTS_FREE)
            return (int)i;
    return guest_threads.nslots < GUEST_MAX_THREADS ? (int)guest_threads.nslots : -1;
}

/* The flags glibc's pthread_create passes, and what Linux requires of a
 * thread (kernel/fork.c copy_process): THREAD needs SIGHAND, SIGHAND needs VM. */
int64_t thread_clone(struct linux_proc *p, uint32_t flags, uint32_t newsp, uint32_t ptid, uint32_t tls, uint32_t ctid)
{
    if (!(flags & CLONE_SIGHAND) || !(flags & CLONE_VM))
        return -EINVAL;
    if ((flags & CLONE_PARENT_SETTID) && !guest_writable(ptid, 4))
        return -EFAULT;
    if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) && !guest_writable(ctid, 4))
        return -EFAULT;
    guest_threads_ensure();
    int s = free_slot();
    if (s < 0)
        return -EAGAIN; /* RLIMIT_NPROC-like: no more slots */
    /* Ids after the process id, in creation order: the same in every run
     * of a recording (the table is part of history). */
    uint64_t serial = guest_threads.next_serial++;
    int32_t tid = guest_pid() + (int32_t)(serial - 1);
    if ((uint32_t)s == guest_threads.nslots)
        guest_threads.nslots++;
    struct guest_thread_sched *t = &guest_threads.t[s];
    memset(t, 0, sizeof *t);
    t->tid = tid;
    t->state = GTS_RUNNABLE;
    t->serial = serial;
    t->wait_fd = -1;
    if (flags & CLONE_CHILD_CLEARTID)
        t->clear_child_tid = ctid;
    struct guest_thread_ctx *c = &guest_thread_ctx[s];
    thread_ctx_capture(c, running_cpu, p);
    c->cpu.r[0] = 0; /* the child's clone returns 0 */
    if (newsp)
        c->cpu.r[13] = newsp;
    if (flags & CLONE_SETTLS)
        c->cpu.tpidruro = tls;
    c->cpu.excl_valid = 0;
    /* A new thread has no alternate stack and no sigsuspend mask (the kernel
     * clears sas_ss_sp for CLONE_VM without CLONE_VFORK). */
    c->saved_mask = 0;
    c->has_saved_mask = 0;
    c->altstack = (struct guest_stack){0, GUEST_SS_DISABLE, 0};
    if (flags & CLONE_PARENT_SETTID)
        copy_to_guest(ptid, &tid, 4);
    if (flags & CLONE_CHILD_SETTID)
        copy_to_guest(ctid, &tid, 4);
    return tid;
}

/* A robust futex held by a dying thread: OWNER_DIED set, one waiter woken
 * (kernel/futex/core.c handle_futex_death). */
static void futex_owner_died(uint32_t uaddr, int32_t tid)
{
    uint32_t v;
    if ((uaddr & 3u) || !guest_range_ok(uaddr, 4, PROT_READ | PROT_WRITE))
        return;
    memcpy(&v, g2h(uaddr), 4);
    if ((v & FUTEX_TID_MASK) != (uint32_t)tid)
        return;
    uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    copy_to_guest(uaddr, &nv, 4);
    if (v & FUTEX_WAITERS)
        thread_futex_wake(uaddr, 1, FUTEX_BITSET_MATCH_ANY);
}

/* The robust list: head {next, futex_offset, list_op_pending}, each entry
 * a pointer to the next, the futex word at entry + futex_offset; bit 0 of a
 * pointer marks a PI futex. Bounded as the kernel bounds it (ROBUST_LIST_LIMIT). */
static void walk_robust_list(uint32_t head, int32_t tid)
{
    uint32_t h[3];
    if (!head || copy_from_guest(h, head, sizeof h))
        return;
    int32_t off = (int32_t)h[1];
    uint32_t entry = h[0];
    for (unsigned n = 0; entry != head && n < 2048; n++) {
        uint32_t next;
        if (copy_from_guest(&next, entry & ~1u, 4))
            return;
        futex_owner_died((entry & ~1u) + (uint32_t)off, tid);
        entry = next;
    }
    if (h[2])
        futex_owner_died((h[2] & ~1u) + (uint32_t)off, tid);
}

bool thread_exit(struct linux_proc *p, int status)
{
    (void)p;
    (void)status;
    guest_threads_ensure();
    if (guest_threads_live() <= 1)
        return false;
    struct guest_thread_sched *t = &guest_threads.t[guest_threads.current];
    walk_robust_list(t->robust_list, t->tid);
    /* CLONE_CHILD_CLEARTID: 0 written, one waiter woken (mm_release); this
     * is what pthread_join waits for. */
    if (t->clear_child_tid && guest_writable(t->clear_child_tid, 4)) {
        uint32_t zero = 0;
        copy_to_guest(t->clear_child_tid, &zero, 4);
        thread_futex_wake(t->clear_child_tid, 1, FUTEX_BITSET_MATCH_ANY);
    }
    int32_t tid = t->tid;
    uint64_t serial = t->serial;
    memset(t, 0, sizeof *t);
    t->state = GTS_FREE;
    (void)tid;
    (void)serial;
    return true;
}

/* The child of a fork has one thread, the one that forked (POSIX fork):
 * it becomes slot 0 with the child's process id as its tid. */
void thread_after_fork(void)
{
    if (!guest_threads.nslots)
        return;
    struct guest_thread_sched me = guest_threads.t[guest_threads.current];
    memset(&guest_threads, 0, sizeof guest_threads);
    me.tid = guest_pid();
    me.serial = 1;
    me.pending = 0;
    me.robust_list = 0;
    guest_threads.t[0] = me;
    guest_threads.nslots = 1;
    guest_threads.current = 0;
    guest_threads.slice_end = UINT64_MAX;
    guest_threads.next_serial = 2;
}

/* Guest threads are one host thread: a syscall about one of them (its
 * scheduling, its affinity) is about the calling host thread, 0. */
int32_t thread_host_tid(int32_t tid)
{
    if (tid > 0 && guest_threads.nslots && thread_slot_of_tid(tid) >= 0)
        return 0;
    return tid;
}
