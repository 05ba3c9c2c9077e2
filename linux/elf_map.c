/* Maps an ELF image's PT_LOAD segments (see elf_map.h). The whole span is first
 * mapped as zeroed anonymous read-write memory, the file bytes are read into it
 * (so .bss, including the tail of the last file page after p_filesz, is zero as
 * fs/binfmt_elf.c padzero() guarantees), then each page gets the protection of
 * the segments covering it and pages between segments are unmapped again. */
#include "linux/elf_map.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "linux/guest_mem.h"
#include "linux/proc_self.h"

static int seg_prot(uint32_t pflags)
{
    return ((pflags & PF_R) ? PROT_READ : 0) | ((pflags & PF_W) ? PROT_WRITE : 0) | ((pflags & PF_X) ? PROT_EXEC : 0);
}

/* qemu-arm 7.2 load_elf_image: start_data = lowest writable segment address,
 * end_code = highest end of file data of executable segments; with no writable
 * segment start_data = end_code. It puts start_data in r10 at entry. */
static void code_data_bounds(const struct elf_image *img, uint32_t bias, struct elf_loaded *out)
{
    uint64_t start_data = UINT64_MAX, end_code = 0;
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        uint64_t vaddr = (uint64_t)ph->p_vaddr + bias;
        if ((ph->p_flags & PF_X) && vaddr + ph->p_filesz > end_code)
            end_code = vaddr + ph->p_filesz;
        if ((ph->p_flags & PF_W) && vaddr < start_data)
            start_data = vaddr;
    }
    out->start_data = (uint32_t)(start_data == UINT64_MAX ? end_code : start_data);
}

/* AT_PHDR as fs/binfmt_elf.c computes it: the PT_LOAD whose file bytes contain
 * e_phoff locates the table in memory; else PT_PHDR; else 0. */
static uint32_t phdr_address(const struct elf_image *img, uint32_t bias)
{
    uint32_t phoff = img->eh.e_phoff;
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type == PT_LOAD && ph->p_offset <= phoff && (uint64_t)phoff < (uint64_t)ph->p_offset + ph->p_filesz)
            return phoff - ph->p_offset + ph->p_vaddr + bias;
    }
    for (unsigned i = 0; i < img->phnum; i++) {
        if (img->ph[i].p_type == PT_PHDR)
            return img->ph[i].p_vaddr + bias;
    }
    return 0;
}

/* Sets each page of the span to the union of the protections of the segments
 * touching it; unmaps pages no segment touches. */
static int apply_protections(const struct elf_image *img, uint32_t bias, char *err, size_t errlen)
{
    uint32_t npages = (img->hi - img->lo) / GUEST_PAGE_SIZE;
    uint8_t *prot = calloc(npages, 1);
    if (!prot) {
        snprintf(err, errlen, "%s: out of memory", img->path);
        return -1;
    }
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
            continue;
        uint32_t first = (ph->p_vaddr - img->lo) / GUEST_PAGE_SIZE;
        uint32_t last = (uint32_t)(((uint64_t)ph->p_vaddr + ph->p_memsz - 1 - img->lo) / GUEST_PAGE_SIZE);
        for (uint32_t p = first; p <= last; p++)
            prot[p] |= (uint8_t)(0x80 | seg_prot(ph->p_flags));
    }
    int rc = 0;
    for (uint32_t p = 0; p < npages && rc == 0;) {
        uint32_t q = p;
        while (q < npages && prot[q] == prot[p])
            q++;
        uint32_t addr = img->lo + bias + p * GUEST_PAGE_SIZE, len = (q - p) * GUEST_PAGE_SIZE;
        int r = prot[p] ? guest_mprotect(addr, len, prot[p] & 7) : guest_munmap(addr, len);
        if (r != 0) {
            snprintf(err, errlen, "%s: cannot set segment protection at %#x: %s", img->path, addr, strerror(-r));
            rc = -1;
        }
        p = q;
    }
    free(prot);
    return rc;
}

