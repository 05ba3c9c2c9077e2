/* Values: variables (a frame's locals, arguments or registers; the children
 * of a structured value) and evaluate (watch, hover, and the debug console,
 * where "-exec CMD" or "`CMD" runs a gdb command such as `monitor when`).
 * Structured values are gdb variable objects: a value with children gets a
 * variablesReference that lists them (-var-list-children). Evaluation is
 * gdb's, in the program's past as at its end (calls there are gdb's and
 * backstep's business). */
#include <stdlib.h>
#include <string.h>

#include "dap/adapter.h"

/* Most children listed for one value (DAP clients page big arrays; this
 * adapter shows the first ones). */
#define MAX_CHILDREN 1000

/* A var object for expr in frame (thread, level) (thread 0: gdb's current
 * frame): its DAP Variable fields (value, type, variablesReference), or NULL
 * with *err. The var object lives until the program resumes. */
static json_t *varobj_for(struct adapter *a, int thread, int level, const char *expr, char **err)
{
    char *q = mi_quote(expr), frame[64] = "";
    if (thread > 0)
        snprintf(frame, sizeof frame, "--thread %d --frame %d ", thread, level);
    struct mi_record *r = mi_run(a, err, "-var-create %s- * %s", frame, q);
    free(q);
    if (!r)
        return NULL;
    const char *name = jstr(r->results, "name");
    long ref = 0;
    if (name) {
        varrefs_own(&a->refs, name);
        if (jint(r->results, "numchild", 0) > 0)
            ref = varrefs_add(&a->refs, REF_VAROBJ, thread, level, name);
    }
    const char *value = jstr(r->results, "value");
    json_t *v = json_pack("{s:s, s:s, s:I}", "value", value ? value : "", "type",
                          jstr(r->results, "type") ? jstr(r->results, "type") : "", "variablesReference",
                          (json_int_t)ref);
    mi_record_free(r);
    return v;
}

static void frame_variables(struct adapter *a, const struct varref *ref, json_t *out)
{
    char *err;
    struct mi_record *r = mi_run(a, &err, "-stack-list-variables --thread %d --frame %d --simple-values",
                                 ref->thread, ref->level);
    json_t *vars = r ? json_object_get(r->results, "variables") : NULL;
    for (size_t i = 0; i < json_array_size(vars); i++) {
        json_t *v = json_array_get(vars, i);
        const char *name = jstr(v, "name"), *type = jstr(v, "type"), *value = jstr(v, "value");
        bool is_arg = jstr(v, "arg") != NULL;
        if (!name || is_arg != (ref->kind == REF_ARGS))
            continue;
        json_t *dv = NULL;
        /* scalars come with their value; aggregates (no value) and pointers
         * (which expand to what they point at) become var objects */
        if (!value || (type && strchr(type, '*')))
            dv = varobj_for(a, ref->thread, ref->level, name, &err);
        if (!dv)
            dv = json_pack("{s:s, s:s, s:i}", "value", value ? value : err ? err : "", "type", type ? type : "",
                           "variablesReference", 0);
        free(err);
        err = NULL;
        json_object_set_new(dv, "name", json_string(name));
        json_object_set_new(dv, "evaluateName", json_string(name));
        json_array_append_new(out, dv);
    }
    mi_record_free(r);
    free(err);
}

static void registers(struct adapter *a, const struct varref *ref, json_t *out)
{
    char *err;
    struct mi_record *r = mi_run(a, &err, "-data-list-register-values --thread %d --frame %d x", ref->thread,
                                 ref->level);
    json_t *vals = r ? json_object_get(r->results, "register-values") : NULL;
    for (size_t i = 0; i < json_array_size(vals); i++) {
        json_t *v = json_array_get(vals, i);
        long long num = jint(v, "number", -1);
        const char *name = num >= 0 && (size_t)num < a->n_reg_names ? a->reg_names[num] : NULL;
        if (!name || !*name || !jstr(v, "value"))
            continue;
        char eval[64];
        snprintf(eval, sizeof eval, "$%s", name);
        json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:i}", "name", name, "value", jstr(v, "value"),
                                             "evaluateName", eval, "variablesReference", 0));
    }
    mi_record_free(r);
    free(err);
}

