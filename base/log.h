/* Diagnostic logging selected with -d ITEMS and sent to -D LOGFILE (stderr by
 * default), named as qemu-arm names them so the two tools' logs can be diffed.
 * Never used for the guest's own output. */
#pragma once
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum log_item {
    LOG_IN_ASM = 1u << 0,  /* guest instructions of each new translation */
    LOG_OUT_ASM = 1u << 1, /* host x86-64 code of each new translation */
    LOG_CPU = 1u << 2,     /* register file before every guest instruction */
    LOG_UNIMP = 1u << 3,   /* unimplemented syscalls and instructions */
    LOG_STRACE = 1u << 4,  /* every syscall with its result */
    LOG_EXEC = 1u << 5,    /* every translated block entered */
    LOG_PAGE = 1u << 6,    /* guest memory map changes */
    LOG_FPU = 1u << 7,     /* with cpu: the VFP registers and FPSCR too (qemu-arm's -d fpu) */
};

extern unsigned log_mask;

static inline bool log_enabled(enum log_item item) { return (log_mask & item) != 0; }

/* Parses "in_asm,cpu,..." into log_mask; on an unknown item writes a message
 * naming it into err and returns false. "help" lists items on stdout. */
bool log_parse_items(const char *items, char *err, size_t errlen);
void log_list_items(FILE *out);
/* Opens path as the log file (-D). Returns false and fills err on failure. */
bool log_open_file(const char *path, char *err, size_t errlen);
FILE *log_file(void);
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_vprintf(const char *fmt, va_list ap);
