/* variablesReference table (see varrefs.h). */
#include "dap/varrefs.h"

#include <stdlib.h>
#include <string.h>

long varrefs_add(struct varrefs *t, enum varref_kind kind, int thread, int level, const char *varobj)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        struct varref *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return 0;
        t->v = v;
        t->cap = cap;
    }
    char *name = varobj ? strdup(varobj) : NULL;
    if (varobj && !name)
        return 0;
    t->v[t->n] = (struct varref){kind, thread, level, name};
    return (long)++t->n;
}

const struct varref *varrefs_get(const struct varrefs *t, long ref)
{
    if (ref < 1 || (size_t)ref > t->n)
        return NULL;
    return &t->v[ref - 1];
}

void varrefs_own(struct varrefs *t, const char *varobj)
{
    if (t->n_owned + 1 >= t->cap_owned) {
        size_t cap = t->cap_owned ? 2 * t->cap_owned : 16;
        char **o = realloc(t->owned, cap * sizeof *o);
        if (!o)
            return;
        t->owned = o;
        t->cap_owned = cap;
    }
    char *name = strdup(varobj);
    if (name)
        t->owned[t->n_owned++] = name;
}

void varrefs_clear(struct varrefs *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i].varobj);
    t->n = 0;
}

char **varrefs_take_owned(struct varrefs *t)
{
    varrefs_clear(t);
    char **o = t->owned;
    if (o)
        o[t->n_owned] = NULL;
    t->owned = NULL;
    t->n_owned = t->cap_owned = 0;
    return o;
}
