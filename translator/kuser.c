/* The ARM Linux kernel user helpers at 0xffff0f60-0xffff0fff
 * (Documentation/arm/kernel_user_helpers.rst), emulated by the dispatcher when
 * the guest branches there, as qemu-arm does: each call behaves as the
 * kernel's helper and returns to lr. */
#include "translator/kuser.h"

#include <string.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/tr_internal.h"
#include "undo/undo_ring.h"

/* The cmpxchg helpers' result: r0 = 0 and C set on success, else r0 = -1 and
 * C clear (qemu-arm returns -1, the kernel some non-zero value). */
static void cmpxchg_result(struct arm_cpu *cpu, bool swapped)
{
    cpu->r[0] = swapped ? 0 : 0xffffffffu;
    cpu->c = swapped;
}

/* Returns false if pc is not a helper entry point. */
bool kuser_call(struct arm_cpu *cpu, struct linux_proc *p)
{
    uint32_t pc = cpu->r[15];
    switch (pc) {
    case 0xffff0fe0u: /* __kuser_get_tls: r0 = TLS */
        cpu->r[0] = p->tls;
        break;
    case 0xffff0fa0u: /* __kuser_memory_barrier */
        break;
    case 0xffff0fc0u: { /* __kuser_cmpxchg(oldval r0, newval r1, ptr r2): r0 = 0 and C set on success */
        uint32_t ptr = cpu->r[2];
        if (!guest_range_ok(ptr, 4, 3))
            return false;
        uint32_t cur;
        memcpy(&cur, g2h(ptr), 4);
        bool swap = cur == cpu->r[0];
        if (swap) {
            undo_push_mem(cpu, ptr, 4);
            memcpy(g2h(ptr), &cpu->r[1], 4);
        }
        cmpxchg_result(cpu, swap);
        break;
    }
    case 0xffff0f60u: { /* __kuser_cmpxchg64(oldval* r0, newval* r1, ptr r2) */
        uint32_t oldp = cpu->r[0], newp = cpu->r[1], ptr = cpu->r[2];
        if (!guest_range_ok(ptr, 8, 3) || !guest_range_ok(oldp, 8, 1) || !guest_range_ok(newp, 8, 1))
            return false;
        uint64_t cur, old, nv;
        memcpy(&cur, g2h(ptr), 8);
        memcpy(&old, g2h(oldp), 8);
        memcpy(&nv, g2h(newp), 8);
        if (cur == old) {
            undo_push_mem(cpu, ptr, 8);
            memcpy(g2h(ptr), &nv, 8);
        }
        cmpxchg_result(cpu, cur == old);
        break;
    }
    default:
        return false;
    }
    if (log_enabled(LOG_IN_ASM))
        tr_log_in_asm_kuser(pc);
    cpu->icount++;
    /* Return like "bx lr". */
    cpu->r[15] = cpu->r[14] & ~1u;
    cpu->thumb = cpu->r[14] & 1;
    return true;
}
