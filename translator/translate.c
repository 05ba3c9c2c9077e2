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
#include "translator/code_cache.h"
#include "translator/guest_reg_map.h"
#include "translator/helpers.h"
#include "translator/tr_internal.h"

#define MAX_BLOCK_INSNS 64
/* Room one guest instruction may need in the worst case (LDM of 16 regs). */
#define MAX_INSN_BYTES 1024

static csh capstone;

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
    X(t->b, MOV, R32(RDI), R32(RBX));
    x_call_abs(t->b, fn);
    for (int k = 0; k < PINNED_COUNT; k++)
        if (pinned_regs[k].caller_saved)
            X(t->b, MOV, xreg(pinned_regs[k].host32), reg_slot(pinned_regs[k].guest));
}

void tr_call(struct tr *t, const void *fn) { call_saving(t, fn, false); }

void tr_call_synced(struct tr *t, const void *fn)
{
    t->fl_read |= FL_ALL; /* the helper sees the whole cpu */
    call_saving(t, fn, true);
}

void tr_hook_store(struct tr *t, ZydisRegister addr64, unsigned size)
{
    /* The undo log will record the pre-image of [addr64, +size) here. */
    (void)t;
    (void)addr64;
    (void)size;
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

/* Emits the block at pc into b. With final false this is the recording pass:
 * nothing is logged, every flag is stored, and the code is thrown away.
 * Returns false on overflow; *end_pc and *ninsns describe the block. */
static bool emit_block(uint32_t pc, struct xbuf *b, bool final, uint32_t *end_pc, unsigned *ninsns)
{
    bool log_in = final && log_enabled(LOG_IN_ASM);
    bool single = log_enabled(LOG_CPU);
    unsigned max = single ? 1 : MAX_BLOCK_INSNS;
    /* add r13, imm32 (the instruction count, see guest_reg_map.h) --
     * hand-encoded so the count can be patched in once the block's length is
     * known: REX.W+B 81 /0 with ModRM 11 000 101. */
    static const uint8_t add_icount[7] = {0x49, 0x81, 0xc5, 0, 0, 0, 0};
    size_t count_at = x_pos(b) + 3;
    x_bytes(b, add_icount, sizeof add_icount);

    if (log_in)
        log_printf("----------------\nIN: \n");

    unsigned n = 0;
    uint32_t cur = pc;
    struct tr t = {.b = b};
    /* x86 flags produced by an earlier flag-setting instruction, valid while
     * nothing emitted since changed them (b->flags_clobbered_at). */
    int live_kind = HF_NONE;
    size_t live_end = 0;
    while (n < max) {
        if (n > 0 && (cur & GUEST_PAGE_MASK) == 0 && !fetchable(cur))
            break;
        if ((size_t)(b->end - b->p) < MAX_INSN_BYTES) {
            b->overflow = true;
            return false;
        }
        uint32_t insn;
        memcpy(&insn, g2h(cur), 4);
        if (log_in)
            log_in_asm(cur, insn);
        t.pc = cur;
        t.insn = insn;
        t.ended = false;
        n++;
        cur += 4;

        if (single) {
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
        if (t.cs_id == ARM_INS_INVALID) {
            tr_exit_reason(&t, t.pc, EXIT_UNDEF);
            break;
        }

        unsigned cond = bits(insn, 31, 28);
        uint8_t *before = b->p;
        int live = live_kind && b->flags_clobbered_at <= live_end ? live_kind : HF_NONE;
        t.fl_read = t.fl_write = 0;
        t.fl_need = final ? fl_need[n - 1] : FL_ALL;
        size_t skip = cond_skip(&t, cond, live);
        t.hf_kind = HF_NONE;
        if (!translate_insn(&t)) {
            b->p = before;
            tr_exit_reason(&t, t.pc, EXIT_UNDEF);
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
    if (b->failed) {
        fprintf(stderr, "backstep: internal error: x86 encoding of %s failed in block at 0x%08x\n",
                ZydisMnemonicGetString(b->failed_mnemonic), pc);
        abort();
    }
    if (b->overflow)
        return false;
    uint32_t count = n;
    memcpy(b->start + count_at, &count, 4);
    if (log_in)
        log_printf("\n");
    *end_pc = cur;
    *ninsns = n;
    return true;
}

static struct tblock *translate_into(uint32_t pc, struct xbuf *b)
{
    uint32_t end_pc;
    unsigned n;
    /* First pass: record flag use; its code is thrown away. */
    if (!emit_block(pc, b, false, &end_pc, &n))
        return NULL;
    flags_liveness(n);
    b->p = b->start;
    b->flags_clobbered_at = 0;
    if (!emit_block(pc, b, true, &end_pc, &n))
        return NULL;
    return code_cache_add(pc, false, end_pc, n, (uint32_t)(b->p - b->start));
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

struct tblock *translate_block(uint32_t pc)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        struct xbuf b = {.start = cc.next, .p = cc.next, .end = cc.end};
        struct tblock *tb = translate_into(pc, &b);
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
