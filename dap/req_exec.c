/* Execution requests, forwards and backwards: continue, next, stepIn,
 * stepOut, pause; stepBack (reverse-next, or reverse-stepi with instruction
 * granularity), reverseContinue; and two custom requests DAP has no name
 * for, reverseStepIn (reverse-step) and reverseStepOut (reverse-finish).
 * Each answers once gdb says ^running; the stop comes later as an event. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dap/adapter.h"

static bool instruction_granularity(json_t *args)
{
    const char *g = jstr(args, "granularity");
    return g && strcmp(g, "instruction") == 0;
}

/* Runs an execution command (printf-style) and answers req. */
static void resume(struct adapter *a, json_t *req, bool reverse, json_t *body, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void resume(struct adapter *a, json_t *req, bool reverse, json_t *body, const char *fmt, ...)
{
    if (a->state != TARGET_STOPPED) {
        json_decref(body);
        dap_fail(a, req, a->state == TARGET_RUNNING ? "the program is running" : "the program is not there");
        return;
    }
    char *cmd;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&cmd, fmt, ap);
    va_end(ap);
    if (n < 0) {
        json_decref(body);
        dap_fail(a, req, "out of memory");
        return;
    }
    adapter_forget_refs(a);
    a->resume_by_request = true;
    a->last_reverse = reverse;
    char *err;
    if (mi_ok(a, &err, "%s", cmd)) {
        a->state = TARGET_RUNNING;
        dap_respond(a, req, body);
    } else {
        a->resume_by_request = false;
        json_decref(body);
        dap_fail(a, req, "%s", err);
        free(err);
    }
    free(cmd);
}

static int thread_of(json_t *args)
{
    return (int)jint(args, "threadId", 1);
}

void h_continue(struct adapter *a, json_t *req, json_t *args)
{
    (void)args; /* all-stop: every thread resumes */
    resume(a, req, false, json_pack("{s:b}", "allThreadsContinued", 1), "-exec-continue");
}

void h_next(struct adapter *a, json_t *req, json_t *args)
{
    resume(a, req, false, NULL, "%s --thread %d",
           instruction_granularity(args) ? "-exec-next-instruction" : "-exec-next", thread_of(args));
}

void h_step_in(struct adapter *a, json_t *req, json_t *args)
{
    resume(a, req, false, NULL, "%s --thread %d",
           instruction_granularity(args) ? "-exec-step-instruction" : "-exec-step", thread_of(args));
}

void h_step_out(struct adapter *a, json_t *req, json_t *args)
{
    resume(a, req, false, NULL, "-exec-finish --thread %d --frame 0", thread_of(args));
}

void h_step_back(struct adapter *a, json_t *req, json_t *args)
{
    /* reverse-next; by instruction (the disassembly view), reverse-stepi:
     * exactly one instruction back */
    resume(a, req, true, NULL, "%s --thread %d --reverse",
           instruction_granularity(args) ? "-exec-step-instruction" : "-exec-next", thread_of(args));
}

void h_reverse_continue(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    resume(a, req, true, NULL, "-exec-continue --reverse");
}

void h_reverse_step_in(struct adapter *a, json_t *req, json_t *args)
{
    resume(a, req, true, NULL, "%s --thread %d --reverse",
           instruction_granularity(args) ? "-exec-step-instruction" : "-exec-step", thread_of(args));
}

void h_reverse_step_out(struct adapter *a, json_t *req, json_t *args)
{
    resume(a, req, true, NULL, "-exec-finish --thread %d --frame 0 --reverse", thread_of(args));
}

void h_pause(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    char *err;
    if (a->state == TARGET_RUNNING && !mi_ok(a, &err, "-exec-interrupt")) {
        dap_fail(a, req, "%s", err);
        free(err);
        return;
    }
    dap_respond(a, req, NULL); /* the stop (SIGINT) comes as a `stopped` with reason pause */
}
