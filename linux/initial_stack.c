/* The initial stack as Linux builds it for an ARM ELF program (fs/binfmt_elf.c
 * create_elf_tables), placed byte for byte where qemu-arm 7.2 places it (its
 * linux-user/elfload.c create_elf_tables) so that register traces of the two
 * tools can be diffed. From the top down:
 *
 *   stack_top - 8    end of the strings (qemu leaves 8 bytes; the kernel 4)
 *                    execfn string (AT_EXECFN)
 *                    env strings, then arg strings (argv[0] lowest)
 *                    platform string "v7l", rounded to 4 bytes (AT_PLATFORM)
 *   16-aligned       16 AT_RANDOM bytes
 *                    (gap)
 *   sp, 16-aligned   argc, argv[0..argc-1], NULL, envp[..], NULL, auxv pairs
 *
 * The kernel aligns before the platform string instead of after it; we follow
 * qemu, which every guest accepts as well (nothing may assume string gaps). */
#include "linux/initial_stack.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "linux/guest_ident.h"
#include "linux/guest_mem.h"

static uint32_t push_bytes(uint32_t p, const void *data, size_t len)
{
    p -= (uint32_t)len;
    memcpy(g2h(p), data, len);
    return p;
}

static void put32(uint32_t addr, uint32_t v) { memcpy(g2h(addr), &v, 4); }

static size_t count(char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

int initial_stack_build(uint32_t stack_top, uint32_t stack_limit, const struct stack_params *sp,
                        struct stack_result *out, char *err, size_t errlen)
{
    size_t argc = count(sp->argv), envc = count(sp->envp);
    /* Size check first: the kernel allows strings up to a quarter of the stack
     * limit (fs/exec.c get_arg_page), else execve fails with E2BIG. */
    uint64_t need = 8 + strlen(sp->execfn) + 1 + 4 + 16 + 16 + 16;
    for (size_t i = 0; i < argc; i++)
        need += strlen(sp->argv[i]) + 1 + 4;
    for (size_t i = 0; i < envc; i++)
        need += strlen(sp->envp[i]) + 1 + 4;
    need += 4 * (3 + 2 * INITIAL_STACK_AUXV_ENTRIES);
    if (need > (uint64_t)(stack_top - stack_limit) / 4) {
        snprintf(err, errlen, "argument list and environment too long (%llu bytes)", (unsigned long long)need);
        return -1;
    }

    uint32_t p = stack_top - 8;
    p = push_bytes(p, sp->execfn, strlen(sp->execfn) + 1);
    uint32_t execfn_addr = p;
    /* Strings go below execfn in reverse so that argv[0] ends up lowest and
     * all strings ascend in order; their addresses are recomputed when the
     * pointer arrays are written. */
    for (size_t i = envc; i-- > 0;)
        p = push_bytes(p, sp->envp[i], strlen(sp->envp[i]) + 1);
    for (size_t i = argc; i-- > 0;)
        p = push_bytes(p, sp->argv[i], strlen(sp->argv[i]) + 1);
    uint32_t strings = p;

    size_t plen = sizeof BACKSTEP_PLATFORM; /* with its NUL */
    p -= (uint32_t)((plen + 3) & ~3u);
    memcpy(g2h(p), BACKSTEP_PLATFORM, plen);
    uint32_t platform_addr = p;

    p &= ~15u;
    p = push_bytes(p, sp->random, 16);
    uint32_t random_addr = p;

    uint32_t words = 1 + (uint32_t)argc + 1 + (uint32_t)envc + 1 + 2 * INITIAL_STACK_AUXV_ENTRIES;
    uint32_t s = (p - words * 4) & ~15u;
    out->sp = s;

    uint32_t w = s;
    put32(w, (uint32_t)argc), w += 4;
    uint32_t str = strings;
    for (size_t i = 0; i < argc; i++) {
        put32(w, str), w += 4;
        str += (uint32_t)strlen(sp->argv[i]) + 1;
    }
    out->arg_start = strings;
    out->arg_end = str;
    put32(w, 0), w += 4;
    for (size_t i = 0; i < envc; i++) {
        put32(w, str), w += 4;
        str += (uint32_t)strlen(sp->envp[i]) + 1;
    }
    put32(w, 0), w += 4;

    /* The order of qemu-arm 7.2 (the kernel's differs; no program may depend on it). */
    const uint32_t auxv[INITIAL_STACK_AUXV_ENTRIES][2] = {
        {AT_PHDR, sp->phdr},
        {AT_PHENT, sizeof(Elf32_Phdr)},
        {AT_PHNUM, sp->phnum},
        {AT_PAGESZ, GUEST_PAGE_SIZE},
        {AT_BASE, sp->base},
        {AT_FLAGS, 0},
        {AT_ENTRY, sp->entry},
        {AT_UID, guest_ident()->uid},
        {AT_EUID, guest_ident()->euid},
        {AT_GID, guest_ident()->gid},
        {AT_EGID, guest_ident()->egid},
        {AT_HWCAP, BACKSTEP_HWCAP},
        {AT_CLKTCK, 100},
        {AT_RANDOM, random_addr},
        {AT_SECURE, 0},
        {AT_EXECFN, execfn_addr},
        {AT_HWCAP2, BACKSTEP_HWCAP2},
        {AT_PLATFORM, platform_addr},
        {AT_NULL, 0},
    };
    out->auxv_addr = w;
    out->auxv_len = sizeof auxv;
    memcpy(g2h(w), auxv, sizeof auxv);
    return 0;
}
