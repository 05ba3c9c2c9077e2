/* The RSP server: serves one gdb connection against a target seen only
 * through struct rsp_target_ops (rsp_target.h). Bytes go through the framer
 * (rsp_framing.h), packets through the parser (rsp_request.h), and every
 * answer is built by rsp_reply.h: exactly one reply per packet (qRcmd may send
 * O console packets first; resumes are answered by their stop reply; k gets
 * no reply, like gdbserver).
 *
 * One thread; the target's resume polls for Ctrl-C through the server, which
 * reads ahead on the connection without losing the other bytes it sees.
 * Never asserts on input, never blocks except reading the connection and
 * writing replies, and never touches the target other than through ops. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/rsp_framing.h"
#include "gdbstub/rsp_target.h"

struct rsp_server; /* opaque */

enum rsp_serve_end {
    RSP_END_KILL,       /* gdb sent k: ops->kill was called (unless the guest had exited) */
    RSP_END_DETACH,     /* gdb sent D: OK was sent, then ops->detach was called (same) */
    RSP_END_DISCONNECT, /* the connection closed or failed; the target is untouched */
};

/* A server on a connected socket (or any fd readable and writable, e.g. a
 * pipe pair's end). Acks start on. Returns NULL when out of memory. The
 * server never closes conn_fd: the caller does, after rsp_server_destroy. */
struct rsp_server *rsp_server_create(int conn_fd, const struct rsp_target_ops *ops, void *target);

/* Serves the connection until k, D, or the client disconnects/errors. */
enum rsp_serve_end rsp_server_serve(struct rsp_server *s);

/* True when gdb killed the program: k while it had not exited (ops->kill was
 * called), or vKill under extended-remote with no vRun after it (ops->kill
 * was not called: the recording stays for a new run). gdb sends these for
 * `kill` and when a session ends with the program still there. */
bool rsp_server_killed(const struct rsp_server *s);

void rsp_server_destroy(struct rsp_server *s);

/* Offer gdb's multiprocess extensions (multiprocess+ in qSupported; thread
 * ids p<pid>.<tid> once gdb announced them too). Off by default: gdb 13
 * then kills with vKill, which outside extended-remote is not served. */
void rsp_server_offer_multiprocess(struct rsp_server *s, bool on);

/* For tests: a server without a socket. Output goes to write(write_ctx, ...);
 * during a resume, poll_byte(poll_ctx, &b) is asked for bytes that arrived
 * meanwhile (false: none now); 0x03 among them interrupts the resume, the
 * others are framed after the resume returns. poll_byte may be NULL. */
struct rsp_server *rsp_server_create_custom(const struct rsp_target_ops *ops, void *target,
                                            rsp_write_fn write, void *write_ctx,
                                            bool (*poll_byte)(void *ctx, uint8_t *b),
                                            void *poll_ctx);

/* Feeds one received byte (and then whatever poll_byte delivered during a
 * resume it caused). Returns false once the session has ended (k/D) — also
 * for every later call — with *end (may be NULL) saying how. */
bool rsp_server_feed(struct rsp_server *s, uint8_t byte, enum rsp_serve_end *end);
