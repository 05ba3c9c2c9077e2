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

/* Reserves the 4 GiB window (PROT_NONE). Returns false and fills err on failure.
 * Tries guest_base = 0 (identity: [GUEST_RESERVE_START, 4 GiB) at the same host
 * addresses) first, then 4 GiB anywhere (e.g. under AddressSanitizer, whose shadow
 * memory lies in the low 4 GiB). A second call is a no-op returning true. */
bool guest_mem_init(char *err, size_t errlen);

/* Lowest address reserved in identity mode; guest pages below it (down to
 * GUEST_PAGE_SIZE) can still be mapped with MAP_FIXED. */
#define GUEST_RESERVE_START 0x10000u
/* Guest mmap/munmap/mprotect/mremap work below this address; the page at
 * 0xffff0000 holds the kuser helpers and is mapped by the loader only. */
#define GUEST_MMAP_TOP 0xffff0000u
/* Without MAP_FIXED and without a usable hint, mmap searches downward for the
 * highest free range ending at or below this address + len, as qemu-arm 7.2 does
 * for 32-bit guests (mmap_find_vma_reserved), so that addresses match its traces. */
#define GUEST_MMAP_START 0x40000000u

static inline void *g2h(uint32_t addr) { return (void *)(guest_base + addr); }

/* Page protection bits as the guest asked for them (PROT_READ|PROT_WRITE|PROT_EXEC),
 * plus GUEST_PAGE_MAPPED for any mapped page. */
#define GUEST_PAGE_MAPPED 0x80u
uint8_t guest_page_flags(uint32_t addr);
/* All GUEST_NUM_PAGES flags, indexed by page number (for whole-space scans). */
const uint8_t *guest_page_flags_table(void);

/* True if [addr, addr+len) lies inside the 32-bit space and every page of it is
 * mapped with all of the PROT_* bits in prot (0: just mapped). len 0 is valid. */
bool guest_range_ok(uint32_t addr, uint32_t len, int prot);

/* mmap inside the guest window. addr 0 (without MAP_FIXED) picks a free range.
 * Returns the guest address, or a negative errno. */
int64_t guest_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint64_t offset);
int guest_munmap(uint32_t addr, uint32_t len);
int guest_mprotect(uint32_t addr, uint32_t len, int prot);
int64_t guest_mremap(uint32_t old_addr, uint32_t old_len, uint32_t new_len, int flags, uint32_t new_addr);
/* Writes guest bytes whatever the guest's protection of their pages (as a
 * debugger's ptrace pokes do, and as stepping back must): pages the guest
 * cannot write are made writable for the copy. Unmapped pages are skipped;
 * returns false if there were any. */
bool guest_write_force(uint32_t addr, const void *src, uint32_t len);
/* Puts the map of [addr, addr + npages pages) back as old_flags (one
 * guest_page_flags value per page) says: unmaps pages that were not mapped,
 * maps again (as zeros) pages that were, restores protections. For stepping
 * back (the undo log's MAP records); the bytes come back separately. */
void guest_map_restore(uint32_t addr, uint32_t npages, const uint8_t *old_flags);
/* Where the next mmap without a usable hint starts searching: part of the
 * state that decides mmap results, so stepping back restores it. */
uint32_t guest_mmap_next_start(void);
void guest_mmap_set_next_start(uint32_t v);
/* All of the above return errors as the Linux kernel does for a 32-bit task:
 *   mmap:     -EINVAL unaligned MAP_FIXED address or offset, length 0, neither
 *             MAP_SHARED nor MAP_PRIVATE; -ENOMEM no free range, or a MAP_FIXED
 *             range past GUEST_MMAP_TOP; -EPERM MAP_FIXED at page 0; -EEXIST
 *             MAP_FIXED_NOREPLACE over a mapped page; host errors (-EBADF,
 *             -EACCES, -ENODEV, ...) passed through.
 *   munmap:   -EINVAL unaligned, length 0, range past GUEST_MMAP_TOP; unmapping
 *             pages that are not mapped is not an error.
 *   mprotect: -EINVAL unaligned or unknown prot bits; -ENOMEM a page of the range
 *             is not mapped (nothing changes then); length 0 succeeds.
 *   mremap:   -EINVAL bad address/flags/lengths (old_len 0 is not supported),
 *             overlapping MREMAP_FIXED ranges; -EFAULT the old range is not all
 *             mapped; -ENOMEM cannot grow in place without MREMAP_MAYMOVE.
 * Unmapped guest pages are always re-reserved PROT_NONE, never left as holes
 * the host could reuse (also after a failed host call). The host mapping of a
 * page gets PROT_READ when the guest asked for PROT_EXEC (the translator reads
 * the code); the page table keeps the guest's bits. guest_proc.invalidate_code
 * (if set) is called, outside the lock, for: MAP_FIXED over mapped pages, every
 * munmap of mapped pages, every successful mprotect, both ranges of a mremap.
 * Thread-safe (one mutex); guest_range_ok and guest_page_flags take no lock. */

/* Maps anonymous pages at [addr, addr+len) anywhere in the window, including at
 * or above GUEST_MMAP_TOP (the loader's kuser page), holding init[0..init_len)
 * followed by zeros, with guest protection prot. Returns 0 or a negative errno. */
int guest_map_fixed_anywhere(uint32_t addr, uint32_t len, int prot, const void *init, size_t init_len);

/* Writes the guest memory map to the log (-d page), in qemu-arm's format:
 * "page layout changed following <why>", then one line per run of pages. */
void guest_mem_log_map(const char *why);

/* Unmaps every guest page and resets the mmap search start (the loader's cleanup
 * after a failed load, and tests that load several programs). */
void guest_mem_unmap_all(void);
