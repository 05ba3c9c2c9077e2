/* Thread-related syscalls: set_tid_address, set_robust_list, futex,
 * scheduling, and the ARM private calls (set_tls, get_tls, cacheflush).
 * While the guest has one thread, futexes are host futexes on the guest
 * word (a FUTEX_WAIT on a changed value returns -EAGAIN, a WAKE wakes
 * nobody, a timed wait sleeps); once it has several, the scheduler keeps
 * them (linux/thread_futex.c). */
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"
#include "linux/xlat.h"

static struct guest_thread_sched *me(void)
{
    guest_threads_ensure();
    return &guest_threads.t[guest_threads.current];
}

int64_t sys_set_tid_address(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    me()->clear_child_tid = a[0];
    return me()->tid;
}

int64_t sys_set_robust_list(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[1] != GUEST_ROBUST_LIST_HEAD_SIZE)
        return -EINVAL;
    me()->robust_list = a[0];
    return 0;
}

/* With several threads a yield ends the running thread's turn. */
int64_t sys_sched_yield(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    (void)a;
    if (guest_threads_multi())
        guest_threads.slice_end = 0;
    return 0;
}

/* sched_getaffinity(pid, len, mask): the guest's mask is made of 32-bit
 * words (len a multiple of 4, kernel/sched/core.c compat version); the
 * bytes are the host's on a little-endian machine. Returns the bytes
 * written. */
int64_t sys_sched_getaffinity(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    uint32_t len = a[1];
    if (len & 3u)
        return -EINVAL;
    if (!guest_writable(a[2], len))
        return -EFAULT;
    uint8_t mask[1024] = {0};
    uint32_t hlen = (len + 7u) & ~7u;
    if (hlen > sizeof(mask))
        hlen = sizeof(mask);
    int64_t r = host_ret(syscall(SYS_sched_getaffinity, thread_host_tid(sarg(a[0])), (size_t)hlen, mask));
    if (r < 0)
        return r;
    if (r > (int64_t)len)
        r = len;
    return copy_to_guest(a[2], mask, (uint32_t)r) ?: r;
}

