/* Where the program is: threads, stackTrace (function, source path and
 * line per frame), scopes (locals, arguments, registers of a frame). */
#include <stdlib.h>
#include <string.h>

#include "dap/adapter.h"

void h_threads(struct adapter *a, json_t *req, json_t *args)
{
    (void)args;
    json_t *out = json_array();
    char *err = NULL;
    struct mi_record *r = a->gdb_started && a->state != TARGET_EXITED ? mi_run(a, &err, "-thread-info") : NULL;
    json_t *threads = r ? json_object_get(r->results, "threads") : NULL;
    for (size_t i = 0; i < json_array_size(threads); i++) {
        json_t *t = json_array_get(threads, i);
        const char *name = jstr(t, "name") ? jstr(t, "name") : jstr(t, "target-id");
        json_array_append_new(out, json_pack("{s:I, s:s}", "id", jint(t, "id", 0), "name", name ? name : "thread"));
    }
    if (!json_array_size(out) && a->state == TARGET_RUNNING) /* DAP wants one while running */
        json_array_append_new(out, json_pack("{s:i, s:s}", "id", a->entry_thread ? a->entry_thread : 1, "name", "main"));
    mi_record_free(r);
    free(err);
    dap_respond(a, req, json_pack("{s:o}", "threads", out));
}

static json_t *dap_frame(int thread, json_t *f)
{
    const char *func = jstr(f, "func");
    const char *addr = jstr(f, "addr");
    json_t *df = json_pack("{s:I, s:s, s:I, s:i}", "id", frame_id(thread, (int)jint(f, "level", 0)), "name",
                           func ? func : addr ? addr : "??", "line", jint(f, "line", 0), "column",
                           jstr(f, "line") ? 1 : 0);
    if (addr)
        json_object_set_new(df, "instructionPointerReference", json_string(addr));
    const char *full = jstr(f, "fullname");
    if (full) {
        const char *base = strrchr(full, '/');
        json_object_set_new(df, "source", json_pack("{s:s, s:s}", "name", base ? base + 1 : full, "path", full));
    } else {
        json_object_set_new(df, "presentationHint", json_string("subtle")); /* no source: libc, _start */
    }
    return df;
}

void h_stack_trace(struct adapter *a, json_t *req, json_t *args)
{
    int thread = (int)jint(args, "threadId", 1);
    long long start = jint(args, "startFrame", 0), levels = jint(args, "levels", 0);
    char *err;
    struct mi_record *depth = mi_run(a, &err, "-stack-info-depth --thread %d", thread);
    if (!depth) {
        dap_fail(a, req, "%s", err);
        free(err);
        return;
    }
    long long total = jint(depth->results, "depth", 0);
    mi_record_free(depth);
    long long last = levels > 0 ? start + levels - 1 : total - 1;
    if (last > 0xfffe)
        last = 0xfffe; /* a frame id keeps the level in 16 bits */
    json_t *frames = json_array();
    if (start <= last) {
        struct mi_record *r = mi_run(a, &err, "-stack-list-frames --thread %d %lld %lld", thread, start, last);
        if (!r) {
            json_decref(frames);
            dap_fail(a, req, "%s", err);
            free(err);
            return;
        }
        json_t *stack = json_object_get(r->results, "stack");
        for (size_t i = 0; i < json_array_size(stack); i++)
            json_array_append_new(frames, dap_frame(thread, json_array_get(stack, i)));
        mi_record_free(r);
    }
    dap_respond(a, req, json_pack("{s:o, s:I}", "stackFrames", frames, "totalFrames", total));
}

void h_scopes(struct adapter *a, json_t *req, json_t *args)
{
    long id = (long)jint(args, "frameId", 0);
    int t = frame_thread(id), l = frame_level(id);
    if (id < 1) {
        dap_fail(a, req, "no such frame");
        return;
    }
    json_t *scopes = json_pack("[{s:s, s:s, s:I, s:b}, {s:s, s:s, s:I, s:b}, {s:s, s:s, s:I, s:b}]",
                               "name", "Locals", "presentationHint", "locals", "variablesReference",
                               (json_int_t)varrefs_add(&a->refs, REF_LOCALS, t, l, NULL), "expensive", 0,
                               "name", "Arguments", "presentationHint", "arguments", "variablesReference",
                               (json_int_t)varrefs_add(&a->refs, REF_ARGS, t, l, NULL), "expensive", 0,
                               "name", "Registers", "presentationHint", "registers", "variablesReference",
                               (json_int_t)varrefs_add(&a->refs, REF_REGISTERS, t, l, NULL), "expensive", 1);
    dap_respond(a, req, json_pack("{s:o}", "scopes", scopes));
}
