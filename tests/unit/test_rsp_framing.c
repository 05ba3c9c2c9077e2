/* Tests of the RSP framing state machine (gdbstub/rsp_framing.c), fed byte by
 * byte: checksums, acks and no-ack mode, '}' escapes, run-length decoding and
 * its forbidden counts, the packet size bound, Ctrl-C between packets, garbage
 * between packets, packet encoding and retransmission on '-'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gdbstub/rsp_framing.h"

/* Output capture: everything the framer writes. */
struct sink {
    uint8_t *buf;
    size_t len, cap;
};

static void sink_write(void *ctx, const uint8_t *buf, size_t len) {
    struct sink *s = ctx;
    if (s->len + len > s->cap) {
        s->cap = (s->len + len) * 2 + 64;
        s->buf = realloc(s->buf, s->cap);
        assert_non_null(s->buf);
    }
    memcpy(s->buf + s->len, buf, len);
    s->len += len;
}

static bool sink_is(const struct sink *s, const char *expect) {
    return s->len == strlen(expect) && memcmp(s->buf, expect, s->len) == 0;
}

struct fixture {
    struct sink out;
    struct rsp_framer *f;
};

static int setup(void **state) {
    struct fixture *fx = calloc(1, sizeof(*fx));
    fx->f = rsp_framer_create(sink_write, &fx->out);
    assert_non_null(fx->f);
    *state = fx;
    return 0;
}

static int teardown(void **state) {
    struct fixture *fx = *state;
    rsp_framer_destroy(fx->f);
    free(fx->out.buf);
    free(fx);
    return 0;
}

/* Feeds n bytes; records the events (RSP_EV_NONE skipped) and copies of the
 * packets. Returns the number of events. */
#define MAX_EV 64
struct evlog {
    enum rsp_event ev[MAX_EV];
    char pkt[MAX_EV][256];
    size_t pkt_len[MAX_EV];
    int n;
};

static void feed(struct rsp_framer *f, const void *bytes, size_t n, struct evlog *log) {
    const uint8_t *p = bytes;
    for (size_t i = 0; i < n; i++) {
        enum rsp_event e = rsp_framer_feed(f, p[i]);
        if (e == RSP_EV_NONE)
            continue;
        assert_true(log->n < MAX_EV);
        log->ev[log->n] = e;
        if (e == RSP_EV_PACKET) {
            size_t len;
            uint8_t *d = rsp_framer_packet(f, &len);
            assert_int_equal(d[len], 0);
            size_t keep = len < 255 ? len : 255;
            memcpy(log->pkt[log->n], d, keep);
            log->pkt[log->n][keep] = 0;
            log->pkt_len[log->n] = len;
        }
        log->n++;
    }
}

static void feed_str(struct rsp_framer *f, const char *s, struct evlog *log) {
    feed(f, s, strlen(s), log);
}

/* Frames raw (already escaped/encoded) packet data with its checksum. */
static size_t frame_raw(const char *raw, size_t n, char *out) {
    uint8_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (uint8_t)raw[i];
    out[0] = '$';
    memcpy(out + 1, raw, n);
    sprintf(out + 1 + n, "#%02x", sum);
    return n + 4;
}

static void test_simple_packet(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    feed_str(fx->f, "$g#67", &log);
    assert_int_equal(log.n, 1);
    assert_int_equal(log.ev[0], RSP_EV_PACKET);
    assert_string_equal(log.pkt[0], "g");
    assert_true(sink_is(&fx->out, "+"));
    /* upper-case checksum digits are accepted too */
    feed_str(fx->f, "$OK#9A", &log);
    assert_int_equal(log.ev[1], RSP_EV_PACKET);
    assert_string_equal(log.pkt[1], "OK");
    assert_true(sink_is(&fx->out, "++"));
    /* empty packet */
    feed_str(fx->f, "$#00", &log);
    assert_int_equal(log.ev[2], RSP_EV_PACKET);
    assert_int_equal(log.pkt_len[2], 0);
}

/* A stream of packets, acks and Ctrl-C fed with a split at every position:
 * the events of any prefix are a prefix of the events of the whole stream and
 * the packet only appears when its last checksum digit arrives. */
