/* The target description served for qXfer:features:read:target.xml, and the
 * register numbering the g/G/p/P packets use with it. gdb numbers a remote's
 * registers in the order of this XML (regnum attributes say the same):
 *
 *     0-12  r0-r12          4 bytes each
 *     13    sp              4
 *     14    lr              4
 *     15    pc              4
 *     16    cpsr            4
 *     17-48 d0-d31          8 bytes each (ieee_double)
 *     49    fpscr           4
 *
 * The g packet is these registers in this order, each little-endian,
 * 16*4 + 4 + 32*8 + 4 = 328 bytes (656 hex digits).
 * This file must never depend on the target's CPU struct: the server maps
 * these numbers to the CPU state. */
#pragma once
#include <stddef.h>
#include <stdint.h>

enum rsp_arm_reg {
    RSP_REG_R0 = 0,
    RSP_REG_SP = 13,
    RSP_REG_LR = 14,
    RSP_REG_PC = 15,
    RSP_REG_CPSR = 16,
    RSP_REG_D0 = 17,
    RSP_REG_D31 = 48,
    RSP_REG_FPSCR = 49,
    RSP_REG_COUNT = 50,
};

#define RSP_G_PACKET_BYTES 328u

/* The XML text (NUL-terminated; *len gets its length without the NUL). */
const char *rsp_target_xml(size_t *len);

/* Size in bytes of register n (4 or 8), or 0 if n is not a register. */
unsigned rsp_reg_size(uint32_t n);
/* Byte offset of register n in the g packet's decoded bytes, or -1. */
int rsp_reg_offset(uint32_t n);
