/* -d/-D logging; see log.h. */
#include "base/log.h"

#include <errno.h>
#include <string.h>

unsigned log_mask;
static FILE *log_out;

static const struct {
    const char *name;
    unsigned bit;
    const char *help;
} items[] = {
    {"in_asm", LOG_IN_ASM, "show guest ARM code of each translated block"},
    {"out_asm", LOG_OUT_ASM, "show generated x86-64 code of each translated block"},
    {"cpu", LOG_CPU, "show the CPU registers before every guest instruction (qemu-arm layout)"},
    {"unimp", LOG_UNIMP, "log unimplemented syscalls and instructions"},
    {"strace", LOG_STRACE, "log every guest syscall and its result"},
    {"exec", LOG_EXEC, "log every translated block entered"},
    {"page", LOG_PAGE, "log guest memory map changes"},
    {"fpu", LOG_FPU, "with cpu: also show the VFP registers and FPSCR (qemu-arm layout)"},
};

void log_list_items(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        fprintf(out, "%-10s %s\n", items[i].name, items[i].help);
    /* Accepted for qemu-arm command lines; they change nothing here. */
    fprintf(out, "%-10s %s\n", "nochain", "accepted for qemu-arm compatibility (no effect)");
}

bool log_parse_items(const char *spec, char *err, size_t errlen)
{
    const char *p = spec;
    while (*p) {
        size_t len = strcspn(p, ",");
        bool found = false;
        for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
            if (strlen(items[i].name) == len && strncmp(items[i].name, p, len) == 0) {
                log_mask |= items[i].bit;
                found = true;
            }
        }
        if (!found && len == 7 && strncmp(p, "nochain", 7) == 0)
            found = true;
        if (!found) {
            snprintf(err, errlen, "unknown log item '%.*s' (try -d help)", (int)len, p);
            return false;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    return true;
}

bool log_open_file(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "cannot open log file '%s': %s", path, strerror(errno));
        return false;
    }
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    log_out = f;
    return true;
}

FILE *log_file(void) { return log_out ? log_out : stderr; }

void log_vprintf(const char *fmt, va_list ap) { vfprintf(log_file(), fmt, ap); }

void log_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vprintf(fmt, ap);
    va_end(ap);
}
