/* Where gdb connects: turns a -g address spec into a listening socket and
 * accepts one client on it. Knows nothing of the protocol (rsp_server.h serves
 * the accepted connection) and never prints: failures come back as one-line
 * messages without a program-name prefix.
 *
 * Specs:
 *   "PORT"       TCP on 127.0.0.1:PORT only (never reachable from the network
 *                unless asked for explicitly)
 *   "HOST:PORT"  TCP bound to HOST, a numeric address or a name
 *                ("0.0.0.0:1234", "[::1]:1234", "localhost:1234")
 *   "unix:PATH"  Unix stream socket at PATH, mode 0600 from the moment it
 *                exists; a stale socket file at PATH is replaced, any other
 *                file or a socket somebody still listens on is an error
 * PORT is decimal 0-65535; 0 lets the kernel choose (see rsp_listen_describe).
 * All descriptors returned are close-on-exec. */
#pragma once
#include <stddef.h>

/* Returns a listening fd >= 0, or -1 with a one-line message in err, e.g.
 * "-g: bad port 'x'" or
 * "-g 1234: cannot listen on 127.0.0.1:1234: Address already in use". */
int rsp_listen(const char *spec, char *err, size_t errlen);

/* The address lfd listens on, for a "waiting for gdb on ..." message:
 * "127.0.0.1:1234", "[::1]:1234" or "unix:/path" ("?" if unknown). */
void rsp_listen_describe(int lfd, char *out, size_t outlen);

/* Blocks until one client connects; returns the connection fd (close-on-exec,
 * TCP_NODELAY on TCP) or -1 with a one-line message in err. Closes nothing:
 * the caller closes lfd with rsp_listen_close. */
int rsp_accept(int lfd, char *err, size_t errlen);

/* Closes a listening fd; for a unix socket, also removes its file (looked up
 * by the name it was bound to: call it before anything changes the working
 * directory). */
void rsp_listen_close(int lfd);
