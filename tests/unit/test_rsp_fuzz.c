/* Randomised test of the whole RSP layer (framing -> request parser -> reply
 * builders -> framing): 200,000 byte streams (fixed seed; RSP_FUZZ_ITERATIONS
 * sets another count, RSP_FUZZ_SEED another seed) of random bytes, random
 * protocol-flavoured bytes, valid packets (some run-length encoded) and
 * packets whose payload or framing was mutated. A fake server answers every
 * packet through the reply builders. Checked: no crash (run it under
 * ASan/UBSan), every request's fields are within the limits and its pointers
 * inside the packet, exactly one reply per packet, and everything written
 * back is well-formed ('+', '-' and $...#xx with a right checksum). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gdbstub/rsp_framing.h"
#include "gdbstub/rsp_reply.h"
#include "gdbstub/rsp_request.h"
#include "gdbstub/target_xml.h"

#include "test_rng.h"

struct sink {
    uint8_t *buf;
    size_t len, cap;
};
static void sink_write(void *ctx, const uint8_t *buf, size_t len) {
    struct sink *s = ctx;
    if (s->len + len > s->cap) {
        s->cap = (s->len + len) * 2 + 1024;
        s->buf = realloc(s->buf, s->cap);
        if (!s->buf)
            abort();
    }
    memcpy(s->buf + s->len, buf, len);
    s->len += len;
}
static void discard(void *ctx, const uint8_t *buf, size_t len) {
    (void)ctx, (void)buf, (void)len;
}

static struct rsp_reply reply;
static uint8_t memory[RSP_MAX_MEM_LEN];
static const uint8_t auxv[] = "\x10\x00\x00\x00$#}*\x06\x00\x00\x00\x00\x10\x00\x00";

/* ---- invariants of a parsed request ---- */
static bool inside(const void *p, size_t n, const uint8_t *buf, size_t len) {
    const uint8_t *q = p;
    return q >= buf && q <= buf + len && n <= (size_t)(buf + len - q);
}

static void check_request(const struct rsp_request *r, const uint8_t *buf, size_t len) {
    assert_true((unsigned)r->kind < RSP_REQ_KIND_COUNT);
    switch (r->kind) {
    case RSP_REQ_MALFORMED:
        assert_true(r->u.error == RSP_ERR_INVAL || r->u.error == RSP_ERR_RANGE ||
                    r->u.error == RSP_ERR_TOOBIG || r->u.error == RSP_ERR_FAULT);
        break;
    case RSP_REQ_WRITE_REGS:
        assert_true(r->u.regs.len > 0);
        assert_true(inside(r->u.regs.data, r->u.regs.len, buf, len));
        break;
    case RSP_REQ_WRITE_REG:
        assert_true(r->u.reg.len >= 1 && r->u.reg.len <= RSP_MAX_REG_BYTES);
        assert_true(inside(r->u.reg.value, r->u.reg.len, buf, len));
        break;
    case RSP_REQ_READ_MEM:
    case RSP_REQ_WRITE_MEM:
        assert_true(r->u.mem.len <= (r->kind == RSP_REQ_READ_MEM ? RSP_MAX_MEM_LEN
                                                                 : RSP_MAX_MEM_WRITE_LEN));
        assert_true((uint64_t)r->u.mem.addr + r->u.mem.len <= (uint64_t)1 << 32);
        if (r->kind == RSP_REQ_WRITE_MEM)
            assert_true(inside(r->u.mem.data, r->u.mem.len, buf, len));
        else
            assert_null(r->u.mem.data);
        break;
    case RSP_REQ_XFER_FEATURES:
    case RSP_REQ_XFER_AUXV:
    case RSP_REQ_XFER_EXEC_FILE:
        assert_true(r->u.xfer.length >= 1 && r->u.xfer.length <= RSP_MAX_XFER_LEN);
        assert_true(inside(r->u.xfer.annex, r->u.xfer.annex_len + 1, buf, len));
        assert_int_equal(r->u.xfer.annex[r->u.xfer.annex_len], 0);
        break;
    case RSP_REQ_VCONT:
        assert_true(r->u.vcont.count >= 1 && r->u.vcont.count <= RSP_MAX_VCONT_ACTIONS);
        for (unsigned i = 0; i < r->u.vcont.count; i++) {
            const struct rsp_vcont_action *a = &r->u.vcont.actions[i];
            assert_true(a->op <= RSP_VCONT_RANGE);
            assert_true(a->tid >= -1);
            if (a->op == RSP_VCONT_RANGE)
                assert_true(a->start <= a->end);
        }
        break;
    case RSP_REQ_MONITOR:
        if (r->u.monitor.len)
            assert_true(inside(r->u.monitor.text, r->u.monitor.len + 1, buf, len));
        assert_int_equal(r->u.monitor.text[r->u.monitor.len], 0);
        break;
    case RSP_REQ_INSERT_POINT:
    case RSP_REQ_REMOVE_POINT:
        assert_true(r->u.point.type <= RSP_POINT_ACCESS_WATCH);
        break;
    case RSP_REQ_SET_THREAD:
        assert_true(r->u.set_thread.op == 'g' || r->u.set_thread.op == 'c');
        assert_true(r->u.set_thread.tid >= -1);
        break;
    case RSP_REQ_THREAD_ALIVE:
        assert_true(r->u.tid >= -1);
        break;
    default:
        break;
    }
}

