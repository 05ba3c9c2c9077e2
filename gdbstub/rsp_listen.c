/* Listening and accepting for the RSP server (see rsp_listen.h). Parses the
 * -g spec strictly (no defaults beyond "PORT means loopback"), never prints,
 * never speaks the protocol, and never leaves a unix socket readable by
 * others even for an instant: the socket inode gets mode 0600 before bind()
 * creates the file. */
#include "gdbstub/rsp_listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void say(char *err, size_t errlen, const char *fmt, ...) {
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Decimal 0..65535, digits only. */
static bool parse_port(const char *s, unsigned *port) {
    unsigned v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (unsigned)(*s - '0');
        if (v > 65535)
            return false;
    }
    *port = v;
    return true;
}

static int listen_unix(const char *spec, const char *path, char *err, size_t errlen) {
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (!*path) {
        say(err, errlen, "-g %s: empty socket path", spec);
        return -1;
    }
    if (strlen(path) >= sizeof(sa.sun_path)) {
        say(err, errlen, "-g %s: socket path too long (at most %zu bytes)", spec,
            sizeof(sa.sun_path) - 1);
        return -1;
    }
    memcpy(sa.sun_path, path, strlen(path) + 1);

    struct stat st;
    if (lstat(path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            say(err, errlen, "-g %s: cannot listen on %s: file exists and is not a socket", spec,
                path);
            return -1;
        }
        /* A socket file: stale unless a server still accepts on it. */
        int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (probe >= 0 && connect(probe, (struct sockaddr *)&sa, sizeof(sa)) == 0) {
            close(probe);
            say(err, errlen, "-g %s: cannot listen on %s: another server is listening there",
                spec, path);
            return -1;
        }
        if (probe >= 0)
            close(probe);
        if (unlink(path) != 0 && errno != ENOENT) {
            say(err, errlen, "-g %s: cannot remove stale socket %s: %s", spec, path,
                strerror(errno));
            return -1;
        }
    }

    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        say(err, errlen, "-g %s: cannot create a socket: %s", spec, strerror(errno));
        return -1;
    }
    /* Linux creates the file with the socket inode's mode minus the umask:
     * setting 0600 here means the file never exists with wider permissions. */
    if (fchmod(fd, 0600) != 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        say(err, errlen, "-g %s: cannot listen on %s: %s", spec, path, strerror(errno));
        close(fd);
        return -1;
    }
    if (lstat(path, &st) != 0 || (st.st_mode & 077) != 0) {
        /* Only a kernel that ignored fchmod gets here: refuse rather than
         * serve a socket others could have opened. */
        say(err, errlen, "-g %s: cannot listen on %s: socket was not created owner-only", spec,
            path);
        unlink(path);
        close(fd);
        return -1;
    }
    if ((st.st_mode & 0777) != 0600 && chmod(path, 0600) != 0) { /* a umask took owner bits */
        say(err, errlen, "-g %s: cannot chmod %s: %s", spec, path, strerror(errno));
        unlink(path);
        close(fd);
        return -1;
    }
    if (listen(fd, 1) != 0) {
        say(err, errlen, "-g %s: cannot listen on %s: %s", spec, path, strerror(errno));
        unlink(path);
        close(fd);
        return -1;
    }
    return fd;
}

static int listen_tcp(const char *spec, const char *host, const char *port_text, char *err,
                      size_t errlen) {
    unsigned port;
    if (!parse_port(port_text, &port)) {
        say(err, errlen, "-g: bad port '%s'", port_text);
        return -1;
    }
    if (!*host) {
        say(err, errlen, "-g %s: missing host before ':'", spec);
        return -1;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
    struct addrinfo *ai = NULL;
    char port_dec[8];
    snprintf(port_dec, sizeof(port_dec), "%u", port);
    int gai = getaddrinfo(host, port_dec, &hints, &ai);
    if (gai != 0 || !ai) {
        say(err, errlen, "-g %s: bad host '%s': %s", spec, host,
            gai ? gai_strerror(gai) : "no address");
        if (ai)
            freeaddrinfo(ai);
        return -1;
    }
    bool v6 = ai->ai_family == AF_INET6;
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 ||
        bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1) != 0) {
        int e = errno;
        say(err, errlen, "-g %s: cannot listen on %s%s%s:%u: %s", spec, v6 ? "[" : "", host,
            v6 ? "]" : "", port, strerror(e));
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    return fd;
}

int rsp_listen(const char *spec, char *err, size_t errlen) {
    if (!spec || !*spec) {
        say(err, errlen, "-g: empty address");
        return -1;
    }
    if (strncmp(spec, "unix:", 5) == 0)
        return listen_unix(spec, spec + 5, err, errlen);
    const char *colon = strrchr(spec, ':');
    if (!colon)
        return listen_tcp(spec, "127.0.0.1", spec, err, errlen);

    char host[256];
    size_t hl = (size_t)(colon - spec);
    const char *h = spec;
    if (hl >= 2 && spec[0] == '[' && spec[hl - 1] == ']') { /* [v6addr]:port */
        h++;
        hl -= 2;
    }
    if (hl >= sizeof(host)) {
        say(err, errlen, "-g %s: host name too long", spec);
        return -1;
    }
    memcpy(host, h, hl);
    host[hl] = 0;
    return listen_tcp(spec, host, colon + 1, err, errlen);
}

void rsp_listen_describe(int lfd, char *out, size_t outlen) {
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    if (!out || outlen == 0)
        return;
    memset(&ss, 0, sizeof(ss));
    if (getsockname(lfd, (struct sockaddr *)&ss, &sl) != 0) {
        snprintf(out, outlen, "?");
        return;
    }
    char a[INET6_ADDRSTRLEN];
    if (ss.ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &in->sin_addr, a, sizeof(a));
        snprintf(out, outlen, "%s:%u", a, ntohs(in->sin_port));
    } else if (ss.ss_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &in6->sin6_addr, a, sizeof(a));
        snprintf(out, outlen, "[%s]:%u", a, ntohs(in6->sin6_port));
    } else if (ss.ss_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)&ss;
        size_t max = sl > offsetof(struct sockaddr_un, sun_path)
                         ? sl - offsetof(struct sockaddr_un, sun_path)
                         : 0;
        snprintf(out, outlen, "unix:%.*s", (int)strnlen(un->sun_path, max), un->sun_path);
    } else {
        snprintf(out, outlen, "?");
    }
}

int rsp_accept(int lfd, char *err, size_t errlen) {
    int fd;
    do
        fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    while (fd < 0 && (errno == EINTR || errno == ECONNABORTED));
    if (fd < 0) {
        say(err, errlen, "cannot accept a gdb connection: %s", strerror(errno));
        return -1;
    }
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    int one = 1;
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0 &&
        (ss.ss_family == AF_INET || ss.ss_family == AF_INET6))
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)); /* best effort */
    return fd;
}

void rsp_listen_close(int lfd) {
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    if (getsockname(lfd, (struct sockaddr *)&ss, &len) == 0 && ss.ss_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)&ss;
        size_t max = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        char path[sizeof(un->sun_path) + 1];
        size_t n = strnlen(un->sun_path, max < sizeof(un->sun_path) ? max : sizeof(un->sun_path));
        memcpy(path, un->sun_path, n);
        path[n] = 0;
        if (n > 0) /* an abstract or unnamed socket has no file */
            unlink(path);
    }
    close(lfd);
}
