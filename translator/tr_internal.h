/* Shared by the translation files (trans_*.c and the block pipeline,
 * translate.c): the per-instruction context, how guest registers and flags
 * are reached from translated code, and the ways a block can end. Host
 * register conventions inside translated code:
 *   rbx = struct arm_cpu *, r14 = guest_base, r13 = the instruction count;
 *   seven guest registers live in host registers (PINNED_COUNT, see
 *   guest_reg_map.h) across blocks and chained jumps, and are written back
 *   to struct arm_cpu whenever control returns to C;
 *   rax, rcx, rdx, rsi, rdi are scratch; the stack is 16-byte aligned. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arm/cpu.h"
#include "arm/decode.h"
#include "translator/x86_emit.h"

struct tr {
    struct xbuf *b;
    uint32_t pc;       /* guest address of the instruction being translated */
    const struct isa_insn *d; /* the decoded instruction */
    bool thumb;        /* the block is Thumb code */
    uint32_t fpscr_mode; /* FPSCR's mode bits the block runs with (in its key) */
    bool ended;        /* the instruction left the block on every path */
    bool uncounted;    /* it does not retire (UDF, BKPT): it leaves with a signal */
    /* Set by a flag-setting data-processing instruction whose x86 flags are
     * still live at its end (see emit_block in block_emit.c): HF_* kind and
     * the code position where they are valid. */
    int hf_kind;
    size_t hf_end;
    /* Flag liveness (FL_* masks). A first pass records which NZCV flags each
     * instruction reads (fl_read; memory accesses read all of them, so that a
     * fault sees exact flags) and which tr_flags_* writes (fl_write); the
     * final pass gets fl_need, the written flags a later reader needs. */
    unsigned fl_read, fl_write, fl_need;
    /* The instruction's index in its block and the block's length: r13
     * holds the count after the whole block from its entry on, so the
     * instruction's own count is r13 - block_len + index. */
    unsigned index, block_len;
};

#define FL_N 8u
#define FL_Z 4u
#define FL_C 2u
#define FL_V 1u
#define FL_ALL 15u

/* What the live x86 flags mean after a data-processing instruction. */
enum host_flags_kind {
    HF_NONE = 0,
    HF_SUB, /* from SUB/SBB/CMP: CF is the borrow, i.e. NOT ARM's C */
    HF_ADD, /* from ADD/ADC: CF is ARM's C */
    HF_LOGIC, /* from AND/OR/XOR/TEST: only SF and ZF mean N and Z */
};

/* Ways back to the dispatcher (values of rax below 4096; above, rax is the
 * address of a chainable jump to patch). */
enum exit_reason {
    EXIT_INDIRECT = 0, /* cpu->r[15] holds the target (maybe with the Thumb bit) */
    EXIT_SVC = 1,      /* cpu->r[15] is the instruction after the SVC */
    EXIT_UNDEF = 2,    /* cpu->r[15] is the undefined instruction */
    EXIT_BKPT = 3,     /* cpu->r[15] is the BKPT */
    EXIT_BUDGET = 4,   /* at block entry: the block would pass cpu->budget */
    EXIT_BREAKPOINT = 5, /* at block entry: a breakpoint (cpu->bp_pass differs) */
    EXIT_FETCH_FAULT = 6, /* cpu->r[15]: a 32-bit Thumb instruction whose second
                           * halfword is on a page that cannot be fetched */
    EXIT_TRAP_SKIPPED = 7, /* cpu->r[15]: an A32 BKPT/UDF<c> whose condition failed
                            * (its block did not count it) */
};

#define CPUF(field, size) xmem(ZYDIS_REGISTER_RBX, (int32_t)offsetof(struct arm_cpu, field), (size))
/* Guest register n as an x86 operand: a host register if pinned, else its
 * slot in struct arm_cpu. */
xop greg(unsigned n);
#define GREG(n) greg(n)
#define R32(name) xreg(ZYDIS_REGISTER_##name)
/* Guest memory at the zero-extended 32-bit address held in 64-bit register r. */
/* LEA takes its memory operand with size 8 in Zydis (the address width). */
#define GMEM(r, size) xmemi(ZYDIS_REGISTER_R14, ZYDIS_REGISTER_##r, 1, 0, (size))

/* The value an instruction reads from the PC: its address + 8 in ARM state,
 * + 4 in Thumb state (A2.3). */
static inline uint32_t tr_pc_read(const struct tr *t) { return t->pc + (t->thumb ? 4u : 8u); }
/* Align(PC, 4), the base of literal loads and ADR. */
static inline uint32_t tr_pc_aligned(const struct tr *t) { return tr_pc_read(t) & ~3u; }
/* The address of the next instruction, as BL/BLX write it to LR (bit 0 set
 * in Thumb state, so that BX LR returns there, A8.8.25). */
static inline uint32_t tr_return_address(const struct tr *t)
{
    return t->thumb ? (t->pc + t->d->len) | 1u : t->pc + 4u;
}

static inline uint32_t bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & ((hi - lo == 31) ? 0xffffffffu : ((1u << (hi - lo + 1)) - 1));
}
static inline uint32_t bit(uint32_t x, unsigned n) { return (x >> n) & 1; }

/* The 64-bit host register holding guest register n, or ZYDIS_REGISTER_NONE
 * if n lives in memory. Its upper half is always zero. */
