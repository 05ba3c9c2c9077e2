/* -L SYSROOT path mapping (see sysroot_path.h for the rule and why). Only
 * decides names: it opens nothing on the guest's behalf. */
#include "linux/sysroot_path.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char sysroot[PATH_MAX];
static size_t sysroot_len; /* 0: no sysroot */

int sysroot_set(const char *dir, char *err, size_t errlen)
{
    sysroot_len = 0;
    sysroot[0] = '\0';
    if (!dir || !*dir || strcmp(dir, "/") == 0)
        return 0;
    struct stat st;
    if (stat(dir, &st) != 0) {
        snprintf(err, errlen, "-L %s: cannot use as sysroot: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "-L %s: cannot use as sysroot: not a directory", dir);
        return -1;
    }
    char buf[PATH_MAX];
    int n;
    if (dir[0] == '/') {
        n = snprintf(buf, sizeof buf, "%s", dir);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd)) {
            snprintf(err, errlen, "-L %s: cannot make the sysroot absolute: %s", dir, strerror(errno));
            return -1;
        }
        n = snprintf(buf, sizeof buf, "%s/%s", cwd, dir);
    }
    if (n < 0 || (size_t)n >= sizeof buf) {
        snprintf(err, errlen, "-L %s: sysroot path too long", dir);
        return -1;
    }
    /* Drop trailing slashes so SYSROOT + "/x" has one separator. */
    size_t len = (size_t)n;
    while (len > 1 && buf[len - 1] == '/')
        buf[--len] = '\0';
    if (strcmp(buf, "/") == 0)
        return 0;
    memcpy(sysroot, buf, len + 1);
    sysroot_len = len;
    return 0;
}

const char *sysroot_get(void) { return sysroot_len ? sysroot : NULL; }

const char *sysroot_path(const char *guest_path, char *buf, size_t len)
{
    if (!sysroot_len || !guest_path || guest_path[0] != '/' || !buf)
        return guest_path;
    size_t glen = strlen(guest_path);
    if (sysroot_len + glen + 1 > len)
        return guest_path;
    memcpy(buf, sysroot, sysroot_len);
    memcpy(buf + sysroot_len, guest_path, glen + 1);
    if (access(buf, F_OK) != 0)
        return guest_path;
    return buf;
}
