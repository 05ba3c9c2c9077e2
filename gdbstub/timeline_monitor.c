/* `monitor` commands (qRcmd): where we are in history and how much it
 * costs. Output goes to gdb's console line by line. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/size_arg.h"
#include "gdbstub/timeline_monitor.h"
#include "gdbstub/timeline_target.h"
#include "snapshots/snapshots.h"
#include "timeline/diversion.h"
#include "timeline/engine.h"
#include "timeline/recording.h"
#include "timeline/replay_log.h"
#include "timeline/state_hash.h"
#include "undo/undo_ring.h"

void monitor_printf(monitor_print_fn *print, void *ctx, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    print(ctx, buf);
}

/* An instruction count as gdb users type one: decimal digits only, with
 * optional spaces around them. No sign (strtoull would take "-5" as
 * 2^64 - 5), no base prefix, nothing after, within 64 bits. */
bool timeline_parse_icount(const char *s, uint64_t *out)
{
    while (*s == ' ')
        s++;
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    while (*end == ' ')
        end++;
    if (*end || errno == ERANGE)
        return false;
    *out = v;
    return true;
}

static bool parse_count(const char *s, uint64_t *out)
{
    char *end;
    if (!*s)
        return false;
    unsigned long long v = strtoull(s, &end, 0);
    while (*end == ' ')
        end++;
    if (end == s || *end)
        return false;
    *out = v;
    return true;
}

/* One line per command (tests/cli/man_options.sh checks that each has an
 * entry in man/backstep.1; the README has the same table). */
static const char help[] =
    "backstep monitor commands:\n"
    "  when                  the current instruction count\n"
    "  history               the reachable range of instruction counts and what recording uses\n"
    "  seek N                go to instruction count N (forwards or backwards); then `maint flush register-cache`\n"
    "                        (under extended-remote, `starti N` seeks and refreshes in one step)\n"
    "  writes ADDR [LEN [FROM [TO]]]\n"
    "                        every write to LEN bytes (default 4) at ADDR in history, or between\n"
    "                        counts FROM and TO: count, pc and thread of the writing instruction,\n"
    "                        old -> new bytes (syscall writes marked)\n"
    "  last ADDR [LEN]       go back to the last instruction that wrote there (before it runs,\n"
    "                        as reverse-continue to a watchpoint); then `maint flush register-cache`\n"
    "  bookmark NAME         name the current instruction count (and thread)\n"
    "  goto NAME             go to a bookmark; then `maint flush register-cache`\n"
    "  bookmarks             list the bookmarks\n"
    "  delete-bookmark NAME  forget a bookmark\n"
    "  state-hash            a digest of all guest state (registers, memory, map) at this point\n"
    "  undo-limit SIZE       undo log size (e.g. 512M); changing it restarts history here\n"
    "  snapshot-interval K   instructions between snapshots (from now on)\n"
    "  save DIR              save the recording of all history so far in DIR, for\n"
    "                        `backstep -replay DIR` later (doc/recording-format.md)\n"
    "  exit                  end the program and backstep (gdbserver's `monitor exit`)\n"
    "  help                  this list\n";

int monitor_go_to(uint64_t n, const char *cmd, monitor_print_fn *print, void *ctx)
{
    if (n < engine_history_start()) {
        monitor_printf(print, ctx, "%s: instruction %" PRIu64 " is before the start of history (%" PRIu64 ")\n", cmd,
                       n, engine_history_start());
        return ERANGE;
    }
    diversion_end(); /* moving leaves a diversion, as a reverse command does */
    struct engine_stop es;
    if (!engine_seek(n, &es)) {
        monitor_printf(print, ctx, "%s: stopped at %" PRIu64 " before reaching %" PRIu64 "\n", cmd,
                       engine_cpu()->icount, n);
        return EIO;
    }
    return 0;
}

