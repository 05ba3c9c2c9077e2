/* GDB/MI output records: one line of gdb's MI3 output parsed into a record.
 * MI is not JSON: values are C strings ("..." with backslash escapes), tuples
 * {a="1",b={...}} and lists [...] of values or of name=value results. A record
 * keeps its results as a jansson object so the request handlers read MI and
 * DAP data alike: a tuple becomes an object, a list an array (a list of
 * results keeps only the values, as their names repeat: stack=[frame={..},
 * frame={..}] becomes an array of two objects), a C string a JSON string.
 * In a tuple that repeats a name, the last value wins.
 *
 * It must never read past the line it was given nor trust it: a malformed
 * line yields NULL, never a crash. */
#pragma once
#include <jansson.h>

enum mi_kind {
    MI_RESULT,  /* [token]^done|running|connected|error|exit[,results] */
    MI_EXEC,    /* [token]*stopped,...  *running,...  (async, execution state) */
    MI_STATUS,  /* [token]+...  (progress of slow operations) */
    MI_NOTIFY,  /* [token]=thread-created,...  (async notifications) */
    MI_CONSOLE, /* ~"text"  (what the gdb CLI would print) */
    MI_TARGET,  /* @"text"  (the target's output) */
    MI_LOG,     /* &"text"  (gdb's own log: echoed commands, errors) */
    MI_PROMPT,  /* (gdb) */
};

struct mi_record {
    enum mi_kind kind;
    long token;     /* the numeric prefix, -1 when there is none */
    char *cls;      /* result or async class ("done", "stopped"); NULL for streams and the prompt */
    json_t *results; /* object of the name=value results (never NULL for classes) */
    char *text;     /* the decoded C string of a stream record; NULL otherwise */
};

/* Parses one line (without its newline; a trailing '\r' is ignored).
 * Returns a record to free with mi_record_free, or NULL if the line is not
 * MI output (gdb may print a stray line on a broken pipe). */
struct mi_record *mi_parse_line(const char *line);
void mi_record_free(struct mi_record *r);

/* Decodes the C string that starts at *p (at its opening quote) and moves *p
 * past the closing quote. Returns a malloc'd string or NULL if malformed.
 * Knows \n \t \r \" \\ \a \b \f \v \e and octal \NNN, as gdb writes them. */
char *mi_parse_cstring(const char **p);

/* Quotes s as an MI C string argument ("..." with \" \\ \n escapes) into a
 * malloc'd string: what to put in a command for a file name or expression. */
char *mi_quote(const char *s);
