/* See x86_emit.h. */
#include "translator/x86_emit.h"

#include <string.h>

void x_bytes(struct xbuf *b, const uint8_t *bytes, size_t n)
{
    if ((size_t)(b->end - b->p) < n) {
        b->overflow = true;
        return;
    }
    memcpy(b->p, bytes, n);
    b->p += n;
}

/* Instructions that leave EFLAGS alone; anything else counts as changing them. */
static bool keeps_flags(ZydisMnemonic m)
{
    switch (m) {
    case ZYDIS_MNEMONIC_MOV:
    case ZYDIS_MNEMONIC_MOVZX:
    case ZYDIS_MNEMONIC_MOVSX:
    case ZYDIS_MNEMONIC_LEA:
    case ZYDIS_MNEMONIC_BSWAP:
    case ZYDIS_MNEMONIC_SETB: case ZYDIS_MNEMONIC_SETBE: case ZYDIS_MNEMONIC_SETL:
    case ZYDIS_MNEMONIC_SETLE: case ZYDIS_MNEMONIC_SETNB: case ZYDIS_MNEMONIC_SETNBE:
    case ZYDIS_MNEMONIC_SETNL: case ZYDIS_MNEMONIC_SETNLE: case ZYDIS_MNEMONIC_SETNO:
    case ZYDIS_MNEMONIC_SETNP: case ZYDIS_MNEMONIC_SETNS: case ZYDIS_MNEMONIC_SETNZ:
    case ZYDIS_MNEMONIC_SETO: case ZYDIS_MNEMONIC_SETP: case ZYDIS_MNEMONIC_SETS:
    case ZYDIS_MNEMONIC_SETZ:
        return true;
    default:
        return false;
    }
}

void x_emit(struct xbuf *b, ZydisMnemonic m, const xop *ops, unsigned n)
{
    ZydisEncoderRequest req;
    memset(&req, 0, sizeof req);
    req.machine_mode = ZYDIS_MACHINE_MODE_LONG_64;
    req.mnemonic = m;
    req.operand_count = (ZyanU8)n;
    for (unsigned i = 0; i < n; i++)
        req.operands[i] = ops[i];
    uint8_t tmp[ZYDIS_MAX_INSTRUCTION_LENGTH];
    ZyanUSize len = sizeof tmp;
    if (ZYAN_FAILED(ZydisEncoderEncodeInstruction(&req, tmp, &len))) {
        if (!b->failed)
            b->failed_mnemonic = m;
        b->failed = true;
        return;
    }
    x_bytes(b, tmp, len);
    if (!keeps_flags(m))
        b->flags_clobbered_at = x_pos(b);
}

static void put_rel32(struct xbuf *b)
{
    static const uint8_t zero[4];
    x_bytes(b, zero, 4);
}

size_t x_jcc_fwd(struct xbuf *b, enum xcc cc)
{
    uint8_t op[2] = {0x0f, (uint8_t)(0x80 | cc)};
    x_bytes(b, op, 2);
    size_t at = x_pos(b);
    put_rel32(b);
    return at;
}

size_t x_jmp_fwd(struct xbuf *b)
{
    uint8_t op = 0xe9;
    x_bytes(b, &op, 1);
    size_t at = x_pos(b);
    put_rel32(b);
    return at;
}

void x_patch_rel32(uint8_t *site, const void *target)
{
    int32_t rel = (int32_t)((intptr_t)target - (intptr_t)(site + 4));
    memcpy(site, &rel, 4);
}

void x_bind(struct xbuf *b, size_t rel32_off)
{
    b->flags_clobbered_at = x_pos(b); /* a join point */
    if (b->overflow || rel32_off + 4 > (size_t)(b->end - b->start))
        return;
    x_patch_rel32(b->start + rel32_off, b->p);
}

static void rel32_to(struct xbuf *b, const uint8_t *op, size_t oplen, const void *target)
{
    x_bytes(b, op, oplen);
    size_t at = x_pos(b);
    put_rel32(b);
    if (!b->overflow)
        x_patch_rel32(b->start + at, target);
}

void x_jmp_abs(struct xbuf *b, const void *target)
{
    static const uint8_t op[1] = {0xe9};
    rel32_to(b, op, 1, target);
}

void x_jcc_abs(struct xbuf *b, enum xcc cc, const void *target)
{
    uint8_t op[2] = {0x0f, (uint8_t)(0x80 | cc)};
    rel32_to(b, op, 2, target);
}

void x_call_abs(struct xbuf *b, const void *target)
{
    intptr_t rel = (intptr_t)target - (intptr_t)(b->p + 5);
    if (rel == (int32_t)rel) {
        static const uint8_t op[1] = {0xe8};
        rel32_to(b, op, 1, target);
        b->flags_clobbered_at = x_pos(b); /* whatever the callee does */
        return;
    }
    /* The helper is out of rel32 reach of the code cache: call through rax
     * (scratch in translated code; never an argument register). */
    X(b, MOV, xreg(ZYDIS_REGISTER_RAX), ximm64((uintptr_t)target));
    X(b, CALL, xreg(ZYDIS_REGISTER_RAX));
}
