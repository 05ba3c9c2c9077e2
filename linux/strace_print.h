/* The pieces -strace lines are made of, each printing one syscall argument
 * the way qemu-arm 7.2's linux-user/strace.c prints it (pointers, strings,
 * flag sets, enums, file modes, timespecs, ...). Used by linux/strace.c and
 * linux/strace_ioctl.c only. Guest memory is only read after guest_range_ok
 * accepted it; what cannot be read is printed as a pointer, as qemu does.
 * Every printer takes `last`: 0 appends the ',' that separates arguments. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


/* One named bit set (or value, for value 0) of a flag table; tables end
 * with {0, NULL}. */
struct strace_flag {
    uint32_t value;
    const char *name;
};

/* One named value of an enumeration; tables end with {0, NULL}. */
struct strace_enum {
    int32_t value;
    const char *name;
};

static inline const char *strace_comma(int last) { return last ? "" : ","; }

/* All -strace text goes through strace_printf into a per-thread buffer that
 * strace_flush writes to the log in one piece, so that the lines of several
 * guest processes sharing the log interleave only between parts, not inside
 * one (a very long part may still be written in pieces). */
void strace_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void strace_flush(void);

/* True if the len guest bytes at addr are all readable. */
bool strace_readable(uint32_t addr, uint32_t len);
/* Copies len guest bytes at addr into dst if they are all readable. */
bool strace_read(void *dst, uint32_t addr, uint32_t len);
/* Host address and length of the NUL-terminated guest string at addr, or
 * NULL if a byte of it (or its NUL) is not readable. */
const char *strace_guest_string(uint32_t addr, size_t *len);

void strace_pointer(uint32_t v, int last);                /* NULL or 0x%08x */
void strace_int(uint32_t v, int last);                    /* %d */
void strace_uint(uint32_t v, int last);                   /* %u */
void strace_string(uint32_t addr, int last);              /* "..." or the pointer */
void strace_flags(const struct strace_flag *f, uint32_t v, int last);
void strace_enums(const struct strace_enum *e, uint32_t v, int last);
void strace_at_dirfd(uint32_t v, int last);
void strace_file_mode(uint32_t v, int last);
void strace_open_flags(uint32_t v, int last);
void strace_signal(uint32_t v, int last);
void strace_timespec(uint32_t addr, int last);            /* struct timespec (32-bit) */
void strace_timespec64(uint32_t addr, int last);          /* struct __kernel_timespec */
void strace_timeval(uint32_t addr, int last);
void strace_timezone(uint32_t addr, int last);
void strace_number(uint32_t addr, int last);              /* [%d] of the int at addr */

/* Flag and enum tables shared by several syscalls. */
extern const struct strace_flag strace_access_flags[];
extern const struct strace_flag strace_at_file_flags[];
extern const struct strace_flag strace_mmap_prot_flags[];
extern const struct strace_flag strace_mmap_flags[];
extern const struct strace_flag strace_clone_flags[];
extern const struct strace_flag strace_statx_flags[];
extern const struct strace_flag strace_statx_mask[];
extern const struct strace_flag strace_unlinkat_flags[];
extern const struct strace_flag strace_mount_flags[];
extern const struct strace_flag strace_umount2_flags[];
extern const struct strace_flag strace_falloc_flags[];
extern const struct strace_flag strace_mlockall_flags[];
extern const struct strace_enum strace_clockids[];
extern const struct strace_enum strace_itimer_types[];
extern const struct strace_enum strace_madvise_advice[];

/* ioctl (linux/strace_ioctl.c): the call's arguments after "ioctl(", and the
 * part of the result after " = N" for a successful call. */
void strace_ioctl_args(const uint32_t a[7]);
void strace_ioctl_result(const uint32_t a[7]);
