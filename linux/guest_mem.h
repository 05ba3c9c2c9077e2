/* The guest's 32-bit address space, carved out of the low 4 GiB of the host
 * (ARCHITECTURE.md rule 7). Guest address A lives at host address
 * guest_base + A; translated code adds guest_base (kept in a host register) to a
 * zero-extended 32-bit address, so it can never reach the translator above the
 * window. Tracks the protection of every guest page, which is the source of
 * truth for "is this guest range mapped/readable/writable". */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GUEST_PAGE_SIZE 4096u
#define GUEST_PAGE_MASK (GUEST_PAGE_SIZE - 1)
#define GUEST_NUM_PAGES (1u << 20)

/* Host address of guest address 0. */
extern uintptr_t guest_base;

/* Reserves the 4 GiB window (PROT_NONE). Returns false and fills err on failure. */
bool guest_mem_init(char *err, size_t errlen);

static inline void *g2h(uint32_t addr) { return (void *)(guest_base + addr); }

/* Page protection bits as the guest asked for them (PROT_READ|PROT_WRITE|PROT_EXEC),
 * plus GUEST_PAGE_MAPPED for any mapped page. */
#define GUEST_PAGE_MAPPED 0x80u
uint8_t guest_page_flags(uint32_t addr);

/* True if [addr, addr+len) lies inside the 32-bit space and every page of it is
 * mapped with all of the PROT_* bits in prot (0: just mapped). len 0 is valid. */
bool guest_range_ok(uint32_t addr, uint32_t len, int prot);

/* mmap inside the guest window. addr 0 (without MAP_FIXED) picks a free range.
 * Returns the guest address, or a negative errno. */
int64_t guest_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint64_t offset);
int guest_munmap(uint32_t addr, uint32_t len);
int guest_mprotect(uint32_t addr, uint32_t len, int prot);
int64_t guest_mremap(uint32_t old_addr, uint32_t old_len, uint32_t new_len, int flags, uint32_t new_addr);