static void test_split_everywhere(void **state) {
    (void)state;
    static const char stream[] = "+$qSupported:swbreak+;hwbreak+#d5-\x03$m1000,4#8e+$?#3f";
    size_t n = sizeof(stream) - 1;
    struct sink s0 = {0};
    struct rsp_framer *ref = rsp_framer_create(sink_write, &s0);
    struct evlog full = {0};
    feed(ref, stream, n, &full);
    assert_int_equal(full.n, 7);
    enum rsp_event expect[] = {RSP_EV_ACK, RSP_EV_PACKET, RSP_EV_NAK, RSP_EV_INTERRUPT,
                               RSP_EV_PACKET, RSP_EV_ACK, RSP_EV_PACKET};
    for (int i = 0; i < 7; i++)
        assert_int_equal(full.ev[i], expect[i]);
    assert_string_equal(full.pkt[1], "qSupported:swbreak+;hwbreak+");
    assert_string_equal(full.pkt[4], "m1000,4");
    assert_string_equal(full.pkt[6], "?");
    for (size_t k = 0; k <= n; k++) {
        struct sink s = {0};
        struct rsp_framer *f = rsp_framer_create(sink_write, &s);
        struct evlog a = {0};
        feed(f, stream, k, &a);
        assert_true(a.n <= full.n);
        for (int i = 0; i < a.n; i++) {
            assert_int_equal(a.ev[i], full.ev[i]);
            if (a.ev[i] == RSP_EV_PACKET)
                assert_string_equal(a.pkt[i], full.pkt[i]);
        }
        feed(f, stream + k, n - k, &a);
        assert_int_equal(a.n, full.n);
        for (int i = 0; i < a.n; i++)
            assert_int_equal(a.ev[i], full.ev[i]);
        assert_int_equal(s.len, s0.len);
        assert_memory_equal(s.buf, s0.buf, s.len);
        rsp_framer_destroy(f);
        free(s.buf);
    }
    rsp_framer_destroy(ref);
    free(s0.buf);
}

static void test_bad_checksum(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    feed_str(fx->f, "$g#68", &log);
    assert_int_equal(log.n, 1);
    assert_int_equal(log.ev[0], RSP_EV_BAD_CHECKSUM);
    assert_true(sink_is(&fx->out, "-"));
    feed_str(fx->f, "$g#6z", &log); /* not hex */
    assert_int_equal(log.ev[1], RSP_EV_BAD_CHECKSUM);
    feed_str(fx->f, "$g#z7", &log);
    assert_int_equal(log.ev[2], RSP_EV_BAD_CHECKSUM);
    assert_true(sink_is(&fx->out, "---"));
    /* the next good packet still works */
    feed_str(fx->f, "$g#67", &log);
    assert_int_equal(log.ev[3], RSP_EV_PACKET);
    assert_true(sink_is(&fx->out, "---+"));
    assert_int_equal(rsp_framer_stats(fx->f)->bad_checksums, 3);
}

static void test_escapes(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    char buf[64];
    /* X packet carrying '}', '#', '$', '*' and 0x03 */
    static const char raw[] = "X0,5:}]}\x03}\x04}\x0a\x03";
    size_t n = frame_raw(raw, sizeof(raw) - 1, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.n, 1);
    assert_int_equal(log.ev[0], RSP_EV_PACKET);
    assert_int_equal(log.pkt_len[0], 10);
    assert_memory_equal(log.pkt[0], "X0,5:}#$*\x03", 10);
    /* '}' directly before '#': nothing to escape */
    n = frame_raw("ab}", 3, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[1], RSP_EV_BAD_ENCODING);
    assert_true(sink_is(&fx->out, "+-"));
}

static void test_run_length(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    char buf[128];
    size_t n = frame_raw("0* ", 3, buf); /* the spec's example: "0* " is "0000" */
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[0], RSP_EV_PACKET);
    assert_string_equal(log.pkt[0], "0000");
    n = frame_raw("a*\"b", 4, buf); /* '"' = 34: 5 more */
    feed(fx->f, buf, n, &log);
    assert_string_equal(log.pkt[1], "aaaaaab");
    n = frame_raw("x*~", 3, buf); /* '~' = 126: 97 more */
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[2], RSP_EV_PACKET);
    assert_int_equal(log.pkt_len[2], 98);
    n = frame_raw("}]*!", 4, buf); /* the run repeats the escaped byte */
    feed(fx->f, buf, n, &log);
    assert_string_equal(log.pkt[3], "}}}}}");
    assert_true(sink_is(&fx->out, "++++"));

    /* forbidden and impossible counts */
    n = frame_raw("*!", 2, buf); /* nothing to repeat */
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[4], RSP_EV_BAD_ENCODING);
    n = frame_raw("a*\x1f", 3, buf); /* not printable */
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[5], RSP_EV_BAD_ENCODING);
    n = frame_raw("a*\x7f", 3, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[6], RSP_EV_BAD_ENCODING);
    n = frame_raw("a*", 2, buf); /* count would be '#' (run of 6) */
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[7], RSP_EV_BAD_ENCODING);
    assert_true(sink_is(&fx->out, "++++----"));
    /* a count of '$' (run of 7) cannot be sent: '$' starts a new packet */
    feed_str(fx->f, "$a*$g#67", &log);
    assert_int_equal(log.ev[8], RSP_EV_PACKET);
    assert_string_equal(log.pkt[8], "g");
    assert_int_equal(rsp_framer_stats(fx->f)->bad_encodings, 4);
}

