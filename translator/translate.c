/* Translates one block of A32 guest code into x86-64 in the code cache:
 * decodes with Capstone (validity, id, disassembly for -d in_asm), classifies
 * by encoding, and hands each instruction to its class (tr_*.c). Blocks end at
 * branches and other writes to PC, SVC, undefined instructions, page edges
 * that are not executable, and after MAX_BLOCK_INSNS instructions. */
#include "translator/translate.h"

#include <capstone/capstone.h>
#include <stdio.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <limits.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/breakpoints.h"
#include "translator/code_cache.h"
#include "translator/guest_reg_map.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "undo/undo_format.h"
#include "undo/undo_ring.h"
#include "trans_gen.h"

#define MAX_BLOCK_INSNS 32 /* the undo BLOCK tag holds 5 bits of length */
/* Room one guest instruction may need in the worst case (LDM of 16 regs). */
#define MAX_INSN_BYTES 1024

static csh capstone, capstone_thumb;
/* Blocks write undo records (undo/undo_format.h). */
static bool recording;

void translate_set_recording(bool on)
{
    if (on != recording)
        code_cache_flush();
    recording = on;
}

bool translate_recording(void) { return recording; }

static bool load_records;

void translate_set_load_records(bool on)
{
    if (on != load_records)
        code_cache_flush();
    load_records = on;
}

void translate_init(void)
{
    if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &capstone) != CS_ERR_OK ||
        cs_open(CS_ARCH_ARM, CS_MODE_THUMB, &capstone_thumb) != CS_ERR_OK) {
        fprintf(stderr, "backstep: cannot initialise Capstone\n");
        exit(1);
    }
}

/* --- pieces shared by the instruction classes --------------------------- */

static int pinned_index(unsigned n)
{
    for (int k = 0; k < PINNED_COUNT; k++)
        if (pinned_regs[k].guest == n)
            return k;
    return -1;
}

static xop reg_slot(unsigned n)
{
    return xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, r) + 4 * n), 4);
}

xop greg(unsigned n)
{
    int k = pinned_index(n);
    return k >= 0 ? xreg(pinned_regs[k].host32) : reg_slot(n);
}

ZydisRegister tr_pinned64(unsigned n)
{
    int k = pinned_index(n);
    return k >= 0 ? pinned_regs[k].host64 : ZYDIS_REGISTER_NONE;
}

void tr_get_reg(struct tr *t, ZydisRegister dst, unsigned n)
{
    if (n == 15)
        X(t->b, MOV, xreg(dst), ximm((int64_t)tr_pc_read(t)));
    else
        X(t->b, MOV, xreg(dst), GREG(n));
}

void tr_set_reg(struct tr *t, unsigned n, ZydisRegister src) { X(t->b, MOV, GREG(n), xreg(src)); }

static void call_saving(struct tr *t, const void *fn, bool store_all)
{
    for (int k = 0; k < PINNED_COUNT; k++)
        if (store_all || pinned_regs[k].caller_saved)
            X(t->b, MOV, reg_slot(pinned_regs[k].guest), xreg(pinned_regs[k].host32));
    if (recording) /* the helper may move the undo log's top (or clobber xmm15) */
        X(t->b, MOVQ, CPUF(undo_top, 8), xreg(UNDO_TOP_HOST_REG));
    X(t->b, MOV, R32(RDI), R32(RBX));
    x_call_abs(t->b, fn);
    for (int k = 0; k < PINNED_COUNT; k++)
        if (pinned_regs[k].caller_saved)
            X(t->b, MOV, xreg(pinned_regs[k].host32), reg_slot(pinned_regs[k].guest));
    if (recording)
        X(t->b, MOVQ, xreg(UNDO_TOP_HOST_REG), CPUF(undo_top, 8));
}

void tr_call(struct tr *t, const void *fn) { call_saving(t, fn, false); }

void tr_call_synced(struct tr *t, const void *fn)
{
    t->fl_read |= FL_ALL; /* the helper sees the whole cpu */
    call_saving(t, fn, true);
}

