/* See helpers.h. */
#include "translator/helpers.h"
#include "translator/fault.h"

#include <signal.h>
#include <string.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "linux/loader.h"
#include "translator/runtime.h"
#include "translator/tr_internal.h"

uint32_t helper_shift_reg(struct arm_cpu *cpu, uint32_t v, uint32_t rs, uint32_t type_flags)
{
    unsigned n = rs & 0xff;
    unsigned type = type_flags & 3;
    uint32_t carry = cpu->c, r = v;
    if (n != 0) {
        switch (type) {
        case 0: /* LSL */
            r = n < 32 ? v << n : 0;
            carry = n <= 32 ? (v >> (32 - n)) & 1 : 0;
            break;
        case 1: /* LSR */
            r = n < 32 ? v >> n : 0;
            carry = n <= 32 ? (v >> (n - 1)) & 1 : 0;
            break;
        case 2: /* ASR: amounts of 32 and more fill with the sign bit */
            if (n >= 32) {
                r = (v & 0x80000000u) ? 0xffffffffu : 0;
                carry = v >> 31;
            } else {
                r = (uint32_t)((int32_t)v >> n);
                carry = (v >> (n - 1)) & 1;
            }
            break;
        default: { /* ROR: by a multiple of 32 leaves the value, carry = bit 31 */
            unsigned k = n & 31;
            r = k ? (v >> k) | (v << (32 - k)) : v;
            carry = r >> 31;
            break;
        }
        }
    }
    if (type_flags & 4)
        cpu->c = (uint8_t)carry;
    return r;
}

void helper_trace_cpu(struct arm_cpu *cpu, uint32_t pc)
{
    /* The layout of qemu-arm's -d cpu, so the two traces can be diffed. */
    if (pc >= KUSER_PAGE_ADDR && log_enabled(LOG_IN_ASM))
        tr_log_in_asm_kuser(pc); /* qemu-arm logs the helper's block before its registers */
    for (int i = 0; i < 16; i++) {
        uint32_t v = i == 15 ? pc : cpu->r[i];
        log_printf("R%02d=%08x%c", i, v, (i & 3) == 3 ? '\n' : ' ');
    }
    uint32_t psr = arm_cpsr(cpu);
    log_printf("PSR=%08x %c%c%c%c %c usr32\n", psr, cpu->n ? 'N' : '-', cpu->z ? 'Z' : '-',
               cpu->c ? 'C' : '-', cpu->v ? 'V' : '-', cpu->thumb ? 'T' : 'A');
    if (log_enabled(LOG_FPU)) { /* qemu-arm's -d fpu: the 32 D registers as S pairs */
        for (int i = 0; i < 32; i++)
            log_printf("s%02d=%08x s%02d=%08x d%02d=%016llx\n", 2 * i, (uint32_t)cpu->d[i], 2 * i + 1,
                       (uint32_t)(cpu->d[i] >> 32), i, (unsigned long long)cpu->d[i]);
        log_printf("FPSCR: %08x\n", cpu->fpscr);
    }
}

/* ARM ARM A8.8.165 SDIV: divide by zero gives 0 (no trap in user mode);
 * INT_MIN / -1 overflows to INT_MIN. */
uint32_t helper_sdiv(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    if (m == 0)
        return 0;
    if (n == 0x80000000u && m == 0xffffffffu)
        return 0x80000000u;
    return (uint32_t)((int32_t)n / (int32_t)m);
}

uint32_t helper_udiv(struct arm_cpu *cpu, uint32_t n, uint32_t m)
{
    (void)cpu;
    return m ? n / m : 0;
}

/* The exclusive monitor of a single-threaded guest: STREX succeeds when the
 * last LDREX was to the same address and size and nothing cleared it. */
/* Exclusive accesses must be naturally aligned even when SCTLR.A is clear
 * (ARM ARM A3.2.1): otherwise an alignment fault, which Linux cannot fix up
 * and delivers as SIGBUS. The guest has no signal handlers yet: it dies. */
static void check_exclusive_alignment(uint32_t addr, uint32_t size)
{
    if (addr & (size - 1)) {
        fault_note(SIGBUS, BUS_ADRALN, addr);
        fault_raise(SIGBUS);
    }
}

_Noreturn void helper_vfp_unaligned(struct arm_cpu *cpu, uint32_t addr)
{
    (void)cpu;
    fault_note(SIGBUS, BUS_ADRALN, addr);
    fault_raise(SIGBUS);
}

uint64_t helper_ldrex(struct arm_cpu *cpu, uint32_t addr, uint32_t size)
{
    check_exclusive_alignment(addr, size);
    uint64_t v = 0;
    memcpy(&v, g2h(addr), size); /* a bad address faults here: a guest SIGSEGV */
    cpu->excl_addr = addr;
    cpu->excl_size = (uint8_t)size;
    cpu->excl_valid = 1;
    cpu->excl_val = v;
    return v;
}

uint32_t helper_strex(struct arm_cpu *cpu, uint32_t addr, uint64_t value, uint32_t size)
{
    check_exclusive_alignment(addr, size);
    if (!cpu->excl_valid || cpu->excl_addr != addr || cpu->excl_size != size) {
        cpu->excl_valid = 0;
        return 1;
    }
    cpu->excl_valid = 0;
    memcpy(g2h(addr), &value, size);
    return 0;
}

void helper_clrex(struct arm_cpu *cpu) { cpu->excl_valid = 0; }
