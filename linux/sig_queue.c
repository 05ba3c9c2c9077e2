/* See sig_queue.h. */
#include "linux/sig_queue.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

#define BIT(sig) (1ull << ((sig) - 1))

static void remove_at(struct guest_sigstate *s, uint32_t i)
{
    memmove(&s->queue[i], &s->queue[i + 1], (s->nqueued - i - 1) * sizeof s->queue[0]);
    s->nqueued--;
    memset(&s->queue[s->nqueued], 0, sizeof s->queue[0]); /* the bytes are hashed */
}

/* A timer's instance already pending: the new expiry is an overrun. */
static bool merged_as_overrun(struct guest_sigstate *s, int sig, const struct guest_signote *n)
{
    if (n->code != GUEST_SI_TIMER)
        return false;
    struct guest_signote *same = NULL;
    if (s->note[sig].code == GUEST_SI_TIMER && s->note[sig].timerid == n->timerid)
        same = &s->note[sig];
    for (uint32_t i = 0; !same && i < s->nqueued; i++)
        if (s->queue[i].sig == sig && s->queue[i].n.code == GUEST_SI_TIMER && s->queue[i].n.timerid == n->timerid)
            same = &s->queue[i].n;
    if (!same)
        return false;
    int64_t o = (int64_t)same->overrun + 1 + n->overrun;
    same->overrun = o > 0x7fffffff ? 0x7fffffff : (int32_t)o; /* DELAYTIMER_MAX */
    return true;
}

int guest_sigqueue_add(struct guest_sigstate *s, int sig, const struct guest_signote *n)
{
    if (!(s->pending & BIT(sig))) {
        guest_sigqueue_flush(s, sig); /* leftovers of a pending bit cleared elsewhere */
        s->note[sig] = *n;
        s->pending |= BIT(sig);
        return 0;
    }
    if (merged_as_overrun(s, sig, n) || sig < GUEST_SIGRTMIN)
        return 0;
    if (s->nqueued >= GUEST_SIGQUEUE_MAX)
        return -EAGAIN;
    s->queue[s->nqueued].sig = sig;
    s->queue[s->nqueued].n = *n;
    s->nqueued++;
    return 0;
}

struct guest_signote guest_sigqueue_take(struct guest_sigstate *s, int sig)
{
    struct guest_signote n = s->note[sig];
    memset(&s->note[sig], 0, sizeof n);
    s->pending &= ~BIT(sig);
    for (uint32_t i = 0; i < s->nqueued; i++) {
        if (s->queue[i].sig == sig) {
            s->note[sig] = s->queue[i].n;
            s->pending |= BIT(sig);
            remove_at(s, i);
            break;
        }
    }
    if (n.code == GUEST_SI_TIMER && n.timerid >= 0 && n.timerid < GUEST_NTIMERS)
        s->timer_overrun[n.timerid] = n.overrun;
    return n;
}

void guest_sigqueue_flush(struct guest_sigstate *s, int sig)
{
    s->pending &= ~BIT(sig);
    for (uint32_t i = 0; i < s->nqueued;) {
        if (s->queue[i].sig == sig)
            remove_at(s, i);
        else
            i++;
    }
}

unsigned guest_sigqueue_count(const struct guest_sigstate *s, int sig)
{
    unsigned c = 0;
    for (uint32_t i = 0; i < s->nqueued; i++)
        c += s->queue[i].sig == sig;
    return c;
}

static bool fault_signal(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

void guest_siginfo_fill(uint8_t out[128], int sig, const struct guest_signote *n)
{
    memset(out, 0, 128);
    int32_t head[3] = {sig, 0, n->code};
    memcpy(out, head, sizeof head);
    if (fault_signal(sig) && n->code > 0) { /* a kernel fault: _sigfault */
        memcpy(out + 12, &n->addr, 4);
    } else if (n->code == GUEST_SI_TIMER) { /* _timer: tid, overrun, sigval */
        int32_t t[3] = {n->timerid, n->overrun, n->value};
        memcpy(out + 12, t, sizeof t);
    } else { /* _kill, _rt, _sigchld: pid, uid, then status or sigval (a fault signal sent by kill too) */
        memcpy(out + 12, &n->pid, 4);
        memcpy(out + 16, &n->uid, 4);
        memcpy(out + 20, sig == SIGCHLD && n->code > 0 ? &n->status : &n->value, 4);
    }
}
