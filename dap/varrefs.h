/* DAP variablesReference numbers: what each one stands for until the program
 * resumes (then they are all forgotten, as DAP allows: references are valid
 * only while the program is stopped where they were handed out). */
#pragma once
#include <stddef.h>

enum varref_kind {
    REF_LOCALS,    /* a frame's local variables */
    REF_ARGS,      /* a frame's arguments */
    REF_REGISTERS, /* a frame's registers */
    REF_VAROBJ,    /* the children of a gdb variable object */
};

struct varref {
    enum varref_kind kind;
    int thread, level;
    char *varobj; /* REF_VAROBJ: the var object's name (var3, var3.hist) */
};

struct varrefs {
    struct varref *v;
    size_t n, cap;
    char **owned; /* var objects created at top level: deleted on forget */
    size_t n_owned, cap_owned;
};

/* A new reference (> 0), or 0 if out of memory. varobj is copied. */
long varrefs_add(struct varrefs *t, enum varref_kind kind, int thread, int level, const char *varobj);
/* The entry of ref, or NULL if it is not (or no longer) valid. */
const struct varref *varrefs_get(const struct varrefs *t, long ref);
/* Remembers a top-level var object so that varrefs_take_owned hands it back. */
void varrefs_own(struct varrefs *t, const char *varobj);
/* Forgets every reference; returns the owned var objects (NULL-terminated,
 * the caller deletes them in gdb and frees the array and strings). */
char **varrefs_take_owned(struct varrefs *t);
void varrefs_clear(struct varrefs *t);