static void test_overflow(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    size_t max = RSP_PACKET_SIZE;
    char *raw = malloc(max + 2), *buf = malloc(max + 8);
    memset(raw, 'A', max + 1);
    /* exactly RSP_PACKET_SIZE bytes: accepted */
    size_t n = frame_raw(raw, max, buf);
    for (size_t i = 0; i < n; i++) {
        enum rsp_event e = rsp_framer_feed(fx->f, (uint8_t)buf[i]);
        assert_int_equal(e, i + 1 == n ? RSP_EV_PACKET : RSP_EV_NONE);
    }
    size_t len;
    uint8_t *d = rsp_framer_packet(fx->f, &len);
    assert_int_equal(len, max);
    assert_int_equal(d[0], 'A');
    assert_int_equal(d[max - 1], 'A');
    /* one more: dropped, NAK */
    n = frame_raw(raw, max + 1, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.n, 1);
    assert_int_equal(log.ev[0], RSP_EV_OVERFLOW);
    assert_true(sink_is(&fx->out, "+-"));
    /* overflow by run-length expansion of a short packet */
    memset(raw, 0, max);
    size_t k = 0;
    raw[k++] = 'z';
    while (k + 2 < 3000) {
        raw[k++] = '*';
        raw[k++] = '~';
    }
    n = frame_raw(raw, k, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.ev[1], RSP_EV_OVERFLOW);
    /* and the framer recovers */
    feed_str(fx->f, "$g#67", &log);
    assert_int_equal(log.ev[2], RSP_EV_PACKET);
    assert_true(sink_is(&fx->out, "+--+"));
    free(raw);
    free(buf);
}

static void test_interrupt_and_garbage(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    feed_str(fx->f, "\x03", &log);
    assert_int_equal(log.ev[0], RSP_EV_INTERRUPT);
    feed_str(fx->f, "hello\r\n\x01#99$g#67\x03", &log);
    assert_int_equal(log.n, 3);
    assert_int_equal(log.ev[1], RSP_EV_PACKET);
    assert_string_equal(log.pkt[1], "g");
    assert_int_equal(log.ev[2], RSP_EV_INTERRUPT);
    assert_int_equal(rsp_framer_stats(fx->f)->garbage_bytes, 11);
    assert_int_equal(rsp_framer_stats(fx->f)->interrupts, 2);
    /* 0x03 inside a packet is data, not an interrupt */
    char buf[32];
    size_t n = frame_raw("X0,1:\x03", 6, buf);
    feed(fx->f, buf, n, &log);
    assert_int_equal(log.n, 4);
    assert_int_equal(log.ev[3], RSP_EV_PACKET);
    assert_memory_equal(log.pkt[3], "X0,1:\x03", 6);
    /* a '$' inside a packet restarts it (the first one was cut short) */
    feed_str(fx->f, "$m10$?#3f", &log);
    assert_int_equal(log.n, 5);
    assert_string_equal(log.pkt[4], "?");
}

static void test_encode(void **state) {
    (void)state;
    uint8_t out[64];
    size_t n = rsp_encode_packet("OK", 2, out, sizeof(out));
    assert_int_equal(n, 6);
    assert_memory_equal(out, "$OK#9a", 6); /* the spec's example */
    n = rsp_encode_packet("", 0, out, sizeof(out));
    assert_memory_equal(out, "$#00", n);
    n = rsp_encode_packet("}", 1, out, sizeof(out)); /* '}' ']' = 0x7d + 0x5d */
    assert_int_equal(n, 6);
    assert_memory_equal(out, "$}]#da", 6);
    n = rsp_encode_packet("a$b#c*", 6, out, sizeof(out));
    assert_int_equal(n, 13);
    /* a } 04 b } 03 c } 0a: 61+7d+04+62+7d+03+63+7d+0a = 0x2ae -> ae */
    assert_memory_equal(out, "$a}\x04" "b}\x03" "c}\x0a#ae", 13);
    /* does not fit */
    assert_int_equal(rsp_encode_packet("OK", 2, out, 5), 0);
    assert_int_equal(rsp_encode_packet("}}", 2, out, 7), 0);
    assert_int_equal(rsp_encode_packet("}}", 2, out, 8), 8);
}

