/* Writing a saved recording (recording.h): the log, the file copies, then
 * the meta file last (written aside and renamed), so that a directory
 * without meta -- an interrupted save -- is never taken for a recording. */
#include "timeline/recording.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "timeline/diversion.h"
#include "timeline/engine.h"
#include "timeline/replay_log.h"
#include "timeline/state_hash.h"

static struct recording_meta start;
static bool started;

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

static char **dup_list(char **v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    char **out = calloc(n + 1, sizeof *out);
    for (size_t i = 0; out && i < n; i++)
        out[i] = strdup(v[i]);
    return out;
}

void recording_note_start(const struct recording_meta *m)
{
    start = *m;
    start.backstep = dup_or_empty(m->backstep);
    start.exe_path = dup_or_empty(m->exe_path);
    start.interp_path = dup_or_empty(m->interp_path);
    start.sysroot = dup_or_empty(m->sysroot);
    start.cwd = dup_or_empty(m->cwd);
    start.argv = dup_list(m->argv);
    start.envp = dup_list(m->envp);
    started = true;
}

const struct recording_meta *recording_started(void) { return started ? &start : NULL; }

/* Copies src to dst (mode 0755), returning the copy's sha256. */
static bool copy_file(const char *src, const char *dst, char sha[65], char *err, size_t errlen)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    int out = in < 0 ? -1 : open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (in < 0 || out < 0) {
        snprintf(err, errlen, "cannot copy %s to %s: %s", src, dst, strerror(errno));
        if (in >= 0)
            close(in);
        return false;
    }
    struct sha256 s;
    sha256_init(&s);
    static char buf[1 << 16];
    ssize_t n;
    bool ok = true;
    while (ok && (n = read(in, buf, sizeof buf)) > 0) {
        sha256_update(&s, buf, (size_t)n);
        ok = write(out, buf, (size_t)n) == n;
    }
    ok = ok && n == 0;
    close(in);
    if (close(out) != 0)
        ok = false;
    if (!ok) {
        snprintf(err, errlen, "cannot copy %s to %s: %s", src, dst, strerror(errno));
        return false;
    }
    uint8_t d[32];
    sha256_final(&s, d);
    sha256_hex(d, sha);
    return true;
}

bool recording_save(const char *dir, char *err, size_t errlen)
{
    if (!started) {
        snprintf(err, errlen, "nothing to save: this session did not note how the program started");
        return false;
    }
    if (replay_log_read_only()) {
        snprintf(err, errlen, "this session replays a saved recording: copy its directory instead");
        return false;
    }
    char path[4096], tmp[4096];
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
        return false;
    }
    snprintf(path, sizeof path, "%s/meta", dir);
    if (unlink(path) != 0 && errno != ENOENT) {
        snprintf(err, errlen, "cannot replace %s: %s", path, strerror(errno));
        return false;
    }
    struct recording_meta m = start;
    char exe_sha[65], interp_sha[65] = "", log_sha[65];
    snprintf(path, sizeof path, "%s/exe", dir);
    if (!copy_file(start.exe_path, path, exe_sha, err, errlen))
        return false;
    if (start.interp_path[0]) {
        snprintf(path, sizeof path, "%s/interp", dir);
        if (!copy_file(start.interp_path, path, interp_sha, err, errlen))
            return false;
    }
    snprintf(path, sizeof path, "%s/log", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = replay_log_write(fd, err, errlen);
    if (close(fd) != 0 && ok) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        ok = false;
    }
    if (!ok)
        return false;
    struct sha256 s;
    uint8_t d[32];
    sha256_init(&s);
    const uint8_t *img = replay_log_image(&m.log_bytes);
    sha256_update(&s, img, m.log_bytes);
    sha256_final(&s, d);
    sha256_hex(d, log_sha);
    m.exe_sha256 = exe_sha;
    m.interp_sha256 = interp_sha;
    m.log_sha256 = log_sha;
    m.end_icount = engine_history_end();
    char state[32];
    struct linux_proc *p = engine_proc();
    if (engine_at_end() && !diversion_active()) {
        /* The end of history is here: its state is known. */
        if (p->exited && p->fatal_signal)
            snprintf(state, sizeof state, "signalled %d", p->fatal_signal);
        else if (p->exited)
            snprintf(state, sizeof state, "exited %d", p->exit_status & 0xff);
        else
            snprintf(state, sizeof state, "stopped");
        m.has_end_hash = true;
        m.end_hash = state_hash(engine_cpu(), p);
    } else {
        snprintf(state, sizeof state, "unknown");
        m.has_end_hash = false;
    }
    m.end_state = state;
    snprintf(tmp, sizeof tmp, "%s/meta.tmp", dir);
    snprintf(path, sizeof path, "%s/meta", dir);
    if (!recording_meta_write(tmp, &m, err, errlen))
        return false;
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
        return false;
    }
    return true;
}