/* One 16-byte STORE or LOAD record (undo/undo_format.h) for an access of size
 * bytes at [r14 + addr64], inline: rax points into the log, tmp (64-bit)
 * carries the old bytes of a store. save: rax and tmp may hold live values
 * and are kept on the stack. Nothing here changes the x86 flags, and the
 * pre-image read faults exactly when the store would on an unmapped page,
 * before the record exists. */
static void emit_access_record(struct xbuf *b, ZydisRegister addr64, unsigned size, bool store, ZydisRegister tmp,
                               bool save)
{
    if (save) {
        X(b, PUSH, R32(RAX));
        X(b, PUSH, xreg(tmp));
    }
    X(b, MOVQ, R32(RAX), xreg(UNDO_TOP_HOST_REG));
    if (store) {
        xop old = xmemi(ZYDIS_REGISTER_R14, addr64, 1, 0, (uint16_t)size);
        if (size == 8)
            X(b, MOV, xreg(tmp), old);
        else if (size == 4)
            X(b, MOV, xreg(x_reg32(tmp)), old);
        else
            X(b, MOVZX, xreg(x_reg32(tmp)), old);
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, 0, 8), xreg(tmp));
    }
    X(b, MOV, xmem(ZYDIS_REGISTER_RAX, 8, 4), xreg(x_reg32(addr64)));
    X(b, MOV, xmem(ZYDIS_REGISTER_RAX, 12, 4), ximm(store ? UNDO_STORE_TAG(size) : UNDO_LOAD_TAG(size)));
    X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_RAX, 16, 8));
    X(b, MOVQ, xreg(UNDO_TOP_HOST_REG), R32(RAX));
    if (save) {
        X(b, POP, xreg(tmp));
        X(b, POP, R32(RAX));
    }
}

void tr_hook_store(struct tr *t, ZydisRegister addr64, unsigned size)
{
    /* Any scratch register may hold the value or the address here. */
    if (recording)
        emit_access_record(t->b, addr64, size, true, ZYDIS_REGISTER_RCX, true);
}

void tr_hook_store_free(struct tr *t, ZydisRegister addr64, unsigned size)
{
    if (recording)
        emit_access_record(t->b, addr64, size, true, ZYDIS_REGISTER_RDI, false);
}

void tr_hook_load(struct tr *t, ZydisRegister addr64, unsigned size)
{
    if (recording && load_records)
        emit_access_record(t->b, addr64, size, false, ZYDIS_REGISTER_RCX, true);
}

void tr_hook_store_multi(struct tr *t, unsigned nwords)
{
    if (!recording)
        return;
    if (nwords < 1 || nwords > UNDO_STOREM_MAX_WORDS) {
        fprintf(stderr, "backstep: internal error: a STOREM record of %u words\n", nwords);
        abort();
    }
    struct xbuf *b = t->b;
    X(b, PUSH, R32(RAX));
    X(b, PUSH, R32(RCX));
    X(b, MOVQ, R32(RAX), xreg(UNDO_TOP_HOST_REG));
    for (unsigned k = 0; k < nwords; k++) {
        X(b, LEA, R32(EDI), xmem(ZYDIS_REGISTER_RDX, (int32_t)(4 * k), 8)); /* wraps at 4 GiB */
        X(b, MOV, R32(ECX), GMEM(RDI, 4));
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)(4 * k), 4), R32(ECX));
    }
    int32_t len = (int32_t)UNDO_STOREM_LEN(nwords);
    X(b, MOV, xmem(ZYDIS_REGISTER_RAX, len - 8, 4), R32(EDX));
    X(b, MOV, R32(ECX), ximm((int64_t)UNDO_STOREM_TAG(nwords)));
    X(b, MOV, xmem(ZYDIS_REGISTER_RAX, len - 4, 4), R32(ECX));
    X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_RAX, len, 8));
    X(b, MOVQ, xreg(UNDO_TOP_HOST_REG), R32(RAX));
    X(b, POP, R32(RCX));
    X(b, POP, R32(RAX));
}

/* Stores of flags nothing reads before they are overwritten are left out
 * (t->fl_need, see emit_block). */