static int64_t guest_timeout(uint32_t addr, bool time64, struct timespec *ts)
{
    if (time64) {
        struct guest_timespec64 g;
        if (copy_from_guest(&g, addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec64_to_host(ts, &g);
    } else {
        struct guest_timespec32 g;
        if (copy_from_guest(&g, addr, sizeof(g)))
            return -EFAULT;
        xlat_timespec32_to_host(ts, &g);
    }
    return 0;
}

/* FUTEX_WAKE_OP's operation on *uaddr2 and its comparison of the old value
 * (include/uapi/linux/futex.h FUTEX_OP). */
static bool wake_op_apply(uint32_t encoded, uint32_t old, uint32_t *nv)
{
    uint32_t op = (encoded >> 28) & 7, cmp = (encoded >> 24) & 15;
    uint32_t oparg = (encoded >> 12) & 0xfff, cmparg = encoded & 0xfff;
    if (encoded & (8u << 28))
        oparg = 1u << (oparg & 31);
    else
        oparg = (uint32_t)((int32_t)(oparg << 20) >> 20); /* sign-extended 12 bits */
    cmparg = (uint32_t)((int32_t)(cmparg << 20) >> 20);
    switch (op) {
    case FUTEX_OP_SET: *nv = oparg; break;
    case FUTEX_OP_ADD: *nv = old + oparg; break;
    case FUTEX_OP_OR: *nv = old | oparg; break;
    case FUTEX_OP_ANDN: *nv = old & ~oparg; break;
    default: *nv = old ^ oparg; break;
    }
    switch (cmp) {
    case FUTEX_OP_CMP_EQ: return old == cmparg;
    case FUTEX_OP_CMP_NE: return old != cmparg;
    case FUTEX_OP_CMP_LT: return (int32_t)old < (int32_t)cmparg;
    case FUTEX_OP_CMP_LE: return (int32_t)old <= (int32_t)cmparg;
    case FUTEX_OP_CMP_GT: return (int32_t)old > (int32_t)cmparg;
    default: return (int32_t)old >= (int32_t)cmparg;
    }
}

/* The futex ops between the guest's own threads (several exist). */
static int64_t futex_between_threads(const uint32_t a[7], bool time64)
{
    uint32_t uaddr = a[0], op = a[1];
    int cmd = (int)(op & FUTEX_CMD_MASK);
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        struct timespec ts;
        int64_t ns, *nsp = NULL;
        if (a[3]) {
            int64_t e = guest_timeout(a[3], time64, &ts);
            if (e)
                return e;
            if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
                return -EINVAL;
            ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
            nsp = &ns;
        }
        /* FUTEX_WAIT's timeout is relative; WAIT_BITSET's absolute. */
        bool bitset = cmd == FUTEX_WAIT_BITSET;
        return thread_futex_wait(uaddr, a[2], bitset ? a[5] : FUTEX_BITSET_MATCH_ANY, nsp,
                                 (op & FUTEX_CLOCK_REALTIME) != 0, bitset);
    }
    case FUTEX_WAKE:
        return thread_futex_wake(uaddr, a[2], FUTEX_BITSET_MATCH_ANY);
    case FUTEX_WAKE_BITSET:
        return thread_futex_wake(uaddr, a[2], a[5]);
    case FUTEX_CMP_REQUEUE:
    case FUTEX_REQUEUE: {
        if ((a[4] & 3u) || !guest_readable(a[4], 4))
            return -EFAULT;
        if (cmd == FUTEX_CMP_REQUEUE) {
            uint32_t cur;
            memcpy(&cur, g2h(uaddr), 4);
            if (cur != a[5])
                return -EAGAIN;
        }
        return thread_futex_requeue(uaddr, a[2], a[3], a[4]);
    }
    case FUTEX_WAKE_OP: {
        if ((a[4] & 3u) || !guest_writable(a[4], 4))
            return -EFAULT;
        uint32_t old, nv;
        memcpy(&old, g2h(a[4]), 4);
        bool second = wake_op_apply(a[5], old, &nv);
        copy_to_guest(a[4], &nv, 4);
        int64_t n = thread_futex_wake(uaddr, a[2], FUTEX_BITSET_MATCH_ANY);
        if (second)
            n += thread_futex_wake(a[4], a[3], FUTEX_BITSET_MATCH_ANY);
        return n;
    }
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported futex operation between threads: %d\n", cmd);
        return -ENOSYS;
    }
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3) */
static int64_t do_futex(const uint32_t a[7], bool time64)
{
    uint32_t uaddr = a[0], op = a[1];
    int cmd = (int)(op & FUTEX_CMD_MASK);
    if (uaddr & 3u)
        return -EINVAL;
    if (!guest_readable(uaddr, 4))
        return -EFAULT;
    if (guest_threads_multi())
        return futex_between_threads(a, time64);
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        struct timespec ts, *tsp = NULL;
        if (a[3]) {
            int64_t e = guest_timeout(a[3], time64, &ts);
            if (e)
                return e;
            tsp = &ts;
        }
        return host_ret(syscall(SYS_futex, g2h(uaddr), (int)op, a[2], tsp, NULL, a[5]));
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        return host_ret(syscall(SYS_futex, g2h(uaddr), (int)op, a[2], NULL, NULL, a[5]));
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_WAKE_OP:
        /* a[3] is the integer val2 here; WAKE_OP also writes *uaddr2. */
        if (!guest_range_ok(a[4], 4, cmd == FUTEX_WAKE_OP ? PROT_READ | PROT_WRITE : PROT_READ) || (a[4] & 3u))
            return -EFAULT;
        if (cmd == FUTEX_WAKE_OP)
            syscall_note_write(a[4], 4);
        return host_ret(syscall(SYS_futex, g2h(uaddr), (int)op, a[2], (unsigned long)a[3], g2h(a[4]), a[5]));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported futex operation: %d\n", cmd);
        return -ENOSYS;
    }
}

int64_t sys_futex(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_futex(a, false); }
int64_t sys_futex_time64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_futex(a, true); }

/* ARM private set_tls(value): TPIDRURO, read back by mrc p15 and by the
 * kuser helper at 0xffff0fe0. */
int64_t sys_arm_set_tls(struct linux_proc *p, const uint32_t a[7])
{
    p->tls = a[0];
    return 0;
}

int64_t sys_arm_get_tls(struct linux_proc *p, const uint32_t a[7])
{
    (void)a;
    return p->tls;
}

/* ARM private cacheflush(start, end, flags): guest code in [start, end) may
 * have changed. arch/arm/kernel/traps.c rejects end < start with -EINVAL. */
int64_t sys_arm_cacheflush(struct linux_proc *p, const uint32_t a[7])
{
    if (a[1] < a[0])
        return -EINVAL;
    if (p->invalidate_code && a[1] > a[0])
        p->invalidate_code(p->invalidate_ctx, a[0], a[1] - a[0]);
    return 0;
}
