/* The adapter's shared helpers (see adapter.h): DAP output, MI commands, the
 * record queue, the debuggee's output, shutting down. */
#include "dap/adapter.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dap/dap_framing.h"

/* How long one MI command may take. Execution commands answer ^running at
 * once; a -target-select or an expression calling a function may take long. */
#define MI_TIMEOUT_MS 60000

void dap_send(struct adapter *a, json_t *msg)
{
    json_object_set_new(msg, "seq", json_integer(++a->seq));
    if (a->log) {
        char *t = json_dumps(msg, JSON_COMPACT);
        fprintf(a->log, "dap> %s\n", t ? t : "?");
        fflush(a->log);
        free(t);
    }
    dap_write_json(a->out_fd, msg);
    json_decref(msg);
}

void dap_respond(struct adapter *a, json_t *req, json_t *body)
{
    json_t *m = json_pack("{s:s, s:I, s:b, s:s}", "type", "response", "request_seq", jint(req, "seq", 0),
                          "success", 1, "command", jstr(req, "command") ? jstr(req, "command") : "");
    if (body)
        json_object_set_new(m, "body", body);
    dap_send(a, m);
}

void dap_fail(struct adapter *a, json_t *req, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_t *m = json_pack("{s:s, s:I, s:b, s:s, s:o, s:{s:{s:i, s:o, s:b}}}", "type", "response", "request_seq",
                          jint(req, "seq", 0), "success", 0, "command",
                          jstr(req, "command") ? jstr(req, "command") : "", "message",
                          json_string_lossy(msg, strlen(msg)), "body", "error", "id", 1, "format",
                          json_string_lossy(msg, strlen(msg)), "showUser", 0);
    dap_send(a, m);
}

void dap_event(struct adapter *a, const char *event, json_t *body)
{
    json_t *m = json_pack("{s:s, s:s}", "type", "event", "event", event);
    if (body)
        json_object_set_new(m, "body", body);
    dap_send(a, m);
}

void dap_output(struct adapter *a, const char *category, const char *text, size_t len)
{
    if (len)
        dap_event(a, "output", json_pack("{s:s, s:o}", "category", category, "output", json_string_lossy(text, len)));
}

static char *vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        return NULL;
    return s;
}

static struct mi_record *vrun(struct adapter *a, char **err, const char *fmt, va_list ap)
{
    *err = NULL;
    char *cmd = vformat(fmt, ap);
    if (!cmd) {
        *err = strdup("out of memory");
        return NULL;
    }
    struct mi_record *r = a->gdb_started ? gdb_command(&a->gdb, cmd, MI_TIMEOUT_MS) : NULL;
    free(cmd);
    if (!r) {
        *err = strdup(!a->gdb_started ? "no debugging session (launch or attach first)"
                      : a->gdb.eof    ? "gdb has exited"
                                      : "gdb did not answer in time");
        return NULL;
    }
    if (strcmp(r->cls, "error") == 0) {
        const char *msg = jstr(r->results, "msg");
        *err = strdup(msg ? msg : "gdb reported an error");
        mi_record_free(r);
        return NULL;
    }
    return r;
}

struct mi_record *mi_run(struct adapter *a, char **err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct mi_record *r = vrun(a, err, fmt, ap);
    va_end(ap);
    return r;
}

bool mi_ok(struct adapter *a, char **err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct mi_record *r = vrun(a, err, fmt, ap);
    va_end(ap);
    mi_record_free(r);
    return r != NULL;
}

void adapter_on_record(void *ctx, struct mi_record *r)
{
    struct adapter *a = ctx;
    if (a->capturing && (r->kind == MI_CONSOLE || r->kind == MI_TARGET)) { /* monitor output is @ */
        size_t n = strlen(r->text);
        char *c = realloc(a->capture, a->capture_len + n + 1);
        if (c) {
            memcpy(c + a->capture_len, r->text, n + 1);
            a->capture = c;
            a->capture_len += n;
        }
        mi_record_free(r);
        return;
    }
    if (a->queue_len == a->queue_cap) {
        size_t cap = a->queue_cap ? 2 * a->queue_cap : 32;
        struct mi_record **q = realloc(a->queue, cap * sizeof *q);
        if (!q) {
            mi_record_free(r);
            return;
        }
        a->queue = q;
        a->queue_cap = cap;
    }
    a->queue[a->queue_len++] = r;
}

/* backstep's stderr: its own lines ("backstep: ...") go to the console
 * category, the program's stderr to stderr. A partial line waits for its end
 * only while it could still become one of backstep's lines. */
