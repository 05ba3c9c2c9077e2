/* -d out_asm: prints a translated block's x86-64 code with Zydis' formatter. */
#include <Zydis/Zydis.h>
#include <inttypes.h>

#include "base/log.h"
#include "translator/translate.h"

void log_out_asm(const struct tblock *tb)
{
    log_printf("OUT: [guest 0x%08x, %u instructions, %u bytes]\n", tb->pc, tb->ninsns, tb->host_size);
    ZyanUSize off = 0;
    ZydisDisassembledInstruction ins;
    while (off < tb->host_size &&
           ZYAN_SUCCESS(ZydisDisassembleIntel(ZYDIS_MACHINE_MODE_LONG_64, (ZyanU64)(uintptr_t)(tb->host + off),
                                              tb->host + off, tb->host_size - off, &ins))) {
        log_printf("0x%016" PRIxPTR ":  %s\n", (uintptr_t)(tb->host + off), ins.text);
        off += ins.info.length;
    }
    log_printf("\n");
}
