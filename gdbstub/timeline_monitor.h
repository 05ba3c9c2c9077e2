/* What the monitor command files share (timeline_monitor.c dispatches). */
#pragma once
#include <stdint.h>

#include "gdbstub/timeline_target.h"

void monitor_printf(monitor_print_fn *print, void *ctx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Each returns -1 if cmd is not one of its commands, else 0 or an errno. */
int timeline_monitor_query(const char *cmd, monitor_print_fn *print, void *ctx);    /* writes, last */
int timeline_monitor_bookmark(const char *cmd, monitor_print_fn *print, void *ctx); /* bookmark, goto ... */
/* Goes to instruction count n as `monitor seek` does (leaving a diversion);
 * on failure prints one line starting with cmd and returns ERANGE (before
 * the start of history) or EIO (the program ended before n). */
int monitor_go_to(uint64_t n, const char *cmd, monitor_print_fn *print, void *ctx);
