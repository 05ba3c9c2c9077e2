/* Thread-related syscalls for the one guest thread: set_tid_address,
 * set_robust_list, futex, scheduling, and the ARM private calls (set_tls,
 * get_tls, cacheflush). Futexes are host futexes on the guest word, so a
 * FUTEX_WAIT on a changed value returns -EAGAIN and a WAKE wakes nobody,
 * exactly as the kernel behaves for a single thread. */
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/syscall_impl.h"
#include "linux/xlat.h"

/* Kept for the thread support to come (CLONE_CHILD_CLEARTID, robust
 * futexes at exit); nothing reads them yet. */
static uint32_t clear_child_tid;
static uint32_t robust_list_head;

int64_t sys_set_tid_address(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    clear_child_tid = a[0];
    return gettid();
}

int64_t sys_set_robust_list(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[1] != GUEST_ROBUST_LIST_HEAD_SIZE)
        return -EINVAL;
    robust_list_head = a[0];
    return 0;
}

int64_t sys_sched_yield(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return host_ret(sched_yield()); }

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
    int64_t r = host_ret(syscall(SYS_sched_getaffinity, sarg(a[0]), (size_t)hlen, mask));
    if (r < 0)
        return r;
    if (r > (int64_t)len)
        r = len;
    return copy_to_guest(a[2], mask, (uint32_t)r) ?: r;
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
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        struct timespec ts, *tsp = NULL;
        if (a[3]) {
            if (time64) {
                struct guest_timespec64 g;
                if (copy_from_guest(&g, a[3], sizeof(g)))
                    return -EFAULT;
                xlat_timespec64_to_host(&ts, &g);
            } else {
                struct guest_timespec32 g;
                if (copy_from_guest(&g, a[3], sizeof(g)))
                    return -EFAULT;
                xlat_timespec32_to_host(&ts, &g);
            }
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
