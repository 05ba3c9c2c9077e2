/* signalfd / signalfd4 on the emulated signal state. The guest's signals
 * never reach the host kernel's pending set (linux/sys_signal.h), so a host
 * signalfd would never see them: a guest signalfd is a host eventfd whose
 * count is 1 exactly when a signal of its mask is pending in p->sig, kept so
 * before every syscall (poll, select, epoll and blocking reads see it as
 * the kernel's signalfd), and a read is served from p->sig: it takes the
 * pending signals of the mask (one struct signalfd_siginfo each, as many as
 * fit) the way delivery would, so the change is logged like any change of
 * the signal state and replay needs nothing of the host. Closing it is
 * closing the eventfd. Known gaps: an fd made by dup/dup2/dup3/F_DUPFD from
 * a signalfd reads as the eventfd (only the original number is known here). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "linux/sig_queue.h"
#include "linux/sys_signal.h"
#include "linux/sys_signalfd.h"
#include "linux/syscall_impl.h"

#define MAX_SIGNALFDS 16
#define SFD_SIGINFO_SIZE 128u
#define GUEST_SFD_NONBLOCK 04000u   /* O_NONBLOCK */
#define GUEST_SFD_CLOEXEC 02000000u /* O_CLOEXEC */

struct sfd {
    int fd; /* -1: free */
    bool ready; /* what the eventfd's count says */
    uint64_t mask;
};
static struct sfd sfds[MAX_SIGNALFDS] = {[0 ... MAX_SIGNALFDS - 1] = {.fd = -1}};
static int nsfds;

/* The entry of fd, or a free one for -1. */
static struct sfd *find(int fd)
{
    for (int i = 0; i < MAX_SIGNALFDS && fd >= -1; i++)
        if (sfds[i].fd == fd)
            return &sfds[i];
    return NULL;
}

bool guest_signalfd_is(int fd) { return nsfds && fd >= 0 && find(fd); }

static uint64_t ready_set(const struct linux_proc *p, const struct sfd *s) { return p->sig.pending & s->mask; }

void guest_signalfd_sync(const struct linux_proc *p)
{
    for (int i = 0; i < MAX_SIGNALFDS && nsfds; i++) {
        struct sfd *s = &sfds[i];
        if (s->fd < 0)
            continue;
        bool want = ready_set(p, s) != 0;
        if (want == s->ready)
            continue;
        uint64_t one = 1;
        /* The count is 0 or 1: neither call can block. */
        if (want ? write(s->fd, &one, 8) == 8 : read(s->fd, &one, 8) == 8)
            s->ready = want;
    }
}

void guest_signalfd_closed(int fd)
{
    struct sfd *s = fd >= 0 ? find(fd) : NULL;
    if (s) {
        s->fd = -1;
        nsfds--;
    }
}

/* signalfd4(fd, mask, sizemask, flags); signalfd is flags 0. */
static int64_t do_signalfd(struct linux_proc *p, const uint32_t a[7], uint32_t flags)
{
    if (a[2] != GUEST_SIGSET_SIZE || (flags & ~(GUEST_SFD_NONBLOCK | GUEST_SFD_CLOEXEC)))
        return -EINVAL;
    uint32_t w[2];
    if (copy_from_guest(w, a[1], sizeof w))
        return -EFAULT;
    /* SIGKILL and SIGSTOP are never read (fs/signalfd.c). */
    uint64_t mask = ((uint64_t)w[0] | (uint64_t)w[1] << 32) & ~(GUEST_SIGBIT(SIGKILL) | GUEST_SIGBIT(SIGSTOP));
    int fd = sarg(a[0]);
    struct sfd *s;
    if (fd != -1) {
        s = fd >= 0 ? find(fd) : NULL;
        if (!s)
            return fcntl(fd, F_GETFD) < 0 ? -EBADF : -EINVAL;
    } else {
        s = find(-1);
        if (!s)
            return -EMFILE;
        int efd = eventfd(0, (flags & GUEST_SFD_NONBLOCK ? EFD_NONBLOCK : 0) | (flags & GUEST_SFD_CLOEXEC ? EFD_CLOEXEC : 0));
        if (efd < 0)
            return -errno;
        s->fd = efd;
        s->ready = false;
        nsfds++;
    }
    s->mask = mask;
    guest_signalfd_sync(p);
    return s->fd;
}

