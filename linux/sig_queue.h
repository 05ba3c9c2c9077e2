/* Pending signal instances in the guest's signal state (linux/guest_sigstate.h):
 * the first instance of a pending signal is note[sig]; a real-time signal
 * sent again while pending gets another instance, queued in arrival order
 * (kernel/signal.c __send_signal; a standard one is merged, legacy_queue);
 * a POSIX timer's signal sent while that timer's instance is still pending
 * is not queued again but counts as an overrun (send_sigqueue). Pure
 * functions of the state: no host calls, so replay and undo see them whole. */
#pragma once
#include <stdbool.h>

#include "linux/guest_sigstate.h"

#define GUEST_SI_QUEUE (-1)
#define GUEST_SI_TIMER (-2)
#define GUEST_SI_MESGQ (-3)
#define GUEST_SIGRTMIN 32 /* the kernel's; glibc keeps 32 and 33 for itself */

/* Adds an instance of sig (whose pending bit is set by the caller): 0, or
 * -EAGAIN when a real-time instance finds the queue full. */
int guest_sigqueue_add(struct guest_sigstate *s, int sig, const struct guest_signote *n);
/* Takes the first instance of pending sig: its note; the pending bit stays
 * while later instances wait. Notes a timer signal's overrun for
 * timer_getoverrun. */
struct guest_signote guest_sigqueue_take(struct guest_sigstate *s, int sig);
/* Drops every instance of sig (and its pending bit). */
void guest_sigqueue_flush(struct guest_sigstate *s, int sig);
/* Instances of sig waiting behind note[sig]. */
unsigned guest_sigqueue_count(const struct guest_sigstate *s, int sig);

/* The 128-byte siginfo the kernel writes for sig with this note (include/
 * uapi/asm-generic/siginfo.h with 32-bit pointers): signo, errno, code,
 * then the union at 12 laid out by the kind of signal. */
void guest_siginfo_fill(uint8_t out[128], int sig, const struct guest_signote *n);