ZydisRegister tr_pinned64(unsigned n);
/* Reads guest register n into a 32-bit host register (PC reads as pc+8). */
void tr_get_reg(struct tr *t, ZydisRegister dst, unsigned n);
/* Writes a 32-bit host register into guest register n (n != 15). */
void tr_set_reg(struct tr *t, unsigned n, ZydisRegister src);
/* Writes eax into the PC as BX would (bit 0 selects Thumb) and leaves the block. */
void tr_branch_indirect_eax(struct tr *t);
/* Leaves the block towards a known guest address (chainable). */
void tr_branch_direct(struct tr *t, uint32_t target);
/* Leaves the block with a reason; cpu->r[15] = pc_value first. */
void tr_exit_reason(struct tr *t, uint32_t pc_value, enum exit_reason why);
/* Calls a C helper; the caller has put its arguments in esi/edx/ecx
 * (rdi is set to the cpu here). Result in eax/rax. Pinned guest registers in
 * caller-saved host registers are preserved around the call. Helpers must not
 * read or write cpu->r[] (tr_call_synced is for the one that reads them). */
void tr_call(struct tr *t, const void *fn);
/* As tr_call, but cpu->r[] is up to date for the helper to read. */
void tr_call_synced(struct tr *t, const void *fn);

/* Flags from the x86 flags of the last operation. */
void tr_flags_nz(struct tr *t);          /* N,Z from SF,ZF */
void tr_flags_nzcv_add(struct tr *t);    /* N,Z,C=CF,V=OF */
void tr_flags_nzcv_sub(struct tr *t);    /* N,Z,C=!CF (ARM carry = not borrow),V=OF */
void tr_cf_from_c(struct tr *t);         /* x86 CF = ARM C (clobbers dl) */
void tr_cf_from_not_c(struct tr *t);     /* x86 CF = !ARM C */

/* The undo log's hooks (undo_hooks.c), emitted only while recording: before
 * every guest store, one STORE record (address in a 64-bit register, size in
 * bytes). */
void tr_hook_store(struct tr *t, ZydisRegister addr64, unsigned size);
/* tr_hook_store where rax and rdi hold nothing needed (sizes 1, 2, 4). */
void tr_hook_store_free(struct tr *t, ZydisRegister addr64, unsigned size);
/* Before an STM's stores: one STOREM record for its nwords words from the
 * lowest address in edx (clobbers edi). */
void tr_hook_store_multi(struct tr *t, unsigned nwords);
/* Before every guest load: a LOAD record while read watchpoints are set. */
void tr_hook_load(struct tr *t, ZydisRegister addr64, unsigned size);

/* Translation switches (translate.c sets them; changing one flushes the
 * cache): blocks write undo records; loads write LOAD records too. */
extern bool tr_recording, tr_load_records;
/* Budget checks at block entry outside recording (translate_set_budget_checks). */
extern bool tr_budget_checks;
/* Stores note hits in a history query's range (translate_set_query). */
extern bool tr_query;
/* The query's notes (query_hooks.c). Without recording: tr_query_test
 * jumps past a store's record and note unless the store may touch the
 * range and the record fits (rax = the log's top after it); bind its jumps
 * with tr_query_skip_here after them. tr_query_note appends the note of a
 * record just written (rax = its end), testing the range first unless
 * tested. */
struct tr_query_skip {
    size_t jump[2];
    unsigned n;
};
struct tr_query_skip tr_query_test(struct tr *t, ZydisRegister addr64, unsigned size, ZydisRegister tmp);
void tr_query_skip_here(struct tr *t, const struct tr_query_skip *s);
void tr_query_note(struct tr *t, ZydisRegister addr64, unsigned size, uint32_t kind, ZydisRegister tmp, bool tested);
/* The BLOCK undo record at block entry (rax = the log's top): NZCV/Q/GE/IT
 * if flags, the pre-images of the registers in mask (r0-r14), the extra
 * state if extra, then pc and tag (undo/undo_format.h). */
struct block_plan;
void tr_emit_block_record(struct tr *t, uint32_t pc, unsigned n, const struct block_plan *pl);

/* Guest register n's slot in struct arm_cpu (whether or not it is pinned). */
xop tr_reg_slot(unsigned n);

/* The NZCV flags condition cond (bits 31:28 of A32) reads: FL_* mask. */
unsigned tr_cond_reads(unsigned cond);
/* Emits a jump taken when condition cond fails; returns the fixup to bind
 * after the instruction, or SIZE_MAX for "always". hf: what the live x86
 * flags hold (HF_NONE: read the flags from the cpu struct). */
size_t tr_cond_skip(struct tr *t, unsigned cond, int hf);
/* mov r15slot, pc; mov eax, why; jmp exit (entry checks, trap skips). */
void tr_exit_at(struct xbuf *b, uint32_t pc, enum exit_reason why);

/* -d in_asm (Capstone disassembles; arm/decode.h decodes). */
void tr_in_asm_init(void);
/* The "IN: function" header of a block, named as qemu-arm names it. */
void tr_log_in_asm_block(uint32_t pc);
/* A kernel user helper entry (0xffff0fxx) the first time it is called: the
 * word there as a one-instruction block, which is what qemu-arm logs (it
 * translates the helper page's word, then emulates the helper), although
 * backstep emulates the helper without translating anything. */
void tr_log_in_asm_kuser(uint32_t pc);
/* itstate: ITSTATE when the instruction runs (Thumb IT blocks). */
void tr_log_in_asm(uint32_t pc, const struct isa_insn *d, uint8_t itstate);
