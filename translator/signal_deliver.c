/* See signal_deliver.h. Layouts from arch/arm/include/uapi/asm/sigcontext.h
 * and ucontext.h; what qemu-arm 7.2 writes (and leaves alone) was checked
 * with tests/programs/sig_frames.c: trap_no, error_code and fault_address
 * are 0, the VFP record is present (qemu's CPU has VFP) with FPEXC = EN,
 * and uc's __unused words, the VFP record's padding and the frame's
 * retcode words are not written. */
#include "translator/signal_deliver.h"

#include <errno.h>
#include <sys/mman.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>

#include "linux/guest_mem.h"
#include "linux/sig_queue.h"
#include "linux/sigpage.h"
#include "linux/strace.h"
#include "linux/sys_signal.h"
#include "undo/undo_ring.h"

/* struct sigcontext: 21 words. */
enum { SC_TRAP_NO, SC_ERROR_CODE, SC_OLDMASK, SC_R0, SC_SP = SC_R0 + 13, SC_LR, SC_PC, SC_CPSR, SC_FAULT_ADDRESS,
       SC_WORDS };

/* struct ucontext (the v2 layout, kernels since 2.6.18). */
#define UC_FLAGS 0u
#define UC_LINK 4u
#define UC_STACK 8u
#define UC_MCONTEXT 20u
#define UC_SIGMASK (UC_MCONTEXT + SC_WORDS * 4u) /* 104 */
#define UC_REGSPACE 232u                         /* after 128 bytes of sigset room, 8-aligned */
#define UC_SIZE (UC_REGSPACE + 128u * 4u)        /* 744 */

/* The VFP record in uc_regspace (struct vfp_sigframe). */
#define VFP_MAGIC 0x56465001u
#define VFP_SIZE 288u
#define VFP_FPREGS 8u
#define VFP_FPSCR 264u
#define VFP_FPEXC 272u
#define VFP_FPINST 276u
#define VFP_FPINST2 280u
#define FPEXC_EN (1u << 30)

/* rt_sigframe: siginfo, ucontext, retcode[4]; sigframe: ucontext, retcode[4]. */
#define RT_INFO 0u
#define RT_UC GUEST_SIGINFO_SIZE
#define RT_FRAME_SIZE (GUEST_SIGINFO_SIZE + UC_SIZE + 16u) /* 888 */
#define FRAME_SIZE (UC_SIZE + 16u)                        /* 760 */

#define CPSR_T (1u << 5)

static void put32(uint32_t addr, uint32_t v) { memcpy(g2h(addr), &v, 4); }
static uint32_t get32(uint32_t addr)
{
    uint32_t v;
    memcpy(&v, g2h(addr), 4);
    return v;
}

static void put_siginfo(uint32_t at, int sig, const struct guest_signote *n)
{
    uint8_t info[GUEST_SIGINFO_SIZE];
    guest_siginfo_fill(info, sig, n);
    memcpy(g2h(at), info, sizeof info);
}

/* uc_stack, uc_mcontext, uc_sigmask and the VFP record of the ucontext at uc. */
static void put_ucontext(uint32_t uc, const struct arm_cpu *cpu, const struct linux_proc *p, uint64_t oldmask)
{
    put32(uc + UC_FLAGS, 0);
    put32(uc + UC_LINK, 0);
    struct guest_stack st = p->sig.altstack;
    st.ss_flags = guest_altstack_flags(p, cpu->r[13]);
    memcpy(g2h(uc + UC_STACK), &st, sizeof st);
    uint32_t sc[SC_WORDS] = {0};
    sc[SC_OLDMASK] = (uint32_t)oldmask;
    memcpy(&sc[SC_R0], cpu->r, 16 * 4);
    sc[SC_CPSR] = arm_cpsr(cpu);
    memcpy(g2h(uc + UC_MCONTEXT), sc, sizeof sc);
    put32(uc + UC_SIGMASK, (uint32_t)oldmask);
    put32(uc + UC_SIGMASK + 4, (uint32_t)(oldmask >> 32));
    uint32_t vfp = uc + UC_REGSPACE;
    put32(vfp, VFP_MAGIC);
    put32(vfp + 4, VFP_SIZE);
    memcpy(g2h(vfp + VFP_FPREGS), cpu->d, sizeof cpu->d);
    put32(vfp + VFP_FPSCR, cpu->fpscr);
    put32(vfp + VFP_FPEXC, FPEXC_EN);
    put32(vfp + VFP_FPINST, 0);
    put32(vfp + VFP_FPINST2, 0);
    put32(vfp + VFP_SIZE, 0); /* the terminating magic */
}

/* SIGSEGV instead of a signal whose frame could not be written (the
 * kernel's force_sigsegv: a second failure on SIGSEGV itself kills). */
