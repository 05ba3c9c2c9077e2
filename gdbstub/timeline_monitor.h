/* What the monitor command files share (timeline_monitor.c dispatches). */
#pragma once
#include <stdint.h>

#include "gdbstub/timeline_target.h"

void monitor_printf(monitor_print_fn *print, void *ctx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Each returns -1 if cmd is not one of its commands, else 0 or an errno. */
int timeline_monitor_query(const char *cmd, monitor_print_fn *print, void *ctx);    /* writes, last */
int timeline_monitor_bookmark(const char *cmd, monitor_print_fn *print, void *ctx); /* bookmark, goto ... */
