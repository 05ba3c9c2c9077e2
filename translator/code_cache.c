/* See code_cache.h. The region is mapped RWX once; blocks are appended and
 * never freed one by one (a flush drops them all, which is only ever done from
 * the dispatcher, when no translated code is running). */
#include "translator/code_cache.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "arm/cpu.h"
#include "translator/guest_reg_map.h"
#include "translator/x86_emit.h"

struct code_cache cc;

#define CODE_CACHE_SIZE (64u << 20)
#define HASH_BITS 16
#define MAX_BLOCKS (1u << 18)

static struct tblock *hash[1u << HASH_BITS];
static struct tblock *blocks;
static uint32_t nblocks;
static uint32_t lowest_pc = UINT32_MAX, highest_end;

/* Thumb code is 2-aligned: hash on pc >> 1. */
static unsigned hash_pc(uint32_t pc) { return (pc >> 1) * 2654435761u >> (32 - HASH_BITS); }

#define RBX ZYDIS_REGISTER_RBX
#define REG(r) xreg(ZYDIS_REGISTER_##r)

static xop guest_slot(unsigned n)
{
    return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, r) + 4 * n), 4);
}

static void emit_stubs(void)
{
    struct xbuf b = {.start = cc.base, .p = cc.base, .end = cc.end};

    /* enter(cpu, host): save the callee-saved registers, keep the stack
     * 16-byte aligned for helper calls, rbx = cpu, r14 = guest_base. */
    cc.enter = (uintptr_t(*)(struct arm_cpu *, const uint8_t *))(void *)b.p;
    X(&b, PUSH, REG(RBP));
    X(&b, PUSH, REG(RBX));
    X(&b, PUSH, REG(R12));
    X(&b, PUSH, REG(R13));
    X(&b, PUSH, REG(R14));
    X(&b, PUSH, REG(R15));
    X(&b, SUB, REG(RSP), ximm(8));
    X(&b, MOV, REG(RBX), REG(RDI));
    X(&b, MOV, REG(R14), ximm64(guest_base));
    for (int k = 0; k < PINNED_COUNT; k++)
        X(&b, MOV, xreg(pinned_regs[k].host32), guest_slot(pinned_regs[k].guest));
    X(&b, MOV, xreg(ICOUNT_HOST_REG), xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, icount), 8));
    X(&b, MOVQ, xreg(UNDO_TOP_HOST_REG), xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, undo_top), 8));
    /* MXCSR: the C ABI's (round to nearest, all masked) with its flags
     * clear: the VFP fast path reads PE as "this operation was inexact"
     * (trans_vfp.c), whatever C code did before. */
    X(&b, MOV, xmem(ZYDIS_REGISTER_RSP, 0, 4), ximm(0x1f80));
    X(&b, LDMXCSR, xmem(ZYDIS_REGISTER_RSP, 0, 4));
    X(&b, JMP, REG(RSI));

    /* exit: write the pinned guest registers back, restore the host's. */
    cc.exit_stub = b.p;
    for (int k = 0; k < PINNED_COUNT; k++)
        X(&b, MOV, guest_slot(pinned_regs[k].guest), xreg(pinned_regs[k].host32));
    X(&b, MOV, xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, icount), 8), xreg(ICOUNT_HOST_REG));
    X(&b, MOVQ, xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, undo_top), 8), xreg(UNDO_TOP_HOST_REG));
    X(&b, ADD, REG(RSP), ximm(8));
    X(&b, POP, REG(R15));
    X(&b, POP, REG(R14));
    X(&b, POP, REG(R13));
    X(&b, POP, REG(R12));
    X(&b, POP, REG(RBX));
    X(&b, POP, REG(RBP));
    X0(&b, RET);

    /* The indirect-branch table lives in the region so blocks reach it
     * rip-relative; place it on its own aligned spot. */
    uintptr_t jc_at = ((uintptr_t)b.p + 63) & ~(uintptr_t)63;
    cc.jc = (struct jc_entry *)jc_at;
    b.p = (uint8_t *)(jc_at + JC_SIZE * sizeof(struct jc_entry));

    /* indirect: eax = target, bit 0 set for Thumb (BXWritePC). Entries hold
     * pc | Thumb bit, so a hit also gives the state to switch to; an A32
     * target with bit 1 set (UNPREDICTABLE) never matches. Misses go back to
     * the dispatcher with rax = 0. */
    cc.indirect_stub = b.p;
    X(&b, MOV, REG(ECX), REG(EAX));
    X(&b, SHR, REG(ECX), ximm(1));
    X(&b, AND, REG(ECX), ximm(JC_SIZE - 1));
    X(&b, SHL, REG(ECX), ximm(4));
    X(&b, MOV, REG(RDX), ximm64((uintptr_t)cc.jc));
    X(&b, CMP, xmemi(ZYDIS_REGISTER_RDX, ZYDIS_REGISTER_RCX, 1, 0, 4), REG(EAX));
    size_t slow = x_jcc_fwd(&b, XCC_NE);
    X(&b, MOV, REG(ESI), REG(EAX));
    X(&b, AND, REG(ESI), ximm(1));
    X(&b, MOV, xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, thumb), 1), REG(SIL));
    X(&b, JMP, xmemi(ZYDIS_REGISTER_RDX, ZYDIS_REGISTER_RCX, 1, 8, 8));
    x_bind(&b, slow);
    X(&b, XOR, REG(EAX), REG(EAX));
    x_jmp_abs(&b, cc.exit_stub);

    if (b.overflow || b.failed) {
        fprintf(stderr, "backstep: internal error: cannot emit the dispatcher stubs\n");
        abort();
    }
    cc.blocks_start = (uint8_t *)(((uintptr_t)b.p + 63) & ~(uintptr_t)63);
}