void tr_flags_nz(struct tr *t)
{
    t->fl_write |= FL_N | FL_Z;
    if (t->fl_need & FL_N)
        X(t->b, SETS, CPUF(n, 1));
    if (t->fl_need & FL_Z)
        X(t->b, SETZ, CPUF(z, 1));
}

void tr_flags_nzcv_add(struct tr *t)
{
    tr_flags_nz(t);
    t->fl_write |= FL_C | FL_V;
    if (t->fl_need & FL_C)
        X(t->b, SETB, CPUF(c, 1));
    if (t->fl_need & FL_V)
        X(t->b, SETO, CPUF(v, 1));
}

void tr_flags_nzcv_sub(struct tr *t)
{
    tr_flags_nz(t);
    t->fl_write |= FL_C | FL_V;
    if (t->fl_need & FL_C)
        X(t->b, SETNB, CPUF(c, 1));
    if (t->fl_need & FL_V)
        X(t->b, SETO, CPUF(v, 1));
}

void tr_cf_from_c(struct tr *t)
{
    t->fl_read |= FL_C;
    /* C is 0 or 1: adding 0xff carries out exactly when C is 1. */
    X(t->b, MOV, R32(DL), CPUF(c, 1));
    X(t->b, ADD, R32(DL), ximm(-1)); /* 0xff */
}

void tr_cf_from_not_c(struct tr *t)
{
    t->fl_read |= FL_C;
    /* CMP C, 1 borrows exactly when C is 0. */
    X(t->b, CMP, CPUF(c, 1), ximm(1));
}

void tr_exit_reason(struct tr *t, uint32_t pc_value, enum exit_reason why)
{
    if (why == EXIT_UNDEF || why == EXIT_BKPT || why == EXIT_FETCH_FAULT)
        t->uncounted = true;
    X(t->b, MOV, GREG(15), ximm((int64_t)pc_value));
    X(t->b, MOV, R32(EAX), ximm(why));
    x_jmp_abs(t->b, cc.exit_stub);
    t->ended = true;
}

void tr_branch_direct(struct tr *t, uint32_t target)
{
    /* jmp rel32 that the dispatcher re-points at the target block once it
     * exists (chaining); until then it falls through to the exit below. */
    size_t site = x_jmp_fwd(t->b);
    X(t->b, MOV, GREG(15), ximm((int64_t)target));
    X(t->b, MOV, R32(RAX), ximm64((uintptr_t)(t->b->start + site)));
    x_jmp_abs(t->b, cc.exit_stub);
    t->ended = true;
}

void tr_branch_indirect_eax(struct tr *t)
{
    X(t->b, MOV, GREG(15), R32(EAX));
    x_jmp_abs(t->b, cc.indirect_stub);
    t->ended = true;
}

/* x86 condition that is true exactly when ARM condition cond holds, given
 * live x86 flags of kind hf; -1 if those flags cannot tell. After a
 * subtraction x86's CF is the borrow (ARM C inverted), which makes the
 * unsigned ARM conditions the x86 unsigned ones (HI = A, CS = AE, ...). */
static int host_cc(unsigned cond, int hf)
{
    static const int8_t after_sub[14] = {XCC_E, XCC_NE, XCC_AE, XCC_B, XCC_S, XCC_NS, XCC_O,
                                         XCC_NO, XCC_A, XCC_BE, XCC_GE, XCC_L, XCC_G, XCC_LE};
    static const int8_t after_add[14] = {XCC_E, XCC_NE, XCC_B, XCC_AE, XCC_S, XCC_NS, XCC_O,
                                         XCC_NO, -1, -1, XCC_GE, XCC_L, XCC_G, XCC_LE};
    static const int8_t after_logic[14] = {XCC_E, XCC_NE, -1, -1, XCC_S, XCC_NS, -1,
                                           -1, -1, -1, -1, -1, -1, -1};
    if (cond >= 14)
        return -1;
    switch (hf) {
    case HF_SUB: return after_sub[cond];
    case HF_ADD: return after_add[cond];
    case HF_LOGIC: return after_logic[cond];
    default: return -1;
    }
}

