/* The gdb process driven over GDB/MI: starting gdb-multiarch with
 * --interpreter=mi3, sending numbered commands, reading its output lines into
 * records. It knows nothing of DAP: records other than the result awaited are
 * handed to a callback, and waiting (poll) is the caller's.
 *
 * It must never block except in gdb_wait_result's poll on gdb and the fds the
 * caller gave it, and never run a command from inside the record callback. */
#pragma once
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "dap/mi_parse.h"

/* Called for every record that is not the awaited result (stream records,
 * async records, results of no one's token, prompts are dropped). The
 * callee takes ownership of r. */
typedef void (*gdb_record_fn)(void *ctx, struct mi_record *r);
/* Called when one of the extra fds given to gdb_wait_result is readable. */
typedef void (*gdb_fd_fn)(void *ctx, int fd);

struct gdb {
    pid_t pid;
    int to_gdb, from_gdb;
    char *line;
    size_t line_len, line_cap;
    long next_token;
    long want_token;             /* the command gdb_wait_result waits for, or -1 */
    struct mi_record *result;    /* its result record once it came */
    bool eof;                    /* gdb closed its output (exited) */
    gdb_record_fn on_record;
    gdb_fd_fn on_fd;
    void *ctx;
    int extra_fds[4];            /* also watched while waiting (the debuggee's output) */
    FILE *log;                   /* every line in and out, when set */
};

/* Starts GDB (a path or a name on PATH) with --interpreter=mi3 -nx -q in its
 * own session. Returns false (with errno) if it cannot be started. */
bool gdb_start(struct gdb *g, const char *gdb_path, gdb_record_fn on_record, gdb_fd_fn on_fd, void *ctx);

/* Sends "TOKEN" + cmd + "\n"; returns the token or -1 if gdb is gone. */
long gdb_send(struct gdb *g, const char *cmd);

/* Reads what gdb has written (call when from_gdb is readable): whole lines
 * become records. Returns false once gdb's output is closed. */
bool gdb_read(struct gdb *g);

/* Waits up to timeout_ms for gdb's output or an extra fd, and handles what
 * is there (once). */
void gdb_pump(struct gdb *g, int timeout_ms);

/* Sends cmd and waits (at most timeout_ms) for its result record, meanwhile
 * passing other records and extra fds to the callbacks. Returns the result
 * record (the caller frees it) or NULL if gdb exited or did not answer. */
struct mi_record *gdb_command(struct gdb *g, const char *cmd, int timeout_ms);

/* Closes gdb's input, waits up to timeout_ms for it to exit, then kills it
 * (SIGKILL, by its pid: the process this module started). */
void gdb_stop(struct gdb *g, int timeout_ms);
