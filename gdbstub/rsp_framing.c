/* RSP framing state machine (see rsp_framing.h). Receive side: one state per
 * position in "$data#xx" plus escape and run-length states; the decoded
 * payload is bounded by RSP_PACKET_SIZE and everything past it is counted for
 * the checksum but not stored. Send side: escaping and checksums, plus the
 * retransmission copy. Never interprets payloads, never touches the target. */
#include "gdbstub/rsp_framing.h"

#include <stdlib.h>
#include <string.h>

enum rx_state {
    RX_IDLE,  /* between packets: '$', '+', '-', 0x03, or garbage */
    RX_DATA,  /* inside $...# */
    RX_ESC,   /* after '}' */
    RX_RLE,   /* after '*': expecting the count character */
    RX_CSUM1, /* after '#' */
    RX_CSUM2, /* after the first checksum digit */
};

enum rx_error { RX_OK, RX_OVERFLOW, RX_ENCODING };

#define OUT_CAP (2 * (size_t)RSP_MAX_REPLY + 4)

struct rsp_framer {
    rsp_write_fn write;
    void *ctx;
    bool ack_mode;

    enum rx_state state;
    enum rx_error err;
    uint8_t sum;       /* running checksum of the raw bytes between $ and # */
    uint8_t csum_hi;   /* first checksum digit's value */
    bool csum_bad;     /* a checksum digit was not hex */
    size_t len;        /* decoded bytes stored */
    uint8_t *buf;      /* RSP_PACKET_SIZE + 1 (NUL) */

    uint8_t *out;      /* OUT_CAP: last packet sent, for retransmission */
    size_t out_len;    /* 0: nothing to retransmit */

    struct rsp_framer_stats stats;
};

struct rsp_framer *rsp_framer_create(rsp_write_fn write, void *ctx) {
    if (!write)
        return NULL;
    struct rsp_framer *f = calloc(1, sizeof(*f));
    if (!f)
        return NULL;
    f->buf = malloc(RSP_PACKET_SIZE + 1);
    f->out = malloc(OUT_CAP);
    if (!f->buf || !f->out) {
        rsp_framer_destroy(f);
        return NULL;
    }
    f->write = write;
    f->ctx = ctx;
    f->ack_mode = true;
    f->state = RX_IDLE;
    return f;
}

void rsp_framer_destroy(struct rsp_framer *f) {
    if (!f)
        return;
    free(f->buf);
    free(f->out);
    free(f);
}

void rsp_framer_reset(struct rsp_framer *f) {
    f->ack_mode = true;
    f->state = RX_IDLE;
    f->err = RX_OK;
    f->len = 0;
    f->out_len = 0;
    memset(&f->stats, 0, sizeof(f->stats));
}

static int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void put_ack(struct rsp_framer *f, uint8_t c) {
    if (f->ack_mode)
        f->write(f->ctx, &c, 1);
}

static void start_packet(struct rsp_framer *f) {
    f->state = RX_DATA;
    f->err = RX_OK;
    f->sum = 0;
    f->len = 0;
    f->csum_bad = false;
}

static void store(struct rsp_framer *f, uint8_t c) {
    if (f->err != RX_OK)
        return;
    if (f->len >= RSP_PACKET_SIZE) {
        f->err = RX_OVERFLOW;
        return;
    }
    f->buf[f->len++] = c;
}

/* A run-length count character: repeat the previous byte (c - 29) more times.
 * Counts below ' ' or above '~' are not printable, and '#' and '$' (runs of 6
 * and 7) are forbidden by the protocol. */
static void run_length(struct rsp_framer *f, uint8_t c) {
    if (c < ' ' || c > '~' || c == '#' || c == '$' || f->len == 0) {
        if (f->err == RX_OK)
            f->err = RX_ENCODING;
        return;
    }
    uint8_t prev = f->buf[f->len - 1];
    for (int n = c - 29; n > 0; n--)
        store(f, prev);
}

static enum rsp_event finish_packet(struct rsp_framer *f, uint8_t lo) {
    f->state = RX_IDLE;
    int v = hex_value(lo);
    if (f->csum_bad || v < 0 || (uint8_t)(f->csum_hi << 4 | v) != f->sum) {
        f->stats.bad_checksums++;
        put_ack(f, '-');
        return RSP_EV_BAD_CHECKSUM;
    }
    if (f->err == RX_OVERFLOW) {
        f->stats.overflows++;
        put_ack(f, '-');
        return RSP_EV_OVERFLOW;
    }
    if (f->err == RX_ENCODING) {
        f->stats.bad_encodings++;
        put_ack(f, '-');
        return RSP_EV_BAD_ENCODING;
    }
    f->buf[f->len] = 0;
    f->stats.packets++;
    put_ack(f, '+');
    return RSP_EV_PACKET;
}

