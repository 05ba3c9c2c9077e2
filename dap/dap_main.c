/* backstep-dap: a Debug Adapter Protocol server for ARM programs run by
 * backstep. Speaks DAP on stdin/stdout, drives gdb-multiarch over GDB/MI,
 * and gdb drives `backstep -g` (launched here on a private Unix socket, or
 * one already listening for an attach).
 *
 *   backstep-dap [--log FILE]     (FILE gets every DAP and MI message)
 *
 * This file is the main loop and the request table; it never formats a
 * request's answer itself. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dap/adapter.h"
#include "dap/dap_framing.h"

static const struct {
    const char *command;
    dap_handler fn;
} handlers[] = {
    {"initialize", h_initialize},
    {"launch", h_launch},
    {"attach", h_attach},
    {"configurationDone", h_configuration_done},
    {"disconnect", h_disconnect},
    {"terminate", h_terminate},
    {"setBreakpoints", h_set_breakpoints},
    {"setFunctionBreakpoints", h_set_function_breakpoints},
    {"setExceptionBreakpoints", h_set_exception_breakpoints},
    {"continue", h_continue},
    {"next", h_next},
    {"stepIn", h_step_in},
    {"stepOut", h_step_out},
    {"stepBack", h_step_back},
    {"reverseContinue", h_reverse_continue},
    {"reverseStepIn", h_reverse_step_in},   /* custom: reverse-step */
    {"reverseStepOut", h_reverse_step_out}, /* custom: reverse-finish */
    {"pause", h_pause},
    {"threads", h_threads},
    {"stackTrace", h_stack_trace},
    {"scopes", h_scopes},
    {"variables", h_variables},
    {"evaluate", h_evaluate},
};

static void dispatch(struct adapter *a, const char *text, size_t len)
{
    json_error_t jerr;
    json_t *msg = json_loadb(text, len, 0, &jerr);
    if (a->log)
        fprintf(a->log, "dap< %.*s\n", (int)len, text), fflush(a->log);
    if (!json_is_object(msg) || !jstr(msg, "type") || strcmp(jstr(msg, "type"), "request") != 0 ||
        !jstr(msg, "command")) {
        /* not a request (bad JSON, or a response to a reverse request): nothing to answer */
        if (!msg)
            dap_output(a, "console", "backstep-dap: a message that is not JSON was ignored\n", 53);
        json_decref(msg);
        return;
    }
    const char *cmd = jstr(msg, "command");
    json_t *args = json_object_get(msg, "arguments");
    if (!args)
        args = json_object(), json_object_set_new(msg, "arguments", args);
    size_t i;
    for (i = 0; i < sizeof handlers / sizeof *handlers; i++)
        if (strcmp(handlers[i].command, cmd) == 0)
            break;
    if (i < sizeof handlers / sizeof *handlers)
        handlers[i].fn(a, msg, args);
    else
        dap_fail(a, msg, "backstep-dap does not support the request '%s'", cmd);
    json_decref(msg);
}

int main(int argc, char **argv)
{
    struct adapter a;
    memset(&a, 0, sizeof a);
    a.out_fd = 1;
    a.gdb.to_gdb = a.gdb.from_gdb = -1;
    a.bs.out_fd = a.bs.err_fd = -1;
    for (int i = 1; i < argc; i++) {
        const char *log = NULL;
        if (strncmp(argv[i], "--log=", 6) == 0)
            log = argv[i] + 6;
        else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc)
            log = argv[++i];
        else if (argv[i][0]) { /* an empty argument: what some clients pass as the "executable" */
            fprintf(stderr, "usage: backstep-dap [--log FILE]\n"
                            "A Debug Adapter Protocol server (on stdin/stdout) for ARM programs under backstep.\n");
            return 2;
        }
        if (log && !(a.log = fopen(log, "a"))) {
            fprintf(stderr, "backstep-dap: cannot open %s: %s\n", log, strerror(errno));
            return 2;
        }
        if (a.log)
            a.gdb.log = a.log;
    }
    signal(SIGPIPE, SIG_IGN); /* a client or gdb gone is seen as a write error */
    struct dap_reader rd;
    dap_reader_init(&rd);
    bool client_gone = false;
    while (!a.quit && !client_gone) {
        struct pollfd fds[4] = {{.fd = 0, .events = POLLIN},
                                {.fd = a.gdb_started && !a.gdb.eof ? a.gdb.from_gdb : -1, .events = POLLIN},
                                {.fd = a.launched ? a.bs.out_fd : -1, .events = POLLIN},
                                {.fd = a.launched ? a.bs.err_fd : -1, .events = POLLIN}};
        if (poll(fds, 4, 1000) < 0 && errno != EINTR)
            break;
        if (fds[2].fd >= 0 && fds[2].revents)
            adapter_on_fd(&a, fds[2].fd);
        if (fds[3].fd >= 0 && fds[3].revents)
            adapter_on_fd(&a, fds[3].fd);
        if (fds[1].fd >= 0 && fds[1].revents)
            gdb_read(&a.gdb);
        adapter_drain(&a);
        if (fds[0].revents) {
            char buf[65536];
            ssize_t n = read(0, buf, sizeof buf);
            if (n <= 0 && !(n < 0 && errno == EINTR)) {
                client_gone = true;
            } else if (n > 0) {
                dap_reader_feed(&rd, buf, (size_t)n);
                char *body;
                size_t len;
                enum dap_next next;
                while (!a.quit && (next = dap_reader_next(&rd, &body, &len)) == DAP_MESSAGE) {
                    dispatch(&a, body, len);
                    free(body);
                    adapter_drain(&a);
                }
                if (!a.quit && next == DAP_BAD_HEADER) {
                    fprintf(stderr, "backstep-dap: malformed DAP header; giving up\n");
                    client_gone = true;
                }
            }
        }
        /* gdb gone (crashed, or the connection to backstep lost and gdb quit) */
        if (a.gdb_started && a.gdb.eof && !a.terminated_sent)
            adapter_end_session_events(&a, 0, false);
        /* backstep ended on its own (a lost connection): its status stands */
        if (a.launched && a.bs.out_fd < 0 && a.bs.err_fd < 0 && debuggee_poll_exit(&a.bs) && !a.terminated_sent &&
            a.state != TARGET_RUNNING && a.state != TARGET_STOPPED)
            adapter_end_session_events(&a, 0, false);
    }
    adapter_shutdown(&a, a.launched);
    adapter_free(&a);
    dap_reader_free(&rd);
    if (a.log)
        fclose(a.log);
    return 0;
}