/* ---- a fake server: one reply per request, built only with rsp_reply ---- */
static void build_reply(const struct rsp_request *r) {
    static const enum rsp_stop_reason reasons[] = {
        RSP_STOP_NONE,  RSP_STOP_SWBREAK, RSP_STOP_HWBREAK,          RSP_STOP_WATCH,
        RSP_STOP_RWATCH, RSP_STOP_AWATCH, RSP_STOP_REPLAYLOG_BEGIN, RSP_STOP_REPLAYLOG_END};
    size_t xlen;
    const char *xml;
    switch (r->kind) {
    case RSP_REQ_QSUPPORTED:
        rsp_reply_supported(&reply, rnd() & 1);
        break;
    case RSP_REQ_XFER_FEATURES:
        xml = rsp_target_xml(&xlen);
        if (strcmp(r->u.xfer.annex, "target.xml") == 0)
            rsp_reply_xfer(&reply, xml, xlen, r->u.xfer.offset, r->u.xfer.length);
        else
            rsp_reply_error(&reply, 0);
        break;
    case RSP_REQ_XFER_AUXV:
        rsp_reply_xfer(&reply, auxv, sizeof(auxv) - 1, r->u.xfer.offset, r->u.xfer.length);
        break;
    case RSP_REQ_XFER_EXEC_FILE:
        rsp_reply_xfer(&reply, "/tmp/prog", 9, r->u.xfer.offset, r->u.xfer.length);
        break;
    case RSP_REQ_HALT_REASON:
    case RSP_REQ_RESUME:
    case RSP_REQ_VCONT: {
        if (rnd() % 8 == 0) {
            rsp_reply_exited(&reply, (uint8_t)rnd());
            break;
        }
        struct rsp_stop s = {.signal = (uint8_t)rnd(), .has_regs = rnd() & 1, .pc = rnd(),
                             .sp = rnd(), .reason = reasons[below(8)], .watch_addr = rnd(),
                             .thread = (int32_t)below(3)};
        rsp_reply_stop(&reply, &s);
        break;
    }
    case RSP_REQ_READ_REGS:
        rsp_reply_reset(&reply);
        for (uint32_t n = 0; n < RSP_REG_COUNT; n++) {
            if (rsp_reg_size(n) == 8)
                rsp_reply_reg64(&reply, (uint64_t)rnd() << 32 | rnd());
            else
                rsp_reply_reg32(&reply, rnd());
        }
        assert_int_equal(reply.len, 2 * RSP_G_PACKET_BYTES);
        break;
    case RSP_REQ_READ_REG:
        if (rsp_reg_size(r->u.reg.num) == 0) {
            rsp_reply_error(&reply, RSP_ERR_INVAL);
        } else {
            rsp_reply_reset(&reply);
            rsp_reply_reg32(&reply, rnd());
        }
        break;
    case RSP_REQ_READ_MEM:
        rsp_reply_reset(&reply);
        assert_true(rsp_reply_hex(&reply, memory, r->u.mem.len)); /* always fits */
        break;
    case RSP_REQ_MONITOR:
        rsp_reply_console(&reply, r->u.monitor.text, r->u.monitor.len);
        break;
    case RSP_REQ_MALFORMED:
        rsp_reply_error(&reply, r->u.error);
        break;
    case RSP_REQ_UNKNOWN:
    case RSP_REQ_MUST_REPLY_EMPTY:
        rsp_reply_empty(&reply);
        break;
    case RSP_REQ_VCONT_QUERY:
        rsp_reply_vcont_actions(&reply);
        break;
    case RSP_REQ_CURRENT_THREAD:
        rsp_reply_current_thread(&reply, 1);
        break;
    case RSP_REQ_THREAD_INFO_FIRST:
        rsp_reply_reset(&reply);
        rsp_reply_str(&reply, "m1");
        break;
    case RSP_REQ_THREAD_INFO_NEXT:
        rsp_reply_reset(&reply);
        rsp_reply_str(&reply, "l");
        break;
    case RSP_REQ_KILL:
        rsp_reply_killed(&reply, 9);
        break;
    default:
        rsp_reply_ok(&reply);
        break;
    }
}