/* Every byte value survives encode -> feed. */
static void test_roundtrip_all_bytes(void **state) {
    struct fixture *fx = *state;
    uint8_t payload[256], out[600];
    for (int i = 0; i < 256; i++)
        payload[i] = (uint8_t)i;
    size_t n = rsp_encode_packet(payload, 256, out, sizeof(out));
    assert_int_equal(n, 256 + 4 + 4); /* $ # } * escaped */
    enum rsp_event e = RSP_EV_NONE;
    for (size_t i = 0; i < n; i++)
        e = rsp_framer_feed(fx->f, out[i]);
    assert_int_equal(e, RSP_EV_PACKET);
    size_t len;
    uint8_t *d = rsp_framer_packet(fx->f, &len);
    assert_int_equal(len, 256);
    assert_memory_equal(d, payload, 256);
}

static void test_send_and_retransmit(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    assert_true(rsp_framer_send(fx->f, "OK", 2));
    assert_true(sink_is(&fx->out, "$OK#9a"));
    feed_str(fx->f, "-", &log);
    assert_int_equal(log.ev[0], RSP_EV_NAK);
    assert_true(sink_is(&fx->out, "$OK#9a$OK#9a"));
    feed_str(fx->f, "+", &log);
    assert_int_equal(log.ev[1], RSP_EV_ACK);
    feed_str(fx->f, "-", &log); /* already acknowledged: nothing to resend */
    assert_true(sink_is(&fx->out, "$OK#9a$OK#9a"));
    assert_int_equal(rsp_framer_stats(fx->f)->retransmits, 1);
    /* too long */
    uint8_t *big = calloc(1, RSP_MAX_REPLY + 1);
    assert_false(rsp_framer_send(fx->f, big, RSP_MAX_REPLY + 1));
    assert_true(rsp_framer_send(fx->f, big, RSP_MAX_REPLY));
    assert_int_equal(fx->out.len, 12 + RSP_MAX_REPLY + 4);
    free(big);
}

static void test_noack_mode(void **state) {
    struct fixture *fx = *state;
    struct evlog log = {0};
    /* the QStartNoAckMode exchange: acked, OK (acked by gdb), then no acks */
    feed_str(fx->f, "$QStartNoAckMode#b0", &log);
    assert_int_equal(log.ev[0], RSP_EV_PACKET);
    assert_string_equal(log.pkt[0], "QStartNoAckMode");
    assert_true(rsp_framer_send(fx->f, "OK", 2));
    rsp_framer_set_ack_mode(fx->f, false);
    assert_false(rsp_framer_ack_mode(fx->f));
    assert_true(sink_is(&fx->out, "+$OK#9a"));
    feed_str(fx->f, "+$g#67$g#00-", &log);
    assert_int_equal(log.n, 5);
    assert_int_equal(log.ev[1], RSP_EV_ACK);
    assert_int_equal(log.ev[2], RSP_EV_PACKET);
    assert_int_equal(log.ev[3], RSP_EV_BAD_CHECKSUM);
    assert_int_equal(log.ev[4], RSP_EV_NAK);
    assert_true(sink_is(&fx->out, "+$OK#9a")); /* no '+', '-', nor resend */
    assert_true(rsp_framer_send(fx->f, "E16", 3));
    feed_str(fx->f, "-", &log);
    assert_true(sink_is(&fx->out, "+$OK#9a$E16#ac"));
    /* reset: a new connection starts with acks again */
    rsp_framer_reset(fx->f);
    assert_true(rsp_framer_ack_mode(fx->f));
    feed_str(fx->f, "$g#67", &log);
    assert_true(sink_is(&fx->out, "+$OK#9a$E16#ac+"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_simple_packet, setup, teardown),
        cmocka_unit_test(test_split_everywhere),
        cmocka_unit_test_setup_teardown(test_bad_checksum, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_length, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupt_and_garbage, setup, teardown),
        cmocka_unit_test(test_encode),
        cmocka_unit_test_setup_teardown(test_roundtrip_all_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_send_and_retransmit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_noack_mode, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