int64_t sys_signalfd(struct linux_proc *p, const uint32_t a[7]) { return do_signalfd(p, a, 0); }
int64_t sys_signalfd4(struct linux_proc *p, const uint32_t a[7]) { return do_signalfd(p, a, a[3]); }

/* struct signalfd_siginfo from a note, filled by the siginfo's layout as
 * fs/signalfd.c signalfd_copyinfo does (kinds from siginfo_layout). */
static void fill_ssi(uint8_t out[SFD_SIGINFO_SIZE], int sig, const struct guest_signote *n)
{
    struct {
        uint32_t signo;
        int32_t err, code;
        uint32_t pid, uid;
        int32_t fd;
        uint32_t tid, band, overrun, trapno;
        int32_t status, sint;
        uint64_t ptr, utime, stime, addr;
    } s;
    _Static_assert(sizeof s == 80, "the head of struct signalfd_siginfo");
    memset(&s, 0, sizeof s);
    s.signo = (uint32_t)sig;
    s.code = n->code;
    bool fault = sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
    if (n->code > 0 && n->code < 0x80 && fault) { /* SIL_FAULT */
        s.addr = n->addr;
    } else if (n->code > 0 && n->code < 0x80 && sig == SIGCHLD) { /* SIL_CHLD */
        s.pid = (uint32_t)n->pid;
        s.uid = n->uid;
        s.status = n->status;
    } else if (n->code == GUEST_SI_TIMER) { /* SIL_TIMER */
        s.tid = (uint32_t)n->timerid;
        s.overrun = (uint32_t)n->overrun;
        s.ptr = (uint64_t)(int64_t)n->value; /* a 32-bit long, sign-extended */
        s.sint = n->value;
    } else { /* SIL_KILL (SI_USER, SI_KERNEL), SIL_RT (other negative codes) */
        s.pid = (uint32_t)n->pid;
        s.uid = n->uid;
        if (n->code < 0) {
            s.ptr = (uint64_t)(int64_t)n->value;
            s.sint = n->value;
        }
    }
    memset(out, 0, SFD_SIGINFO_SIZE);
    memcpy(out, &s, sizeof s);
}

/* read on a signalfd: -EINVAL below one record, -EAGAIN when nonblocking
 * and nothing of the mask is pending, else waits (EINTR when a handler is
 * to run, as the kernel's signalfd_dequeue). */
int64_t guest_signalfd_read(struct linux_proc *p, int fd, uint32_t buf, uint32_t len)
{
    struct sfd *s = find(fd);
    if (len < SFD_SIGINFO_SIZE)
        return -EINVAL;
    if (!guest_writable(buf, len))
        return -EFAULT;
    guest_signals_collect(p);
    if (!ready_set(p, s)) {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_NONBLOCK))
            return -EAGAIN;
        guest_signals_wait(p, s->mask | ~p->sig.blocked, NULL);
        if (!ready_set(p, s))
            return -EINTR;
    }
    uint32_t done = 0;
    for (; done + SFD_SIGINFO_SIZE <= len; done += SFD_SIGINFO_SIZE) {
        uint64_t r = ready_set(p, s);
        if (!r)
            break;
        int sig = __builtin_ctzll(r) + 1;
        struct guest_signote n = guest_sigqueue_take(&p->sig, sig);
        uint8_t rec[SFD_SIGINFO_SIZE];
        fill_ssi(rec, sig, &n);
        copy_to_guest(buf + done, rec, SFD_SIGINFO_SIZE);
    }
    guest_signals_host_sync(p);
    guest_signalfd_sync(p);
    return done;
}
