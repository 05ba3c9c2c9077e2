/* The adapter's state and the helpers every request handler uses: sending DAP
 * responses and events, running MI commands, references that DAP hands out
 * (variablesReference, frameId). One adapter serves one session: one DAP
 * client, one gdb, at most one backstep it launched.
 *
 * Handlers run one at a time from the main loop (dap_main.c); records from
 * gdb that arrive meanwhile are queued and turned into events after the
 * handler's response (stop_events.c), so a `continue` is answered before
 * its `stopped`. */
#pragma once
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "dap/debuggee.h"
#include "dap/gdb_mi.h"
#include "dap/varrefs.h"

enum run_state { TARGET_NONE, TARGET_STOPPED, TARGET_RUNNING, TARGET_EXITED };

struct bp_list { /* gdb breakpoint numbers set for one source or for the functions */
    char *key;   /* the source path; "" for function breakpoints */
    int *nums;
    size_t n;
};

struct adapter {
    int out_fd; /* where DAP messages go (stdout) */
    long seq;
    FILE *log;
    struct gdb gdb;
    bool gdb_started;
    struct debuggee bs;
    bool launched;      /* we started backstep (launch), vs attach */
    bool configured;    /* configurationDone seen */
    bool stop_on_entry;
    bool initialized_sent, exited_sent, terminated_sent;
    bool quit;          /* disconnect handled: leave the main loop */
    enum run_state state;
    bool resume_by_request; /* the next *running answers a request: no continued event */
    bool last_reverse;  /* the last resume went backwards */
    int entry_thread;   /* the thread of the stop gdb reported on connecting */
    /* records queued while a handler ran; turned into events afterwards */
    struct mi_record **queue;
    size_t queue_len, queue_cap;
    /* console output of the command running for a repl evaluate */
    char *capture;
    size_t capture_len;
    bool capturing;
    char *err_line;      /* backstep's stderr: an incomplete line */
    size_t err_line_len;
    bool listening;      /* backstep said "waiting for gdb on ..." */
    char last_err[512];  /* backstep's last line on stderr (for a failed launch) */
    struct bp_list *bps;
    size_t n_bps;
    int *func_bp_nums;  /* function breakpoints' gdb numbers (a stop's reason) */
    size_t n_func_bps;
    char **reg_names;   /* -data-list-register-names, by number ("" for gaps) */
    size_t n_reg_names;
    struct varrefs refs;
};

/* --- DAP output --- */
void dap_send(struct adapter *a, json_t *msg); /* takes msg; adds seq */
/* Success response to req with body (taken; may be NULL). */
void dap_respond(struct adapter *a, json_t *req, json_t *body);
/* Error response: message shown to the user. */
void dap_fail(struct adapter *a, json_t *req, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void dap_event(struct adapter *a, const char *event, json_t *body);
/* An output event; text need not be UTF-8 (other bytes become '?'). */
void dap_output(struct adapter *a, const char *category, const char *text, size_t len);

/* --- gdb --- */
/* Runs an MI command (printf-style, without the token) and returns its result
 * record: NULL with *err set (malloc'd) when gdb answers ^error, exits or
 * does not answer in time. */
struct mi_record *mi_run(struct adapter *a, char **err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* As mi_run, for commands whose result is only done/error: returns success. */
bool mi_ok(struct adapter *a, char **err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The record callback and fd callback gdb_mi calls (queue / forward output). */
void adapter_on_record(void *ctx, struct mi_record *r);
void adapter_on_fd(void *ctx, int fd);
/* Turns the queued records into events (stop_events.c). */
void adapter_drain(struct adapter *a);
/* Forwards backstep's output until its pipes close (it is exiting) or
 * timeout_ms passes: the program's output written before it ended comes
 * before `exited`. */
void adapter_drain_output(struct adapter *a, int timeout_ms);
/* The session's end: the program's last output, `exited` (when the code is
 * known) and `terminated`, each sent once. */
void adapter_end_session_events(struct adapter *a, long long exit_code, bool have_code);
/* Before resuming: forget references (their var objects are deleted). */
void adapter_forget_refs(struct adapter *a);
/* Frees what the adapter holds (at exit, after adapter_shutdown). */
void adapter_free(struct adapter *a);
/* Ends the session's processes: kill or detach (per `kill`), gdb exits. */
void adapter_shutdown(struct adapter *a, bool kill);

/* --- frame ids: thread and level packed into one DAP number --- */
static inline long frame_id(int thread, int level) { return ((long)thread << 16) + level + 1; }
static inline int frame_thread(long id) { return (int)((id - 1) >> 16); }
static inline int frame_level(long id) { return (int)((id - 1) & 0xffff); }

/* --- json helpers (values from DAP or from MI, where numbers are strings) --- */
const char *jstr(json_t *o, const char *key);
long long jint(json_t *o, const char *key, long long dflt);
bool jbool(json_t *o, const char *key, bool dflt);
/* A JSON string from bytes that may not be UTF-8. */
json_t *json_string_lossy(const char *s, size_t len);

/* --- request handlers: void h(struct adapter *, json_t *request, json_t *arguments) --- */
typedef void (*dap_handler)(struct adapter *a, json_t *req, json_t *args);
void h_initialize(struct adapter *, json_t *, json_t *);
void h_launch(struct adapter *, json_t *, json_t *);
void h_attach(struct adapter *, json_t *, json_t *);
void h_configuration_done(struct adapter *, json_t *, json_t *);
void h_disconnect(struct adapter *, json_t *, json_t *);
void h_terminate(struct adapter *, json_t *, json_t *);
void h_set_breakpoints(struct adapter *, json_t *, json_t *);
void h_set_function_breakpoints(struct adapter *, json_t *, json_t *);
void h_set_exception_breakpoints(struct adapter *, json_t *, json_t *);
void h_continue(struct adapter *, json_t *, json_t *);
void h_next(struct adapter *, json_t *, json_t *);
void h_step_in(struct adapter *, json_t *, json_t *);
void h_step_out(struct adapter *, json_t *, json_t *);
void h_step_back(struct adapter *, json_t *, json_t *);
void h_reverse_continue(struct adapter *, json_t *, json_t *);
void h_reverse_step_in(struct adapter *, json_t *, json_t *);
void h_reverse_step_out(struct adapter *, json_t *, json_t *);
void h_pause(struct adapter *, json_t *, json_t *);
void h_threads(struct adapter *, json_t *, json_t *);
void h_stack_trace(struct adapter *, json_t *, json_t *);
void h_scopes(struct adapter *, json_t *, json_t *);
void h_variables(struct adapter *, json_t *, json_t *);
void h_evaluate(struct adapter *, json_t *, json_t *);
