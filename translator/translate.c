/* Translates one block of A32 guest code into x86-64 in the code cache:
 * decodes with Capstone (validity, id, disassembly for -d in_asm), classifies
 * by encoding, and hands each instruction to its class (tr_*.c). Blocks end at
 * branches and other writes to PC, SVC, undefined instructions, page edges
 * that are not executable, and after MAX_BLOCK_INSNS instructions. */
#include "translator/translate.h"

#include <capstone/capstone.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/breakpoints.h"
#include "translator/code_cache.h"
#include "translator/guest_reg_map.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"
#include "undo/undo_format.h"
#include "undo/undo_ring.h"

#define MAX_BLOCK_INSNS 32 /* the undo BLOCK tag holds 5 bits of length */
/* Room one guest instruction may need in the worst case (LDM of 16 regs). */
#define MAX_INSN_BYTES 1024

static csh capstone;
/* Blocks write undo records (translator/undo_ring.h). */
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
    if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &capstone) != CS_ERR_OK) {
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
        X(t->b, MOV, xreg(dst), ximm((int64_t)(t->pc + 8)));
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
    if (why == EXIT_UNDEF || why == EXIT_BKPT)
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

/* Picks the class of an A32 encoding (ARM ARM A5.1) and translates it. */
static bool translate_insn(struct tr *t)
{
    uint32_t i = t->insn;
    if (bits(i, 31, 28) == 0xf) {
        t->fl_read |= FL_ALL;
        return tr_misc(t) || tr_branch(t) || tr_memory(t);
    }
    switch (bits(i, 27, 25)) {
    case 0:
        if (bit(i, 4) && bit(i, 7)) {
            if (bits(i, 6, 5) == 0 && !bit(i, 24))
                return tr_multiply(t);
            t->fl_read |= FL_ALL; /* loads/stores may fault */
            return tr_memory(t); /* extra load/store, swap, exclusives */
        }
        if (bits(i, 24, 23) == 2 && !bit(i, 20))
            return bit(i, 7) ? tr_media(t) /* halfword multiplies */ : (tr_misc(t) || tr_branch(t));
        return tr_dataproc(t);
    case 1:
        if (bits(i, 24, 23) == 2 && !bit(i, 20))
            return tr_misc(t); /* MOVW, MOVT, MSR immediate, hints */
        return tr_dataproc(t);
    case 2:
        t->fl_read |= FL_ALL; /* may fault: the flags must be exact there */
        return tr_memory(t);
    case 3:
        if (!bit(i, 4))
            t->fl_read |= FL_ALL;
        return bit(i, 4) ? tr_media(t) : tr_memory(t);
    case 4:
        t->fl_read |= FL_ALL;
        return tr_memory(t);
    case 5:
        return tr_branch(t);
    default:
        return tr_misc(t);
    }
}

static void log_in_asm(uint32_t pc, uint32_t insn)
{
    cs_insn *ci;
    size_t n = cs_disasm(capstone, (const uint8_t *)&insn, 4, pc, 1, &ci);
    if (n) {
        log_printf("0x%08x:  %08x  %-8s %s\n", pc, insn, ci->mnemonic, ci->op_str);
        cs_free(ci, n);
    } else {
        log_printf("0x%08x:  %08x  <undefined>\n", pc, insn);
    }
}

static bool fetchable(uint32_t pc)
{
    uint8_t f = guest_page_flags(pc);
    return (f & GUEST_PAGE_MAPPED) && (f & (1 /* PROT_READ */ | 4 /* PROT_EXEC */));
}

/* Per instruction of the block being translated: flags read and written
 * (recorded by the first pass) and flags whose stores are needed. */
static uint8_t fl_read[MAX_BLOCK_INSNS], fl_write[MAX_BLOCK_INSNS], fl_uncond[MAX_BLOCK_INSNS],
    fl_need[MAX_BLOCK_INSNS];
/* Capstone's id of each instruction, from the recording pass. */
static unsigned insn_id[MAX_BLOCK_INSNS];
/* What the recording pass found for the block prologue: its length, the
 * guest registers it may write, and whether it touches the extra state. */
static unsigned rec_n;
static uint32_t rec_mask;
static bool rec_extra, rec_flags;

/* Backward liveness over the recorded block: everything is live at its end
 * (the next block may read any flag). */
static void flags_liveness(unsigned n)
{
    unsigned live = FL_ALL;
    for (unsigned k = n; k-- > 0;) {
        fl_need[k] = (uint8_t)(fl_write[k] & live);
        if (fl_uncond[k])
            live &= ~(unsigned)fl_write[k];
        live |= fl_read[k];
    }
}

/* Guest registers an A32 instruction may write (ARM ARM A5.1 classes),
 * over-approximated where the encoding space is mixed: saving one too many
 * costs a store, one too few would make stepping back wrong (the round-trip
 * tests check it). The PC is always in the BLOCK record. */
static uint32_t insn_writes(uint32_t i)
{
    uint32_t rd = 1u << bits(i, 15, 12), rn = 1u << bits(i, 19, 16);
    bool wback = !bit(i, 24) || bit(i, 21); /* post-indexed, or W */
    uint32_t m;
    switch (bits(i, 27, 25)) {
    case 0:
        if (bit(i, 7) && bit(i, 4)) {
            if (bits(i, 6, 5) == 0) /* multiplies (Rd/RdHi 19:16, RdLo 15:12), SWP, exclusives */
                m = rd | rn | (bit(i, 24) ? 1u << ((bits(i, 15, 12) + 1) & 15) : 0); /* LDREXD: Rt+1 */
            else /* extra loads/stores: Rt, Rt+1 of LDRD, the written-back base */
                m = rd | (1u << ((bits(i, 15, 12) + 1) & 15)) | (wback ? rn : 0);
        } else if (bits(i, 24, 23) == 2 && !bit(i, 20)) {
            /* miscellaneous (MRS, CLZ, QADD, BLX, halfword multiplies) */
            m = rd | rn | ((i & 0x0ffffff0u) == 0x012fff30u ? 1u << 14 : 0);
        } else {
            m = rd; /* data processing */
        }
        break;
    case 1:
        m = rd; /* data processing immediate, MOVW/MOVT, MSR */
        break;
    case 2:
        m = (bit(i, 20) ? rd : 0) | (wback ? rn : 0);
        break;
    case 3:
        m = bit(i, 4) ? rd | rn /* media */ : (bit(i, 20) ? rd : 0) | (wback ? rn : 0);
        break;
    case 4:
        m = (bit(i, 21) ? rn : 0) | (bit(i, 20) ? bits(i, 15, 0) : 0);
        break;
    case 5:
        m = bit(i, 24) || bits(i, 31, 28) == 0xf ? 1u << 14 : 0;
        break;
    default:
        m = rd; /* MRC; SVC writes nothing itself */
        break;
    }
    return m & 0x7fffu;
}

/* False only for instructions that certainly leave NZCV, Q, GE, the Thumb
 * bit and IT alone (their blocks need not save them): data processing and
 * multiplies without S, loads and stores that do not load the PC
 * (LoadWritePC interworks), LDM without the PC, B/BL, SVC. Everything else
 * (compares, MSR, DSP/media instructions setting Q or GE, BX, BLX) may. */
static bool insn_may_write_flags(uint32_t i)
{
    unsigned cls = bits(i, 27, 25), rd = bits(i, 15, 12);
    bool s = bit(i, 20);
    if (bits(i, 31, 28) == 0xf)
        return true;
    switch (cls) {
    case 0:
        if (bit(i, 7) && bit(i, 4)) {
            if (bits(i, 6, 5) == 0)
                return s || bit(i, 24); /* multiplies with S; SWP and the exclusives, to be safe */
            return s && rd == 15; /* an extra load into the PC */
        }
        if (bits(i, 24, 23) == 2 && !s)
            return true; /* miscellaneous: MRS/MSR/BX/CLZ/QADD... */
        return s || rd == 15;
    case 1:
        if (bits(i, 24, 23) == 2 && !s)
            return bit(i, 21); /* MSR immediate; MOVW/MOVT do not */
        return s || rd == 15;
    case 2:
        return s && rd == 15;
    case 3:
        return bit(i, 4) || (s && rd == 15);
    case 4:
        return s && bit(i, 15);
    case 5:
        return false;
    case 7:
        return bits(i, 27, 24) != 0xf;
    default:
        return true;
    }
}

/* Instructions that change struct undo_extra's state: the exclusives and
 * SWP (monitor), CLREX, coprocessor transfers (TPIDRURW, FPSCR). */
static bool insn_writes_extra(uint32_t i)
{
    return (i & 0x0f8000f0u) == 0x01800090u || i == 0xf57ff01fu || bits(i, 27, 25) == 6 ||
           bits(i, 27, 24) == 14;
}

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
        X(b, MOV, R32(RCX), ximm64((uint64_t)pc | (uint64_t)undo_block_tag(&shape) << 32));
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)l.tail_off, 8), R32(RCX));
        X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_RAX, (int32_t)l.len, 8));
        X(b, MOVQ, xreg(UNDO_TOP_HOST_REG), R32(RAX));
    }
    X(b, ADD, xreg(ZYDIS_REGISTER_R13), ximm((int64_t)n));
}

