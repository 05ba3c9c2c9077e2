/* The one description of every ARM EABI syscall backstep knows: number, name,
 * handler (NULL: unsupported, the guest gets -ENOSYS) and what it changes
 * besides r0. The entries themselves are in linux/syscall_list.h; handlers are
 * in linux/sys_*.c. Handlers never print and never touch guest memory they
 * have not validated with guest_range_ok (see linux/syscall_impl.h). */
#pragma once
#include <stdint.h>

#include "linux/process.h"

/* A handler returns a negative errno in [-4095, -1] or a value whose low 32
 * bits are the guest's r0 (mmap2 addresses above 2 GiB are positive here). */
typedef int64_t sys_handler_fn(struct linux_proc *p, const uint32_t a[7]);

/* What a syscall changes apart from r0 (for the undo and replay logs). */
enum {
    SYSF_WRITES_MEM = 1u << 0, /* writes guest memory; every byte is reported through syscall_note_write */
    SYSF_MAP = 1u << 1,        /* changes the guest memory map (mmap, brk, ...) */
    SYSF_STATE = 1u << 2,      /* changes emulated process state (TLS, signal table, exit) */
};

struct syscall_desc {
    uint32_t nr;
    const char *name;
    sys_handler_fn *handler;
    unsigned flags;
};

/* The entry for guest syscall nr, or NULL if nr names no syscall at all. */
const struct syscall_desc *syscall_lookup(uint32_t nr);

/* Every entry, for tests and tools, in ascending number order. */
const struct syscall_desc *syscall_table_entries(unsigned *count);

/* The single hook through which handlers report that guest bytes
 * [addr, addr+len) may be written by this syscall (by the host kernel or by
 * the handler). Called BEFORE the bytes change, with every byte that may
 * change (a superset of what is finally written, e.g. the whole buffer of a
 * read), so a recorder can save pre-images here and post-images of the same
 * ranges after linux_syscall returns. Changes of the map itself (mmap of fresh
 * pages, munmap, brk, mprotect, mremap) are not reported here: those syscalls
 * carry SYSF_MAP. A no-op unless a hook is set. */
typedef void syscall_write_hook_fn(void *ctx, uint32_t addr, uint32_t len);
void syscall_set_write_hook(syscall_write_hook_fn *fn, void *ctx);
void syscall_note_write(uint32_t addr, uint32_t len);