static void children(struct adapter *a, const struct varref *ref, json_t *out)
{
    char *err;
    struct mi_record *r = mi_run(a, &err, "-var-list-children --all-values %s 0 %d", ref->varobj, MAX_CHILDREN);
    json_t *kids = r ? json_object_get(r->results, "children") : NULL;
    for (size_t i = 0; i < json_array_size(kids); i++) {
        json_t *c = json_array_get(kids, i);
        const char *name = jstr(c, "name"), *exp = jstr(c, "exp");
        long child_ref = 0;
        if (name && jint(c, "numchild", 0) > 0)
            child_ref = varrefs_add(&a->refs, REF_VAROBJ, ref->thread, ref->level, name);
        json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:I}", "name", exp ? exp : "?", "value",
                                             jstr(c, "value") ? jstr(c, "value") : "", "type",
                                             jstr(c, "type") ? jstr(c, "type") : "", "variablesReference",
                                             (json_int_t)child_ref));
    }
    mi_record_free(r);
    free(err);
}

void h_variables(struct adapter *a, json_t *req, json_t *args)
{
    const struct varref *ref = varrefs_get(&a->refs, (long)jint(args, "variablesReference", 0));
    if (!ref) {
        dap_fail(a, req, "no such variables reference (the program has moved since)");
        return;
    }
    struct varref copy = *ref; /* the table may grow (realloc) while listing */
    copy.varobj = ref->varobj ? strdup(ref->varobj) : NULL;
    json_t *out = json_array();
    if (copy.kind == REF_REGISTERS)
        registers(a, &copy, out);
    else if (copy.kind == REF_VAROBJ)
        children(a, &copy, out);
    else
        frame_variables(a, &copy, out);
    free(copy.varobj);
    dap_respond(a, req, json_pack("{s:o}", "variables", out));
}

/* "-exec CMD" or "`CMD" in the debug console: a gdb CLI command, its output
 * as the result. */
static void console_command(struct adapter *a, json_t *req, const char *cmd)
{
    char *q = mi_quote(cmd), *err;
    free(a->capture);
    a->capture = NULL;
    a->capture_len = 0;
    a->capturing = true;
    bool ok = mi_ok(a, &err, "-interpreter-exec console %s", q);
    a->capturing = false;
    free(q);
    if (!ok) {
        dap_fail(a, req, "%s", err);
        free(err);
        return;
    }
    size_t n = a->capture_len;
    while (n && a->capture[n - 1] == '\n')
        n--;
    dap_respond(a, req, json_pack("{s:o, s:i}", "result", json_string_lossy(a->capture ? a->capture : "", n),
                                  "variablesReference", 0));
}

void h_evaluate(struct adapter *a, json_t *req, json_t *args)
{
    const char *expr = jstr(args, "expression"), *context = jstr(args, "context");
    if (!expr) {
        dap_fail(a, req, "no expression");
        return;
    }
    if (context && strcmp(context, "repl") == 0) {
        if (strncmp(expr, "-exec ", 6) == 0) {
            console_command(a, req, expr + 6);
            return;
        }
        if (expr[0] == '`') {
            console_command(a, req, expr + 1);
            return;
        }
    }
    long fid = (long)jint(args, "frameId", 0);
    char *err = NULL;
    json_t *v = varobj_for(a, fid > 0 ? frame_thread(fid) : 0, fid > 0 ? frame_level(fid) : 0, expr, &err);
    if (!v) {
        dap_fail(a, req, "%s", err ? err : "cannot evaluate");
        free(err);
        return;
    }
    json_object_set(v, "result", json_object_get(v, "value"));
    json_object_del(v, "value");
    dap_respond(a, req, v);
}