int timeline_monitor(struct timeline_target *t, const char *cmd, monitor_print_fn *print, void *ctx)
{
    (void)t;
    while (*cmd == ' ')
        cmd++;
    struct arm_cpu *cpu = engine_cpu();
    if (!strcmp(cmd, "help") || !*cmd) {
        print(ctx, help);
        return 0;
    }
    int q = timeline_monitor_query(cmd, print, ctx);
    if (q < 0)
        q = timeline_monitor_bookmark(cmd, print, ctx);
    if (q >= 0)
        return q;
    if (!strcmp(cmd, "when")) {
        monitor_printf(print, ctx, "Current instruction count: %" PRIu64 "\n", cpu->icount);
        return 0;
    }
    if (!strcmp(cmd, "history")) {
        struct undo_ring_stats us;
        undo_ring_stats(&us);
        monitor_printf(print, ctx,
                  "Reachable instruction counts: %" PRIu64 " to %" PRIu64 " (now %" PRIu64 ")\n"
                  "Undo log: %.1f MiB used of %.1f MiB (%u chunks, %" PRIu64 " dropped)\n"
                  "Undo log reaches back to instruction %" PRIu64 "\n"
                  "Replay log: %" PRIu64 " entries, %.1f KiB\n",
                  engine_history_start(), engine_history_end(), cpu->icount, us.bytes_used / 1048576.0,
                  us.bytes_limit / 1048576.0, us.chunks_used, us.dropped_chunks, undo_floor(),
                  replay_log_entries(), replay_log_bytes() / 1024.0);
        struct snapshot_stats ss;
        snapshots_stats(&ss);
        if (snapshots_enabled())
            monitor_printf(print, ctx,
                      "Snapshots: %u (instructions %" PRIu64 " to %" PRIu64 ", every %" PRIu64
                      " instructions), %.1f MiB of saved pages\n",
                      ss.count, ss.first_icount, ss.last_icount, ss.interval, ss.saved_pages * 4096 / 1048576.0);
        else
            print(ctx, "Snapshots: off\n");
        return 0;
    }
    if (!strncmp(cmd, "seek", 4) && (cmd[4] == ' ' || !cmd[4])) {
        uint64_t n;
        const char *arg = cmd + 4;
        if (!timeline_parse_icount(arg, &n)) {
            while (*arg == ' ')
                arg++;
            monitor_printf(print, ctx,
                      "seek: '%s' is not an instruction count (monitor seek N, N in decimal; history: %" PRIu64
                      " to %" PRIu64 ")\n",
                      arg, engine_history_start(), engine_history_end());
            return EINVAL;
        }
        int e = monitor_go_to(n, "seek", print, ctx);
        if (e)
            return e;
        monitor_printf(print, ctx, "At instruction %" PRIu64 ". gdb still shows its cached registers and frames "
                              "(`maintenance flush register-cache` refreshes them); under extended-remote `starti %" PRIu64 "` seeks "
                              "and refreshes in one step.\n",
                  cpu->icount, n);
        return 0;
    }
    if (!strcmp(cmd, "state-hash")) {
        monitor_printf(print, ctx, "State hash at %" PRIu64 ": %016" PRIx64 "\n", cpu->icount,
                  state_hash(cpu, engine_proc()));
        return 0;
    }
    if (!strncmp(cmd, "undo-limit", 10) && (cmd[10] == ' ' || !cmd[10])) {
        uint64_t size;
        if (!parse_size_arg(cmd + 10 + (cmd[10] == ' '), &size) || size < (16u << 20)) {
            print(ctx, "usage: monitor undo-limit SIZE (at least 16M, e.g. 512M or 2G)\n");
            return EINVAL;
        }
        undo_ring_set_limit(cpu, size);
        monitor_printf(print, ctx, "Undo log limit %.0f MiB; history now starts at instruction %" PRIu64 "\n",
                  size / 1048576.0, engine_history_start());
        return 0;
    }
    if (!strncmp(cmd, "snapshot-interval", 17) && (cmd[17] == ' ' || !cmd[17])) {
        uint64_t k;
        if (!parse_count(cmd + 17 + (cmd[17] == ' '), &k) || k < 1000) {
            print(ctx, "usage: monitor snapshot-interval K (instructions between snapshots, at least 1000)\n");
            return EINVAL;
        }
        snapshots_set_interval(k);
        monitor_printf(print, ctx, "Snapshots every %" PRIu64 " instructions from now on\n", k);
        return 0;
    }
    if (!strncmp(cmd, "save", 4) && (cmd[4] == ' ' || !cmd[4])) {
        const char *dir = cmd + 4;
        while (*dir == ' ')
            dir++;
        char err[600];
        if (!*dir) {
            print(ctx, "usage: monitor save DIR\n");
            return EINVAL;
        }
        if (!recording_save(dir, err, sizeof err)) {
            monitor_printf(print, ctx, "save: %s\n", err);
            return EIO;
        }
        monitor_printf(print, ctx, "Saved instructions 0 to %" PRIu64 " in %s (backstep -replay %s -g PORT replays it)\n",
                  engine_history_end(), dir, dir);
        return 0;
    }
    monitor_printf(print, ctx, "unknown monitor command '%s' (monitor help lists them)\n", cmd);
    return EINVAL;
}
