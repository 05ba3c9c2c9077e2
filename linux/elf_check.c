/* Validation of ELF headers and program headers (see elf_check.h). The order of
 * the checks matters for the messages: the most specific explanation of why a
 * file cannot run (64-bit, big-endian, other machine) is given first. */
#include "linux/elf_check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/guest_mem.h"

bool elf_pread_all(int fd, void *buf, size_t len, uint64_t offset)
{
    uint8_t *p = buf;
    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
        offset += (uint64_t)n;
    }
    return true;
}

const char *elf_machine_name(unsigned machine, char *buf, size_t buflen)
{
    switch (machine) {
    case EM_NONE: return "none";
    case EM_SPARC: return "SPARC";
    case EM_386: return "x86 (i386)";
    case EM_68K: return "m68k";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "IBM S/390";
    case EM_ARM: return "ARM";
    case EM_SH: return "SuperH";
    case EM_SPARCV9: return "SPARC64";
    case EM_IA_64: return "IA-64";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_RISCV: return "RISC-V";
    case EM_BPF: return "BPF";
    case 258: return "LoongArch";
    default: snprintf(buf, buflen, "unknown machine %u", machine); return buf;
    }
}

static unsigned read16(const uint8_t *p, bool big) { return big ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]); }

/* Header checks on the first bytes of the file (n of them were read). */
static int check_ident(const char *path, const uint8_t *b, size_t n, char *err, size_t errlen)
{
    char mbuf[32];
    if (n < SELFMAG || memcmp(b, ELFMAG, SELFMAG) != 0) {
        if (n >= 2 && b[0] == '#' && b[1] == '!')
            snprintf(err, errlen, "%s: not an ELF file (it is a #! script)", path);
        else
            snprintf(err, errlen, "%s: not an ELF file", path);
        return -1;
    }
    if (n < EI_NIDENT) {
        snprintf(err, errlen, "%s: truncated ELF header (%zu bytes)", path, n);
        return -1;
    }
    bool big = b[EI_DATA] == ELFDATA2MSB;
    unsigned machine = n >= 20 ? read16(b + 18, big) : 0;
    if (b[EI_CLASS] == ELFCLASS64) {
        if (machine == EM_AARCH64)
            snprintf(err, errlen, "%s: ARM64/64-bit ELF not supported (AArch64); backstep runs 32-bit ARM programs",
                     path);
        else
            snprintf(err, errlen, "%s: 64-bit ELF not supported (machine: %s); backstep runs 32-bit ARM programs",
                     path, n >= 20 ? elf_machine_name(machine, mbuf, sizeof mbuf) : "unknown");
        return -1;
    }
    if (b[EI_CLASS] != ELFCLASS32) {
        snprintf(err, errlen, "%s: invalid ELF class %u", path, b[EI_CLASS]);
        return -1;
    }
    if (big) {
        if (machine == EM_ARM)
            snprintf(err, errlen, "%s: big-endian ARM ELF not supported (only little-endian ARM)", path);
        else
            snprintf(err, errlen, "%s: big-endian ELF not supported (machine: %s)", path,
                     n >= 20 ? elf_machine_name(machine, mbuf, sizeof mbuf) : "unknown");
        return -1;
    }
    if (b[EI_DATA] != ELFDATA2LSB) {
        snprintf(err, errlen, "%s: invalid ELF data encoding %u", path, b[EI_DATA]);
        return -1;
    }
    if (n < sizeof(Elf32_Ehdr)) {
        snprintf(err, errlen, "%s: truncated ELF header (%zu of %zu bytes)", path, n, sizeof(Elf32_Ehdr));
        return -1;
    }
    if (machine != EM_ARM) {
        snprintf(err, errlen, "%s: not an ARM executable (machine: %s)", path, elf_machine_name(machine, mbuf, sizeof mbuf));
        return -1;
    }
    return 0;
}

