/* Building the guest's initial stack (argc, argv, envp, auxv and the strings
 * they point to) inside an already mapped stack region. Internal to linux/. */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* ARM HWCAP bits (arch/arm/include/uapi/asm/hwcap.h). */
#define ARM_HWCAP_SWP (1u << 0)
#define ARM_HWCAP_HALF (1u << 1)
#define ARM_HWCAP_THUMB (1u << 2)
#define ARM_HWCAP_FAST_MULT (1u << 4)
#define ARM_HWCAP_VFP (1u << 6)
#define ARM_HWCAP_EDSP (1u << 7)
#define ARM_HWCAP_VFPv3 (1u << 13)
#define ARM_HWCAP_TLS (1u << 15)
#define ARM_HWCAP_VFPv4 (1u << 16)
#define ARM_HWCAP_IDIVA (1u << 17)
#define ARM_HWCAP_IDIVT (1u << 18)
#define ARM_HWCAP_VFPD32 (1u << 19)
#define ARM_HWCAP_LPAE (1u << 20)

/* What AT_HWCAP advertises: the features the translator implements, as a
 * Cortex-A15 without NEON has them (qemu-arm -cpu cortex-a15,neon=off, the
 * CPU the tests compare with, also sets THUMBEE, which backstep does not
 * implement). glibc picks its routines from these bits: claiming NEON would
 * make it run instructions backstep cannot translate yet. */
#define BACKSTEP_HWCAP                                                                                    \
    (ARM_HWCAP_SWP | ARM_HWCAP_HALF | ARM_HWCAP_THUMB | ARM_HWCAP_FAST_MULT | ARM_HWCAP_VFP | ARM_HWCAP_EDSP | \
     ARM_HWCAP_VFPv3 | ARM_HWCAP_TLS | ARM_HWCAP_VFPv4 | ARM_HWCAP_IDIVA | ARM_HWCAP_IDIVT | ARM_HWCAP_VFPD32 |  \
     ARM_HWCAP_LPAE)
#define BACKSTEP_HWCAP2 0u

/* AT_PLATFORM. The kernel reports "v7l" on an ARMv7 little-endian CPU; qemu-arm
 * 7.2's default CPU reports "v8l" (same length, so the layout is identical). */
#define BACKSTEP_PLATFORM "v7l"

/* The number of auxv entries written, AT_NULL included. */
#define INITIAL_STACK_AUXV_ENTRIES 19u

struct stack_params {
    char *const *argv;     /* NULL-terminated */
    char *const *envp;     /* NULL-terminated */
    const char *execfn;    /* AT_EXECFN string */
    const uint8_t *random; /* 16 bytes for AT_RANDOM */
    uint32_t phdr, phnum, entry, base; /* AT_PHDR, AT_PHNUM, AT_ENTRY, AT_BASE */
};

struct stack_result {
    uint32_t sp;        /* points at argc */
    uint32_t auxv_addr; /* first auxv pair */
    uint32_t auxv_len;  /* bytes, AT_NULL pair included */
    uint32_t arg_start, arg_end; /* the argv strings, NULs included (/proc/self/cmdline) */
};

/* Writes the initial stack below stack_top, using nothing below stack_limit.
 * Returns 0, or -1 with a message in err (argument list too long). */
int initial_stack_build(uint32_t stack_top, uint32_t stack_limit, const struct stack_params *sp,
                        struct stack_result *out, char *err, size_t errlen);
