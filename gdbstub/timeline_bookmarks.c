/* Bookmarks: names for instruction counts (`monitor bookmark NAME`, `goto
 * NAME`, `bookmarks`, `delete-bookmark NAME`). A count names one state of
 * history, so going back to it is a seek; the thread is kept to show which
 * one ran there. They live as long as the session. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "gdbstub/timeline_monitor.h"
#include "linux/guest_threads.h"
#include "timeline/diversion.h"
#include "timeline/engine.h"

#define MAX_BOOKMARKS 256
#define MAX_NAME 63

static struct bookmark {
    char name[MAX_NAME + 1];
    uint64_t icount;
    int32_t tid;
} marks[MAX_BOOKMARKS];
static unsigned nmarks;

/* A letter or '_', then letters, digits, '_', '.', '-'; at most MAX_NAME. */
static bool good_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > MAX_NAME)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        bool more = (c >= '0' && c <= '9') || c == '.' || c == '-';
        if (!alpha && (i == 0 || !more))
            return false;
    }
    return true;
}

static struct bookmark *find(const char *name)
{
    for (unsigned i = 0; i < nmarks; i++)
        if (!strcmp(marks[i].name, name))
            return &marks[i];
    return NULL;
}

/* The single argument of a command (trimmed), or NULL if none or more. */
static const char *one_arg(const char *s, char *buf, size_t size)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (!n || n >= size || memchr(s, ' ', n))
        return NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    return buf;
}

static int bad_name(monitor_print_fn *print, void *ctx, const char *cmd, const char *arg)
{
    monitor_printf(print, ctx,
                   "%s: '%s' is not a bookmark name (one word: a letter or '_', then letters, digits, '_', '.' "
                   "or '-', at most %d characters)\n",
                   cmd, arg, MAX_NAME);
    return EINVAL;
}

static int unknown(monitor_print_fn *print, void *ctx, const char *cmd, const char *name)
{
    monitor_printf(print, ctx, "%s: no bookmark named '%s' (monitor bookmarks lists them)\n", cmd, name);
    return ENOENT;
}

static int cmd_bookmark(const char *arg, monitor_print_fn *print, void *ctx)
{
    char name[MAX_NAME + 2];
    if (!one_arg(arg, name, sizeof name) || !good_name(name))
        return bad_name(print, ctx, "bookmark", arg + strspn(arg, " "));
    struct arm_cpu *cpu = engine_cpu();
    struct bookmark *b = find(name);
    bool moved = b != NULL;
    if (!b) {
        if (nmarks == MAX_BOOKMARKS) {
            monitor_printf(print, ctx, "bookmark: already %d bookmarks (delete-bookmark NAME frees one)\n",
                           MAX_BOOKMARKS);
            return ENOSPC;
        }
        b = &marks[nmarks++];
        strcpy(b->name, name);
    }
    b->icount = cpu->icount;
    b->tid = guest_thread_current_tid();
    monitor_printf(print, ctx, "Bookmark %s %s instruction %" PRIu64 " (thread %" PRId32 ")\n", name,
                   moved ? "moved to" : "at", b->icount, b->tid);
    return 0;
}

static int cmd_goto(const char *arg, monitor_print_fn *print, void *ctx)
{
    char name[MAX_NAME + 2];
    if (!one_arg(arg, name, sizeof name) || !good_name(name))
        return bad_name(print, ctx, "goto", arg + strspn(arg, " "));
    struct bookmark *b = find(name);
    if (!b)
        return unknown(print, ctx, "goto", name);
    int e = monitor_go_to(b->icount, "goto", print, ctx);
    if (e)
        return e;
    struct arm_cpu *cpu = engine_cpu();
    monitor_printf(print, ctx,
                   "At bookmark %s: instruction %" PRIu64 " (thread %" PRId32 "). gdb still shows its cached "
                   "registers and frames (`maintenance flush register-cache` refreshes them); under extended-remote `starti %" PRIu64
                   "` goes there and refreshes in one step.\n",
                   name, cpu->icount, guest_thread_current_tid(), cpu->icount);
    return 0;
}

static int cmd_list(const char *arg, monitor_print_fn *print, void *ctx)
{
    if (arg[strspn(arg, " ")]) {
        monitor_printf(print, ctx, "usage: monitor bookmarks (no argument)\n");
        return EINVAL;
    }
    if (!nmarks) {
        monitor_printf(print, ctx, "No bookmarks (monitor bookmark NAME sets one here).\n");
        return 0;
    }
    uint64_t now = engine_cpu()->icount;
    for (unsigned i = 0; i < nmarks; i++)
        monitor_printf(print, ctx, "%-20s instruction %" PRIu64 "  thread %" PRId32 "%s\n", marks[i].name,
                       marks[i].icount, marks[i].tid, marks[i].icount == now ? "  (here)" : "");
    return 0;
}

static int cmd_delete(const char *arg, monitor_print_fn *print, void *ctx)
{
    char name[MAX_NAME + 2];
    if (!one_arg(arg, name, sizeof name) || !good_name(name))
        return bad_name(print, ctx, "delete-bookmark", arg + strspn(arg, " "));
    struct bookmark *b = find(name);
    if (!b)
        return unknown(print, ctx, "delete-bookmark", name);
    *b = marks[--nmarks];
    monitor_printf(print, ctx, "Bookmark %s deleted\n", name);
    return 0;
}

int timeline_monitor_bookmark(const char *cmd, monitor_print_fn *print, void *ctx)
{
    static const struct {
        const char *name;
        int (*fn)(const char *, monitor_print_fn *, void *);
    } cmds[] = {{"bookmarks", cmd_list}, {"bookmark", cmd_bookmark}, {"goto", cmd_goto},
                {"delete-bookmark", cmd_delete}};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        size_t k = strlen(cmds[i].name);
        if (strncmp(cmd, cmds[i].name, k) || (cmd[k] && cmd[k] != ' '))
            continue;
        return cmds[i].fn(cmd + k, print, ctx);
    }
    return -1;
}
