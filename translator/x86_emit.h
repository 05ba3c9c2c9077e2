/* A thin layer over the Zydis encoder for writing x86-64 code into the code
 * cache: operand constructors, one call per instruction, and hand-encoded
 * rel32 jumps whose displacement we patch later (forward labels and block
 * chaining need a fixed-size, patchable form). Never decides semantics. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <Zydis/Zydis.h>

struct xbuf {
    uint8_t *start, *p, *end;
    bool overflow; /* set when an instruction did not fit; the caller retries */
    bool failed;   /* set when Zydis refused an instruction (a translator bug) */
    ZydisMnemonic failed_mnemonic;
    /* Offset just past the last instruction that may change EFLAGS (or the
     * last join point, where they may come from elsewhere): lets the
     * translator know whether flags it produced earlier are still live. */
    size_t flags_clobbered_at;
};

typedef ZydisEncoderOperand xop;

static inline xop xreg(ZydisRegister r)
{
    xop o = {.type = ZYDIS_OPERAND_TYPE_REGISTER};
    o.reg.value = r;
    return o;
}
static inline xop xmem(ZydisRegister base, int32_t disp, uint16_t size)
{
    xop o = {.type = ZYDIS_OPERAND_TYPE_MEMORY};
    o.mem.base = base;
    o.mem.displacement = disp;
    o.mem.size = size;
    return o;
}
static inline xop xmemi(ZydisRegister base, ZydisRegister index, uint8_t scale, int32_t disp,
                        uint16_t size)
{
    xop o = xmem(base, disp, size);
    o.mem.index = index;
    o.mem.scale = scale;
    return o;
}
/* An immediate for an operation of 32 bits or less: values 2^31..2^32-1 (guest
 * words) are passed to Zydis sign-extended, as the imm32 encoding holds them. */
static inline xop ximm(int64_t v)
{
    xop o = {.type = ZYDIS_OPERAND_TYPE_IMMEDIATE};
    o.imm.s = (v >= 0x80000000ll && v <= 0xffffffffll) ? (int64_t)(int32_t)(uint32_t)v : v;
    return o;
}
/* A 64-bit immediate (mov r64, imm64), taken as is. */
static inline xop ximm64(uint64_t v)
{
    xop o = {.type = ZYDIS_OPERAND_TYPE_IMMEDIATE};
    o.imm.u = v;
    return o;
}

void x_emit(struct xbuf *b, ZydisMnemonic m, const xop *ops, unsigned n);

#define X_NARGS(...) (sizeof((xop[]){__VA_ARGS__}) / sizeof(xop))
/* X(b, ADD, xreg(EAX), ximm(1)) */
#define X(b, M, ...) x_emit((b), ZYDIS_MNEMONIC_##M, (xop[]){__VA_ARGS__}, X_NARGS(__VA_ARGS__))
#define X0(b, M) x_emit((b), ZYDIS_MNEMONIC_##M, NULL, 0)

/* x86 condition codes (the low nibble of Jcc/SETcc opcodes). */
enum xcc {
    XCC_O = 0, XCC_NO, XCC_B, XCC_AE, XCC_E, XCC_NE, XCC_BE, XCC_A,
    XCC_S, XCC_NS, XCC_P, XCC_NP, XCC_L, XCC_GE, XCC_LE, XCC_G,
};

/* Emit a jump with a zero rel32 and return the offset of that rel32, for
 * x_bind / x_patch_rel32 later. */
size_t x_jcc_fwd(struct xbuf *b, enum xcc cc);
size_t x_jmp_fwd(struct xbuf *b);
/* Point a forward jump at the current position. */
void x_bind(struct xbuf *b, size_t rel32_off);
/* Jumps and calls to a known absolute address (must be within +-2 GiB). */
void x_jmp_abs(struct xbuf *b, const void *target);
void x_jcc_abs(struct xbuf *b, enum xcc cc, const void *target);
void x_call_abs(struct xbuf *b, const void *target);
/* Writes the rel32 at site so that the jump ending at site+4 goes to target. */
void x_patch_rel32(uint8_t *site, const void *target);
void x_bytes(struct xbuf *b, const uint8_t *bytes, size_t n);

/* The 32-bit register of a 64-bit general-purpose register (rsi -> esi). */
static inline ZydisRegister x_reg32(ZydisRegister r64)
{
    return ZydisRegisterEncode(ZYDIS_REGCLASS_GPR32, ZydisRegisterGetId(r64));
}
static inline size_t x_pos(const struct xbuf *b) { return (size_t)(b->p - b->start); }
