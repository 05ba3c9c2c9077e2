/* Reading and validating the headers of a 32-bit little-endian ARM ELF file
 * (the executable or its interpreter) before anything is mapped: every offset,
 * size and address is checked against the file and the 32-bit guest space, so
 * a corrupt file yields a one-line message instead of a crash. Internal to linux/. */
#pragma once
#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kernel refuses program header tables larger than one page
 * (fs/binfmt_elf.c load_elf_phdrs: size > ELF_MIN_ALIGN). */
#define ELF_MAX_PHNUM (4096u / sizeof(Elf32_Phdr))

struct elf_image {
    const char *path;
    int fd;
    uint64_t file_size;
    Elf32_Ehdr eh;
    Elf32_Phdr ph[ELF_MAX_PHNUM];
    unsigned phnum;
    uint32_t lo, hi;  /* page-aligned span of the PT_LOAD segments (unbiased) */
    int interp_index; /* index of PT_INTERP in ph, or -1 */
};

/* Opens path and validates it into img (img->fd stays open on success; close it
 * with elf_close). need_exec: refuse a regular file we may not execute, as
 * execve does (EACCES), before looking inside. Returns 0, or -1 with a
 * one-line message in err. */
int elf_open(struct elf_image *img, const char *path, bool need_exec, char *err, size_t errlen);
void elf_close(struct elf_image *img);

/* Reads the NUL-terminated PT_INTERP path into buf. Returns 0 or -1 with err. */
int elf_read_interp(const struct elf_image *img, char *buf, size_t buflen, char *err, size_t errlen);

/* Reads exactly len bytes at offset; false on a short read or an error. */
bool elf_pread_all(int fd, void *buf, size_t len, uint64_t offset);

/* A readable name for an ELF e_machine value ("x86-64", "AArch64", ...). */
const char *elf_machine_name(unsigned machine, char *buf, size_t buflen);
