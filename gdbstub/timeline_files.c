/* The adapter's answers to the target's files and libraries (see
 * rsp_target.h): vFile host I/O on the files the program sees (an absolute
 * path is looked up under -L's sysroot first, the rule the program's own
 * opens follow, linux/sysroot_path.h), read-only; and the program's list of
 * loaded libraries, read from its r_debug/link_map at the current point of
 * history (r_debug is found through the DT_DEBUG entry of the program's
 * PT_DYNAMIC, the program headers through its auxv). */
#include "gdbstub/timeline_files.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/guest_mem.h"
#include "linux/host_fds.h"
#include "linux/sysroot_path.h"

#define MAX_OPEN 32 /* files gdb has open at once (it keeps a few per library) */

static int open_fds[MAX_OPEN];
static unsigned nopen;

static bool ours(int fd)
{
    for (unsigned i = 0; i < nopen; i++)
        if (open_fds[i] == fd)
            return true;
    return false;
}

/* gdb's File-I/O open flags: O_WRONLY 1, O_RDWR 2, O_APPEND 8, O_CREAT
 * 0x200, O_TRUNC 0x400, O_EXCL 0x800. Only reading is served: the stub
 * must not change the files of the program it records. */
int tf_open(const char *path, uint32_t gdb_flags, uint32_t mode)
{
    (void)mode;
    if (gdb_flags & (0x1 | 0x2 | 0x8 | 0x200 | 0x400 | 0x800))
        return -EROFS;
    if (nopen == MAX_OPEN)
        return -EMFILE;
    char buf[PATH_MAX];
    int fd = open(sysroot_path(path, buf, sizeof buf), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    /* Out of the program's way: its own next open gets the number it would
     * get without a debugger, and it cannot close or read this one. */
    fd = host_fd_reserve(fd);
    open_fds[nopen++] = fd;
    return fd;
}

int64_t tf_pread(int fd, void *buf, uint32_t count, uint64_t offset)
{
    if (!ours(fd))
        return -EBADF;
    ssize_t n = pread(fd, buf, count, (off_t)offset);
    return n < 0 ? -errno : n;
}

int tf_fstat(int fd, struct rsp_file_stat *st)
{
    struct stat s;
    if (!ours(fd))
        return -EBADF;
    if (fstat(fd, &s) != 0)
        return -errno;
    *st = (struct rsp_file_stat){
        .dev = (uint32_t)s.st_dev, .ino = (uint32_t)s.st_ino, .mode = s.st_mode, .nlink = (uint32_t)s.st_nlink,
        .uid = s.st_uid, .gid = s.st_gid, .rdev = (uint32_t)s.st_rdev, .size = (uint64_t)s.st_size,
        .blksize = (uint64_t)s.st_blksize, .blocks = (uint64_t)s.st_blocks, .atime = (uint32_t)s.st_atime,
        .mtime = (uint32_t)s.st_mtime, .ctime = (uint32_t)s.st_ctime,
    };
    return 0;
}

int tf_close(int fd)
{
    for (unsigned i = 0; i < nopen; i++)
        if (open_fds[i] == fd) {
            open_fds[i] = open_fds[--nopen];
            host_fd_release(fd);
            close(fd);
            return 0;
        }
    return -EBADF;
}

int64_t tf_readlink(const char *path, char *out, size_t len)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(sysroot_path(path, buf, sizeof buf), out, len);
    return n < 0 ? -errno : n;
}

void tf_close_all(void)
{
    while (nopen)
        tf_close(open_fds[0]);
}

/* A guest word, if readable. */
static bool word(uint32_t addr, uint32_t *out)
{
    if (!guest_range_ok(addr, 4, PROT_READ))
        return false;
    memcpy(out, g2h(addr), 4);
    return true;
}

static uint32_t auxv_get(const uint8_t *auxv, size_t len, uint32_t type)
{
    for (size_t i = 0; i + 8 <= len; i += 8) {
        uint32_t t, v;
        memcpy(&t, auxv + i, 4);
        memcpy(&v, auxv + i + 4, 4);
        if (t == type)
            return v;
        if (t == AT_NULL)
            break;
    }
    return 0;
}

/* The address of r_debug (0: not known yet, e.g. before ld.so has run, or
 * a static program). */
static uint32_t find_r_debug(const uint8_t *auxv, size_t auxv_len)
{
    uint32_t phdr = auxv_get(auxv, auxv_len, AT_PHDR), phnum = auxv_get(auxv, auxv_len, AT_PHNUM);
    uint32_t bias = 0, dyn = 0;
    bool have_dyn = false;
    for (uint32_t i = 0; i < phnum && i < 256; i++) {
        uint32_t a = phdr + i * (uint32_t)sizeof(Elf32_Phdr), type, vaddr;
        if (!word(a, &type) || !word(a + 8, &vaddr))
            return 0;
        if (type == PT_PHDR)
            bias = phdr - vaddr; /* a PIE's load bias */
        if (type == PT_DYNAMIC) {
            dyn = vaddr;
            have_dyn = true;
        }
    }
    if (!have_dyn)
        return 0;
    dyn += bias;
    for (uint32_t i = 0; i < 4096; i++) {
        uint32_t tag, val;
        if (!word(dyn + 8 * i, &tag) || !word(dyn + 8 * i + 4, &val) || tag == DT_NULL)
            return 0;
        if (tag == DT_DEBUG)
            return val;
    }
    return 0;
}

static void guest_string(uint32_t addr, char *out, size_t cap)
{
    size_t n = 0;
    while (addr && n + 1 < cap && guest_range_ok(addr + (uint32_t)n, 1, PROT_READ)) {
        char ch = *(const char *)g2h(addr + (uint32_t)n);
        if (!ch)
            break;
        out[n++] = ch;
    }
    out[n] = 0;
}

/* struct r_debug (32-bit): r_version, r_map, ...; struct link_map: l_addr,
 * l_name, l_ld, l_next, l_prev. The first entry is the program itself. */
int tf_libraries(const uint8_t *auxv, size_t auxv_len, struct rsp_library *out, unsigned max, uint32_t *main_lm)
{
    *main_lm = 0;
    uint32_t r_debug = find_r_debug(auxv, auxv_len), lm;
    if (!r_debug || !word(r_debug + 4, &lm))
        return 0; /* no list yet: gdb asks again at ld.so's notification breakpoint */
    unsigned n = 0;
    for (unsigned steps = 0; lm && steps < 4096; steps++) {
        uint32_t l_addr, l_name, l_ld, l_next;
        if (!word(lm, &l_addr) || !word(lm + 4, &l_name) || !word(lm + 8, &l_ld) || !word(lm + 12, &l_next))
            break;
        if (steps == 0) {
            *main_lm = lm;
        } else if (n < max) {
            guest_string(l_name, out[n].name, sizeof out[n].name);
            if (out[n].name[0]) { /* gdbserver leaves nameless entries out too */
                out[n].lm = lm;
                out[n].l_addr = l_addr;
                out[n].l_ld = l_ld;
                out[n].lmid = r_debug;
                n++;
            }
        }
        lm = l_next;
    }
    return (int)n;
}
