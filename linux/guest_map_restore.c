/* guest_map_restore (guest_mem.h): puts a range of the guest memory map back
 * as a saved list of page flags says, for stepping back over mmap, munmap,
 * mprotect and brk (the undo log's MAP records). Only the map: the bytes of
 * pages that come back are restored by whoever saved them. */
#include <sys/mman.h>

#include "linux/guest_mem.h"

void guest_map_restore(uint32_t addr, uint32_t npages, const uint8_t *old_flags)
{
    /* In runs of pages that share their old state. */
    for (uint32_t i = 0; i < npages;) {
        uint32_t j = i + 1;
        while (j < npages && old_flags[j] == old_flags[i])
            j++;
        uint32_t a = addr + i * GUEST_PAGE_SIZE, len = (j - i) * GUEST_PAGE_SIZE;
        uint8_t want = old_flags[i];
        if (!(want & GUEST_PAGE_MAPPED)) {
            guest_munmap(a, len);
        } else {
            /* Pages still mapped keep their bytes; pages that were removed
             * come back as zeros. */
            for (uint32_t k = 0; k < len; k += GUEST_PAGE_SIZE) {
                uint8_t now = guest_page_flags(a + k);
                if (!(now & GUEST_PAGE_MAPPED))
                    guest_mmap(a + k, GUEST_PAGE_SIZE, want & 7, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
                else if ((now & 7) != (want & 7))
                    guest_mprotect(a + k, GUEST_PAGE_SIZE, want & 7);
            }
        }
        i = j;
    }
}
