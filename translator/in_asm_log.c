/* -d in_asm: the guest instructions of each block as they are translated.
 * Capstone only disassembles here; decoding is arm/decode.h's job. */
#include <capstone/capstone.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/log.h"
#include "linux/guest_mem.h"
#include "translator/tr_internal.h"

static csh capstone, capstone_thumb;

void tr_in_asm_init(void)
{
    if (cs_open(CS_ARCH_ARM, CS_MODE_ARM, &capstone) != CS_ERR_OK ||
        cs_open(CS_ARCH_ARM, CS_MODE_THUMB, &capstone_thumb) != CS_ERR_OK) {
        fprintf(stderr, "backstep: cannot initialise Capstone\n");
        exit(1);
    }
}

/* Capstone decodes each instruction alone, so it shows an instruction inside
 * an IT block with its outside-IT meaning (PITFALLS.md): the condition the IT
 * block gives it follows as "@ IT cond". */
void tr_log_in_asm(uint32_t pc, const struct isa_insn *d, uint8_t itstate)
{
    static const char names[16][3] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                                      "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
    char itnote[16] = "";
    if (itstate & 15)
        snprintf(itnote, sizeof itnote, "  @ IT %s", names[itstate >> 4]);
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
        log_printf("0x%08x:  %-9s  %-8s %s%s\n", pc, enc, ci->mnemonic, ci->op_str, itnote);
        cs_free(ci, n);
    } else {
        log_printf("0x%08x:  %-9s  <undefined>%s\n", pc, enc, itnote);
    }
}