/* Emits a jump taken when condition cond (A32 bits 31:28) fails; returns the
 * fixup to bind after the instruction, or SIZE_MAX for "always". hf: what the
 * live x86 flags hold (HF_NONE: read the flags from the cpu struct). */
static size_t cond_skip(struct tr *t, unsigned cond, int hf)
{
    struct xbuf *b = t->b;
    int cc = host_cc(cond, hf);
    if (cc >= 0)
        return x_jcc_fwd(b, (enum xcc)(cc ^ 1)); /* x86 cc ^ 1 is its negation */
    static const uint8_t reads[15] = {FL_Z, FL_Z, FL_C, FL_C, FL_N, FL_N, FL_V, FL_V,
                                      FL_C | FL_Z, FL_C | FL_Z, FL_N | FL_V, FL_N | FL_V,
                                      FL_N | FL_Z | FL_V, FL_N | FL_Z | FL_V, 0};
    if (cond < 15)
        t->fl_read |= reads[cond];
    switch (cond) {
    case 0x0: /* EQ: Z */
        X(b, CMP, CPUF(z, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x1: /* NE */
        X(b, CMP, CPUF(z, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x2: /* CS */
        X(b, CMP, CPUF(c, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x3: /* CC */
        X(b, CMP, CPUF(c, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x4: /* MI */
        X(b, CMP, CPUF(n, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x5: /* PL */
        X(b, CMP, CPUF(n, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x6: /* VS */
        X(b, CMP, CPUF(v, 1), ximm(0));
        return x_jcc_fwd(b, XCC_E);
    case 0x7: /* VC */
        X(b, CMP, CPUF(v, 1), ximm(0));
        return x_jcc_fwd(b, XCC_NE);
    case 0x8: /* HI: C && !Z, i.e. C > Z as 0/1 values */
        X(b, MOV, R32(AL), CPUF(c, 1));
        X(b, CMP, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_BE);
    case 0x9: /* LS */
        X(b, MOV, R32(AL), CPUF(c, 1));
        X(b, CMP, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_A);
    case 0xa: /* GE: N == V */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, CMP, R32(AL), CPUF(v, 1));
        return x_jcc_fwd(b, XCC_NE);
    case 0xb: /* LT */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, CMP, R32(AL), CPUF(v, 1));
        return x_jcc_fwd(b, XCC_E);
    case 0xc: /* GT: !Z && N == V */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, XOR, R32(AL), CPUF(v, 1));
        X(b, OR, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_NE);
    case 0xd: /* LE */
        X(b, MOV, R32(AL), CPUF(n, 1));
        X(b, XOR, R32(AL), CPUF(v, 1));
        X(b, OR, R32(AL), CPUF(z, 1));
        return x_jcc_fwd(b, XCC_E);
    default: /* AL (and 0xF, the unconditional space) */
        return SIZE_MAX;
    }
}

/* -d in_asm: Capstone disassembles (it is not the decoder: arm/decode.h). */
static void log_in_asm(uint32_t pc, const struct isa_insn *d)
{
    cs_insn *ci;
    bool thumb = d->iset != ARM_ISET_A32;
    size_t n = cs_disasm(thumb ? capstone_thumb : capstone, g2h(pc), d->len, pc, 1, &ci);
    char enc[16];
    if (d->iset == ARM_ISET_T16)
        snprintf(enc, sizeof enc, "%04x", d->raw & 0xffffu);
    else if (d->iset == ARM_ISET_T32)
        snprintf(enc, sizeof enc, "%04x %04x", d->raw >> 16, d->raw & 0xffffu);
    else
        snprintf(enc, sizeof enc, "%08x", d->raw);
    if (n) {
        log_printf("0x%08x:  %-9s  %-8s %s\n", pc, enc, ci->mnemonic, ci->op_str);
        cs_free(ci, n);
    } else {
        log_printf("0x%08x:  %-9s  <undefined>\n", pc, enc);
    }
}

bool tr_fetchable(uint32_t addr)
{
    uint8_t f = guest_page_flags(addr);
    return (f & GUEST_PAGE_MAPPED) && (f & PROT_EXEC);
}

static bool fetchable(uint32_t pc) { return tr_fetchable(pc); }

/* mov r15slot, pc; mov eax, why; jmp exit (for prologue checks). */
static void exit_at(struct xbuf *b, uint32_t pc, enum exit_reason why)
{
    X(b, MOV, GREG(15), ximm((int64_t)pc));
    X(b, MOV, R32(EAX), ximm(why));
    x_jmp_abs(b, cc.exit_stub);
}

/* Block entry: the budget check, the breakpoint check, the BLOCK undo
 * record, and the instruction count. */
static void emit_prologue(struct tr *t, uint32_t pc, unsigned n, uint32_t mask, bool extra, bool flags)
{
    struct xbuf *b = t->b;
    /* Without recording nothing stops the guest on the way (no debugger):
     * plain runs leave the check out (it cost about 8% on call-heavy code). */
    if (recording) {
        X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_R13, (int32_t)n, 8));
        X(b, CMP, R32(RAX), CPUF(budget, 8));
        size_t ok = x_jcc_fwd(b, XCC_BE);
        exit_at(b, pc, EXIT_BUDGET);
        x_bind(b, ok);
    }
    if (tr_breakpoint_at(pc)) {
        X(b, CMP, xreg(ZYDIS_REGISTER_R13), CPUF(bp_pass, 8));
        size_t pass = x_jcc_fwd(b, XCC_E);
        exit_at(b, pc, EXIT_BREAKPOINT);
        x_bind(b, pass);
    }
    if (recording && n > 0) {
        X(b, MOVQ, R32(RAX), xreg(UNDO_TOP_HOST_REG));
        X(b, CMP, R32(RAX), CPUF(undo_limit, 8));
        size_t room = x_jcc_fwd(b, XCC_B);
        X(b, MOV, R32(RSI), xreg(ZYDIS_REGISTER_R13));
        tr_call(t, (const void *)helper_undo_room);
        x_bind(b, room);
        /* The BLOCK record (undo/undo_format.h): flags, registers, extra,
         * pc+tag; A32 blocks save no D registers (no VFP part). */
        _Static_assert(MAX_BLOCK_INSNS <= UNDO_BLOCK_MAX_INSNS, "a block's length fits the BLOCK tag");
        struct undo_block_shape shape = {.ninsns = n, .core = mask, .flags = flags, .extra = extra};
        struct undo_block_layout l = undo_block_layout(&shape);
        /* n z c v byte by byte: the previous block stored them one byte at a
         * time (SETcc), and a wider load of narrower stores cannot be
         * forwarded: it would wait for them to reach the cache (measured:
         * most of the recording overhead). q ge thumb itstate as one word. */
        if (flags) {
            int32_t f = (int32_t)l.flags_off;
            for (int32_t k = 0; k < 4; k++) {
                X(b, MOV, R32(CL), xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, n) + k, 1));
                X(b, MOV, xmem(ZYDIS_REGISTER_RAX, f + k, 1), R32(CL));
            }
            X(b, MOV, R32(ECX), xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, q), 4));
            X(b, MOV, xmem(ZYDIS_REGISTER_RAX, f + 4, 4), R32(ECX));
        }
        int32_t off = (int32_t)l.core_off;
        for (unsigned r = 0; r < 15; r++) {
            if (!(mask & (1u << r)))
                continue;
            ZydisRegister h = tr_pinned64(r);
            if (h != ZYDIS_REGISTER_NONE) {
                X(b, MOV, xmem(ZYDIS_REGISTER_RAX, off, 4), xreg(x_reg32(h)));
            } else {
                X(b, MOV, R32(ECX), greg(r));
                X(b, MOV, xmem(ZYDIS_REGISTER_RAX, off, 4), R32(ECX));
            }
            off += 4;
        }
        if (extra) {
            static const struct {
                int32_t cpu_off, x_off;
                uint16_t size;
            } f[] = {
                {offsetof(struct arm_cpu, fpscr), offsetof(struct undo_extra, fpscr), 4},
                {offsetof(struct arm_cpu, tpidruro), offsetof(struct undo_extra, tpidruro), 4},
                {offsetof(struct arm_cpu, tpidrurw), offsetof(struct undo_extra, tpidrurw), 4},
                {offsetof(struct arm_cpu, excl_addr), offsetof(struct undo_extra, excl_addr), 4},
                {offsetof(struct arm_cpu, excl_val), offsetof(struct undo_extra, excl_val), 8},
                {offsetof(struct arm_cpu, excl_valid), offsetof(struct undo_extra, excl_valid), 1},
                {offsetof(struct arm_cpu, excl_size), offsetof(struct undo_extra, excl_size), 1},
            };
            for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
                ZydisRegister tmp = f[k].size == 8 ? ZYDIS_REGISTER_RCX
                                    : f[k].size == 4 ? ZYDIS_REGISTER_ECX : ZYDIS_REGISTER_CL;
                X(b, MOV, xreg(tmp), xmem(ZYDIS_REGISTER_RBX, f[k].cpu_off, f[k].size));
                X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)l.extra_off + f[k].x_off, f[k].size), xreg(tmp));
            }
        }
        /* The tail: pc and the tag in one 8-byte store. */
        X(b, MOV, R32(RCX), ximm64((uint64_t)(pc | (t->thumb ? 1u : 0u)) | (uint64_t)undo_block_tag(&shape) << 32));
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)l.tail_off, 8), R32(RCX));
        X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_RAX, (int32_t)l.len, 8));
        X(b, MOVQ, xreg(UNDO_TOP_HOST_REG), R32(RAX));
    }
    X(b, ADD, xreg(ZYDIS_REGISTER_R13), ximm((int64_t)n));
}

