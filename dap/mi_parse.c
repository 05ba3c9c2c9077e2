/* GDB/MI output parser (see mi_parse.h). A recursive descent over the MI
 * grammar of gdb's manual ("GDB/MI Output Syntax"); the depth of nesting is
 * bounded so a hostile line cannot exhaust the stack. */
#include "dap/mi_parse.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MI_MAX_DEPTH 64

static json_t *parse_value(const char **p, int depth);

char *mi_parse_cstring(const char **p)
{
    const char *s = *p;
    if (*s != '"')
        return NULL;
    s++;
    size_t cap = strlen(s) + 1, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    while (*s && *s != '"') {
        char c = *s++;
        if (c == '\\') {
            c = *s++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'a': c = '\a'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'v': c = '\v'; break;
            case 'e': c = 27; break;
            case '"': case '\\': case '\'': break;
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int k = 0; k < 2 && *s >= '0' && *s <= '7'; k++)
                        v = v * 8 + (*s++ - '0');
                    c = (char)v;
                } else { /* unknown escape or the line ended after '\' */
                    free(out);
                    return NULL;
                }
            }
        }
        out[n++] = c;
    }
    if (*s != '"') {
        free(out);
        return NULL;
    }
    out[n] = '\0';
    *p = s + 1;
    return out;
}

/* A variable name: letters, digits, '-' and '_' (gdb's "thread-id", "bkptno"). */
static char *parse_name(const char **p)
{
    const char *s = *p;
    while (isalnum((unsigned char)*s) || *s == '-' || *s == '_')
        s++;
    if (s == *p || *s != '=')
        return NULL;
    char *name = strndup(*p, (size_t)(s - *p));
    *p = s + 1;
    return name;
}

/* name=value into obj (a later duplicate name replaces the earlier value). */
static int parse_result_into(const char **p, json_t *obj, int depth)
{
    char *name = parse_name(p);
    if (!name)
        return -1;
    json_t *v = parse_value(p, depth);
    if (!v) {
        free(name);
        return -1;
    }
    json_object_set_new(obj, name, v);
    free(name);
    return 0;
}

static json_t *parse_tuple(const char **p, int depth)
{
    json_t *obj = json_object();
    (*p)++; /* '{' */
    if (**p == '}') {
        (*p)++;
        return obj;
    }
    for (;;) {
        if (parse_result_into(p, obj, depth) < 0)
            break;
        if (**p == ',') {
            (*p)++;
            continue;
        }
        if (**p == '}') {
            (*p)++;
            return obj;
        }
        break;
    }
    json_decref(obj);
    return NULL;
}

/* A list holds values or results; for results only the values are kept. */
static json_t *parse_list(const char **p, int depth)
{
    json_t *arr = json_array();
    (*p)++; /* '[' */
    if (**p == ']') {
        (*p)++;
        return arr;
    }
    for (;;) {
        json_t *v;
        if (**p == '"' || **p == '{' || **p == '[') {
            v = parse_value(p, depth);
        } else {
            char *name = parse_name(p);
            v = name ? parse_value(p, depth) : NULL;
            free(name);
        }
        if (!v)
            break;
        json_array_append_new(arr, v);
        if (**p == ',') {
            (*p)++;
            continue;
        }
        if (**p == ']') {
            (*p)++;
            return arr;
        }
        break;
    }
    json_decref(arr);
    return NULL;
}

static json_t *parse_value(const char **p, int depth)
{
    if (depth >= MI_MAX_DEPTH)
        return NULL;
    switch (**p) {
    case '"': {
        char *s = mi_parse_cstring(p);
        if (!s)
            return NULL;
        json_t *v = json_string(s);
        if (!v) { /* not UTF-8 (raw bytes): DAP is JSON, so '?' for each non-ASCII byte */
            for (char *c = s; *c; c++)
                if ((unsigned char)*c >= 0x80)
                    *c = '?';
            v = json_string(s);
        }
        free(s);
        return v;
    }
    case '{':
        return parse_tuple(p, depth + 1);
    case '[':
        return parse_list(p, depth + 1);
    default:
        return NULL;
    }
}

static struct mi_record *record_new(enum mi_kind kind, long token)
{
    struct mi_record *r = calloc(1, sizeof *r);
    if (r) {
        r->kind = kind;
        r->token = token;
    }
    return r;
}

struct mi_record *mi_parse_line(const char *line)
{
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\r' || line[len - 1] == '\n'))
        len--;
    char *buf = strndup(line, len);
    if (!buf)
        return NULL;
    struct mi_record *r = NULL;
    const char *p = buf;
    if (strncmp(p, "(gdb)", 5) == 0 && p[5 + strspn(p + 5, " ")] == '\0') {
        r = record_new(MI_PROMPT, -1);
        goto out;
    }
    long token = -1;
    if (isdigit((unsigned char)*p)) {
        char *end;
        token = strtol(p, &end, 10);
        p = end;
    }
    enum mi_kind kind;
    switch (*p) {
    case '^': kind = MI_RESULT; break;
    case '*': kind = MI_EXEC; break;
    case '+': kind = MI_STATUS; break;
    case '=': kind = MI_NOTIFY; break;
    case '~': kind = MI_CONSOLE; break;
    case '@': kind = MI_TARGET; break;
    case '&': kind = MI_LOG; break;
    default: goto out;
    }
    p++;
    if (kind == MI_CONSOLE || kind == MI_TARGET || kind == MI_LOG) {
        char *text = mi_parse_cstring(&p);
        if (!text || *p) {
            free(text);
            goto out;
        }
        r = record_new(kind, token);
        if (r)
            r->text = text;
        else
            free(text);
        goto out;
    }
    const char *cls = p;
    while (isalnum((unsigned char)*p) || *p == '-' || *p == '_')
        p++;
    if (p == cls)
        goto out;
    r = record_new(kind, token);
    if (!r)
        goto out;
    r->cls = strndup(cls, (size_t)(p - cls));
    r->results = json_object();
    bool bad = false;
    while (*p == ',' && !bad) {
        p++;
        bad = parse_result_into(&p, r->results, 0) < 0;
    }
    if (bad || *p) { /* a malformed result or trailing garbage */
        mi_record_free(r);
        r = NULL;
    }
out:
    free(buf);
    return r;
}

void mi_record_free(struct mi_record *r)
{
    if (!r)
        return;
    free(r->cls);
    free(r->text);
    json_decref(r->results);
    free(r);
}

char *mi_quote(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(2 * n + 3), *o = out;
    if (!out)
        return NULL;
    *o++ = '"';
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            *o++ = '\\';
            *o++ = *s;
        } else if (*s == '\n') {
            *o++ = '\\';
            *o++ = 'n';
        } else {
            *o++ = *s;
        }
    }
    *o++ = '"';
    *o = '\0';
    return out;
}