static void forward_stderr(struct adapter *a, const char *buf, size_t n, bool eof)
{
    static const char prefix[] = "backstep: ";
    const size_t plen = sizeof prefix - 1;
    char *l = realloc(a->err_line, a->err_line_len + n + 1);
    if (!l)
        return;
    a->err_line = l;
    memcpy(l + a->err_line_len, buf, n);
    a->err_line_len += n;
    size_t start = 0;
    for (size_t i = 0; i < a->err_line_len; i++) {
        if (l[i] != '\n')
            continue;
        bool ours = i - start >= plen && memcmp(l + start, prefix, plen) == 0;
        if (ours)
            snprintf(a->last_err, sizeof a->last_err, "%.*s", (int)(i - start), l + start);
        if (ours && strncmp(a->last_err, "backstep: waiting for gdb on ", 29) == 0)
            a->listening = true;
        dap_output(a, ours ? "console" : "stderr", l + start, i + 1 - start);
        start = i + 1;
    }
    size_t rest = a->err_line_len - start;
    size_t cmp = rest < plen ? rest : plen;
    if (rest && (eof || memcmp(l + start, prefix, cmp) != 0)) {
        dap_output(a, "stderr", l + start, rest);
        start = a->err_line_len;
    }
    memmove(l, l + start, a->err_line_len - start);
    a->err_line_len -= start;
}

void adapter_on_fd(void *ctx, int fd)
{
    struct adapter *a = ctx;
    char buf[65536];
    bool is_err = fd == a->bs.err_fd;
    size_t n = debuggee_read(&a->bs, fd, buf, sizeof buf);
    if (is_err) {
        forward_stderr(a, buf, n, n == 0);
    } else {
        dap_output(a, "stdout", buf, n);
    }
    for (int i = 0; i < 4; i++)
        if (a->gdb.extra_fds[i] == fd && n == 0)
            a->gdb.extra_fds[i] = -1;
}

void adapter_forget_refs(struct adapter *a)
{
    char **owned = varrefs_take_owned(&a->refs);
    for (size_t i = 0; owned && owned[i]; i++) {
        char *err;
        if (!a->gdb.eof)
            mi_ok(a, &err, "-var-delete %s", owned[i]);
        else
            err = NULL;
        free(err);
        free(owned[i]);
    }
    free(owned);
}

void adapter_shutdown(struct adapter *a, bool kill)
{
    char *err = NULL;
    if (a->gdb_started && !a->gdb.eof) {
        if (a->state == TARGET_RUNNING) {
            mi_ok(a, &err, "-exec-interrupt");
            free(err);
            err = NULL;
            /* let the stop arrive (at most 5 s) before killing or detaching */
            for (int i = 0; i < 50 && a->state == TARGET_RUNNING && !a->gdb.eof; i++) {
                gdb_pump(&a->gdb, 100);
                for (size_t k = 0; k < a->queue_len; k++)
                    if (a->queue[k]->kind == MI_EXEC && strcmp(a->queue[k]->cls, "stopped") == 0)
                        a->state = TARGET_STOPPED;
            }
        }
        if (a->state == TARGET_STOPPED)
            mi_ok(a, &err, kill ? "-interpreter-exec console kill" : "-target-detach");
        free(err);
        err = NULL;
        mi_ok(a, &err, "-gdb-exit");
        free(err);
    }
    if (a->gdb_started) {
        gdb_stop(&a->gdb, 5000);
        a->gdb_started = false;
    }
    if (a->launched) {
        /* the program's last output (after a kill at the exit stop it
         * finishes); a backstep that never saw gdb connect waits forever, and
         * is killed */
        adapter_drain_output(a, a->state == TARGET_NONE ? 100 : 5000);
        debuggee_finish(&a->bs, 1000);
        a->launched = false;
    }
    for (size_t k = 0; k < a->queue_len; k++)
        mi_record_free(a->queue[k]);
    a->queue_len = 0;
    a->state = TARGET_NONE;
}

const char *jstr(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

long long jint(json_t *o, const char *key, long long dflt)
{
    json_t *v = json_object_get(o, key);
    if (json_is_integer(v))
        return json_integer_value(v);
    if (json_is_string(v)) {
        char *end;
        long long x = strtoll(json_string_value(v), &end, 0);
        if (end != json_string_value(v) && *end == '\0')
            return x;
    }
    return dflt;
}

bool jbool(json_t *o, const char *key, bool dflt)
{
    json_t *v = json_object_get(o, key);
    return json_is_boolean(v) ? json_is_true(v) : dflt;
}

json_t *json_string_lossy(const char *s, size_t len)
{
    json_t *v = json_stringn(s, len);
    if (v)
        return v;
    char *c = malloc(len + 1);
    if (!c)
        return json_string("");
    for (size_t i = 0; i < len; i++)
        c[i] = (s[i] == 0 || (unsigned char)s[i] >= 0x80) ? '?' : s[i];
    v = json_stringn(c, len);
    free(c);
    return v ? v : json_string("");
}

void adapter_free(struct adapter *a)
{
    varrefs_clear(&a->refs);
    char **owned = varrefs_take_owned(&a->refs);
    for (size_t i = 0; owned && owned[i]; i++)
        free(owned[i]);
    free(owned);
    free(a->refs.v);
    for (size_t i = 0; i < a->n_reg_names; i++)
        free(a->reg_names[i]);
    free(a->reg_names);
    for (size_t i = 0; i < a->queue_len; i++)
        mi_record_free(a->queue[i]);
    free(a->queue);
    free(a->capture);
    free(a->err_line);
    for (size_t i = 0; i < a->n_bps; i++) {
        free(a->bps[i].key);
        free(a->bps[i].nums);
    }
    free(a->bps);
    free(a->func_bp_nums);
}
