/* linux_load: validates the executable (and its interpreter), maps them, the
 * stack, the kuser page and the signal page, and writes the initial stack.
 * The steps and their order are documented in loader.h. */
#include "linux/loader.h"
#include "linux/sigpage.h"
#include "linux/sys_signal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/elf_check.h"
#include "linux/elf_map.h"
#include "linux/elf_symbols.h"
#include "linux/guest_mem.h"
#include "linux/initial_stack.h"

/* Where Debian's cross toolchains keep the sysroot for an interpreter: the
 * glibc ABI is in the interpreter's name (armel's ld-linux.so.3 is in
 * gcc-arm-linux-gnueabi's /usr/arm-linux-gnueabi, armhf's
 * ld-linux-armhf.so.3 in /usr/arm-linux-gnueabihf). NULL: no guess. */
static const char *sysroot_hint(const char *interp)
{
    static const struct {
        const char *name, *sysroot;
    } known[] = {
        {"ld-linux.so.3", "/usr/arm-linux-gnueabi"},
        {"ld-linux-armhf.so.3", "/usr/arm-linux-gnueabihf"},
    };
    const char *base = strrchr(interp, '/');
    base = base ? base + 1 : interp;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(base, known[i].name) == 0)
            return known[i].sysroot;
    return NULL;
}

/* Opens the interpreter named by PT_INTERP: sysroot + path first, then the
 * plain path (qemu-arm's -L lookup falls back the same way). */
static int open_interp(struct elf_image *interp, const struct elf_image *exe, const char *sysroot,
                       char *pathbuf, size_t pathlen, char *err, size_t errlen)
{
    char name[4096];
    if (elf_read_interp(exe, name, sizeof name, err, errlen) != 0)
        return -1;
    bool found = false;
    if (sysroot && *sysroot) {
        snprintf(pathbuf, pathlen, "%s/%s", sysroot, name);
        found = access(pathbuf, F_OK) == 0;
    }
    if (!found) {
        snprintf(pathbuf, pathlen, "%s", name);
        found = access(pathbuf, F_OK) == 0;
    }
    if (!found) {
        if (sysroot && *sysroot)
            snprintf(err, errlen, "%s: program interpreter %s not found under the sysroot %s (nor on the host)",
                     exe->path, name, sysroot);
        else if (sysroot_hint(name))
            snprintf(err, errlen, "%s: program interpreter %s not found (give an ARM sysroot with -L, e.g. -L %s)",
                     exe->path, name, sysroot_hint(name));
        else
            snprintf(err, errlen, "%s: program interpreter %s not found (give an ARM sysroot that has it with -L)",
                     exe->path, name);
        return -1;
    }
    if (elf_open(interp, pathbuf, false, err, errlen) != 0)
        return -1;
    if (interp->interp_index >= 0) {
        snprintf(err, errlen, "%s: the program interpreter itself asks for an interpreter", pathbuf);
        elf_close(interp);
        return -1;
    }
    return 0;
}

/* The stack is executable unless PT_GNU_STACK says otherwise: without the
 * header Linux assumes an executable stack (fs/binfmt_elf.c: executable_stack
 * = EXSTACK_DEFAULT, and arm_elf_read_implies_exec() then sets READ_IMPLIES_EXEC). */
static bool exec_stack(const struct elf_image *exe)
{
    for (unsigned i = 0; i < exe->phnum; i++) {
        if (exe->ph[i].p_type == PT_GNU_STACK)
            return (exe->ph[i].p_flags & PF_X) != 0;
    }
    return true;
}

/* The stack and its guard page: one mapping from the mmap search, like
 * qemu-arm 7.2 setup_arg_pages (guard at the bottom, PROT_NONE). */
