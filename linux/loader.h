/* ELF loader: maps a 32-bit little-endian ARM executable (ET_EXEC or static-PIE
 * ET_DYN; with PT_INTERP the interpreter is looked up under sysroot) into guest
 * memory and builds the initial stack exactly as the Linux kernel lays it out
 * (argc, argv, envp, auxv, strings, AT_RANDOM bytes). */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "linux/process.h"

struct load_request {
    const char *path;         /* file to load */
    const char *sysroot;      /* -L, may be NULL */
    char *const *argv;        /* guest argv, argv[0] included, NULL-terminated */
    char *const *envp;        /* guest environment, NULL-terminated */
    const uint8_t *at_random; /* 16 bytes for AT_RANDOM; NULL: from getrandom() */
};

/* Returns 0 on success (p filled), -1 with a one-line message in err
 * ("backstep: " is added by the caller) on any bad input. Never crashes on a
 * corrupt file. */
int linux_load(struct linux_proc *p, const struct load_request *req, char *err, size_t errlen);