enum rsp_event rsp_framer_feed(struct rsp_framer *f, uint8_t c) {
    switch (f->state) {
    case RX_IDLE:
        switch (c) {
        case '$':
            start_packet(f);
            return RSP_EV_NONE;
        case '+':
            f->stats.acks++;
            f->out_len = 0;
            return RSP_EV_ACK;
        case '-':
            f->stats.naks++;
            if (f->ack_mode && f->out_len) {
                f->stats.retransmits++;
                f->write(f->ctx, f->out, f->out_len);
            }
            return RSP_EV_NAK;
        case 0x03:
            f->stats.interrupts++;
            return RSP_EV_INTERRUPT;
        default:
            f->stats.garbage_bytes++;
            return RSP_EV_NONE;
        }
    case RX_DATA:
        if (c == '$') { /* a new packet start inside one: the old one was cut */
            start_packet(f);
            return RSP_EV_NONE;
        }
        if (c == '#') {
            f->state = RX_CSUM1;
            return RSP_EV_NONE;
        }
        f->sum += c;
        if (c == '}')
            f->state = RX_ESC;
        else if (c == '*')
            f->state = RX_RLE;
        else
            store(f, c);
        return RSP_EV_NONE;
    case RX_ESC:
        if (c == '$') {
            start_packet(f);
            return RSP_EV_NONE;
        }
        if (c == '#') { /* '}' with nothing to escape */
            if (f->err == RX_OK)
                f->err = RX_ENCODING;
            f->state = RX_CSUM1;
            return RSP_EV_NONE;
        }
        f->sum += c;
        store(f, c ^ 0x20);
        f->state = RX_DATA;
        return RSP_EV_NONE;
    case RX_RLE:
        if (c == '$') {
            start_packet(f);
            return RSP_EV_NONE;
        }
        if (c == '#') { /* '*' with no count (a count of '#' is forbidden) */
            if (f->err == RX_OK)
                f->err = RX_ENCODING;
            f->state = RX_CSUM1;
            return RSP_EV_NONE;
        }
        f->sum += c;
        run_length(f, c);
        f->state = RX_DATA;
        return RSP_EV_NONE;
    case RX_CSUM1: {
        int v = hex_value(c);
        f->csum_bad = v < 0;
        f->csum_hi = v < 0 ? 0 : (uint8_t)v;
        f->state = RX_CSUM2;
        return RSP_EV_NONE;
    }
    case RX_CSUM2:
        return finish_packet(f, c);
    }
    f->state = RX_IDLE; /* unreachable: every state returns above */
    return RSP_EV_NONE;
}

uint8_t *rsp_framer_packet(struct rsp_framer *f, size_t *len) {
    *len = f->len;
    return f->buf;
}

size_t rsp_encode_packet(const void *payload, size_t len, uint8_t *out, size_t cap) {
    const uint8_t *p = payload;
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    uint8_t sum = 0;
    if (cap < 4 || (len && !payload))
        return 0;
    out[n++] = '$';
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];
        bool esc = c == '$' || c == '#' || c == '}' || c == '*';
        if (n + (esc ? 2 : 1) + 3 > cap)
            return 0;
        if (esc) {
            out[n++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[n++] = c;
        sum += c;
    }
    out[n++] = '#';
    out[n++] = (uint8_t)hex[sum >> 4];
    out[n++] = (uint8_t)hex[sum & 15];
    return n;
}

bool rsp_framer_send(struct rsp_framer *f, const void *payload, size_t len) {
    if (len > RSP_MAX_REPLY)
        return false;
    size_t n = rsp_encode_packet(payload, len, f->out, OUT_CAP);
    if (n == 0)
        return false;
    f->write(f->ctx, f->out, n);
    f->out_len = f->ack_mode ? n : 0;
    return true;
}

void rsp_framer_set_ack_mode(struct rsp_framer *f, bool on) {
    f->ack_mode = on;
    if (!on)
        f->out_len = 0;
}

bool rsp_framer_ack_mode(const struct rsp_framer *f) { return f->ack_mode; }

const struct rsp_framer_stats *rsp_framer_stats(const struct rsp_framer *f) { return &f->stats; }
