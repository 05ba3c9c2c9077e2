/* Breakpoint requests: setBreakpoints (one source's lines, with conditions)
 * and setFunctionBreakpoints. DAP sends the whole set for a source each time;
 * gdb's breakpoints for it are deleted and inserted anew (-break-insert -f:
 * pending until the code is there, e.g. in a library not yet loaded). */
#include <stdlib.h>
#include <string.h>

#include "dap/adapter.h"

static struct bp_list *list_for(struct adapter *a, const char *key)
{
    for (size_t i = 0; i < a->n_bps; i++)
        if (strcmp(a->bps[i].key, key) == 0)
            return &a->bps[i];
    struct bp_list *l = realloc(a->bps, (a->n_bps + 1) * sizeof *l);
    if (!l)
        return NULL;
    a->bps = l;
    l = &a->bps[a->n_bps++];
    *l = (struct bp_list){strdup(key), NULL, 0};
    return l;
}

static void delete_all(struct adapter *a, struct bp_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        char *err;
        mi_ok(a, &err, "-break-delete %d", l->nums[i]);
        free(err);
    }
    l->n = 0;
}

/* Inserts one breakpoint at location (a linespec) with an optional condition;
 * returns its DAP Breakpoint and appends gdb's number to l. */
static json_t *insert(struct adapter *a, struct bp_list *l, const char *location, const char *cond)
{
    char *qloc = mi_quote(location), *qcond = cond && *cond ? mi_quote(cond) : NULL, *err;
    struct mi_record *r = mi_run(a, &err, "-break-insert -f %s%s %s", qcond ? "-c " : "", qcond ? qcond : "", qloc);
    free(qloc);
    free(qcond);
    if (!r) {
        json_t *bp = json_pack("{s:b, s:s}", "verified", 0, "message", err ? err : "gdb refused it");
        free(err);
        return bp;
    }
    json_t *b = json_object_get(r->results, "bkpt");
    int num = (int)jint(b, "number", 0);
    int *nums = realloc(l->nums, (l->n + 1) * sizeof *nums);
    if (nums) {
        l->nums = nums;
        l->nums[l->n++] = num;
    }
    /* With several locations (mi3) the first one's file and line stand. */
    json_t *loc = b;
    json_t *locs = json_object_get(b, "locations");
    if (!jstr(b, "line") && json_array_size(locs))
        loc = json_array_get(locs, 0);
    json_t *bp = json_pack("{s:i, s:b}", "id", num, "verified", jstr(loc, "addr") && strcmp(jstr(loc, "addr"), "<PENDING>") != 0);
    if (jstr(loc, "line"))
        json_object_set_new(bp, "line", json_integer(jint(loc, "line", 0)));
    if (jstr(loc, "fullname"))
        json_object_set_new(bp, "source", json_pack("{s:s, s:s}", "name", jstr(loc, "file") ? jstr(loc, "file") : "",
                                                    "path", jstr(loc, "fullname")));
    if (!json_is_true(json_object_get(bp, "verified")))
        json_object_set_new(bp, "message", json_string("pending: no code there yet"));
    mi_record_free(r);
    return bp;
}

void h_set_breakpoints(struct adapter *a, json_t *req, json_t *args)
{
    const char *path = jstr(json_object_get(args, "source"), "path");
    json_t *wanted = json_object_get(args, "breakpoints");
    json_t *out = json_array();
    struct bp_list *l = path && a->gdb_started ? list_for(a, path) : NULL;
    if (l)
        delete_all(a, l);
    for (size_t i = 0; i < json_array_size(wanted); i++) {
        json_t *w = json_array_get(wanted, i);
        if (!l) {
            json_array_append_new(out, json_pack("{s:b, s:s}", "verified", 0, "message",
                                                 path ? "no debugging session" : "no source path"));
            continue;
        }
        char *location;
        if (asprintf(&location, "%s:%lld", path, jint(w, "line", 0)) < 0)
            continue;
        json_array_append_new(out, insert(a, l, location, jstr(w, "condition")));
        free(location);
    }
    dap_respond(a, req, json_pack("{s:o}", "breakpoints", out));
}

void h_set_function_breakpoints(struct adapter *a, json_t *req, json_t *args)
{
    json_t *wanted = json_object_get(args, "breakpoints");
    json_t *out = json_array();
    struct bp_list *l = a->gdb_started ? list_for(a, "") : NULL;
    if (l)
        delete_all(a, l);
    for (size_t i = 0; i < json_array_size(wanted); i++) {
        json_t *w = json_array_get(wanted, i);
        const char *name = jstr(w, "name");
        if (!l || !name)
            json_array_append_new(out, json_pack("{s:b, s:s}", "verified", 0, "message",
                                                 l ? "no function name" : "no debugging session"));
        else
            json_array_append_new(out, insert(a, l, name, jstr(w, "condition")));
    }
    /* the stop reason "function breakpoint" is told by these numbers */
    free(a->func_bp_nums);
    a->func_bp_nums = NULL;
    a->n_func_bps = 0;
    if (l && l->n && (a->func_bp_nums = malloc(l->n * sizeof *a->func_bp_nums))) {
        memcpy(a->func_bp_nums, l->nums, l->n * sizeof *l->nums);
        a->n_func_bps = l->n;
    }
    dap_respond(a, req, json_pack("{s:o}", "breakpoints", out));
}

void h_set_exception_breakpoints(struct adapter *a, json_t *req, json_t *args)
{
    (void)args; /* no exception filters: signals always stop (as gdb's defaults) */
    dap_respond(a, req, json_pack("{s:[]}", "breakpoints"));
}
