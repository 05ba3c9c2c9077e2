/* The meta file of a saved recording (doc/recording-format.md): one
 * "key value" per line, bytes outside printable ASCII, space and '%'
 * written as %XX so that any argv or environment string survives; the
 * first line names the format version, the last one is the sha256 of all
 * the lines before it. */
#include "timeline/recording.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm/cpu.h"
#include "base/sha256.h"
#include "linux/guest_threads.h"
#include "timeline/replay_log.h"

const char *recording_layout(void)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "cpu%zu-sig%zu-note%zu-thread%zu-entry%zu", offsetof(struct arm_cpu, icount),
             sizeof(struct guest_sigstate), sizeof(struct guest_signote), sizeof(struct guest_thread_sched),
             sizeof(struct replay_entry));
    return buf;
}

static void put_escaped(FILE *f, const char *key, const char *v)
{
    fprintf(f, "%s ", key);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p <= ' ' || *p >= 0x7f || *p == '%')
            fprintf(f, "%%%02X", *p);
        else
            fputc(*p, f);
    }
    fputc('\n', f);
}

static void put_hex(FILE *f, const char *key, const void *bytes, size_t n)
{
    fprintf(f, "%s ", key);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%02x", ((const uint8_t *)bytes)[i]);
    fputc('\n', f);
}

bool recording_meta_write(const char *path, const struct recording_meta *m, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) {
        snprintf(err, errlen, "out of memory writing %s", path);
        return false;
    }
    fprintf(f, "backstep-recording %u\n", RECORDING_FORMAT_VERSION);
    put_escaped(f, "backstep", m->backstep);
    put_escaped(f, "layout", recording_layout());
    put_escaped(f, "exe-path", m->exe_path);
    put_escaped(f, "exe-sha256", m->exe_sha256);
    put_escaped(f, "interp-path", m->interp_path);
    put_escaped(f, "interp-sha256", m->interp_sha256);
    put_escaped(f, "sysroot", m->sysroot);
    put_escaped(f, "cwd", m->cwd);
    for (char **a = m->argv; *a; a++)
        put_escaped(f, "arg", *a);
    for (char **e = m->envp; *e; e++)
        put_escaped(f, "env", *e);
    put_hex(f, "random", m->random, sizeof m->random);
    fprintf(f, "pid %" PRId32 "\nuid %" PRIu32 "\neuid %" PRIu32 "\ngid %" PRIu32 "\negid %" PRIu32 "\n", m->ident.pid,
            m->ident.uid, m->ident.euid, m->ident.gid, m->ident.egid);
    put_hex(f, "sigstate", &m->sig, sizeof m->sig);
    fprintf(f, "log-bytes %" PRIu64 "\n", m->log_bytes);
    put_escaped(f, "log-sha256", m->log_sha256);
    fprintf(f, "end-icount %" PRIu64 "\n", m->end_icount);
    put_escaped(f, "end-state", m->end_state);
    if (m->has_end_hash)
        fprintf(f, "end-hash %016" PRIx64 "\n", m->end_hash);
    fclose(f);
    struct sha256 s;
    uint8_t d[32];
    char hex[65];
    sha256_init(&s);
    sha256_update(&s, text, len);
    sha256_final(&s, d);
    sha256_hex(d, hex);
    FILE *out = fopen(path, "w");
    bool ok = out && fwrite(text, 1, len, out) == len && fprintf(out, "meta-sha256 %s\n", hex) > 0;
    if (out && fclose(out) != 0)
        ok = false;
    free(text);
    if (!ok)
        snprintf(err, errlen, "cannot write %s", path);
    return ok;
}

static char *unescape(const char *v)
{
    char *out = malloc(strlen(v) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *v; v++) {
        unsigned x;
        if (*v == '%' && sscanf(v + 1, "%2x", &x) == 1 && v[1] && v[2]) {
            *o++ = (char)x;
            v += 2;
        } else {
            *o++ = *v;
        }
    }
    *o = 0;
    return out;
}

static bool unhex(const char *v, void *out, size_t n)
{
    if (strlen(v) != 2 * n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned x;
        if (sscanf(v + 2 * i, "%2x", &x) != 1)
            return false;
        ((uint8_t *)out)[i] = (uint8_t)x;
    }
    return true;
}

static bool push(char ***list, size_t *n, char *s)
{
    char **l = realloc(*list, (*n + 2) * sizeof *l);
    if (!l)
        return false;
    l[(*n)++] = s;
    l[*n] = NULL;
    *list = l;
    return true;
}