static void frame_failed(struct linux_proc *p, int sig)
{
    struct guest_signote n = {.code = 0x80 /* SI_KERNEL */};
    if (sig == SIGSEGV)
        p->sig.action[SIGSEGV].handler = GUEST_SIG_DFL;
    guest_signal_force(p, SIGSEGV, &n);
}

static bool enter_handler(struct arm_cpu *cpu, struct linux_proc *p, int sig)
{
    struct guest_sigaction act = p->sig.action[sig];
    bool rt = act.flags & GUEST_SA_SIGINFO;
    uint32_t size = rt ? RT_FRAME_SIZE : FRAME_SIZE;
    uint32_t sp = cpu->r[13];
    /* SA_ONSTACK: the top of the alternate stack, unless already on it. */
    if ((act.flags & GUEST_SA_ONSTACK) && p->sig.altstack.ss_size && !guest_on_altstack(p, sp))
        sp = p->sig.altstack.ss_sp + p->sig.altstack.ss_size;
    uint32_t frame = (sp - size) & ~7u; /* AAPCS: 8-byte aligned */
    struct guest_sigstate before = p->sig;
    if (!guest_range_ok(frame, size, PROT_WRITE)) {
        undo_push_sigstate(cpu, &before);
        guest_sigqueue_take(&p->sig, sig);
        frame_failed(p, sig);
        return false;
    }
    /* The mask to restore: sigsuspend's saved one if it set a temporary one. */
    uint64_t oldmask = p->sig.has_saved_mask ? p->sig.saved_mask : p->sig.blocked;

    undo_push_cpu(cpu, UINT64_MAX); /* no replay-log position of its own */
    undo_push_sigstate(cpu, &before);
    undo_push_mem(cpu, frame, size);
    /* The first instance; a later one of a real-time signal stays pending. */
    const struct guest_signote note = guest_sigqueue_take(&p->sig, sig);
    strace_signal_taken(sig, &note);

    uint32_t uc = rt ? frame + RT_UC : frame;
    if (rt)
        put_siginfo(frame + RT_INFO, sig, &note);
    put_ucontext(uc, cpu, p, oldmask);

    p->sig.has_saved_mask = 0;
    /* The handler runs with the mask of the moment (sigsuspend's temporary
     * one, if any: kernel/signal.c signal_delivered ORs into
     * current->blocked) plus sa_mask; the frame keeps the one to restore. */
    p->sig.blocked |= (uint64_t)act.mask[0] | (uint64_t)act.mask[1] << 32;
    if (!(act.flags & GUEST_SA_NODEFER))
        p->sig.blocked |= GUEST_SIGBIT(sig);
    p->sig.blocked &= ~(GUEST_SIGBIT(SIGKILL) | GUEST_SIGBIT(SIGSTOP));
    if (act.flags & GUEST_SA_RESETHAND) {
        p->sig.action[sig].handler = GUEST_SIG_DFL;
        p->sig.action[sig].flags &= ~GUEST_SA_SIGINFO;
    }
    if ((act.flags & GUEST_SA_ONSTACK) && guest_on_altstack(p, frame + 1) &&
        ((uint32_t)p->sig.altstack.ss_flags & GUEST_SS_AUTODISARM)) {
        p->sig.altstack.ss_sp = 0;
        p->sig.altstack.ss_size = 0;
        p->sig.altstack.ss_flags = 0;
    }

    bool thumb = act.handler & 1;
    uint32_t ret;
    if (act.flags & GUEST_SA_RESTORER)
        ret = act.restorer;
    else
        ret = p->sigpage + (rt ? (thumb ? SIGPAGE_THUMB_RT_SIGRETURN : SIGPAGE_ARM_RT_SIGRETURN)
                               : (thumb ? SIGPAGE_THUMB_SIGRETURN : SIGPAGE_ARM_SIGRETURN)) + thumb;
    cpu->r[0] = (uint32_t)sig;
    if (rt) {
        cpu->r[1] = frame + RT_INFO;
        cpu->r[2] = uc;
    }
    cpu->r[13] = frame;
    cpu->r[14] = ret;
    cpu->r[15] = act.handler & (thumb ? ~1u : ~3u);
    cpu->thumb = thumb;
    cpu->itstate = 0;
    cpu->icount++; /* the delivery is one step */
    guest_signals_host_sync(p);
    return true;
}

