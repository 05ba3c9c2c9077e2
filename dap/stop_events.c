/* gdb's asynchronous records as DAP events: *stopped becomes `stopped` (with
 * DAP's reason), or `exited` then `terminated` when the program ended;
 * *running not asked for by a request becomes `continued`; gdb's console
 * output goes to the console category, thread notifications to `thread`.
 *
 * It runs at the top of the main loop, never inside a handler's MI wait, so it
 * may itself run MI commands (reading r7 at a SIGTRAP stop). */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "dap/adapter.h"

void adapter_drain_output(struct adapter *a, int timeout_ms)
{
    for (int i = 0; i < timeout_ms / 10 && (a->bs.out_fd >= 0 || a->bs.err_fd >= 0); i++) {
        struct pollfd p[2] = {{.fd = a->bs.out_fd, .events = POLLIN}, {.fd = a->bs.err_fd, .events = POLLIN}};
        if (poll(p, 2, 10) <= 0)
            continue;
        for (int k = 0; k < 2; k++)
            if (p[k].fd >= 0 && p[k].revents)
                adapter_on_fd(a, p[k].fd);
    }
}

static int signal_number(const char *name)
{
    for (int s = 1; name && s < 65; s++) {
        const char *abbrev = sigabbrev_np(s);
        if (abbrev && strncmp(name, "SIG", 3) == 0 && strcmp(name + 3, abbrev) == 0)
            return s;
    }
    return 0;
}

void adapter_end_session_events(struct adapter *a, long long exit_code, bool have_code)
{
    adapter_drain_output(a, 5000);
    if (have_code && !a->exited_sent) {
        a->exited_sent = true;
        dap_event(a, "exited", json_pack("{s:I}", "exitCode", exit_code));
    }
    if (!a->terminated_sent) {
        a->terminated_sent = true;
        dap_event(a, "terminated", NULL);
    }
}

static void on_exited(struct adapter *a, const char *reason, json_t *res)
{
    long long code = 0;
    if (strcmp(reason, "exited") == 0)
        code = strtoll(jstr(res, "exit-code") ? jstr(res, "exit-code") : "0", NULL, 8); /* gdb prints it in octal */
    else if (strcmp(reason, "exited-signalled") == 0)
        code = 128 + signal_number(jstr(res, "signal-name")); /* as a shell reports a death by signal */
    a->state = TARGET_EXITED;
    adapter_end_session_events(a, code, true);
}

/* r7 at a SIGTRAP stop: backstep stops just before the SVC of exit (1) or
 * exit_group (248), the end of the program (the README's "exit stop"). */
static bool at_exit_stop(struct adapter *a, long long *status)
{
    char *err;
    struct mi_record *r = mi_run(a, &err, "-data-evaluate-expression $r7");
    long long r7 = r ? jint(r->results, "value", -1) : -1;
    mi_record_free(r);
    free(err);
    if (r7 != 1 && r7 != 248)
        return false;
    r = mi_run(a, &err, "-data-evaluate-expression $r0");
    *status = r ? jint(r->results, "value", 0) & 0xff : 0;
    mi_record_free(r);
    free(err);
    return true;
}

static bool is_function_bp(struct adapter *a, long num)
{
    for (size_t i = 0; i < a->n_func_bps; i++)
        if (a->func_bp_nums[i] == num)
            return true;
    return false;
}

