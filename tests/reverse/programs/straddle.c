/* A 32-bit Thumb instruction (BL pair) whose second halfword is on a page
 * that cannot be fetched (gdb_straddle.py): the first halfword is the last
 * of page1, the second the first of page2, which is unmapped (argument
 * "unmapped") or readable but not executable ("noexec"). Calling the code
 * faults at the BL with si_addr = page2, as the kernel reports it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE 4096

uint16_t *page1, *page2;

int main(int argc, char **argv)
{
    page1 = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page1 == MAP_FAILED)
        return 1;
    page2 = page1 + PAGE / 2;
    page2[-3] = 0xb500; /* push {lr} */
    page2[-2] = 0x2001; /* movs r0, #1 */
    /* bl page2 + 0x100 (A6.7.18, offset from the BL + 4 = page2 + 2: 0xfe) */
    page2[-1] = 0xf000;
    page2[0] = 0xf800 | (0xfe >> 1);
    page2[1] = 0xbd00;    /* pop {pc} */
    page2[0x80] = 0x4770; /* bx lr */
    __builtin___clear_cache((char *)page1, (char *)page1 + 2 * PAGE);
    if (argc > 1 && !strcmp(argv[1], "noexec"))
        mprotect(page2, PAGE, PROT_READ);
    else
        munmap(page2, PAGE);
    int (*f)(void) = (int (*)(void))((uintptr_t)&page2[-3] | 1);
    printf("returned %d\n", f()); /* MARK:call */
    return 0;
}
