/* The command line, compatible with qemu-arm where the two overlap:
 * backstep [-g PORT] [-L SYSROOT] [-E VAR=VAL] [-U VAR] [-d ITEMS] [-D LOGFILE] PROG [ARGS...]
 * backstep -replay DIR [-g PORT] (no PROG: the recording has it) */
#pragma once
#include <stdbool.h>
#include <stdio.h>

struct options {
    const char *sysroot;   /* -L */
    const char *log_items; /* -d */
    const char *log_path;  /* -D */
    const char *gdb_port;  /* -g PORT | HOST:PORT | unix:PATH: serve gdb, recording history */
    bool record;           /* -record: record history without gdb (for measuring) */
    const char *record_to; /* -record-to DIR: record without gdb and save the recording in DIR */
    const char *replay;    /* -replay DIR: replay a saved recording (with -g: to gdb; else check it) */
    unsigned long long undo_limit; /* -undo-limit SIZE in bytes (0: default) */
    unsigned long long snapshot_interval; /* -snapshot-interval K instructions (0: default) */
    bool seeded;           /* -seed N given: deterministic AT_RANDOM, like qemu-arm */
    unsigned long long seed;
    const char *argv0;     /* -0 ARGV0: the guest's argv[0] (PROG is still what is loaded) */
    char **guest_argv;     /* PROG ARGS..., NULL-terminated (points into argv) */
    char **guest_envp;     /* environment for the guest, NULL-terminated (heap) */
};

enum options_result { OPTIONS_RUN, OPTIONS_EXIT_OK, OPTIONS_EXIT_ERROR };

/* Parses argv; on OPTIONS_EXIT_* it has already printed what it had to.
 * Whatever the result, o->guest_envp is the caller's to free. */
enum options_result options_parse(struct options *o, int argc, char **argv, char **environ_in);
void options_usage(FILE *out);