/* ---- stream generation ---- */
static const char *const corpus[] = {
    "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;vContSupported+",
    "qXfer:features:read:target.xml:0,ffb", "qXfer:features:read:target.xml:3fb,3fb",
    "qXfer:auxv:read::0,1000", "qXfer:exec-file:read:1:0,ffb", "QStartNoAckMode", "?", "g",
    "G00112233445566778899aabbccddeeff", "p0", "p10", "p11", "p31", "Pf=00800000",
    "P11=000000000000f03f", "m8000,4", "m0,200", "mfffffffc,4", "M21000,4:01020304",
    "X21000,4:ab}#", "X21000,0:", "Z0,8074,4", "z0,8074,4", "Z1,8074,2", "Z2,21000,4",
    "Z3,21000,1", "z4,21000,8", "c", "s", "c8000", "bc", "bs", "C0b", "S05;8000", "vCont?",
    "vCont;c", "vCont;s:1;c", "vCont;r8000,8010:1;c", "vCont;C0b:p1.1", "qAttached", "qC",
    "qfThreadInfo", "qsThreadInfo", "qOffsets", "k", "D", "D;1", "qRcmd,7768656e",
    "qRcmd,7365656b20313030", "vMustReplyEmpty", "Hg0", "Hc-1", "T1", "qTStatus",
    "qSymbol::", "qTfV", "vFile:open:", "qL1200",
};
#define NCORPUS (sizeof(corpus) / sizeof(corpus[0]))
static const char special[] = "$#}*+-\x03:;,=0123456789abcdefABCDEF-pxXmMgGZzcsvq?";

static void mutate_payload(uint8_t *p, size_t *n, size_t cap) {
    unsigned k = 1 + below(4);
    while (k--) {
        uint32_t op = below(5);
        if (op == 0 && *n) /* replace with a random byte */
            p[below((uint32_t)*n)] = (uint8_t)rnd();
        else if (op == 1 && *n) /* replace with a protocol-ish byte */
            p[below((uint32_t)*n)] = (uint8_t)special[below(sizeof(special) - 1)];
        else if (op == 2 && *n < cap) { /* insert */
            size_t at = below((uint32_t)*n + 1);
            memmove(p + at + 1, p + at, *n - at);
            p[at] = (uint8_t)special[below(sizeof(special) - 1)];
            (*n)++;
        } else if (op == 3 && *n) { /* delete */
            size_t at = below((uint32_t)*n);
            memmove(p + at, p + at + 1, *n - at - 1);
            (*n)--;
        } else if (op == 4 && *n) { /* truncate */
            *n = below((uint32_t)*n);
        }
    }
}

