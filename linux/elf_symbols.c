/* Function symbols of the loaded images for -d in_asm (see elf_symbols.h).
 * Where several symbols share an address (aliases such as malloc and
 * __libc_malloc), qemu-arm's choice follows from how it builds and searches
 * its table, which this file repeats step by step: unwanted entries are
 * dropped by moving the last entry into their slot, the rest are sorted by
 * address with glibc's qsort (a stable merge sort for tables this size),
 * and looked up with glibc's bsearch (midpoint (lo + hi) / 2). */
#include "linux/elf_symbols.h"

#include <stdlib.h>
#include <string.h>

struct sym {
    uint32_t value, size, name; /* name: offset into the image's strings */
};

struct image_syms {
    struct sym *syms;
    uint32_t n;
    char *strings; /* NUL-terminated at its end */
    uint32_t strings_len;
};

#define MAX_IMAGES 2 /* the executable and its interpreter */
#define MAX_TABLE_BYTES (64u << 20)
static struct image_syms images[MAX_IMAGES];
static unsigned n_images;

static void *read_at(int fd, uint64_t off, uint64_t len, uint64_t file_size, size_t extra)
{
    if (len > MAX_TABLE_BYTES || off > file_size || len > file_size - off)
        return NULL;
    char *buf = malloc((size_t)len + extra);
    if (buf && !elf_pread_all(fd, buf, (size_t)len, off)) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Stable merge sort by value (glibc 2.36's qsort for small tables). */
static void merge_sort(struct sym *a, struct sym *tmp, uint32_t n)
{
    if (n < 2)
        return;
    uint32_t h = n / 2;
    merge_sort(a, tmp, h);
    merge_sort(a + h, tmp, n - h);
    uint32_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = a[j].value < a[i].value ? a[j++] : a[i++];
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, (size_t)n * sizeof *a);
}

void elf_symbols_add(const struct elf_image *img, uint32_t bias)
{
    const Elf32_Ehdr *eh = &img->eh;
    if (n_images == MAX_IMAGES || eh->e_shnum == 0 || eh->e_shentsize != sizeof(Elf32_Shdr))
        return;
    Elf32_Shdr *sh = read_at(img->fd, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof *sh, img->file_size, 0);
    if (!sh)
        return;
    struct image_syms im = {0};
    Elf32_Sym *raw = NULL;
    for (unsigned i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_SYMTAB)
            continue;
        if (sh[i].sh_link >= eh->e_shnum)
            break;
        const Elf32_Shdr *st = &sh[sh[i].sh_link];
        im.strings = read_at(img->fd, st->sh_offset, st->sh_size, img->file_size, 1);
        raw = read_at(img->fd, sh[i].sh_offset, sh[i].sh_size, img->file_size, 0);
        if (im.strings && raw) {
            im.strings[st->sh_size] = 0;
            im.strings_len = st->sh_size;
            uint32_t n = sh[i].sh_size / sizeof *raw;
            /* qemu's filter: keep defined STT_FUNC symbols; a dropped slot
             * takes the last entry (which is examined next). */
            for (uint32_t k = 0; k < n;) {
                if (raw[k].st_shndx == SHN_UNDEF || raw[k].st_shndx >= SHN_LORESERVE ||
                    ELF32_ST_TYPE(raw[k].st_info) != STT_FUNC) {
                    if (k < --n)
                        raw[k] = raw[n];
                } else {
                    k++;
                }
            }
            im.syms = n ? malloc(2 * (size_t)n * sizeof *im.syms) : NULL;
            if (im.syms) {
                for (uint32_t k = 0; k < n; k++)
                    im.syms[k] = (struct sym){(raw[k].st_value & ~1u) + bias, raw[k].st_size,
                                              raw[k].st_name < im.strings_len ? raw[k].st_name : im.strings_len};
                merge_sort(im.syms, im.syms + n, n);
                im.n = n;
            }
        }
        break; /* only the first SHT_SYMTAB, as qemu */
    }
    free(raw);
    free(sh);
    if (im.n)
        images[n_images++] = im;
    else
        free(im.strings);
}

const char *elf_symbols_lookup(uint32_t addr)
{
    for (unsigned i = 0; i < n_images; i++) {
        const struct image_syms *im = &images[i];
        uint32_t lo = 0, hi = im->n;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            const struct sym *s = &im->syms[mid];
            if (addr < s->value)
                hi = mid;
            else if ((uint64_t)addr >= (uint64_t)s->value + s->size)
                lo = mid + 1;
            else
                return im->strings + s->name;
        }
    }
    return "";
}