/* Copies up to len bytes of the file at off into dst; bytes past the end of
 * the file stay as they are (zero), as in a mapping of the file's last page. */
static void copy_file_bytes(int fd, void *dst, uint32_t len, uint64_t off)
{
    uint8_t *p = dst;
    while (len > 0) {
        ssize_t got = pread(fd, p, len, (off_t)off);
        if (got <= 0)
            return;
        p += got;
        off += (uint64_t)got;
        len -= (uint32_t)got;
    }
}

int elf_map_image(const struct elf_image *img, struct elf_loaded *out, char *err, size_t errlen)
{
    uint32_t span = img->hi - img->lo;
    int64_t at;
    if (img->eh.e_type == ET_EXEC)
        at = guest_mmap(img->lo, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    else
        at = guest_mmap(0, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (at < 0) {
        if (at == -EEXIST)
            snprintf(err, errlen, "%s: segments at %#x-%#x overlap memory already in use", img->path, img->lo, img->hi);
        else if (at == -EPERM)
            snprintf(err, errlen, "%s: cannot map %#x: below the host's vm.mmap_min_addr (/proc/sys/vm/mmap_min_addr)",
                     img->path, img->lo);
        else
            snprintf(err, errlen, "%s: cannot map %#x bytes at %#x: %s", img->path, span, img->lo, strerror((int)-at));
        return -1;
    }
    uint32_t bias = (uint32_t)at - img->lo;
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type != PT_LOAD || ph->p_memsz == 0 || ph->p_filesz == 0)
            continue;
        if (!elf_pread_all(img->fd, g2h(ph->p_vaddr + bias), ph->p_filesz, ph->p_offset)) {
            snprintf(err, errlen, "%s: read error in segment %u", img->path, i);
            guest_munmap((uint32_t)at, span);
            return -1;
        }
        /* The kernel maps whole file pages: the rest of the last page holds
         * the file's following bytes, unless the segment has a .bss, whose
         * first page padzero() clears (fs/binfmt_elf.c). Same for the bytes of
         * the first page before p_vaddr. */
        uint32_t head = ph->p_vaddr & GUEST_PAGE_MASK;
        if (head && ph->p_offset >= head)
            copy_file_bytes(img->fd, g2h(ph->p_vaddr + bias - head), head, ph->p_offset - head);
        uint32_t end = ph->p_vaddr + ph->p_filesz;
        uint32_t tail = (GUEST_PAGE_SIZE - (end & GUEST_PAGE_MASK)) & GUEST_PAGE_MASK;
        if (tail && ph->p_memsz == ph->p_filesz)
            copy_file_bytes(img->fd, g2h(end + bias), tail, (uint64_t)ph->p_offset + ph->p_filesz);
    }
    if (apply_protections(img, bias, err, errlen) != 0) {
        guest_munmap((uint32_t)at, span);
        return -1;
    }
    /* The segments are copies, not host file mappings: tell /proc/self/maps
     * which file pages they hold, as the kernel's mappings would say. */
    for (unsigned i = 0; i < img->phnum; i++) {
        const Elf32_Phdr *ph = &img->ph[i];
        if (ph->p_type != PT_LOAD || ph->p_filesz == 0)
            continue;
        uint32_t va = ph->p_vaddr + bias;
        uint32_t lo = va & ~GUEST_PAGE_MASK, hi = (va + ph->p_filesz + GUEST_PAGE_MASK) & ~GUEST_PAGE_MASK;
        proc_self_name_range(lo, hi, img->fd, img->path, ph->p_offset & ~(uint64_t)GUEST_PAGE_MASK);
    }
    out->bias = bias;
    out->base = (uint32_t)at;
    out->entry = img->eh.e_entry + bias;
    out->phdr_addr = phdr_address(img, bias);
    out->brk = img->hi + bias;
    code_data_bounds(img, bias, out);
    return 0;
}
