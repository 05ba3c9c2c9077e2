/* The gdb process over MI (see gdb_mi.h). */
#include "dap/gdb_mi.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

bool gdb_start(struct gdb *g, const char *gdb_path, gdb_record_fn on_record, gdb_fd_fn on_fd, void *ctx)
{
    FILE *log = g->log;
    memset(g, 0, sizeof *g);
    g->log = log;
    g->to_gdb = g->from_gdb = -1;
    g->want_token = -1;
    g->next_token = 1;
    g->on_record = on_record;
    g->on_fd = on_fd;
    g->ctx = ctx;
    for (int i = 0; i < 4; i++)
        g->extra_fds[i] = -1;
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) < 0)
        return false;
    if (pipe2(out, O_CLOEXEC) < 0) {
        close(in[0]);
        close(in[1]);
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        errno = e;
        return false;
    }
    if (pid == 0) {
        /* Its own session: a Ctrl-C typed where the adapter runs is not gdb's
         * (pauses go through -exec-interrupt). */
        setsid();
        dup2(in[0], 0);
        dup2(out[1], 1);
        execlp(gdb_path, gdb_path, "--interpreter=mi3", "-nx", "-q", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    g->pid = pid;
    g->to_gdb = in[1];
    g->from_gdb = out[0];
    return true;
}

long gdb_send(struct gdb *g, const char *cmd)
{
    if (g->eof || g->to_gdb < 0)
        return -1;
    long token = g->next_token++;
    size_t n = strlen(cmd) + 32;
    char *line = malloc(n);
    if (!line)
        return -1;
    int len = snprintf(line, n, "%ld%s\n", token, cmd);
    if (g->log)
        fprintf(g->log, "mi> %s", line), fflush(g->log);
    const char *p = line;
    while (len > 0) {
        ssize_t w = write(g->to_gdb, p, (size_t)len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            free(line);
            return -1;
        }
        p += w;
        len -= (int)w;
    }
    free(line);
    return token;
}

static void take_line(struct gdb *g, const char *text)
{
    if (g->log)
        fprintf(g->log, "mi< %s\n", text), fflush(g->log);
    struct mi_record *r = mi_parse_line(text);
    if (!r)
        return;
    if (r->kind == MI_PROMPT) {
        mi_record_free(r);
    } else if (r->kind == MI_RESULT && g->want_token >= 0 && r->token == g->want_token && !g->result) {
        g->result = r;
    } else if (r->kind == MI_RESULT && r->token >= 0) {
        mi_record_free(r); /* a late answer to a command whose wait timed out */
    } else {
        g->on_record(g->ctx, r);
    }
}

bool gdb_read(struct gdb *g)
{
    char buf[65536];
    ssize_t n = read(g->from_gdb, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return true;
    if (n <= 0) {
        g->eof = true;
        return false;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == '\n') {
            if (g->line_len == g->line_cap) { /* room for the NUL */
                char *l = realloc(g->line, g->line_cap + 1);
                if (!l)
                    continue;
                g->line = l;
                g->line_cap++;
            }
            g->line[g->line_len] = '\0';
            take_line(g, g->line);
            g->line_len = 0;
            continue;
        }
        if (g->line_len + 1 >= g->line_cap) {
            size_t cap = g->line_cap ? 2 * g->line_cap : 4096;
            char *l = realloc(g->line, cap);
            if (!l)
                return true; /* drop the byte; the line will not parse */
            g->line = l;
            g->line_cap = cap;
        }
        g->line[g->line_len++] = buf[i];
    }
    return true;
}

void gdb_pump(struct gdb *g, int timeout_ms)
{
    struct pollfd fds[5] = {{.fd = g->from_gdb, .events = POLLIN}};
    int n = 1;
    for (int i = 0; i < 4; i++)
        if (g->extra_fds[i] >= 0)
            fds[n++] = (struct pollfd){.fd = g->extra_fds[i], .events = POLLIN};
    if (poll(fds, (nfds_t)n, timeout_ms) <= 0)
        return;
    for (int i = 1; i < n; i++)
        if (fds[i].revents)
            g->on_fd(g->ctx, fds[i].fd);
    if (fds[0].revents)
        gdb_read(g);
}

struct mi_record *gdb_command(struct gdb *g, const char *cmd, int timeout_ms)
{
    long token = gdb_send(g, cmd);
    if (token < 0)
        return NULL;
    long saved_want = g->want_token;
    struct mi_record *saved_result = g->result;
    g->want_token = token;
    g->result = NULL;
    long deadline = now_ms() + timeout_ms;
    while (!g->result && !g->eof) {
        long left = deadline - now_ms();
        if (left <= 0)
            break;
        gdb_pump(g, (int)left);
    }
    struct mi_record *r = g->result;
    g->want_token = saved_want;
    g->result = saved_result;
    return r;
}

void gdb_stop(struct gdb *g, int timeout_ms)
{
    if (g->to_gdb >= 0) {
        close(g->to_gdb);
        g->to_gdb = -1;
    }
    if (g->pid > 0) {
        long deadline = now_ms() + timeout_ms;
        int status;
        while (waitpid(g->pid, &status, WNOHANG) == 0) {
            if (now_ms() >= deadline) {
                kill(g->pid, SIGKILL);
                waitpid(g->pid, &status, 0);
                break;
            }
            usleep(10000);
        }
        g->pid = 0;
    }
    if (g->from_gdb >= 0) {
        close(g->from_gdb);
        g->from_gdb = -1;
    }
    free(g->line);
    g->line = NULL;
    g->line_len = g->line_cap = 0;
}