static void on_stopped(struct adapter *a, json_t *res)
{
    const char *reason = jstr(res, "reason");
    if (reason && strncmp(reason, "exited", 6) == 0) {
        on_exited(a, reason, res);
        return;
    }
    a->state = TARGET_STOPPED;
    int thread = (int)jint(res, "thread-id", 1);
    if (!a->configured) { /* the stop gdb reports on connecting: shown at configurationDone */
        a->entry_thread = thread;
        return;
    }
    const char *dap_reason = "pause";
    char desc[256] = "";
    json_t *hits = NULL;
    if (!reason) {
        /* gdb 13 gives no reason when a reverse run reaches the start of
         * the recorded history ("No more reverse-execution history"). */
        dap_reason = a->last_reverse ? "start of history" : "pause";
        if (a->last_reverse)
            snprintf(desc, sizeof desc, "No more reverse-execution history: the start of the recording");
    } else if (strcmp(reason, "breakpoint-hit") == 0) {
        long num = (long)jint(res, "bkptno", 0);
        dap_reason = is_function_bp(a, num) ? "function breakpoint" : "breakpoint";
        hits = json_pack("[i]", num);
    } else if (strcmp(reason, "end-stepping-range") == 0 || strcmp(reason, "function-finished") == 0 ||
               strcmp(reason, "location-reached") == 0) {
        dap_reason = "step";
    } else if (strstr(reason, "watchpoint-trigger")) {
        dap_reason = "data breakpoint";
    } else if (strcmp(reason, "no-history") == 0) {
        dap_reason = "start of history";
    } else if (strcmp(reason, "signal-received") == 0) {
        const char *sig = jstr(res, "signal-name");
        long long status;
        if (sig && strcmp(sig, "SIGINT") == 0) {
            dap_reason = "pause";
        } else if (sig && strcmp(sig, "SIGTRAP") == 0 && at_exit_stop(a, &status)) {
            dap_reason = "exit";
            snprintf(desc, sizeof desc,
                     "The program is about to exit with status %lld (the end of history): continue to let it "
                     "end, or go back in time",
                     status);
        } else {
            dap_reason = "exception";
            snprintf(desc, sizeof desc, "%s, %s", sig ? sig : "signal",
                     jstr(res, "signal-meaning") ? jstr(res, "signal-meaning") : "");
        }
    }
    json_t *body = json_pack("{s:s, s:i, s:b}", "reason", dap_reason, "threadId", thread, "allThreadsStopped", 1);
    if (desc[0]) {
        json_object_set_new(body, "description", json_string(desc));
        json_object_set_new(body, "text", json_string(desc));
    }
    if (hits)
        json_object_set_new(body, "hitBreakpointIds", hits);
    dap_event(a, "stopped", body);
}

static void handle(struct adapter *a, struct mi_record *r)
{
    switch (r->kind) {
    case MI_CONSOLE:
    case MI_TARGET:
        dap_output(a, "console", r->text, strlen(r->text));
        break;
    case MI_EXEC:
        if (strcmp(r->cls, "running") == 0) {
            a->state = TARGET_RUNNING;
            if (a->refs.n || a->refs.n_owned)
                adapter_forget_refs(a);
            if (!a->resume_by_request && a->configured)
                dap_event(a, "continued", json_pack("{s:i, s:b}", "threadId", a->entry_thread ? a->entry_thread : 1,
                                                    "allThreadsContinued", 1));
            a->resume_by_request = false;
        } else if (strcmp(r->cls, "stopped") == 0) {
            on_stopped(a, r->results);
        }
        break;
    case MI_NOTIFY:
        /* backstep gone without an exit (killed, crashed): gdb says the
         * inferior went away and reports no stop; the session is over */
        if (strcmp(r->cls, "thread-group-exited") == 0 && !jstr(r->results, "exit-code") &&
            a->state != TARGET_EXITED) {
            a->state = TARGET_EXITED;
            adapter_end_session_events(a, 0, false);
        }
        if (strcmp(r->cls, "thread-created") == 0 || strcmp(r->cls, "thread-exited") == 0)
            dap_event(a, "thread",
                      json_pack("{s:s, s:I}", "reason", r->cls[7] == 'c' ? "started" : "exited", "threadId",
                                jint(r->results, "id", 0)));
        break;
    default:
        break;
    }
}

void adapter_drain(struct adapter *a)
{
    while (a->queue_len) {
        struct mi_record *r = a->queue[0];
        memmove(a->queue, a->queue + 1, (a->queue_len - 1) * sizeof *a->queue);
        a->queue_len--;
        handle(a, r);
        mi_record_free(r);
    }
}
