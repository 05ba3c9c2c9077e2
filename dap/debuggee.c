/* The backstep process (see debuggee.h). */
#include "dap/debuggee.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static size_t count(char **v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

bool debuggee_start(struct debuggee *d, const struct debuggee_spec *s, char *err, size_t n)
{
    memset(d, 0, sizeof *d);
    d->out_fd = d->err_fd = -1;
    char tmpl[] = "/tmp/backstep-dap.XXXXXX";
    if (!mkdtemp(tmpl)) {
        snprintf(err, n, "cannot create a directory for the gdb socket: %s", strerror(errno));
        return false;
    }
    d->dir = strdup(tmpl);
    if (asprintf(&d->socket, "%s/gdb.sock", tmpl) < 0)
        d->socket = NULL;
    char *gopt = NULL;
    if (asprintf(&gopt, "unix:%s", d->socket ? d->socket : "") < 0)
        gopt = NULL;
    size_t argc = 0, max = 8 + 2 * count(s->env) + count(s->extra) + count(s->args);
    char **argv = calloc(max, sizeof *argv);
    if (!d->socket || !gopt || !argv) {
        snprintf(err, n, "out of memory");
        free(gopt), free(argv);
        return false;
    }
    argv[argc++] = (char *)s->backstep;
    argv[argc++] = "-g";
    argv[argc++] = gopt;
    if (s->sysroot) {
        argv[argc++] = "-L";
        argv[argc++] = (char *)s->sysroot;
    }
    for (size_t i = 0; i < count(s->env); i++) {
        argv[argc++] = "-E";
        argv[argc++] = s->env[i];
    }
    for (size_t i = 0; i < count(s->extra); i++)
        argv[argc++] = s->extra[i];
    argv[argc++] = "--";
    argv[argc++] = (char *)s->program;
    for (size_t i = 0; i < count(s->args); i++)
        argv[argc++] = s->args[i];
    int out[2], er[2], ok[2];
    if (pipe2(out, O_CLOEXEC) < 0 || pipe2(er, O_CLOEXEC) < 0 || pipe2(ok, O_CLOEXEC) < 0) {
        snprintf(err, n, "pipe: %s", strerror(errno));
        free(gopt), free(argv);
        return false;
    }
    pid_t pid = fork();
    if (pid == 0) {
        setsid(); /* not in the adapter's terminal's process group */
        int nul = open("/dev/null", O_RDONLY);
        dup2(nul, 0);
        dup2(out[1], 1);
        dup2(er[1], 2);
        int e = 0;
        if (s->cwd && chdir(s->cwd) < 0)
            e = errno;
        else {
            execvp(argv[0], argv);
            e = errno;
        }
        /* The adapter learns why through the close-on-exec pipe. */
        if (write(ok[1], &e, sizeof e) < 0)
            _exit(127);
        _exit(127);
    }
    close(out[1]);
    close(er[1]);
    close(ok[1]);
    int child_errno = 0;
    ssize_t got = pid > 0 ? read(ok[0], &child_errno, sizeof child_errno) : -1;
    close(ok[0]);
    if (pid < 0 || got > 0) {
        if (pid < 0)
            snprintf(err, n, "fork: %s", strerror(errno));
        else if (s->cwd && child_errno && access(s->cwd, X_OK) != 0)
            snprintf(err, n, "cannot enter cwd %s: %s", s->cwd, strerror(child_errno));
        else
            snprintf(err, n, "cannot run %s: %s", s->backstep, strerror(child_errno));
        if (pid > 0)
            waitpid(pid, NULL, 0);
        close(out[0]);
        close(er[0]);
        free(gopt), free(argv);
        return false;
    }
    free(gopt);
    free(argv);
    d->pid = pid;
    d->out_fd = out[0];
    d->err_fd = er[0];
    return true;
}

size_t debuggee_read(struct debuggee *d, int fd, char *buf, size_t n)
{
    ssize_t r;
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    if (r > 0)
        return (size_t)r;
    close(fd);
    if (fd == d->out_fd)
        d->out_fd = -1;
    if (fd == d->err_fd)
        d->err_fd = -1;
    return 0;
}

bool debuggee_poll_exit(struct debuggee *d)
{
    if (d->pid <= 0 || d->reaped)
        return d->reaped;
    if (waitpid(d->pid, &d->status, WNOHANG) == d->pid)
        d->reaped = true;
    return d->reaped;
}

void debuggee_finish(struct debuggee *d, int timeout_ms)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (d->pid > 0 && !debuggee_poll_exit(d)) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 >= timeout_ms) {
            kill(d->pid, SIGKILL);
            waitpid(d->pid, &d->status, 0);
            d->reaped = true;
            break;
        }
        usleep(10000);
    }
    if (d->out_fd >= 0)
        close(d->out_fd), d->out_fd = -1;
    if (d->err_fd >= 0)
        close(d->err_fd), d->err_fd = -1;
    if (d->socket)
        unlink(d->socket); /* backstep removes it; this covers a killed one */
    if (d->dir)
        rmdir(d->dir);
    free(d->socket);
    free(d->dir);
    d->socket = d->dir = NULL;
}
