/* Delivering a signal to the guest: the frame a Linux ARM kernel (and
 * qemu-arm 7.2, the reference) builds on the guest stack, the handler's
 * registers, the mask during the handler, and sigreturn / rt_sigreturn.
 * The signal state itself (what is pending, the actions) is linux/'s
 * (linux/sys_signal.h); this needs the CPU.
 *
 * A delivery to a handler is one counted step of history: its records (the
 * CPU, the signal state, the frame's old bytes) sit on the undo log like a
 * syscall's, and icount goes up by one, so the handler's first instruction
 * has its own count and stepping back from it lands in the interrupted code. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "linux/process.h"
#include "translator/fault.h"

/* Delivers the next deliverable signal (guest_signal_next): runs its
 * default action (p->exited for a fatal one), ignores it, or enters its
 * handler. True if the guest's state changed (a handler entered, the guest
 * ended); false if nothing was deliverable or it was ignored. */
bool signal_deliver(struct arm_cpu *cpu, struct linux_proc *p);

/* sigreturn (rt: rt_sigreturn) at an SVC: restores the registers, mask and
 * alternate stack from the frame at sp. A frame that cannot be read, is
 * misaligned or has a bad VFP record sends SIGSEGV to the guest instead. */
void signal_sigreturn(struct arm_cpu *cpu, struct linux_proc *p, bool rt);

/* After an SVC whose syscall returned -EINTR because a signal arrived:
 * restarts it (pc back on the SVC, r0 = orig_r0) when the signal that will
 * be delivered asks for SA_RESTART, or when none will be delivered (the
 * signal is blocked: the kernel would not have interrupted it), unless the
 * syscall is one that always ends with EINTR. svc_len: 4 (ARM) or 2 (Thumb). */
void signal_maybe_restart(struct arm_cpu *cpu, struct linux_proc *p, uint32_t nr, uint32_t orig_r0,
                          uint32_t svc_len);

/* A fault the runtime stopped at (RUN_SIGNAL with no p->fatal_signal): sent
 * to the guest as the kernel's force_sig does. True if a handler will take
 * it (deliver it with signal_deliver); false if it kills the guest. */
bool signal_take_fault(struct arm_cpu *cpu, struct linux_proc *p, int sig, const struct guest_fault *f);