/* Frames a payload, sometimes run-length encoding runs of 4..97 bytes (never
 * with the forbidden counts '#' and '$'), sometimes with a wrong checksum. */
static size_t frame(const uint8_t *p, size_t n, uint8_t *out, size_t cap) {
    if (rnd() % 4) {
        size_t m = rsp_encode_packet(p, n, out, cap);
        if (m && rnd() % 50 == 0)
            out[m - 1] ^= 1;
        return m;
    }
    size_t k = 0;
    uint8_t sum = 0;
    if (cap < 2 * n + 8)
        return 0;
    out[k++] = '$';
    for (size_t i = 0; i < n;) {
        uint8_t c = p[i];
        size_t run = 1;
        while (i + run < n && p[i + run] == c && run < 98)
            run++;
        bool esc = c == '$' || c == '#' || c == '}' || c == '*';
        if (esc) {
            out[k++] = '}', sum += '}';
            c ^= 0x20;
        }
        out[k++] = c, sum += c;
        size_t extra = run - 1;
        if (!esc && extra >= 3 && extra + 29 != '#' && extra + 29 != '$') {
            out[k++] = '*', sum += '*';
            out[k++] = (uint8_t)(extra + 29), sum += (uint8_t)(extra + 29);
            i += run;
        } else {
            i++;
        }
    }
    static const char hex[] = "0123456789abcdef";
    out[k++] = '#';
    out[k++] = (uint8_t)hex[sum >> 4];
    out[k++] = (uint8_t)hex[sum & 15];
    return k;
}

static size_t make_stream(uint8_t *s, size_t cap) {
    size_t n = 0;
    uint32_t mode = below(4);
    if (mode == 0) {
        n = below(257);
        for (size_t i = 0; i < n; i++)
            s[i] = (uint8_t)rnd();
        return n;
    }
    if (mode == 1) {
        n = below(257);
        for (size_t i = 0; i < n; i++)
            s[i] = (uint8_t)special[below(sizeof(special) - 1)];
        return n;
    }
    unsigned packets = 1 + below(6);
    uint8_t payload[1024];
    while (packets--) {
        uint32_t extra = below(8);
        if (extra == 0 && n < cap)
            s[n++] = '+';
        else if (extra == 1 && n < cap)
            s[n++] = 0x03;
        else if (extra == 2 && n < cap)
            s[n++] = '-';
        const char *c = corpus[below(NCORPUS)];
        size_t len = strlen(c);
        memcpy(payload, c, len);
        if (mode == 3 && rnd() & 1)
            mutate_payload(payload, &len, sizeof(payload));
        if (rnd() % 16 == 0) { /* append random hex */
            for (unsigned i = below(64); i && len < sizeof(payload); i--)
                payload[len++] = (uint8_t)"0123456789abcdef,:;"[below(19)];
        }
        size_t m = frame(payload, len, s + n, cap - n);
        if (m == 0)
            break;
        if (mode == 3 && rnd() % 3 == 0) { /* damage the framing itself */
            size_t at = below((uint32_t)m);
            s[n + at] = rnd() & 1 ? (uint8_t)rnd() : (uint8_t)special[below(sizeof(special) - 1)];
        }
        n += m;
    }
    return n;
}

