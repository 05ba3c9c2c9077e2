/* The RSP server's connection side (see rsp_server.h): reading and writing the
 * connection, the read-ahead queue that lets a running target notice Ctrl-C
 * without losing other bytes, and the dispatch of each packet to exactly one
 * reply. Request handlers live in rsp_server_exec.c (registers, memory,
 * points, resume) and rsp_server_query.c (q packets). Never formats protocol
 * text itself (rsp_reply.h does) and never interprets packets (rsp_request.h
 * does). */
#include "gdbstub/rsp_server.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gdbstub/rsp_server_impl.h"

/* ---- the connection ---- */

static void out_write(void *ctx, const uint8_t *buf, size_t len) {
    struct rsp_server *s = ctx;
    if (s->user_write) {
        s->user_write(s->user_write_ctx, buf, len);
        return;
    }
    while (len && !s->broken) {
        ssize_t n = s->fd_is_socket ? send(s->fd, buf, len, MSG_NOSIGNAL) : write(s->fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd p = {.fd = s->fd, .events = POLLOUT};
            poll(&p, 1, -1);
            continue;
        }
        if (n <= 0) {
            s->broken = true;
            break;
        }
        buf += n;
        len -= (size_t)n;
    }
}

static ssize_t in_read(struct rsp_server *s, uint8_t *buf, size_t cap) {
    return s->fd_is_socket ? recv(s->fd, buf, cap, 0) : read(s->fd, buf, cap);
}

/* Moves the unread bytes to the front of the queue. */
static void compact(struct rsp_server *s) {
    size_t n = s->in_tail - s->in_head;
    if (s->in_head && n)
        memmove(s->in, s->in + s->in_head, n);
    s->in_head = 0;
    s->in_tail = n;
}

/* Takes whatever has arrived without waiting, as far as the queue has room
 * (what does not fit stays in the kernel or with poll_byte: nothing is lost). */
static void read_ahead(struct rsp_server *s) {
    if (s->user_write) {
        uint8_t b;
        while (s->poll_byte && s->in_tail < SRV_IN_CAP && s->poll_byte(s->poll_ctx, &b))
            s->in[s->in_tail++] = b;
        return;
    }
    while (!s->eof && s->in_tail < SRV_IN_CAP) {
        struct pollfd p = {.fd = s->fd, .events = POLLIN};
        int r = poll(&p, 1, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return;
        size_t room = SRV_IN_CAP - s->in_tail;
        ssize_t n = in_read(s, s->in + s->in_tail, room);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            s->eof = true;
            return;
        }
        s->in_tail += (size_t)n;
        if ((size_t)n < room)
            return;
    }
}

/* The rsp_interrupt_fn handed to ops->resume. Every 0x03 waiting in the queue
 * is an interrupt and is taken out; the other bytes (acks, or a packet gdb
 * sent early) stay queued for the framer once the resume returns. gdb sends
 * no packets while the target runs, so a 0x03 inside a packet's data cannot
 * be here. A closed connection also stops the target. */
bool srv_interrupted(void *server) {
    struct rsp_server *s = server;
    if (s->interrupt_seen || s->eof)
        return true;
    compact(s);
    read_ahead(s);
    size_t keep = 0;
    for (size_t i = 0; i < s->in_tail; i++) {
        if (s->in[i] == 0x03)
            s->interrupt_seen = true;
        else
            s->in[keep++] = s->in[i];
    }
    s->in_tail = keep;
    return s->interrupt_seen || s->eof;
}

/* ---- one packet, one reply ---- */

static void send_reply(struct rsp_server *s) {
    size_t n;
    const uint8_t *d = rsp_reply_data(&s->reply, &n);
    rsp_framer_send(s->framer, d, n); /* n <= RSP_REPLY_CAP == RSP_MAX_REPLY */
}

static void finish(struct rsp_server *s, enum rsp_serve_end end) {
    s->ended = true;
    s->end = end;
}