void code_cache_init(void)
{
    void *m = mmap(NULL, CODE_CACHE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        perror("backstep: cannot map the code cache");
        exit(1);
    }
    cc.base = m;
    cc.end = cc.base + CODE_CACHE_SIZE;
    blocks = calloc(MAX_BLOCKS, sizeof *blocks);
    if (!blocks) {
        fprintf(stderr, "backstep: out of memory for the code cache\n");
        exit(1);
    }
    emit_stubs();
    code_cache_flush();
}

static void jc_clear(void)
{
    for (uint32_t i = 0; i < JC_SIZE; i++) {
        cc.jc[i].pc = 2; /* never matches: targets are 4-aligned (A32) or odd (Thumb) */
        cc.jc[i].host = cc.exit_stub;
    }
}

void code_cache_flush(void)
{
    memset(hash, 0, sizeof hash);
    jc_clear();
    nblocks = 0;
    cc.next = cc.blocks_start;
    lowest_pc = UINT32_MAX;
    highest_end = 0;
    cc.generation++;
}

struct tblock *code_cache_lookup(uint32_t pc, unsigned kind)
{
    for (struct tblock *tb = hash[hash_pc(pc)]; tb; tb = tb->hash_next)
        if (tb->pc == pc && tb->kind == kind)
            return tb;
    return NULL;
}

struct tblock *code_cache_add(uint32_t pc, unsigned kind, uint32_t guest_end, uint32_t ninsns,
                              uint32_t size)
{
    if (nblocks == MAX_BLOCKS)
        return NULL;
    struct tblock *tb = &blocks[nblocks++];
    tb->pc = pc;
    tb->kind = kind;
    tb->guest_end = guest_end;
    tb->ninsns = ninsns;
    tb->host = cc.next;
    tb->host_size = size;
    unsigned h = hash_pc(pc);
    tb->hash_next = hash[h];
    hash[h] = tb;
    cc.next = (uint8_t *)(((uintptr_t)cc.next + size + 15) & ~(uintptr_t)15);
    if (pc < lowest_pc)
        lowest_pc = pc;
    if (guest_end > highest_end)
        highest_end = guest_end;
    return tb;
}

void code_cache_jc_fill(struct tblock *tb)
{
    /* The table serves whole blocks, and its entries are keyed by pc and T
     * only: no block with IT state (an indirect branch leaves ITSTATE 0: a
     * branch may only be the last instruction of an IT block, ARM ARM
     * A8.8.55). Blocks of any FPSCR mode may enter: the table holds blocks
     * of one mode, the current one (the dispatcher empties it when it sees
     * the mode change, code_cache_jc_mode; translated code never changes
     * the mode and then jumps through it: VMSR ends its block and goes back
     * to the dispatcher). */
    if (tb->kind & ~(TB_THUMB | TB_FPSCR_MODE_MASK))
        return;
    uint32_t key = tb->pc | (tb->kind & TB_THUMB ? 1u : 0u);
    struct jc_entry *e = &cc.jc[(key >> 1) & (JC_SIZE - 1)];
    e->pc = key;
    e->host = tb->host;
}

void code_cache_jc_mode(uint32_t fpscr)
{
    static uint32_t mode;
    if ((fpscr & TB_FPSCR_MODE_MASK) == mode)
        return;
    mode = fpscr & TB_FPSCR_MODE_MASK;
    jc_clear();
}

bool code_cache_overlaps(uint32_t start, uint32_t len)
{
    uint64_t end = (uint64_t)start + len;
    if (nblocks == 0 || end <= lowest_pc || start >= highest_end)
        return false;
    for (uint32_t i = 0; i < nblocks; i++)
        if (blocks[i].pc < end && blocks[i].guest_end > start)
            return true;
    return false;
}
