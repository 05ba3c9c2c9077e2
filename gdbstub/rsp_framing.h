/* RSP framing: turns the byte stream from gdb into events (a packet's decoded
 * payload, Ctrl-C, acks) one byte at a time, and frames outgoing payloads as
 * $...#xx. It owns acknowledgement: it sends '+'/'-' for received packets and
 * retransmits the last packet on '-' while ack mode is on.
 *
 * It must never interpret packet contents (that is rsp_request.c), never touch
 * the target, never block, and never read or write past its fixed buffers: any
 * input, however hostile, yields events, never a crash. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest decoded payload accepted from gdb, and the PacketSize we advertise.
 * gdb counts escaped bytes against PacketSize, so a conforming packet always
 * fits. */
#define RSP_PACKET_SIZE 65536u
/* Largest payload rsp_framer_send accepts (the encoded form may be twice as
 * long plus 4 framing bytes). */
#define RSP_MAX_REPLY RSP_PACKET_SIZE

enum rsp_event {
    RSP_EV_NONE = 0,     /* byte consumed, nothing to report (also: garbage skipped) */
    RSP_EV_PACKET,       /* a complete, verified packet: see rsp_framer_packet() */
    RSP_EV_INTERRUPT,    /* 0x03 between packets (Ctrl-C) */
    RSP_EV_ACK,          /* '+' from gdb */
    RSP_EV_NAK,          /* '-' from gdb; the last packet was retransmitted (acks on) */
    RSP_EV_BAD_CHECKSUM, /* packet dropped: checksum wrong or not hex; '-' sent (acks on) */
    RSP_EV_OVERFLOW,     /* packet dropped: longer than RSP_PACKET_SIZE; '-' sent (acks on) */
    RSP_EV_BAD_ENCODING, /* packet dropped: bad run-length count or escape; '-' sent (acks on) */
};

/* Where the framer's output bytes go (acks, packets, retransmissions).
 * Called synchronously from feed/send; must consume all len bytes. */
typedef void (*rsp_write_fn)(void *ctx, const uint8_t *buf, size_t len);

struct rsp_framer;

struct rsp_framer_stats {
    uint64_t packets, interrupts, acks, naks, bad_checksums, overflows, bad_encodings;
    uint64_t garbage_bytes;  /* bytes skipped between packets */
    uint64_t retransmits;
};

/* Returns NULL when out of memory. write may not be NULL. Ack mode starts on. */
struct rsp_framer *rsp_framer_create(rsp_write_fn write, void *ctx);
void rsp_framer_destroy(struct rsp_framer *f);

/* Back to the state of a new connection: between packets, ack mode on,
 * nothing to retransmit, statistics zeroed. */
void rsp_framer_reset(struct rsp_framer *f);

/* Feeds one received byte. Returns the event it completes (RSP_EV_NONE if
 * none). At most one event per byte. */
enum rsp_event rsp_framer_feed(struct rsp_framer *f, uint8_t byte);

/* After RSP_EV_PACKET: the decoded payload (escapes and run-lengths undone),
 * NUL-terminated for convenience (binary payloads may contain NULs: use len).
 * The buffer is writable (rsp_parse_request decodes in place) and valid until
 * the next rsp_framer_feed. */
uint8_t *rsp_framer_packet(struct rsp_framer *f, size_t *len);

/* Frames payload as $...#xx (escaping '$', '#', '}' and '*') and writes it.
 * While acks are on, keeps a copy to resend on '-'. Returns false (and writes
 * nothing) if len > RSP_MAX_REPLY. */
bool rsp_framer_send(struct rsp_framer *f, const void *payload, size_t len);

/* QStartNoAckMode: the server calls this with false right after sending the OK
 * reply to QStartNoAckMode. From then on no '+'/'-' is sent, '+'/'-' received
 * are reported but cause no retransmission, and a packet with a bad checksum is
 * dropped silently (still reported). */
void rsp_framer_set_ack_mode(struct rsp_framer *f, bool on);
bool rsp_framer_ack_mode(const struct rsp_framer *f);

const struct rsp_framer_stats *rsp_framer_stats(const struct rsp_framer *f);

/* Pure helper: frames payload into out (capacity cap). Returns the encoded
 * length, or 0 if it does not fit. Needs at most 2*len + 4 bytes. */
size_t rsp_encode_packet(const void *payload, size_t len, uint8_t *out, size_t cap);
