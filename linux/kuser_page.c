/* The ARM kuser helpers page at 0xffff0000 (Documentation/arm/kernel_user_helpers.rst).
 * The translator emulates calls to the helpers themselves (__kuser_get_tls at
 * 0xffff0fe0, __kuser_cmpxchg at 0xffff0fc0, __kuser_memory_barrier at
 * 0xffff0fa0, __kuser_cmpxchg64 at 0xffff0f60); the page only has to be mapped
 * read+exec and hold __kuser_helper_version at 0xffff0ffc. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/loader.h"

/* The kernel stores the number of 32-byte helper slots between 0xffff0f60 and
 * 0xffff1000, which is 5; qemu-arm 7.2 reports the same value. */
#define KUSER_HELPER_VERSION 5u

int linux_map_kuser_page(void)
{
    uint8_t page[GUEST_PAGE_SIZE];
    memset(page, 0, sizeof page);
    uint32_t version = KUSER_HELPER_VERSION;
    memcpy(page + (KUSER_HELPER_VERSION_ADDR - KUSER_PAGE_ADDR), &version, sizeof version);
    return guest_map_fixed_anywhere(KUSER_PAGE_ADDR, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC, page, sizeof page);
}