/* The block being translated, decoded once (arm/decode.h), with what the
 * analysis found for each instruction. */
struct block_plan {
    struct isa_insn insn[MAX_BLOCK_INSNS];
    uint8_t fl_need[MAX_BLOCK_INSNS]; /* flags whose stores a later reader needs */
    unsigned n;      /* instructions that retire */
    bool lone_exit;  /* n == 0: the first instruction raises a signal (trap or undefined) */
    bool undecodable;
    bool fetch_fault; /* ... because its second halfword cannot be fetched */
    uint32_t end_pc; /* one past the last byte of the block */
    uint32_t mask;   /* guest registers the block may write (undo pre-images) */
    bool extra, flags;
};

/* NZCV an instruction's condition reads (A8.3). */
static unsigned cond_reads(unsigned cond)
{
    static const uint8_t reads[16] = {FL_Z, FL_Z, FL_C, FL_C, FL_N, FL_N, FL_V, FL_V,
                                      FL_C | FL_Z, FL_C | FL_Z, FL_N | FL_V, FL_N | FL_V,
                                      FL_N | FL_Z | FL_V, FL_N | FL_Z | FL_V, 0, 0};
    return reads[cond & 15];
}

/* NZCV the instruction reads: its own, its condition's, and all of them for
 * memory accesses (a fault must see exact flags). */