static int map_stack(bool exec, uint32_t *top, uint32_t *limit, char *err, size_t errlen)
{
    uint32_t size = LINUX_STACK_SIZE + LINUX_STACK_GUARD;
    int prot = PROT_READ | PROT_WRITE | (exec ? PROT_EXEC : 0);
    int64_t at = guest_mmap(0, size, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (at < 0) {
        snprintf(err, errlen, "cannot map the stack: %s", strerror((int)-at));
        return -1;
    }
    int r = guest_mprotect((uint32_t)at, LINUX_STACK_GUARD, PROT_NONE);
    if (r != 0) {
        snprintf(err, errlen, "cannot protect the stack guard page: %s", strerror(-r));
        return -1;
    }
    *limit = (uint32_t)at + LINUX_STACK_GUARD;
    *top = (uint32_t)at + size;
    return 0;
}

static int load_all(struct linux_proc *p, const struct load_request *req, struct elf_image *exe,
                    struct elf_image *interp, char *err, size_t errlen)
{
    int r = linux_map_kuser_page();
    if (r != 0) {
        snprintf(err, errlen, "cannot map the kuser helper page: %s", strerror(-r));
        return -1;
    }
    struct elf_loaded ex, in = {0};
    if (elf_map_image(exe, &ex, err, errlen) != 0)
        return -1;
    uint32_t stack_top, stack_limit;
    if (map_stack(exec_stack(exe), &stack_top, &stack_limit, err, errlen) != 0)
        return -1;
    bool has_interp = interp->fd >= 0;
    if (has_interp && elf_map_image(interp, &in, err, errlen) != 0)
        return -1;
    if (log_enabled(LOG_IN_ASM)) { /* "IN: function" names, as qemu-arm */
        if (has_interp)
            elf_symbols_add(interp, in.bias);
        elf_symbols_add(exe, ex.bias);
    }
    int64_t sig = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sig < 0) {
        snprintf(err, errlen, "cannot map the signal page: %s", strerror((int)-sig));
        return -1;
    }
    sigpage_fill((uint32_t)sig);
    guest_mprotect((uint32_t)sig, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);

    uint8_t random[16];
    if (req->at_random) {
        memcpy(random, req->at_random, sizeof random);
    } else if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random) {
        snprintf(err, errlen, "getrandom failed: %s", strerror(errno));
        return -1;
    }
    char *const empty[] = {NULL};
    struct stack_params sp = {
        .argv = req->argv ? req->argv : empty,
        .envp = req->envp ? req->envp : empty,
        .execfn = req->execfn ? req->execfn : req->path,
        .random = random,
        .phdr = ex.phdr_addr,
        .phnum = exe->phnum,
        .entry = ex.entry,
        .base = has_interp ? in.base : 0,
    };
    struct stack_result st;
    if (initial_stack_build(stack_top, stack_limit, &sp, &st, err, errlen) != 0)
        return -1;

    p->entry = has_interp ? in.entry : ex.entry;
    p->initial_sp = st.sp;
    p->start_data = ex.start_data;
    p->brk_start = p->brk_cur = ex.brk;
    p->auxv_addr = st.auxv_addr;
    p->auxv_len = st.auxv_len;
    p->arg_start = st.arg_start;
    p->arg_end = st.arg_end;
    p->load_bias = ex.bias;
    p->exe_path = req->path;
    p->sigpage = (uint32_t)sig;
    if (log_enabled(LOG_PAGE)) {
        guest_mem_log_map("binary load");
        log_printf("entry       0x%08x\nstart_data  0x%08x\nbrk         0x%08x\nstack_sp    0x%08x\n"
                   "load_bias   0x%08x\nauxv        0x%08x (%u bytes)\n",
                   p->entry, p->start_data, p->brk_start, p->initial_sp, p->load_bias, p->auxv_addr, p->auxv_len);
    }
    return 0;
}

int linux_load(struct linux_proc *p, const struct load_request *req, char *err, size_t errlen)
{
    if (!req || !req->path) {
        snprintf(err, errlen, "no program given");
        return -1;
    }
    if (!guest_mem_init(err, errlen))
        return -1;
    struct elf_image *exe = NULL, *interp = NULL;
    static struct elf_image exe_img, interp_img; /* 4 KiB each: keep them off the stack */
    exe = &exe_img;
    interp = &interp_img;
    interp->fd = -1;
    char interp_path[PATH_MAX + 4096];
    if (elf_open(exe, req->path, req->need_exec, err, errlen) != 0)
        return -1;
    interp_path[0] = '\0';
    if (exe->interp_index >= 0 && req->interp) {
        snprintf(interp_path, sizeof interp_path, "%s", req->interp);
        if (elf_open(interp, interp_path, false, err, errlen) != 0) {
            elf_close(exe);
            return -1;
        }
    } else if (exe->interp_index >= 0 &&
               open_interp(interp, exe, req->sysroot, interp_path, sizeof interp_path, err, errlen) != 0) {
        elf_close(exe);
        return -1;
    }
    if (req->interp_used)
        snprintf(req->interp_used, req->interp_used_len, "%s", interp_path);
    int rc = load_all(p, req, exe, interp, err, errlen);
    elf_close(exe);
    elf_close(interp);
    if (rc != 0)
        guest_mem_unmap_all();
    else
        guest_signals_inherit_host(p);
    return rc;
}
