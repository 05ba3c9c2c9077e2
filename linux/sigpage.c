/* See sigpage.h. The words were read from the page of a program run under
 * qemu-arm 7.2 (tests/programs/sig_frames.c prints the ones a handler
 * returns to): slots of 12 bytes, ARM then Thumb, sigreturn then
 * rt_sigreturn, then the FDPIC variants (which load the restorer from the
 * frame; kept so the page reads the same). */
#include "linux/sigpage.h"

#include <string.h>

#include "linux/guest_mem.h"

static const uint32_t sigpage_words[] = {
    0xe3a07077, 0xef900077, 0x00000000, /* mov r7, #119; svc 0x900077 (sigreturn) */
    0xdf002777, 0x00000000, 0x00000000, /* movs r7, #119; svc 0 */
    0xe3a070ad, 0xef9000ad, 0x00000000, /* mov r7, #173; svc 0x9000ad (rt_sigreturn) */
    0xdf0027ad, 0x00000000, 0x00000000, /* movs r7, #173; svc 0 */
    /* the FDPIC sigreturn and rt_sigreturn stubs, ARM and Thumb, as read */
    0xe59d32f4, 0xe8930908, 0xe12fff13,
    0xcb0c9bbd, 0x47104699, 0x00000000,
    0xe59d3374, 0xe8930908, 0xe12fff13,
    0xcb0c9bdd, 0x47104699,
};

void sigpage_fill(uint32_t addr) { memcpy(g2h(addr), sigpage_words, sizeof sigpage_words); }