static unsigned insn_fl_read(const struct isa_insn *d)
{
    return d->f.fl_read | cond_reads(d->cond) | (d->f.mem ? FL_ALL : 0);
}

static bool ends_block(const struct isa_insn *d)
{
    return d->f.end || d->f.trap || (d->f.wregs & 0x8000u);
}

/* Decodes the block at pc (in Thumb state if thumb): at most max
 * instructions, stopping after one that ends a block, before an instruction
 * that raises a signal (it gets a block of its own), at a page that cannot be
 * fetched and at a breakpoint. */
static void plan_block(struct block_plan *pl, uint32_t pc, bool thumb, unsigned max)
{
    *pl = (struct block_plan){0};
    uint32_t cur = pc;
    while (pl->n < max) {
        if (pl->n > 0 && (cur & GUEST_PAGE_MASK) == 0 && !fetchable(cur))
            break;
        if (pl->n > 0 && tr_breakpoint_at(cur))
            break; /* a breakpoint is always the first instruction of a block */
        struct isa_insn *d = &pl->insn[pl->n];
        /* The second halfword of a 32-bit Thumb instruction may lie on the
         * next page. */
        size_t avail = 4;
        if (thumb && ((cur + 2) & GUEST_PAGE_MASK) == 0 && !fetchable(cur + 2))
            avail = 2;
        bool ok = arm_decode(g2h(cur), avail, thumb, d) && !d->f.unpredictable;
        if (!ok || d->f.trap) {
            if (pl->n == 0) {
                pl->lone_exit = true;
                pl->undecodable = !ok;
                pl->fetch_fault = avail == 2 && d->len == 4;
                cur += d->len;
            }
            break;
        }
        pl->n++;
        cur += d->len;
        if (ends_block(d))
            break;
    }
    pl->end_pc = cur;
    /* Backward flag liveness: everything is live at the block's end (the
     * next block may read any flag). */
    unsigned live = FL_ALL;
    for (unsigned k = pl->n; k-- > 0;) {
        const struct isa_insn *d = &pl->insn[k];
        pl->fl_need[k] = (uint8_t)(d->f.fl_may & live);
        if (d->cond == 14)
            live &= ~(unsigned)d->f.fl_write;
        live |= insn_fl_read(d);
        pl->mask |= d->f.wregs;
        pl->extra |= d->f.extra;
        pl->flags |= d->f.fl_may || d->f.psr;
    }
    pl->mask &= 0x7fffu; /* the PC is always in the BLOCK record */
}

