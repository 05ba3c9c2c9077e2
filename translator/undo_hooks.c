/* The undo log's hooks in translated code (undo/undo_format.h is the
 * contract): the BLOCK record at block entry, and one inline STORE, STOREM or
 * LOAD record before each guest access, emitted while recording -- and,
 * for a history query replaying without recording, before each store that
 * may touch the query's range (query_hooks.c). */
#include <stdio.h>
#include <stdlib.h>

#include "translator/block_plan.h"
#include "translator/guest_reg_map.h"
#include "translator/tr_internal.h"
#include "undo/undo_format.h"

bool tr_recording, tr_load_records, tr_budget_checks;

/* One 16-byte STORE or LOAD record (undo/undo_format.h) for an access of size
 * bytes at [r14 + addr64], inline: rax points into the log, tmp (64-bit)
 * carries the old bytes of a store. save: rax and tmp may hold live values
 * and are kept on the stack. Outside history queries nothing here changes
 * the x86 flags (a query's range test does: the emitter sees it), and the
 * pre-image read faults exactly when the store would on an unmapped page,
 * before the record exists. */
static void emit_access_record(struct tr *t, ZydisRegister addr64, unsigned size, bool store, ZydisRegister tmp,
                               bool save)
{
    struct xbuf *b = t->b;
    if (save) {
        X(b, PUSH, R32(RAX));
        X(b, PUSH, xreg(tmp));
    }
    /* Without recording, a query's store writes its record only if it may
     * touch the range (query_hooks.c). */
    struct tr_query_skip skip = {0};
    if (!tr_recording)
        skip = tr_query_test(t, addr64, size, tmp);
    else
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
    if (store && tr_query)
        tr_query_note(t, addr64, size, UNDO_STORE, tmp, !tr_recording);
    tr_query_skip_here(t, &skip);
    if (save) {
        X(b, POP, xreg(tmp));
        X(b, POP, R32(RAX));
    }
}

void tr_hook_store(struct tr *t, ZydisRegister addr64, unsigned size)
{
    /* Any scratch register may hold the value or the address here. */
    if (tr_recording || tr_query)
        emit_access_record(t, addr64, size, true, ZYDIS_REGISTER_RCX, true);
}

void tr_hook_store_free(struct tr *t, ZydisRegister addr64, unsigned size)
{
    if (tr_recording || tr_query)
        emit_access_record(t, addr64, size, true, ZYDIS_REGISTER_RDI, false);
}

void tr_hook_load(struct tr *t, ZydisRegister addr64, unsigned size)
{
    if (tr_recording && tr_load_records)
        emit_access_record(t, addr64, size, false, ZYDIS_REGISTER_RCX, true);
}

void tr_hook_store_multi(struct tr *t, unsigned nwords)
{
    if (!tr_recording && !tr_query)
        return;
    if (nwords < 1 || nwords > UNDO_STOREM_MAX_WORDS) {
        fprintf(stderr, "backstep: internal error: a STOREM record of %u words\n", nwords);
        abort();
    }
    struct xbuf *b = t->b;
    X(b, PUSH, R32(RAX));
    X(b, PUSH, R32(RCX));
    struct tr_query_skip skip = {0};
    if (!tr_recording)
        skip = tr_query_test(t, ZYDIS_REGISTER_RDX, 4 * nwords, ZYDIS_REGISTER_RCX);
    else
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
    if (tr_query)
        tr_query_note(t, ZYDIS_REGISTER_RDX, 4 * nwords, UNDO_STOREM, ZYDIS_REGISTER_RCX, !tr_recording);
    tr_query_skip_here(t, &skip);
    X(b, POP, R32(RCX));
    X(b, POP, R32(RAX));
}

/* The BLOCK record (undo/undo_format.h) at the log's top, in rax: flags,
 * the registers in mask, the extra state, then pc+tag; A32 and T16 blocks
 * save no D registers (no VFP part). */
void tr_emit_block_record(struct tr *t, uint32_t pc, unsigned n, const struct block_plan *pl)
{
    struct xbuf *b = t->b;
    uint32_t mask = pl->mask;
    bool extra = pl->extra, flags = pl->flags;
    /* The VFP part: the D registers the block may write and FPSCR, only in
     * blocks with VFP instructions (an FP loop pays for its own registers
     * and one word, not for struct undo_extra). */
    struct undo_block_shape shape = {.ninsns = n, .core = mask, .flags = flags, .extra = extra, .vfp = pl->vfp,
                                     .dmask = pl->vfp ? pl->dmask : 0};
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
    if (shape.vfp) {
        int32_t doff = (int32_t)l.d_off;
        for (unsigned k = 0; k < 32; k++) {
            if (!(shape.dmask & (1u << k)))
                continue;
            X(b, MOV, R32(RCX), xmem(ZYDIS_REGISTER_RBX, (int32_t)(offsetof(struct arm_cpu, d) + 8 * k), 8));
            X(b, MOV, xmem(ZYDIS_REGISTER_RAX, doff, 8), R32(RCX));
            doff += 8;
        }
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)(l.vfp_off + offsetof(struct undo_block_vfp, dmask)), 4),
          ximm(shape.dmask));
        X(b, MOV, R32(ECX), CPUF(fpscr, 4));
        X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)(l.vfp_off + offsetof(struct undo_block_vfp, fpscr)), 4),
          R32(ECX));
    }
    /* The tail: pc and the tag in one 8-byte store. */
    X(b, MOV, R32(RCX), ximm64((uint64_t)(pc | (t->thumb ? 1u : 0u)) | (uint64_t)undo_block_tag(&shape) << 32));
    X(b, MOV, xmem(ZYDIS_REGISTER_RAX, (int32_t)l.tail_off, 8), R32(RCX));
    X(b, LEA, R32(RAX), xmem(ZYDIS_REGISTER_RAX, (int32_t)l.len, 8));
    X(b, MOVQ, xreg(UNDO_TOP_HOST_REG), R32(RAX));
}