static void test_fuzz(void **state) {
    (void)state;
    unsigned long iterations = 200000;
    const char *env = getenv("RSP_FUZZ_ITERATIONS");
    if (env && *env)
        iterations = strtoul(env, NULL, 0);
    rng_state = 0x9e3779b97f4a7c15ull;
    env = getenv("RSP_FUZZ_SEED");
    if (env && *env)
        rng_state = strtoull(env, NULL, 0) | 1;

    struct sink out = {0};
    struct rsp_framer *f = rsp_framer_create(sink_write, &out);
    struct rsp_framer *chk = rsp_framer_create(discard, NULL);
    assert_non_null(f);
    assert_non_null(chk);
    static uint8_t stream[16384];
    uint64_t total_packets = 0, total_bytes = 0, kinds[RSP_REQ_KIND_COUNT] = {0};

    for (unsigned long it = 0; it < iterations; it++) {
        size_t n = make_stream(stream, sizeof(stream));
        rsp_framer_reset(f);
        out.len = 0;
        uint64_t packets = 0, sends = 0;
        for (size_t i = 0; i < n; i++) {
            enum rsp_event ev = rsp_framer_feed(f, stream[i]);
            assert_true(ev <= RSP_EV_BAD_ENCODING);
            if (ev != RSP_EV_PACKET)
                continue;
            packets++;
            size_t len;
            uint8_t *data = rsp_framer_packet(f, &len);
            assert_true(len <= RSP_PACKET_SIZE);
            struct rsp_request req;
            rsp_parse_request(data, len, &req);
            check_request(&req, data, len);
            kinds[req.kind]++;
            build_reply(&req);
            size_t rlen;
            const uint8_t *r = rsp_reply_data(&reply, &rlen);
            assert_true(rsp_framer_send(f, r, rlen));
            sends++;
            if (req.kind == RSP_REQ_START_NOACK)
                rsp_framer_set_ack_mode(f, false);
        }
        /* exactly one reply per packet */
        assert_int_equal(sends, packets);
        /* everything written is well-formed */
        rsp_framer_reset(chk);
        rsp_framer_set_ack_mode(chk, false);
        for (size_t i = 0; i < out.len; i++) {
            enum rsp_event ev = rsp_framer_feed(chk, out.buf[i]);
            if (ev != RSP_EV_NONE && ev != RSP_EV_PACKET && ev != RSP_EV_ACK && ev != RSP_EV_NAK)
                fail_msg("iteration %lu: malformed output (event %d)", it, ev);
        }
        const struct rsp_framer_stats *cs = rsp_framer_stats(chk);
        assert_int_equal(cs->garbage_bytes, 0);
        assert_int_equal(cs->packets, sends + rsp_framer_stats(f)->retransmits);
        /* the output ends between packets: a probe packet parses on its own */
        assert_int_equal(rsp_framer_feed(chk, '$'), RSP_EV_NONE);
        assert_int_equal(rsp_framer_feed(chk, '#'), RSP_EV_NONE);
        assert_int_equal(rsp_framer_feed(chk, '0'), RSP_EV_NONE);
        assert_int_equal(rsp_framer_feed(chk, '0'), RSP_EV_PACKET);
        total_packets += packets;
        total_bytes += n;
    }
    print_message("rsp fuzz: %lu streams, %llu bytes, %llu packets; malformed %llu, unknown %llu, "
                  "read-mem %llu, vCont %llu\n",
                  iterations, (unsigned long long)total_bytes, (unsigned long long)total_packets,
                  (unsigned long long)kinds[RSP_REQ_MALFORMED],
                  (unsigned long long)kinds[RSP_REQ_UNKNOWN],
                  (unsigned long long)kinds[RSP_REQ_READ_MEM],
                  (unsigned long long)kinds[RSP_REQ_VCONT]);
    /* the generator must reach the parser in volume, not only the framer */
    if (iterations >= 10000) {
        assert_true(total_packets > iterations);
        assert_true(kinds[RSP_REQ_MALFORMED] > iterations / 100);
    }
    rsp_framer_destroy(f);
    rsp_framer_destroy(chk);
    free(out.buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_fuzz)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