static void handle_packet(struct rsp_server *s) {
    size_t len;
    uint8_t *p = rsp_framer_packet(s->framer, &len);
    struct rsp_request q;
    rsp_parse_request(p, len, &q);
    rsp_reply_reset(&s->reply);
    switch (q.kind) {
    case RSP_REQ_KILL: /* gdb does not wait for a reply; gdbserver sends none */
        if (!s->exited) {
            s->ops->kill(s->t);
            s->killed = true;
        }
        finish(s, RSP_END_KILL);
        return;
    case RSP_REQ_DETACH:
        rsp_reply_ok(&s->reply);
        send_reply(s);
        if (!s->exited && s->ops->drop_signal && s->last_stop.kind == RSP_TSTOP_SIGNAL &&
            s->last_stop.signal >= 1 && s->last_stop.signal <= 64 &&
            !(s->program_signals & (1ull << (s->last_stop.signal - 1))))
            s->ops->drop_signal(s->t);
        if (!s->exited)
            s->ops->detach(s->t);
        finish(s, RSP_END_DETACH);
        return;
    case RSP_REQ_EXTENDED:
        s->extended = true;
        rsp_reply_ok(&s->reply);
        break;
    case RSP_REQ_VKILL:
        /* extended-remote: the session goes on (gdb's `run` kills, then
         * sends vRun); the recording stays, as under rr. */
        if (!s->extended)
            break; /* empty: not supported outside extended mode */
        s->exited = true;
        s->killed = true;
        s->exit_stop.kind = RSP_TSTOP_KILLED;
        s->exit_stop.signal = 9;
        rsp_reply_ok(&s->reply);
        break;
    case RSP_REQ_RUN:
        srv_run(s, &q);
        break;
    case RSP_REQ_START_NOACK:
        rsp_reply_ok(&s->reply);
        send_reply(s); /* still with acks on: gdb acks this OK */
        rsp_framer_set_ack_mode(s->framer, false);
        return;
    case RSP_REQ_MALFORMED:
        rsp_reply_error(&s->reply, q.u.error);
        break;
    case RSP_REQ_UNKNOWN:
    case RSP_REQ_MUST_REPLY_EMPTY:
    case RSP_REQ_TSTATUS:
        break; /* empty */
    case RSP_REQ_VCONT_QUERY:
        rsp_reply_vcont_actions(&s->reply);
        break;
    case RSP_REQ_PASS_SIGNALS:
    case RSP_REQ_PROGRAM_SIGNALS:
        srv_signal_lists(s, &q);
        break;
    case RSP_REQ_HALT_REASON:
        srv_halt_reason(s);
        break;
    case RSP_REQ_READ_REGS:
        srv_read_regs(s);
        break;
    case RSP_REQ_WRITE_REGS:
        srv_write_regs(s, &q);
        break;
    case RSP_REQ_READ_REG:
        srv_read_reg(s, &q);
        break;
    case RSP_REQ_WRITE_REG:
        srv_write_reg(s, &q);
        break;
    case RSP_REQ_READ_MEM:
        srv_read_mem(s, &q);
        break;
    case RSP_REQ_WRITE_MEM:
        srv_write_mem(s, &q);
        break;
    case RSP_REQ_INSERT_POINT:
    case RSP_REQ_REMOVE_POINT:
        srv_point(s, &q);
        break;
    case RSP_REQ_RESUME:
        srv_resume(s, &q);
        break;
    case RSP_REQ_VCONT:
        srv_vcont(s, &q);
        break;
    default:
        if (!srv_query(s, &q) && !srv_files(s, &q))
            rsp_reply_reset(&s->reply); /* a kind nobody handles: empty */
        break;
    }
    send_reply(s);
}

static void process_byte(struct rsp_server *s, uint8_t b) {
    switch (rsp_framer_feed(s->framer, b)) {
    case RSP_EV_PACKET:
        handle_packet(s);
        break;
    case RSP_EV_INTERRUPT:
        /* 0x03 while stopped: ignored. gdb only sends it while the target
         * runs; one arriving now lost a race with the stop reply gdb already
         * has, and an extra stop reply would be taken as the answer to gdb's
         * next packet. */
        break;
    default: /* acks, NAKs (the framer retransmits), dropped packets ('-' sent) */
        break;
    }
}

/* Frames the queued bytes until the queue is empty or the session ended. */
static void drain(struct rsp_server *s) {
    while (s->in_head < s->in_tail && !s->ended && !s->broken)
        process_byte(s, s->in[s->in_head++]);
}

/* ---- lifecycle ---- */

static struct rsp_server *create(const struct rsp_target_ops *ops, void *target) {
    if (!ops)
        return NULL;
    struct rsp_server *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->framer = rsp_framer_create(out_write, s);
    if (!s->framer) {
        free(s);
        return NULL;
    }
    s->ops = ops;
    s->t = target;
    s->fd = -1;
    s->program_signals = ~0ull; /* gdb's default: every signal is passed */
    return s;
}

struct rsp_server *rsp_server_create(int conn_fd, const struct rsp_target_ops *ops, void *target) {
    struct rsp_server *s = create(ops, target);
    if (!s)
        return NULL;
    int type;
    socklen_t tl = sizeof(type);
    s->fd = conn_fd;
    s->fd_is_socket = getsockopt(conn_fd, SOL_SOCKET, SO_TYPE, &type, &tl) == 0;
    return s;
}

struct rsp_server *rsp_server_create_custom(const struct rsp_target_ops *ops, void *target,
                                            rsp_write_fn write, void *write_ctx,
                                            bool (*poll_byte)(void *ctx, uint8_t *b),
                                            void *poll_ctx) {
    if (!write)
        return NULL;
    struct rsp_server *s = create(ops, target);
    if (!s)
        return NULL;
    s->user_write = write;
    s->user_write_ctx = write_ctx;
    s->poll_byte = poll_byte;
    s->poll_ctx = poll_ctx;
    return s;
}

bool rsp_server_killed(const struct rsp_server *s) {
    return s->killed;
}

void rsp_server_offer_multiprocess(struct rsp_server *s, bool on) {
    s->offer_multiprocess = on;
}

void rsp_server_destroy(struct rsp_server *s) {
    if (!s)
        return;
    rsp_framer_destroy(s->framer);
    free(s);
}

enum rsp_serve_end rsp_server_serve(struct rsp_server *s) {
    while (!s->ended && !s->broken) {
        if (s->in_head == s->in_tail) {
            if (s->eof || s->user_write)
                break;
            s->in_head = s->in_tail = 0;
            ssize_t n = in_read(s, s->in, SRV_IN_CAP);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                s->eof = true;
                break;
            }
            s->in_tail = (size_t)n;
        }
        drain(s);
    }
    return s->ended ? s->end : RSP_END_DISCONNECT;
}

bool rsp_server_feed(struct rsp_server *s, uint8_t byte, enum rsp_serve_end *end) {
    if (!s->ended && !s->broken) {
        compact(s); /* empty after the last call's drain */
        if (s->in_tail < SRV_IN_CAP)
            s->in[s->in_tail++] = byte;
        drain(s);
    }
    if (end)
        *end = s->ended ? s->end : RSP_END_DISCONNECT;
    return !s->ended && !s->broken;
}
