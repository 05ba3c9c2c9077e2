/* ELF loader: maps a 32-bit little-endian ARM executable (ET_EXEC or static-PIE
 * ET_DYN; with PT_INTERP the interpreter is looked up under sysroot) into guest
 * memory and builds the initial stack exactly as the Linux kernel lays it out
 * (argc, argv, envp, auxv, strings, AT_RANDOM bytes). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "linux/process.h"

struct load_request {
    const char *path;         /* file to load */
    const char *sysroot;      /* -L, may be NULL */
    char *const *argv;        /* guest argv, argv[0] included, NULL-terminated */
    char *const *envp;        /* guest environment, NULL-terminated */
    const uint8_t *at_random; /* 16 bytes for AT_RANDOM; NULL: from getrandom() */
    bool need_exec;           /* refuse a file without execute permission (EACCES), as execve */
    const char *execfn;       /* the AT_EXECFN string; NULL: path (a replay loads a copy of the file
                               * the recording ran, under the name it ran it by) */
    const char *interp;       /* open this file as the interpreter instead of looking PT_INTERP up
                               * (a replay's copy); NULL: look it up */
    char *interp_used;        /* if not NULL: the interpreter file opened ("" if none), for a recording */
    size_t interp_used_len;
};

/* Returns 0 on success (p filled), -1 with a one-line message in err
 * ("backstep: " is added by the caller) on any bad input. Never crashes on a
 * corrupt file. */
int linux_load(struct linux_proc *p, const struct load_request *req, char *err, size_t errlen);
/* What linux_load does, in this order (the order of qemu-arm 7.2, so that the
 * addresses match its traces):
 *   - calls guest_mem_init (a no-op if the caller already did) and
 *     linux_map_kuser_page;
 *   - maps the executable: ET_EXEC at its addresses; ET_DYN (static-PIE or PIE)
 *     at the first free range of the mmap search (0x40000000 in a fresh process);
 *   - maps an 8 MiB stack plus a PROT_NONE guard page below it with the same
 *     search (0x40000000-0x40801000 for ET_EXEC, stack top 0x40801000);
 *   - maps the interpreter (PT_INTERP; looked up as sysroot + path, then as the
 *     plain path) the same way: AT_BASE = its base, p->entry = its entry;
 *   - reserves p->sigpage (one page, see process.h);
 *   - writes the initial stack (see initial_stack.c) and fills p: entry,
 *     initial_sp, start_data, brk_start = brk_cur, auxv_addr/auxv_len (bytes,
 *     AT_NULL included), load_bias (of the executable), exe_path.
 * At entry Linux sets r0 = 0 (ELF_PLAT_INIT), r1 = word at sp+4, r2 = word at
 * sp+8 (arch/arm start_thread); qemu-arm additionally puts start_data in r10.
 * On failure after something was mapped, all guest pages are unmapped again. */

/* The kuser helpers page (read+exec, __kuser_helper_version = 5). Called by
 * linux_load; exported for tests and for callers that build a process by hand.
 * Returns 0 or a negative errno. */
#define KUSER_PAGE_ADDR 0xffff0000u
#define KUSER_HELPER_VERSION_ADDR 0xffff0ffcu
int linux_map_kuser_page(void);

/* Stack size and the size of the guard page below it. */
#define LINUX_STACK_SIZE (8u << 20)
#define LINUX_STACK_GUARD 4096u
