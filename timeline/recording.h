/* Saved recordings: a directory that holds everything a replay in another
 * process (or on another machine) needs to rebuild the same history -- the
 * replay log, copies of the executable and of its ELF interpreter, and the
 * inputs of the initial state (argv, envp, AT_RANDOM, the guest's ids, the
 * signal state it inherited). The format is doc/recording-format.md. A
 * replay never goes live: the end of the log is the end of history. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "linux/guest_ident.h"
#include "linux/guest_sigstate.h"

#define RECORDING_FORMAT_VERSION 1u

/* What the initial state was made of. */
struct recording_meta {
    unsigned version;
    char *backstep;            /* "VERSION (commit C)" of the backstep that recorded */
    char *layout;              /* sizes of the structs the log holds (see recording_layout) */
    char *exe_path;            /* the path the program was run by (its AT_EXECFN, argv's PROG) */
    char *exe_sha256;          /* of the executable (and of DIR/exe) */
    char *interp_path;         /* the ELF interpreter's file ("" for a static program) */
    char *interp_sha256;
    char *sysroot, *cwd;       /* for the reader; a replay does not use them */
    char **argv, **envp;       /* NULL-terminated, as the guest got them */
    uint8_t random[16];        /* the AT_RANDOM bytes */
    struct guest_ident ident;
    struct guest_sigstate sig; /* after loading (dispositions and mask inherited from the host) */
    uint64_t log_bytes;
    char *log_sha256;
    uint64_t end_icount;       /* the end of history */
    char *end_state;           /* "exited N", "signalled N", "stopped" or "unknown" (saved in the past) */
    bool has_end_hash;
    uint64_t end_hash;         /* timeline/state_hash at the end (if saved there) */
};

/* The recorder keeps what cli gives it at start-up (deep copies). */
void recording_note_start(const struct recording_meta *m);
/* The meta noted at start-up (NULL if none). */
const struct recording_meta *recording_started(void);

/* Writes the recording of the history so far into dir (created if needed;
 * a recording already there is replaced). False with one line in err. */
bool recording_save(const char *dir, char *err, size_t errlen);

/* Opens and checks dir's meta and file copies (not the log's checksum: see
 * recording_load_log); fills m. False with one line in err. */
bool recording_open(const char *dir, struct recording_meta *m, char *err, size_t errlen);
/* After engine_init: reads dir/log into the replay log, checks its length
 * and checksum, and makes the engine replay-only up to m->end_icount. */
bool recording_load_log(const char *dir, const struct recording_meta *m, char *err, size_t errlen);

/* The meta file: text lines "key value" (values %XX-escaped), the last one
 * the sha256 of all before it (recording_meta.c). */
bool recording_meta_write(const char *path, const struct recording_meta *m, char *err, size_t errlen);
bool recording_meta_read(const char *path, struct recording_meta *m, char *err, size_t errlen);
/* This build's struct sizes, as written in the layout line. */
const char *recording_layout(void);
