/* For each path argument, what the guest sees through open, stat, lstat,
 * access and readlink: per path a line with the file's first line (or the
 * errno name), access's answer and the link target, and a line of what stat
 * and lstat see. Run as `EMU -L SYSROOT probe PATH...`
 * by sysroot_vs_qemu.sh, which compares qemu-arm's and backstep's output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *err_name(int e)
{
    switch (e) {
    case ENOENT: return "ENOENT";
    case ENOTDIR: return "ENOTDIR";
    case EACCES: return "EACCES";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ELOOP: return "ELOOP";
    default: return "other";
    }
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *p = argv[i];
        printf("%s:", p);
        char line[128] = "";
        int fd = open(p, O_RDONLY);
        int open_errno = errno;
        struct stat of;
        if (fd < 0) {
            printf(" open %s", err_name(errno));
        } else {
            ssize_t n = read(fd, line, sizeof line - 1);
            line[n > 0 ? n : 0] = '\0';
            line[strcspn(line, "\n")] = '\0';
            printf(" open \"%s\"", n < 0 ? err_name(errno) : line);
            fstat(fd, &of);
            close(fd);
        }
        printf(" access %s", access(p, R_OK) == 0 ? "ok" : err_name(errno));
        char target[256];
        ssize_t n = readlink(p, target, sizeof target - 1);
        if (n >= 0)
            printf(" readlink \"%.*s\"", (int)n, target);
        else
            printf(" readlink %s", err_name(errno));
        /* stat and lstat on a line of their own: qemu-arm 7.2 does not apply
         * -L to them (stat of a file open finds is ENOENT there), so only
         * backstep's are checked, against open's answer. */
        struct stat st;
        printf("\n  stat %s:", p);
        if (stat(p, &st) == 0)
            printf(" %s", fd >= 0 && st.st_dev == of.st_dev && st.st_ino == of.st_ino ? "as-open" : "other-file");
        else
            printf(" %s%s", err_name(errno), fd < 0 && errno == open_errno ? " as-open" : "");
        if (lstat(p, &st) == 0)
            printf(" lstat %s", S_ISLNK(st.st_mode) ? "link" : S_ISDIR(st.st_mode) ? "dir" : "file");
        else
            printf(" lstat %s", err_name(errno));
        printf("\n");
    }
    return 0;
}