/* Emits the planned block at pc into b. Returns false on overflow; sets
 * *failed_at when an instruction's semantic function refused it (the caller
 * then plans a shorter block). */
static bool emit_block(const struct block_plan *pl, uint32_t pc, bool thumb, struct xbuf *b, unsigned *failed_at)
{
    bool log_in = log_enabled(LOG_IN_ASM);
    struct tr t = {.b = b, .thumb = thumb};
    emit_prologue(&t, pc, pl->n, pl->mask, pl->extra, pl->flags);
    if (log_in)
        log_printf("----------------\nIN: \n");
    *failed_at = UINT_MAX;
    /* x86 flags produced by an earlier flag-setting instruction, valid while
     * nothing emitted since changed them (b->flags_clobbered_at). */
    int live_kind = HF_NONE;
    size_t live_end = 0;
    uint32_t cur = pc;
    t.ended = false;
    for (unsigned k = 0; k < pl->n; k++) {
        const struct isa_insn *d = &pl->insn[k];
        if ((size_t)(b->end - b->p) < MAX_INSN_BYTES) {
            b->overflow = true;
            return false;
        }
        if (log_in)
            log_in_asm(cur, d);
        t.pc = cur;
        t.d = d;
        t.ended = false;
        t.uncounted = false;
        cur += d->len;
        if (log_enabled(LOG_CPU)) {
            X(b, MOV, R32(ESI), ximm((int64_t)t.pc));
            tr_call_synced(&t, (const void *)helper_trace_cpu);
        }
        int live = live_kind && b->flags_clobbered_at <= live_end ? live_kind : HF_NONE;
        t.fl_read = t.fl_write = 0;
        t.fl_need = pl->fl_need[k];
        size_t skip = cond_skip(&t, d->cond, live);
        t.hf_kind = HF_NONE;
        if (!trans_dispatch(&t, d)) {
            *failed_at = k;
            return true;
        }
        if (skip != SIZE_MAX)
            x_bind(b, skip);
        /* Later instructions may branch on the x86 flags this one left if it
         * set them on every path (unconditional). */
        if (skip == SIZE_MAX && t.hf_kind) {
            live_kind = t.hf_kind;
            live_end = t.hf_end;
        }
        if (t.ended) {
            if (skip != SIZE_MAX)
                tr_branch_direct(&t, cur); /* condition failed: next instruction */
            break;
        }
    }
    if (pl->lone_exit) {
        /* Not counted (n == 0): it has not retired when its signal arrives. */
        const struct isa_insn *d = &pl->insn[0];
        if (log_in)
            log_in_asm(pc, d);
        t.pc = pc;
        t.d = d;
        if (log_enabled(LOG_CPU)) { /* qemu-arm logs the state before it too */
            X(b, MOV, R32(ESI), ximm((int64_t)t.pc));
            tr_call_synced(&t, (const void *)helper_trace_cpu);
        }
        /* A conditional A32 trap (BKPT<c>, UDF<c>, an UNPREDICTABLE
         * encoding with a condition) traps only if its condition holds, as
         * under qemu-arm; else it retires like any condition-failed
         * instruction (EXIT_TRAP_SKIPPED: the dispatcher counts it). */
        size_t skip = SIZE_MAX;
        if (!pl->fetch_fault && d->iset == ARM_ISET_A32 && d->cond < 14)
            skip = cond_skip(&t, d->cond, HF_NONE);
        if (pl->fetch_fault)
            tr_exit_reason(&t, pc, EXIT_FETCH_FAULT);
        else if (pl->undecodable || !trans_dispatch(&t, d) || !t.ended)
            tr_exit_reason(&t, pc, EXIT_UNDEF);
        if (skip != SIZE_MAX) {
            x_bind(b, skip);
            exit_at(b, pc, EXIT_TRAP_SKIPPED);
        }
    } else if (!t.ended) {
        tr_branch_direct(&t, cur);
    }
    if (b->failed) {
        fprintf(stderr, "backstep: internal error: x86 encoding of %s failed in block at 0x%08x\n",
                ZydisMnemonicGetString(b->failed_mnemonic), pc);
        abort();
    }
    if (b->overflow)
        return false;
    if (log_in)
        log_printf("\n");
    return true;
}

