/* The session's requests: initialize (capabilities), launch (start backstep
 * on a private Unix socket, then gdb connected to it), attach (gdb connected
 * to a `backstep -g` already waiting), configurationDone (stop on entry or
 * run), disconnect and terminate. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <unistd.h>

#include "dap/adapter.h"

void h_initialize(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    json_t *caps = json_pack(
        "{s:b, s:b, s:b, s:b, s:b, s:b, s:b, s:b}", "supportsConfigurationDoneRequest", 1, "supportsFunctionBreakpoints",
        1, "supportsConditionalBreakpoints", 1, "supportsEvaluateForHovers", 1, "supportsStepBack", 1,
        "supportsSteppingGranularity", 1, "supportsTerminateRequest", 1, "supportTerminateDebuggee", 1);
    dap_respond(a, req, caps);
}

/* backstep beside this adapter (the build tree and an installed bin/ both
 * have them side by side), else the one on PATH. */
static char *default_backstep(void)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (slash) {
            *slash = '\0';
            char *path;
            if (asprintf(&path, "%s/backstep", self) >= 0) {
                if (access(path, X_OK) == 0)
                    return path;
                free(path);
            }
        }
    }
    return strdup("backstep");
}

/* An absolute path for p, relative to cwd when given (as backstep, which runs
 * there, sees it), else to the adapter's own directory. */
static char *absolute(const char *p, const char *cwd)
{
    char *out;
    if (p[0] == '/')
        return strdup(p);
    char here[PATH_MAX];
    if (!cwd || cwd[0] != '/')
        cwd = getcwd(here, sizeof here) ? here : ".";
    return asprintf(&out, "%s/%s", cwd, p) < 0 ? NULL : out;
}

/* A NULL-terminated copy of a JSON array of strings (NULL if absent). For an
 * object (env), "KEY=VALUE" strings. */
static char **string_list(json_t *v)
{
    size_t n = json_is_array(v) ? json_array_size(v) : json_is_object(v) ? json_object_size(v) : 0;
    char **out = calloc(n + 1, sizeof *out);
    if (!out)
        return NULL;
    size_t k = 0;
    if (json_is_array(v)) {
        for (size_t i = 0; i < n; i++)
            if (json_is_string(json_array_get(v, i)))
                out[k++] = strdup(json_string_value(json_array_get(v, i)));
    } else if (json_is_object(v)) {
        const char *key;
        json_t *val;
        json_object_foreach(v, key, val)
            if (json_is_string(val) && asprintf(&out[k], "%s=%s", key, json_string_value(val)) >= 0)
                k++;
    }
    return out;
}

static void free_list(char **l)
{
    for (size_t i = 0; l && l[i]; i++)
        free(l[i]);
    free(l);
}

/* Starts gdb and connects it to target; false with *err on failure. */
static bool start_gdb(struct adapter *a, json_t *args, const char *program, const char *target, char **err)
{
    const char *gdb = jstr(args, "gdb") ? jstr(args, "gdb") : "gdb-multiarch";
    if (!gdb_start(&a->gdb, gdb, adapter_on_record, adapter_on_fd, a)) {
        if (asprintf(err, "cannot start %s: %s", gdb, strerror(errno)) < 0)
            *err = NULL;
        return false;
    }
    a->gdb_started = true;
    if (a->launched) {
        a->gdb.extra_fds[0] = a->bs.out_fd;
        a->gdb.extra_fds[1] = a->bs.err_fd;
    }
    static const char *const setup[] = {
        "-gdb-set mi-async on", /* so that pause can interrupt a running target */
        "-gdb-set pagination off",
        "-gdb-set confirm off",
        "-gdb-set breakpoint pending on",
    };
    for (size_t i = 0; i < sizeof setup / sizeof *setup; i++)
        if (!mi_ok(a, err, "%s", setup[i])) {
            if (a->gdb.eof) {
                free(*err);
                if (asprintf(err, "%s did not start (is gdb-multiarch installed?)", gdb) < 0)
                    *err = NULL;
            }
            return false;
        }
    const char *sysroot = jstr(args, "sysroot");
    if (sysroot) {
        char *q = mi_quote(sysroot);
        bool ok = mi_ok(a, err, "-gdb-set sysroot %s", q);
        free(q);
        if (!ok)
            return false;
    }
    if (program) {
        char *q = mi_quote(program);
        bool ok = mi_ok(a, err, "-file-exec-and-symbols %s", q);
        free(q);
        if (!ok)
            return false;
    }
    /* -target-select takes its argument verbatim (no C-string unquoting):
     * a socket path with a space cannot be named here */
    if (!mi_ok(a, err, "-target-select remote %s", target))
        return false;
    a->state = TARGET_STOPPED;
    struct mi_record *r = mi_run(a, err, "-data-list-register-names");
    json_t *names = r ? json_object_get(r->results, "register-names") : NULL;
    a->n_reg_names = json_array_size(names);
    a->reg_names = calloc(a->n_reg_names + 1, sizeof *a->reg_names);
    for (size_t i = 0; a->reg_names && i < a->n_reg_names; i++)
        a->reg_names[i] = strdup(json_string_value(json_array_get(names, i)) ? json_string_value(json_array_get(names, i)) : "");
    mi_record_free(r);
    free(*err);
    *err = NULL;
    return true;
}

