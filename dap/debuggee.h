/* The backstep process a launch starts: `backstep -g unix:SOCKET [-L SYSROOT]
 * [-E VAR=VAL]... [EXTRA...] PROG ARGS` in the launch's cwd, with stdin from
 * /dev/null and stdout/stderr on pipes the adapter reads (the program's
 * output, and backstep's own lines, which all start "backstep: ").
 *
 * It must never signal any process but the one it started, by its pid. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

struct debuggee {
    pid_t pid;          /* 0 when none (attach) or reaped */
    int out_fd, err_fd; /* -1 once closed */
    char *dir;          /* the private directory holding the socket */
    char *socket;       /* its path: what gdb connects to */
    int status;         /* wait status once reaped */
    bool reaped;
};

struct debuggee_spec {
    const char *backstep; /* the backstep binary */
    const char *program;
    char **args;          /* NULL-terminated, may be NULL */
    const char *cwd;      /* may be NULL */
    const char *sysroot;  /* may be NULL */
    char **env;           /* "VAR=VAL" for -E, NULL-terminated, may be NULL */
    char **extra;         /* more backstep options, NULL-terminated, may be NULL */
};

/* Starts backstep; on failure returns false with a message in err (size n). */
bool debuggee_start(struct debuggee *d, const struct debuggee_spec *s, char *err, size_t n);

/* Reads up to one chunk from fd (out_fd or err_fd) into buf; returns the byte
 * count, 0 at end of file (the fd is then closed and set to -1). */
size_t debuggee_read(struct debuggee *d, int fd, char *buf, size_t n);

/* Reaps the process if it has exited (no wait); true once reaped. */
bool debuggee_poll_exit(struct debuggee *d);

/* Waits up to timeout_ms for it to exit, then kills it (SIGKILL to its pid);
 * closes the pipes and removes the socket directory. */
void debuggee_finish(struct debuggee *d, int timeout_ms);