static struct tblock *translate_into(uint32_t pc, unsigned kind, struct xbuf *b)
{
    static struct block_plan pl;
    bool thumb = kind & TB_THUMB;
    bool single = (kind & TB_SINGLE) || log_enabled(LOG_CPU);
    unsigned max = single ? 1 : MAX_BLOCK_INSNS;
    for (;;) {
        plan_block(&pl, pc, thumb, max);
        unsigned failed_at;
        b->p = b->start;
        b->flags_clobbered_at = 0;
        if (!emit_block(&pl, pc, thumb, b, &failed_at))
            return NULL;
        if (failed_at == UINT_MAX)
            break;
        /* The semantic function refused an instruction the table accepted:
         * end the block before it (it then raises SIGILL on its own). */
        if (failed_at == 0) {
            pl.n = 0;
            pl.lone_exit = true;
            pl.undecodable = true;
            pl.mask = 0;
            pl.extra = pl.flags = false;
            b->p = b->start;
            b->flags_clobbered_at = 0;
            if (!emit_block(&pl, pc, thumb, b, &failed_at))
                return NULL;
            pl.end_pc = pc + pl.insn[0].len;
            break;
        }
        max = failed_at;
    }
    return code_cache_add(pc, kind, pl.end_pc, pl.n, (uint32_t)(b->p - b->start));
}

/* With BACKSTEP_PERF_MAP=1 in the environment, each block is named in
 * /tmp/perf-PID.map, so that `perf report` attributes host time to guest code
 * (the perf map convention JITs use). For profiling backstep itself. */
static void perf_map_add(const struct tblock *tb)
{
    static FILE *map;
    static int state; /* 0 unknown, 1 on, -1 off */
    if (state == 0) {
        const char *e = getenv("BACKSTEP_PERF_MAP");
        state = e && *e == '1' ? 1 : -1;
        if (state == 1) {
            char path[64];
            snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
            map = fopen(path, "w");
            if (!map)
                state = -1;
        }
    }
    if (state == 1) {
        fprintf(map, "%lx %x guest_%08x\n", (unsigned long)(uintptr_t)tb->host, tb->host_size, tb->pc);
        fflush(map);
    }
}

struct tblock *translate_block(uint32_t pc, unsigned kind)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        struct xbuf b = {.start = cc.next, .p = cc.next, .end = cc.end};
        struct tblock *tb = translate_into(pc, kind, &b);
        if (tb) {
            if (log_enabled(LOG_OUT_ASM))
                log_out_asm(tb);
            perf_map_add(tb);
            return tb;
        }
        code_cache_flush();
    }
    fprintf(stderr, "backstep: internal error: block at 0x%08x does not fit the code cache\n", pc);
    abort();
}
