/* /proc/self as the guest sees it (see proc_self.h). The generated files are
 * written into an anonymous memfd when opened, so that read, lseek, fstat and
 * close work on them as on any file, and the recorder sees ordinary reads. */
#include "linux/proc_self.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "linux/guest_mem.h"

/* The part of path after "/proc/self/" or "/proc/PID/" (PID = ours), or NULL. */
static const char *self_leaf(const char *path)
{
    if (strncmp(path, "/proc/", 6) != 0)
        return NULL;
    const char *s = path + 6;
    if (strncmp(s, "self/", 5) == 0)
        return s + 5;
    char pid[24];
    int n = snprintf(pid, sizeof pid, "%d/", (int)getpid());
    if (strncmp(s, pid, (size_t)n) == 0)
        return s + n;
    return NULL;
}

const char *proc_self_exe(struct linux_proc *p, const char *path)
{
    static char resolved[PATH_MAX];
    const char *leaf = self_leaf(path);
    if (!p->exe_path || !leaf || strcmp(leaf, "exe") != 0)
        return path;
    /* Resolved once, on first use (glibc asks early, before any chdir). */
    if (!resolved[0] && !realpath(p->exe_path, resolved))
        return p->exe_path;
    return resolved;
}

/* The loader's file-backed ranges (an executable and its interpreter have a
 * handful of segments each). */
#define MAX_NAMED_RANGES 32
static struct named_range {
    uint32_t start, end;
    uint64_t offset;
    char dev[16];
    unsigned long inode;
    char path[PATH_MAX];
} named[MAX_NAMED_RANGES];
static unsigned n_named;

void proc_self_name_range(uint32_t start, uint32_t end, int fd, const char *path, uint64_t offset)
{
    struct stat st;
    if (n_named == MAX_NAMED_RANGES || fstat(fd, &st) != 0)
        return;
    struct named_range *r = &named[n_named++];
    *r = (struct named_range){.start = start, .end = end, .offset = offset, .inode = (unsigned long)st.st_ino};
    snprintf(r->dev, sizeof r->dev, "%02x:%02x", major(st.st_dev), minor(st.st_dev));
    if (!realpath(path, r->path))
        snprintf(r->path, sizeof r->path, "%s", path);
}

/* The named range holding guest page addr, or NULL. */
static const struct named_range *named_at(uint32_t addr)
{
    for (unsigned i = 0; i < n_named; i++)
        if (addr >= named[i].start && addr < named[i].end)
            return &named[i];
    return NULL;
}

/* Guest bytes [start, end) into fd; false if they are not all readable. */
static bool write_guest_bytes(int fd, uint32_t start, uint32_t end)
{
    if (end < start || !guest_range_ok(start, end - start, PROT_READ))
        return false;
    const char *s = g2h(start);
    size_t left = end - start;
    while (left) {
        ssize_t w = write(fd, s, left);
        if (w <= 0)
            return false;
        s += w;
        left -= (size_t)w;
    }
    return true;
}

/* What a guest page run is called in the maps file when the host's mapping
 * has no file behind it: the names Linux gives an ARM process's stack, heap
 * and kuser helper page. */
static const char *anon_name(const struct linux_proc *p, uint32_t start, uint32_t end)
{
    if (p->initial_sp >= start && p->initial_sp < end)
        return "[stack]";
    uint32_t heap = (p->brk_start + GUEST_PAGE_MASK) & ~GUEST_PAGE_MASK;
    if (p->brk_cur > heap && start == heap)
        return "[heap]";
    if (start == 0xffff0000u)
        return "[vectors]";
    return "";
}

/* One line per run of guest pages with the same protection inside one host
 * mapping: the guest's addresses and protection bits (the host's differ:
 * executable guest pages are only readable on the host), the host's file
 * offset, device, inode and path. Columns as Linux (and qemu-arm) print them. */
