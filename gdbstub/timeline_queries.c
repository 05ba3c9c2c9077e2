/* `monitor writes` and `monitor last`: history queries
 * (timeline/history_query.h) put in words for gdb's console. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdbstub/timeline_monitor.h"
#include "timeline/diversion.h"
#include "timeline/engine.h"
#include "timeline/history_query.h"

/* Longest range a query takes (bigger ones are rarely meant). */
#define MAX_QUERY_LEN (16u << 20)

/* Console text goes out in pieces of about this size (one O packet each,
 * not one per line: 10^5 lines must not mean 10^5 round trips). */
#define OUT_CHUNK 3000

struct out {
    monitor_print_fn *print;
    void *ctx;
    char buf[OUT_CHUNK + 512];
    size_t len;
};

static void out_flush(struct out *o)
{
    if (o->len) {
        o->buf[o->len] = 0;
        o->print(o->ctx, o->buf);
        o->len = 0;
    }
}

static void out_add(struct out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->len + n >= sizeof o->buf - 1)
        out_flush(o);
    if (n >= sizeof o->buf - 1) {
        o->print(o->ctx, s);
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    if (o->len >= OUT_CHUNK)
        out_flush(o);
}

static const char *source_name(enum hq_source s)
{
    switch (s) {
    case HQ_STORE: return "";
    case HQ_SYSCALL: return "  (syscall)";
    case HQ_SIGNAL: return "  (signal frame)";
    case HQ_KERNEL: return "  (kernel)";
    case HQ_DEBUGGER: return "  (debugger)";
    }
    return "";
}

/* "COUNT  pc=0x...  thread=TID  0xADDR: OLD -> NEW  (source)", bytes in
 * memory order. */
static void format_write(char *line, size_t size, const struct hq_write *w)
{
    char old[2 * HQ_SHOWN + 4], now[2 * HQ_SHOWN + 4];
    unsigned shown = w->len < HQ_SHOWN ? w->len : HQ_SHOWN;
    for (unsigned k = 0; k < shown; k++) {
        snprintf(old + 2 * k, 3, "%02x", w->old[k]);
        snprintf(now + 2 * k, 3, "%02x", w->now[k]);
    }
    const char *more = w->len > shown ? "..." : "";
    snprintf(line, size, "%" PRIu64 "  pc=0x%08" PRIx32 "  thread=%" PRId32 "  0x%08" PRIx32 ": %s%s -> %s%s%s\n",
             w->at, w->pc & ~1u, w->tid, w->addr, old, more, now, more, source_name(w->source));
}

static bool list_one(void *ctx, const struct hq_write *w)
{
    char line[256];
    format_write(line, sizeof line, w);
    out_add(ctx, line);
    return true;
}

/* Splits cmd into at most max whitespace-separated words (in place). */
static unsigned split(char *cmd, char **w, unsigned max)
{
    unsigned n = 0;
    for (char *p = strtok(cmd, " \t"); p; p = strtok(NULL, " \t")) {
        if (n == max)
            return max + 1;
        w[n++] = p;
    }
    return n;
}

static bool parse_u64(const char *s, int base, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (*end || errno == ERANGE)
        return false;
    *out = v;
    return true;
}