static int check_ehdr(const struct elf_image *img, char *err, size_t errlen)
{
    const Elf32_Ehdr *eh = &img->eh;
    const char *path = img->path;
    if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT) {
        snprintf(err, errlen, "%s: unsupported ELF version %u", path, eh->e_version);
        return -1;
    }
    switch (eh->e_type) {
    case ET_EXEC:
    case ET_DYN:
        break;
    case ET_REL:
        snprintf(err, errlen, "%s: relocatable object file (.o), not an executable", path);
        return -1;
    case ET_CORE:
        snprintf(err, errlen, "%s: core dump, not an executable", path);
        return -1;
    default:
        snprintf(err, errlen, "%s: unknown ELF type %u", path, eh->e_type);
        return -1;
    }
    if (eh->e_phnum == 0) {
        snprintf(err, errlen, "%s: corrupt ELF: no program headers", path);
        return -1;
    }
    if (eh->e_phentsize != sizeof(Elf32_Phdr)) {
        snprintf(err, errlen, "%s: corrupt ELF: program header size %u (expected %zu)", path, eh->e_phentsize,
                 sizeof(Elf32_Phdr));
        return -1;
    }
    if (eh->e_phnum > ELF_MAX_PHNUM) {
        snprintf(err, errlen, "%s: corrupt ELF: too many program headers (%u)", path, eh->e_phnum);
        return -1;
    }
    uint64_t end = (uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr);
    if (end > img->file_size) {
        snprintf(err, errlen, "%s: corrupt ELF: program header table (%u x 32 bytes at offset %#x) extends past end of file (%llu bytes)",
                 path, eh->e_phnum, eh->e_phoff, (unsigned long long)img->file_size);
        return -1;
    }
    return 0;
}

static int check_load(const struct elf_image *img, unsigned i, char *err, size_t errlen)
{
    const Elf32_Phdr *ph = &img->ph[i];
    const char *path = img->path;
    if (ph->p_filesz > ph->p_memsz) {
        snprintf(err, errlen, "%s: corrupt ELF: segment %u has file size %#x larger than memory size %#x", path, i,
                 ph->p_filesz, ph->p_memsz);
        return -1;
    }
    if ((uint64_t)ph->p_offset + ph->p_filesz > img->file_size) {
        snprintf(err, errlen, "%s: corrupt ELF: segment %u data (offset %#x, size %#x) extends past end of file (%llu bytes)",
                 path, i, ph->p_offset, ph->p_filesz, (unsigned long long)img->file_size);
        return -1;
    }
    if ((ph->p_vaddr - ph->p_offset) & GUEST_PAGE_MASK) {
        snprintf(err, errlen, "%s: corrupt ELF: segment %u address %#x and file offset %#x differ modulo the page size",
                 path, i, ph->p_vaddr, ph->p_offset);
        return -1;
    }
    uint64_t end = (uint64_t)ph->p_vaddr + ph->p_memsz;
    if (end > (1ull << 32)) {
        snprintf(err, errlen, "%s: segment %u (%#x + %#x bytes) extends beyond the 32-bit address space", path, i,
                 ph->p_vaddr, ph->p_memsz);
        return -1;
    }
    if (end > GUEST_MMAP_TOP) {
        snprintf(err, errlen, "%s: segment %u (%#x-%#llx) overlaps the kuser helper page at 0xffff0000", path, i,
                 ph->p_vaddr, (unsigned long long)end);
        return -1;
    }
    /* The kernel refuses to map page 0 (vm.mmap_min_addr >= 4096). */
    if (img->eh.e_type == ET_EXEC && ph->p_vaddr < GUEST_PAGE_SIZE) {
        snprintf(err, errlen, "%s: segment %u at %#x lies below the lowest mappable address %#x", path, i,
                 ph->p_vaddr, GUEST_PAGE_SIZE);
        return -1;
    }
    return 0;
}

