@ elf_page.S -- not an instruction class: what the loader puts around the
@ writable segment.  Linux (and qemu-arm) map whole file pages, so the bytes
@ of the RW segment's first page *below* its p_vaddr are the file's bytes
@ there (here: the tail of the text segment), and the bytes after the file
@ part (.bss) are zero up to the end of the memory size.  Reads only.
@ march: armv7-a
#include "common.inc"
        TEST_BEGIN
        ldr     r1, =wdata
        ldr     r0, [r1]
        CHECK(r0, 0x5a5a5a5a)
        ldr     r2, [r1, #-4]           @ below the segment start, same page
        ldr     r3, [r1, #-8]
        ldrb    r4, [r1, #-1]
        ldr     r5, =wbss
        ldr     r6, [r5]                @ .bss is zero
        CHECK(r6, 0)
        ldr     r7, [r5, #1020]
        CHECK(r7, 0)
        TEST_END elf_page
        .word   0xdeadbeef              @ last word of the text segment
        .data
wdata:  .word   0x5a5a5a5a
        .bss
wbss:   .space  1024
