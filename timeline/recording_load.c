/* Opening a saved recording (recording.h): every check that can refuse it
 * comes before anything runs, each with one line saying what is wrong. */
#include "timeline/recording.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sha256.h"
#include "timeline/engine.h"
#include "timeline/replay_log.h"

static bool file_matches(const char *dir, const char *name, const char *want, char *err, size_t errlen)
{
    char path[4096], got[65];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (sha256_file(path, got) != 0) {
        snprintf(err, errlen, "%s: %s (the recording is incomplete)", path, strerror(errno));
        return false;
    }
    if (strcmp(got, want)) {
        snprintf(err, errlen, "%s no longer matches the recording (its sha256 is %.16s..., recorded %.16s...)", path,
                 got, want);
        return false;
    }
    return true;
}

bool recording_open(const char *dir, struct recording_meta *m, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: no recording there (%s)", dir, stat(dir, &st) ? strerror(errno) : "not a directory");
        return false;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/meta", dir);
    if (!recording_meta_read(path, m, err, errlen))
        return false;
    if (strcmp(m->layout, recording_layout())) {
        snprintf(err, errlen, "%s was made by a backstep with another log layout (%s; this one: %s): replay it with "
                              "that backstep (%s)", dir, m->layout, recording_layout(), m->backstep ? m->backstep : "?");
        return false;
    }
    if (!file_matches(dir, "exe", m->exe_sha256, err, errlen))
        return false;
    if (m->interp_path && m->interp_path[0] && !file_matches(dir, "interp", m->interp_sha256, err, errlen))
        return false;
    snprintf(path, sizeof path, "%s/log", dir);
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: %s (the recording is incomplete)", path, strerror(errno));
        return false;
    }
    if ((uint64_t)st.st_size != m->log_bytes) {
        snprintf(err, errlen, "%s is %s (%llu bytes, recorded %llu)", path,
                 (uint64_t)st.st_size < m->log_bytes ? "truncated" : "longer than recorded",
                 (unsigned long long)st.st_size, (unsigned long long)m->log_bytes);
        return false;
    }
    return true;
}

bool recording_load_log(const char *dir, const struct recording_meta *m, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/log", dir);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    char why[256];
    bool ok = replay_log_read(fd, m->log_bytes, why, sizeof why);
    close(fd);
    uint64_t len;
    const uint8_t *img = replay_log_image(&len);
    char got[65] = "";
    if (ok) {
        struct sha256 s;
        uint8_t d[32];
        sha256_init(&s);
        sha256_update(&s, img, len);
        sha256_final(&s, d);
        sha256_hex(d, got);
    }
    if (!ok || strcmp(got, m->log_sha256)) {
        snprintf(err, errlen, "%s is corrupted (%s)", path, ok ? "its sha256 does not match the recorded one" : why);
        return false;
    }
    engine_replay_only(m->end_icount);
    return true;
}