static int check_phdrs(struct elf_image *img, char *err, size_t errlen)
{
    bool any_load = false;
    uint64_t lo = UINT64_MAX, hi = 0;
    img->interp_index = -1;
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type == PT_INTERP && img->interp_index < 0) {
            if ((uint64_t)ph->p_offset + ph->p_filesz > img->file_size || ph->p_filesz < 2 || ph->p_filesz > 4096) {
                snprintf(err, errlen, "%s: corrupt ELF: bad interpreter path (PT_INTERP offset %#x, size %#x)",
                         img->path, ph->p_offset, ph->p_filesz);
                return -1;
            }
            img->interp_index = (int)i;
        }
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        if (check_load(img, i, err, errlen) != 0)
            return -1;
        any_load = true;
        uint64_t s = ph->p_vaddr & ~(uint64_t)GUEST_PAGE_MASK;
        uint64_t e = ((uint64_t)ph->p_vaddr + ph->p_memsz + GUEST_PAGE_MASK) & ~(uint64_t)GUEST_PAGE_MASK;
        if (s < lo)
            lo = s;
        if (e > hi)
            hi = e;
    }
    if (!any_load) {
        snprintf(err, errlen, "%s: corrupt ELF: no loadable segment (PT_LOAD)", img->path);
        return -1;
    }
    img->lo = (uint32_t)lo;
    img->hi = (uint32_t)hi;
    return 0;
}

int elf_open(struct elf_image *img, const char *path, bool need_exec, char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    img->path = path;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below). */
    img->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (img->fd < 0) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(img->fd, &st) != 0) {
        snprintf(err, errlen, "%s: cannot stat: %s", path, strerror(errno));
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a directory", path);
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        goto fail;
    }
    /* execve needs execute permission before it looks at the contents
     * (fs/exec.c do_open_execat opens with MAY_EXEC: EACCES without an x bit
     * for us, also for root, or on a noexec mount); qemu-arm refuses a file
     * with no x bit the same way. access(2) with AT_EACCESS asks the kernel
     * that question for our effective ids. */
    if (need_exec && faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) != 0) {
        snprintf(err, errlen, "%s: cannot execute: %s", path, strerror(errno));
        goto fail;
    }
    img->file_size = (uint64_t)st.st_size;
    uint8_t head[sizeof(Elf32_Ehdr)];
    size_t n = img->file_size < sizeof head ? (size_t)img->file_size : sizeof head;
    errno = 0;
    if (!elf_pread_all(img->fd, head, n, 0)) {
        snprintf(err, errlen, "%s: read error: %s", path, errno ? strerror(errno) : "short read");
        goto fail;
    }
    if (check_ident(path, head, n, err, errlen) != 0)
        goto fail;
    memcpy(&img->eh, head, sizeof img->eh);
    if (check_ehdr(img, err, errlen) != 0)
        goto fail;
    img->phnum = img->eh.e_phnum;
    if (!elf_pread_all(img->fd, img->ph, img->phnum * sizeof(Elf32_Phdr), img->eh.e_phoff)) {
        snprintf(err, errlen, "%s: read error in program headers", path);
        goto fail;
    }
    if (check_phdrs(img, err, errlen) != 0)
        goto fail;
    return 0;
fail:
    elf_close(img);
    return -1;
}

void elf_close(struct elf_image *img)
{
    if (img->fd >= 0)
        close(img->fd);
    img->fd = -1;
}

int elf_read_interp(const struct elf_image *img, char *buf, size_t buflen, char *err, size_t errlen)
{
    const Elf32_Phdr *ph = &img->ph[img->interp_index];
    if (ph->p_filesz > buflen || !elf_pread_all(img->fd, buf, ph->p_filesz, ph->p_offset)) {
        snprintf(err, errlen, "%s: cannot read the interpreter path", img->path);
        return -1;
    }
    if (buf[ph->p_filesz - 1] != '\0' || strlen(buf) != ph->p_filesz - 1 || buf[0] == '\0') {
        snprintf(err, errlen, "%s: corrupt ELF: interpreter path is not a NUL-terminated string", img->path);
        return -1;
    }
    return 0;
}