/* Waits until backstep listens on its socket: it says "backstep: waiting for
 * gdb on ..." once it has loaded the program (the socket file appears
 * earlier, and goes again if loading fails). Forwards its output meanwhile;
 * false if it exits first or takes over 30 s. */
static bool wait_listening(struct adapter *a)
{
    a->listening = false;
    for (int i = 0; i < 3000; i++) {
        if (a->listening)
            return true;
        if (debuggee_poll_exit(&a->bs))
            return false;
        struct pollfd p[2] = {{.fd = a->bs.out_fd, .events = POLLIN}, {.fd = a->bs.err_fd, .events = POLLIN}};
        if (poll(p, 2, 10) > 0)
            for (int k = 0; k < 2; k++)
                if (p[k].fd >= 0 && p[k].revents)
                    adapter_on_fd(a, p[k].fd);
    }
    return false;
}

void h_launch(struct adapter *a, json_t *req, json_t *args)
{
    const char *prog = jstr(args, "program");
    if (a->gdb_started || a->launched) {
        dap_fail(a, req, "a session is already running");
        return;
    }
    if (!prog) {
        dap_fail(a, req, "launch needs \"program\": the ARM program to debug");
        return;
    }
    const char *cwd = jstr(args, "cwd");
    char *program = absolute(prog, cwd);
    char *backstep = jstr(args, "backstep") ? strdup(jstr(args, "backstep")) : default_backstep();
    char **pargs = string_list(json_object_get(args, "args"));
    char **env = string_list(json_object_get(args, "env"));
    char **extra = string_list(json_object_get(args, "backstepArgs"));
    struct debuggee_spec spec = {backstep, program, pargs, cwd, jstr(args, "sysroot"), env, extra};
    char msg[1024];
    char *err = NULL;
    a->stop_on_entry = jbool(args, "stopOnEntry", false);
    if (!debuggee_start(&a->bs, &spec, msg, sizeof msg)) {
        dap_fail(a, req, "%s", msg);
    } else {
        a->launched = true;
        if (!wait_listening(a)) {
            while (a->bs.err_fd >= 0) /* its last words: why it ended */
                adapter_on_fd(a, a->bs.err_fd);
            debuggee_finish(&a->bs, 1000);
            a->launched = false;
            dap_fail(a, req, "backstep ended before gdb could connect: %s",
                     a->last_err[0] ? a->last_err : "(no message)");
        } else if (!start_gdb(a, args, program, a->bs.socket, &err)) {
            dap_fail(a, req, "%s", err ? err : "gdb failed");
            adapter_shutdown(a, true);
        } else {
            dap_respond(a, req, NULL);
            dap_event(a, "initialized", NULL);
            a->initialized_sent = true;
        }
    }
    free(err);
    free(program);
    free(backstep);
    free_list(pargs);
    free_list(env);
    free_list(extra);
}

void h_attach(struct adapter *a, json_t *req, json_t *args)
{
    const char *target = jstr(args, "target");
    if (a->gdb_started) {
        dap_fail(a, req, "a session is already running");
        return;
    }
    if (!target) {
        dap_fail(a, req, "attach needs \"target\": where `backstep -g` listens (PORT, HOST:PORT or unix:PATH)");
        return;
    }
    char conn[PATH_MAX + 16];
    if (strncmp(target, "unix:", 5) == 0) /* gdb takes a socket's path as is */
        snprintf(conn, sizeof conn, "%s", target + 5);
    else if (strspn(target, "0123456789") == strlen(target))
        snprintf(conn, sizeof conn, "127.0.0.1:%s", target);
    else
        snprintf(conn, sizeof conn, "%s", target);
    const char *prog = jstr(args, "program");
    char *program = prog ? absolute(prog, jstr(args, "cwd")) : NULL;
    char *err = NULL;
    a->stop_on_entry = jbool(args, "stopOnEntry", false);
    if (!start_gdb(a, args, program, conn, &err)) {
        dap_fail(a, req, "%s", err ? err : "gdb failed");
        adapter_shutdown(a, false);
    } else {
        dap_respond(a, req, NULL);
        dap_event(a, "initialized", NULL);
        a->initialized_sent = true;
    }
    free(err);
    free(program);
}

void h_configuration_done(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    a->configured = true;
    dap_respond(a, req, NULL);
    if (a->state != TARGET_STOPPED)
        return;
    int thread = a->entry_thread ? a->entry_thread : 1;
    if (a->stop_on_entry) {
        dap_event(a, "stopped", json_pack("{s:s, s:i, s:b}", "reason", "entry", "threadId", thread,
                                          "allThreadsStopped", 1));
        return;
    }
    char *err;
    a->resume_by_request = true;
    a->last_reverse = false;
    if (!mi_ok(a, &err, "-exec-continue")) {
        a->resume_by_request = false;
        dap_output(a, "console", err, strlen(err));
        free(err);
    }
}

void h_disconnect(struct adapter *a, json_t *req, json_t *args)
{
    bool kill = jbool(args, "terminateDebuggee", a->launched);
    adapter_shutdown(a, kill);
    dap_respond(a, req, NULL);
    a->quit = true;
}

void h_terminate(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    adapter_shutdown(a, true);
    dap_respond(a, req, NULL);
    adapter_end_session_events(a, 0, false);
}