static void write_maps_run(FILE *out, const struct linux_proc *p, uint32_t start, uint64_t end, uint8_t flags,
                           char share, uint64_t offset, const char *dev, unsigned long inode, const char *path)
{
    int n = fprintf(out, "%08" PRIx32 "-%08" PRIx64 " %c%c%c%c %08" PRIx64 " %s %lu", start, end,
                    (flags & PROT_READ) ? 'r' : '-', (flags & PROT_WRITE) ? 'w' : '-', (flags & PROT_EXEC) ? 'x' : '-',
                    share, offset, dev, inode);
    const char *name = inode ? path : anon_name(p, start, (uint32_t)(end - 1) + 1);
    if (*name)
        fprintf(out, "%*s%s", n < 73 ? 73 - n : 1, "", name);
    fputc('\n', out);
}

static bool write_maps(int fd, const struct linux_proc *p)
{
    FILE *host = fopen("/proc/self/maps", "re");
    if (!host)
        return false;
    FILE *out = fdopen(dup(fd), "w");
    if (!out) {
        fclose(host);
        return false;
    }
    const uint64_t win_lo = guest_base, win_hi = (uint64_t)guest_base + (1ull << 32);
    char line[PATH_MAX + 256];
    while (fgets(line, sizeof line, host)) {
        unsigned long long hs, he, off;
        char perms[8], dev[16];
        unsigned long inode;
        int pos = 0;
        if (sscanf(line, "%llx-%llx %7s %llx %15s %lu %n", &hs, &he, perms, &off, dev, &inode, &pos) < 6)
            continue;
        char *path = line + pos;
        path[strcspn(path, "\n")] = '\0';
        if (he <= win_lo || hs >= win_hi)
            continue;
        uint64_t lo = (hs > win_lo ? hs : win_lo) - win_lo, hi = (he < win_hi ? he : win_hi) - win_lo;
        const uint8_t *pages = guest_page_flags_table();
        /* Runs of pages with the same guest protection and the same loader
         * name (none for the host's own file mappings). */
        for (uint64_t pg = lo / GUEST_PAGE_SIZE; pg < hi / GUEST_PAGE_SIZE;) {
            uint8_t f = pages[pg];
            const struct named_range *nr = inode ? NULL : named_at((uint32_t)(pg * GUEST_PAGE_SIZE));
            uint64_t q = pg + 1;
            while (q < hi / GUEST_PAGE_SIZE && pages[q] == f &&
                   (inode ? NULL : named_at((uint32_t)(q * GUEST_PAGE_SIZE))) == nr)
                q++;
            uint32_t run = (uint32_t)(pg * GUEST_PAGE_SIZE);
            if (!(f & GUEST_PAGE_MAPPED))
                ;
            else if (nr)
                write_maps_run(out, p, run, q * GUEST_PAGE_SIZE, f, 'p', nr->offset + (run - nr->start), nr->dev,
                               nr->inode, nr->path);
            else
                write_maps_run(out, p, run, q * GUEST_PAGE_SIZE, f, perms[3],
                               inode ? off + (run + win_lo - hs) : 0, dev, inode, path);
            pg = q;
        }
    }
    fclose(host);
    return fclose(out) == 0;
}

bool proc_self_open(struct linux_proc *p, const char *path, int flags, int *result)
{
    const char *leaf = self_leaf(path);
    if (!leaf || (strcmp(leaf, "maps") != 0 && strcmp(leaf, "auxv") != 0 && strcmp(leaf, "cmdline") != 0))
        return false;
    if ((flags & O_ACCMODE) != O_RDONLY) {
        *result = -EACCES; /* the files are 0444 (0400 for auxv) */
        return true;
    }
    int fd = memfd_create(leaf, (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        *result = -errno;
        return true;
    }
    bool ok;
    if (strcmp(leaf, "maps") == 0)
        ok = write_maps(fd, p);
    else if (strcmp(leaf, "auxv") == 0)
        ok = write_guest_bytes(fd, p->auxv_addr, p->auxv_addr + p->auxv_len);
    else
        ok = write_guest_bytes(fd, p->arg_start, p->arg_end);
    if (!ok || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        *result = -EIO;
        return true;
    }
    *result = fd;
    return true;
}