/* One line: key and its value. */
static bool take(struct recording_meta *m, const char *key, const char *v, size_t *argc, size_t *envc)
{
    char *s = unescape(v);
    if (!s)
        return false;
    bool ok = true;
    if (!strcmp(key, "backstep")) m->backstep = s;
    else if (!strcmp(key, "layout")) m->layout = s;
    else if (!strcmp(key, "exe-path")) m->exe_path = s;
    else if (!strcmp(key, "exe-sha256")) m->exe_sha256 = s;
    else if (!strcmp(key, "interp-path")) m->interp_path = s;
    else if (!strcmp(key, "interp-sha256")) m->interp_sha256 = s;
    else if (!strcmp(key, "sysroot")) m->sysroot = s;
    else if (!strcmp(key, "cwd")) m->cwd = s;
    else if (!strcmp(key, "log-sha256")) m->log_sha256 = s;
    else if (!strcmp(key, "end-state")) m->end_state = s;
    else if (!strcmp(key, "arg")) ok = push(&m->argv, argc, s);
    else if (!strcmp(key, "env")) ok = push(&m->envp, envc, s);
    else {
        free(s);
        if (!strcmp(key, "random")) ok = unhex(v, m->random, sizeof m->random);
        else if (!strcmp(key, "sigstate")) ok = unhex(v, &m->sig, sizeof m->sig);
        else if (!strcmp(key, "pid")) ok = sscanf(v, "%" SCNd32, &m->ident.pid) == 1;
        else if (!strcmp(key, "uid")) ok = sscanf(v, "%" SCNu32, &m->ident.uid) == 1;
        else if (!strcmp(key, "euid")) ok = sscanf(v, "%" SCNu32, &m->ident.euid) == 1;
        else if (!strcmp(key, "gid")) ok = sscanf(v, "%" SCNu32, &m->ident.gid) == 1;
        else if (!strcmp(key, "egid")) ok = sscanf(v, "%" SCNu32, &m->ident.egid) == 1;
        else if (!strcmp(key, "log-bytes")) ok = sscanf(v, "%" SCNu64, &m->log_bytes) == 1;
        else if (!strcmp(key, "end-icount")) ok = sscanf(v, "%" SCNu64, &m->end_icount) == 1;
        else if (!strcmp(key, "end-hash")) ok = m->has_end_hash = sscanf(v, "%" SCNx64, &m->end_hash) == 1;
        /* Unknown keys: a later minor addition, ignored. */
    }
    return ok;
}

bool recording_meta_read(const char *path, struct recording_meta *m, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: no such file (an incomplete recording, or not one)", path);
        return false;
    }
    char *text = NULL;
    size_t cap = 0, len = 0;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        char *t = realloc(text, cap = len + n + 1);
        if (!t) {
            free(text);
            fclose(f);
            snprintf(err, errlen, "out of memory reading %s", path);
            return false;
        }
        text = t;
        memcpy(text + len, buf, n);
        len += n;
    }
    fclose(f);
    (void)cap;
    if (!text || sscanf(text, "backstep-recording %u\n", &m->version) != 1) {
        free(text);
        snprintf(err, errlen, "%s is not a backstep recording's meta file", path);
        return false;
    }
    text[len] = 0;
    if (m->version != RECORDING_FORMAT_VERSION) {
        free(text);
        snprintf(err, errlen, "%s: recording format version %u; this backstep reads version %u", path, m->version,
                 RECORDING_FORMAT_VERSION);
        return false;
    }
    /* The last line is the checksum of the text before it. */
    char *last = len >= 2 ? text + len - 2 : text;
    while (last > text && last[-1] != '\n')
        last--;
    uint8_t d[32];
    char want[65];
    struct sha256 s;
    sha256_init(&s);
    sha256_update(&s, text, (size_t)(last - text));
    sha256_final(&s, d);
    sha256_hex(d, want);
    char got[80] = "";
    if (sscanf(last, "meta-sha256 %64s", got) != 1 || strcmp(got, want) != 0 || text[len - 1] != '\n') {
        free(text);
        snprintf(err, errlen, "%s is corrupted or truncated (its checksum does not match)", path);
        return false;
    }
    *last = 0;
    size_t argc = 0, envc = 0;
    bool ok = push(&m->argv, &argc, NULL) && push(&m->envp, &envc, NULL);
    argc = envc = 0;
    for (char *line = strchr(text, '\n') + 1; ok && *line;) {
        char *nl = strchr(line, '\n');
        *nl = 0;
        char *sp = strchr(line, ' ');
        if (sp) {
            *sp = 0;
            ok = take(m, line, sp + 1, &argc, &envc);
        }
        line = nl + 1;
    }
    free(text);
    if (!ok || !m->exe_path || !m->exe_sha256 || !m->log_sha256 || !m->layout || !argc || !m->end_state) {
        snprintf(err, errlen, "%s: a line is malformed or missing", path);
        return false;
    }
    return true;
}