bool signal_deliver(struct arm_cpu *cpu, struct linux_proc *p)
{
    int sig = guest_signal_next(p);
    if (!sig)
        return false;
    uint32_t h = p->sig.action[sig].handler;
    if (sig == SIGKILL || sig == SIGSTOP)
        h = GUEST_SIG_DFL;
    if (h != GUEST_SIG_DFL && h != GUEST_SIG_IGN)
        return enter_handler(cpu, p, sig);
    struct guest_sigstate before = p->sig;
    undo_push_sigstate(cpu, &before);
    struct guest_signote note = guest_sigqueue_take(&p->sig, sig);
    if (h == GUEST_SIG_IGN)
        return false;
    if (guest_signal_default(sig) != SIGDFL_IGNORE)
        strace_signal_taken(sig, &note);
    switch (guest_signal_default(sig)) {
    case SIGDFL_IGNORE:
        return false;
    case SIGDFL_STOP:
        kill(getpid(), SIGSTOP);
        return false;
    case SIGDFL_TERM:
    case SIGDFL_CORE:
        p->fatal_signal = sig;
        p->exited = true;
        return true;
    }
    return false;
}

static void bad_frame(struct arm_cpu *cpu, struct linux_proc *p)
{
    struct guest_sigstate before = p->sig;
    undo_push_sigstate(cpu, &before);
    struct guest_signote n = {.code = 0x80 /* SI_KERNEL */};
    guest_signal_force(p, SIGSEGV, &n);
}

void signal_sigreturn(struct arm_cpu *cpu, struct linux_proc *p, bool rt)
{
    strace_sigreturn(rt ? 173 : 119, cpu->r);
    uint32_t frame = cpu->r[13];
    uint32_t uc = rt ? frame + RT_UC : frame;
    /* The frame was put 8-aligned: anything else is not one of ours. */
    if ((frame & 7) || !guest_range_ok(uc, UC_SIZE, PROT_READ)) {
        bad_frame(cpu, p);
        return;
    }
    uint32_t sc[SC_WORDS];
    memcpy(sc, g2h(uc + UC_MCONTEXT), sizeof sc);
    uint64_t mask = (uint64_t)get32(uc + UC_SIGMASK) | (uint64_t)get32(uc + UC_SIGMASK + 4) << 32;
    struct guest_stack st;
    memcpy(&st, g2h(uc + UC_STACK), sizeof st);

    /* The mask and the core registers come back before the VFP record is
     * checked (restore_sigframe, and qemu-arm, in this order): a frame
     * without one leaves them restored and raises SIGSEGV. */
    struct guest_sigstate before = p->sig;
    undo_push_cpu(cpu, UINT64_MAX);
    undo_push_sigstate(cpu, &before);
    p->sig.blocked = mask & ~(GUEST_SIGBIT(SIGKILL) | GUEST_SIGBIT(SIGSTOP));
    memcpy(cpu->r, &sc[SC_R0], 16 * 4);
    /* The user-writable CPSR fields and the execution state (T, IT). */
    uint32_t cpsr = sc[SC_CPSR];
    arm_set_cpsr_flags(cpu, cpsr, 0xf80f0000u);
    cpu->thumb = (cpsr & CPSR_T) != 0;
    cpu->itstate = (uint8_t)(((cpsr >> 25) & 3u) | (((cpsr >> 10) & 0x3fu) << 2));
    uint32_t vfp = uc + UC_REGSPACE;
    if (get32(vfp) != VFP_MAGIC || get32(vfp + 4) != VFP_SIZE) {
        bad_frame(cpu, p);
        guest_signals_host_sync(p);
        return;
    }
    memcpy(cpu->d, g2h(vfp + VFP_FPREGS), sizeof cpu->d);
    cpu->fpscr = get32(vfp + VFP_FPSCR);
    /* Errors other than a fault (EPERM on the stack, EINVAL) are ignored,
     * as the kernel's restore_altstack does. */
    guest_altstack_set(p, &st, cpu->r[13]);
    guest_signals_host_sync(p);
}

void signal_maybe_restart(struct arm_cpu *cpu, struct linux_proc *p, uint32_t nr, uint32_t orig_r0,
                          uint32_t svc_len)
{
    if (cpu->r[0] != (uint32_t)-EINTR || guest_syscall_never_restarted(nr) || !p->sig.pending)
        return;
    int sig = guest_signal_next(p);
    if (sig) {
        uint32_t h = p->sig.action[sig].handler;
        /* ERESTARTSYS: restarted when no handler runs or it has SA_RESTART. */
        if (h != GUEST_SIG_DFL && h != GUEST_SIG_IGN && !(p->sig.action[sig].flags & GUEST_SA_RESTART))
            return;
    }
    cpu->r[0] = orig_r0;
    cpu->r[15] -= svc_len;
}

bool signal_take_fault(struct arm_cpu *cpu, struct linux_proc *p, int sig, const struct guest_fault *f)
{
    struct guest_sigstate before = p->sig;
    undo_push_sigstate(cpu, &before);
    struct guest_signote n = {.code = f->code, .addr = f->addr};
    guest_signal_force(p, sig, &n);
    uint32_t h = p->sig.action[sig].handler;
    return h != GUEST_SIG_DFL && h != GUEST_SIG_IGN;
}
