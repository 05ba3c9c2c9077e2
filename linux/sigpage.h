/* The signal-return trampolines qemu-arm 7.2 writes into its sigtramp page
 * (one r-x page below the stack): a handler installed without SA_RESTORER
 * returns to one of them. Same addresses and bytes as under qemu-arm, so
 * traces and what a program reads there match. */
#pragma once
#include <stdint.h>

/* Offsets in the page of each trampoline (a Thumb one is entered with bit 0 set). */
#define SIGPAGE_ARM_SIGRETURN 0x00u
#define SIGPAGE_THUMB_SIGRETURN 0x0cu
#define SIGPAGE_ARM_RT_SIGRETURN 0x18u
#define SIGPAGE_THUMB_RT_SIGRETURN 0x24u

/* Writes the trampolines into the (writable) page at addr. */
void sigpage_fill(uint32_t addr);