/* Emits the block at pc into b. With final false this is the recording pass:
 * nothing is logged, every flag is stored, and the code is thrown away.
 * single_step: one instruction only. Returns false on overflow; *end_pc and
 * *ninsns describe the block. */
static bool emit_block(uint32_t pc, struct xbuf *b, bool final, bool single_step, uint32_t *end_pc,
                       unsigned *ninsns)
{
    bool log_in = final && log_enabled(LOG_IN_ASM);
    bool single = single_step || log_enabled(LOG_CPU);
    unsigned max = single ? 1 : MAX_BLOCK_INSNS;
    struct tr t = {.b = b};
    /* The recording pass does not know the block yet: it emits the
     * prologue with the largest values, which only makes its code longer. */
    if (final)
        emit_prologue(&t, pc, rec_n, rec_mask, rec_extra, rec_flags);
    else
        emit_prologue(&t, pc, MAX_BLOCK_INSNS, 0x7fffu, true, true);
    t.uncounted = false;

    if (log_in)
        log_printf("----------------\nIN: \n");

    unsigned n = 0;
    uint32_t cur = pc;
    uint32_t mask = 0;
    bool extra = false, flags = false;
    /* x86 flags produced by an earlier flag-setting instruction, valid while
     * nothing emitted since changed them (b->flags_clobbered_at). */
    int live_kind = HF_NONE;
    size_t live_end = 0;
    while (n < max) {
        if (n > 0 && (cur & GUEST_PAGE_MASK) == 0 && !fetchable(cur))
            break;
        /* A breakpoint is always the first instruction of a block. */
        if (n > 0 && tr_breakpoint_at(cur))
            break;
        if ((size_t)(b->end - b->p) < MAX_INSN_BYTES) {
            b->overflow = true;
            return false;
        }
        uint8_t *insn_start = b->p;
        uint32_t insn;
        memcpy(&insn, g2h(cur), 4);
        if (log_in)
            log_in_asm(cur, insn);
        t.pc = cur;
        t.insn = insn;
        t.ended = false;
        t.uncounted = false;
        n++;
        cur += 4;
        mask |= insn_writes(insn);
        extra |= insn_writes_extra(insn);
        flags |= insn_may_write_flags(insn);

        if (log_enabled(LOG_CPU)) {
            X(b, MOV, R32(ESI), ximm((int64_t)t.pc));
            tr_call_synced(&t, (const void *)helper_trace_cpu);
        }

        /* Decode once, in the recording pass; the final pass reuses the id. */
        if (!final) {
            cs_insn *ci;
            size_t got = cs_disasm(capstone, (const uint8_t *)&insn, 4, t.pc, 1, &ci);
            insn_id[n - 1] = got ? ci->id : ARM_INS_INVALID;
            if (got)
                cs_free(ci, got);
        }
        t.cs_id = insn_id[n - 1];
        /* An instruction that raises a signal instead of retiring (UDF,
         * BKPT, anything not translated) is not counted, and starts a block
         * of its own: a step onto it completes, the next one stops there. */
        if (t.cs_id == ARM_INS_INVALID) {
            if (n > 1) {
                b->p = insn_start;
                n--;
                cur -= 4;
                break;
            }
            tr_exit_reason(&t, t.pc, EXIT_UNDEF);
            n--;
            break;
        }

        unsigned cond = bits(insn, 31, 28);
        uint8_t *before = b->p;
        int live = live_kind && b->flags_clobbered_at <= live_end ? live_kind : HF_NONE;
        t.fl_read = t.fl_write = 0;
        t.fl_need = final ? fl_need[n - 1] : FL_ALL;
        size_t skip = cond_skip(&t, cond, live);
        t.hf_kind = HF_NONE;
        if (!translate_insn(&t) || (t.uncounted && n > 1)) {
            if (n > 1) {
                b->p = insn_start;
                n--;
                cur -= 4;
                t.ended = false;
                break;
            }
            if (!t.uncounted) {
                b->p = before;
                tr_exit_reason(&t, t.pc, EXIT_UNDEF);
            }
            n--;
            break;
        }
        if (!final) {
            fl_read[n - 1] = (uint8_t)t.fl_read;
            fl_write[n - 1] = (uint8_t)t.fl_write;
            fl_uncond[n - 1] = skip == SIZE_MAX;
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
    if (!t.ended)
        tr_branch_direct(&t, cur);
    if (!final) {
        rec_n = n;
        rec_mask = mask;
        rec_extra = extra;
        rec_flags = flags;
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
    *end_pc = cur;
    *ninsns = n;
    return true;
}

static struct tblock *translate_into(uint32_t pc, struct xbuf *b, bool single)
{
    uint32_t end_pc;
    unsigned n;
    /* First pass: record flag use; its code is thrown away. */
    if (!emit_block(pc, b, false, single, &end_pc, &n))
        return NULL;
    flags_liveness(n);
    b->p = b->start;
    b->flags_clobbered_at = 0;
    if (!emit_block(pc, b, true, single, &end_pc, &n))
        return NULL;
    return code_cache_add(pc, single ? TB_SINGLE : 0, end_pc, n, (uint32_t)(b->p - b->start));
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
        struct tblock *tb = translate_into(pc, &b, kind & TB_SINGLE);
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
