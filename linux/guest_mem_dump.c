/* Prints the guest memory map in qemu-arm's "-d page" format
 * ("start    end      size     prot" and one line per run of pages with the
 * same protection), so that the two tools' page logs can be diffed. */
#include <sys/mman.h>

#include "base/log.h"
#include "linux/guest_mem.h"

void guest_mem_log_map(const char *why)
{
    log_printf("page layout changed following %s\n", why);
    log_printf("start    end      size     prot\n");
    uint64_t i = 0;
    while (i < GUEST_NUM_PAGES) {
        uint8_t f = guest_page_flags((uint32_t)(i * GUEST_PAGE_SIZE));
        if (!(f & GUEST_PAGE_MAPPED)) {
            i++;
            continue;
        }
        uint64_t j = i + 1;
        while (j < GUEST_NUM_PAGES && guest_page_flags((uint32_t)(j * GUEST_PAGE_SIZE)) == f)
            j++;
        log_printf("%08llx-%08llx %08llx %c%c%c\n", (unsigned long long)(i * GUEST_PAGE_SIZE),
                   (unsigned long long)(j * GUEST_PAGE_SIZE), (unsigned long long)((j - i) * GUEST_PAGE_SIZE),
                   (f & PROT_READ) ? 'r' : '-', (f & PROT_WRITE) ? 'w' : '-', (f & PROT_EXEC) ? 'x' : '-');
        i = j;
    }
}