/* ADDR [LEN]: a guest address (hex with 0x, or decimal) and a length. */
static bool parse_range(char **w, unsigned n, uint32_t *addr, uint32_t *len)
{
    uint64_t a, l = 4;
    if (n < 1 || !parse_u64(w[0], 0, &a) || a > UINT32_MAX)
        return false;
    if (n >= 2 && (!parse_u64(w[1], 0, &l) || l == 0 || l > MAX_QUERY_LEN))
        return false;
    if (a + l > (1ull << 32))
        return false;
    *addr = (uint32_t)a;
    *len = (uint32_t)l;
    return true;
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static int cmd_writes(char *args, monitor_print_fn *print, void *ctx)
{
    char *w[5];
    unsigned n = split(args, w, 4);
    uint32_t addr, len;
    uint64_t from = engine_history_start(), to = engine_history_end();
    bool ok = n <= 4 && parse_range(w, n, &addr, &len);
    if (ok && n >= 3)
        ok = timeline_parse_icount(w[2], &from);
    if (ok && n >= 4)
        ok = timeline_parse_icount(w[3], &to);
    if (!ok) {
        monitor_printf(print, ctx,
                       "usage: monitor writes ADDR [LEN [FROM [TO]]] (ADDR hex with 0x or decimal, LEN 1 to %u "
                       "bytes, default 4; FROM, TO instruction counts in %" PRIu64 " to %" PRIu64 ")\n",
                       MAX_QUERY_LEN, engine_history_start(), engine_history_end());
        return EINVAL;
    }
    if (to > engine_history_end())
        to = engine_history_end();
    if (from < engine_history_start() || from >= to) {
        monitor_printf(print, ctx, "writes: no history between %" PRIu64 " and %" PRIu64 " (history: %" PRIu64
                       " to %" PRIu64 ")\n", from, to, engine_history_start(), engine_history_end());
        return ERANGE;
    }
    diversion_end();
    struct out *o = calloc(1, sizeof *o);
    if (!o)
        return ENOMEM;
    o->print = print;
    o->ctx = ctx;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct hq_stats st;
    hq_writes(addr, len, from, to, list_one, o, &st);
    char line[400];
    snprintf(line, sizeof line,
             "%" PRIu64 " write%s to 0x%08" PRIx32 "..0x%08" PRIx32 " by instructions at counts %" PRIu64
             " to %" PRIu64 " (each line: the writing instruction's count, its pc and thread, the "
             "bytes written: old -> new in memory order); %.1f ms, %" PRIu64 " instructions replayed, %u of %u "
             "snapshot intervals skipped\n",
             st.writes, st.writes == 1 ? "" : "s", addr, addr + len - 1, from, to, ms_since(&t0), st.replayed,
             st.skipped, st.intervals);
    out_add(o, line);
    out_flush(o);
    free(o);
    return 0;
}

static int cmd_last(char *args, monitor_print_fn *print, void *ctx)
{
    char *w[3];
    unsigned n = split(args, w, 2);
    uint32_t addr, len;
    if (n > 2 || !parse_range(w, n, &addr, &len)) {
        monitor_printf(print, ctx,
                       "usage: monitor last ADDR [LEN] (ADDR hex with 0x or decimal, LEN 1 to %u bytes, default 4)\n",
                       MAX_QUERY_LEN);
        return EINVAL;
    }
    diversion_end();
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct hq_write wr;
    struct hq_stats st;
    uint64_t here = engine_cpu()->icount;
    if (hq_last(addr, len, &wr, &st) != 0) {
        monitor_printf(print, ctx,
                       "no write to 0x%08" PRIx32 "..0x%08" PRIx32 " before instruction %" PRIu64
                       " in history (%.1f ms, %" PRIu64 " instructions replayed, %u of %u snapshot intervals"
                       " skipped); still at %" PRIu64 "\n",
                       addr, addr + len - 1, here, ms_since(&t0), st.replayed, st.skipped, st.intervals,
                       engine_cpu()->icount);
        return ENOENT;
    }
    char line[256];
    format_write(line, sizeof line, &wr);
    monitor_printf(print, ctx,
                   "At instruction %" PRIu64 ", the last write to 0x%08" PRIx32 "..0x%08" PRIx32
                   " before %" PRIu64 ", about to run (%.1f ms, %" PRIu64 " instructions replayed; as"
                   " reverse-continue to a watchpoint leaves you):\n%s"
                   "gdb still shows its cached registers and frames: `maintenance flush register-cache` refreshes them.\n",
                   engine_cpu()->icount, addr, addr + len - 1, here, ms_since(&t0), st.replayed, line);
    return 0;
}

int timeline_monitor_query(const char *cmd, monitor_print_fn *print, void *ctx)
{
    static const struct {
        const char *name;
        int (*fn)(char *, monitor_print_fn *, void *);
    } cmds[] = {{"writes", cmd_writes}, {"last", cmd_last}};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        size_t k = strlen(cmds[i].name);
        if (strncmp(cmd, cmds[i].name, k) || (cmd[k] && cmd[k] != ' '))
            continue;
        char args[256];
        if (strlen(cmd + k) >= sizeof args) {
            monitor_printf(print, ctx, "%s: arguments too long\n", cmds[i].name);
            return EINVAL;
        }
        strcpy(args, cmd + k);
        return cmds[i].fn(args, print, ctx);
    }
    return -1;
}
