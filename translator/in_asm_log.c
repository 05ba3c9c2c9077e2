/* -d in_asm: the guest instructions of each block as they are translated.
 * Capstone only disassembles here; decoding is arm/decode.h's job. */
#include <capstone/capstone.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "linux/elf_symbols.h"
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

void tr_log_in_asm_block(uint32_t pc)
{
    log_printf("----------------\nIN: %s\n", elf_symbols_lookup(pc));
}

void tr_log_in_asm_kuser(uint32_t pc)
{
    static uint32_t logged[4]; /* the helper entries seen: logged once, as a cached block */
    unsigned i;
    for (i = 0; i < 4 && logged[i] && logged[i] != pc; i++)
        ;
    if (i == 4 || logged[i] == pc || (pc & 3) || !guest_range_ok(pc, 4, 1))
        return; /* a jump elsewhere above 0xffff0000 faults without a block */
    logged[i] = pc;
    tr_log_in_asm_block(pc);
    uint32_t word;
    memcpy(&word, g2h(pc), 4);
    cs_insn *ci;
    size_t n = cs_disasm(capstone, g2h(pc), 4, pc, 1, &ci);
    if (n) {
        log_printf("0x%08x:  %08x  %-8s %s\n\n", pc, word, ci->mnemonic, ci->op_str);
        cs_free(ci, n);
    } else {
        log_printf("0x%08x:  %08x  <undefined>\n\n", pc, word);
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
    /* qemu-arm's columns: the encoding padded to the width of its longest
     * form in that state (A32: one 8-digit word; Thumb: "xxxx xxxx"), then
     * two spaces, so that `diff` of the two logs is clean. */
    char enc[16];
    if (d->iset == ARM_ISET_T16)
        snprintf(enc, sizeof enc, "%-9.4x", d->raw & 0xffffu);
    else if (d->iset == ARM_ISET_T32)
        snprintf(enc, sizeof enc, "%04x %04x", d->raw >> 16, d->raw & 0xffffu);
    else
        snprintf(enc, sizeof enc, "%08x", d->raw);
    if (n) {
        log_printf("0x%08x:  %s  %-8s %s%s\n", pc, enc, ci->mnemonic, ci->op_str, itnote);
        cs_free(ci, n);
    } else {
        log_printf("0x%08x:  %s  <undefined>%s\n", pc, enc, itnote);
    }
}
