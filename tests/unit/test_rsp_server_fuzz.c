/* Randomized test of the RSP server against the fake target
 * (rsp_fake_target.h): 20,000 packets (fixed seed; RSP_SERVER_FUZZ_ITERATIONS
 * and RSP_SERVER_FUZZ_SEED change them) drawn from a grammar of every request
 * the server knows, with random arguments, some with their payload mutated
 * (still correctly framed: the server must answer them), some with their
 * framing broken (bad checksum, cut short, overlong: no answer), plus garbage,
 * acks and 0x03 between packets, and 0x03 arriving during resumes.
 *
 * Checked after every unit fed: no crash (run under ASan/UBSan), everything
 * written is '+', '-' or a well-formed $...#xx frame, and the number of reply
 * frames is exactly one per intact packet (none for k; qRcmd may add O console
 * frames before its one reply), none for a broken one. k and D end the
 * session; a new server then starts over, as a new connection would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "gdbstub/rsp_server.h"
#include "rsp_fake_target.h"

#include "test_rng.h"

static struct {
    uint8_t *buf;
    size_t len, cap;
} out;
static void out_write(void *ctx, const uint8_t *buf, size_t len) {
    (void)ctx;
    if (out.len + len > out.cap) {
        out.cap = (out.len + len) * 2 + 4096;
        out.buf = realloc(out.buf, out.cap);
        if (!out.buf)
            abort();
    }
    memcpy(out.buf + out.len, buf, len);
    out.len += len;
}

/* During a resume: sometimes a 0x03 or an ack arrives. */
static bool fuzz_poll(void *ctx, uint8_t *b) {
    (void)ctx;
    switch (below(8)) {
    case 0:
        *b = 0x03;
        return true;
    case 1:
        *b = '+';
        return true;
    default:
        return false;
    }
}

static struct fake_target fk;

/* ---- the grammar ---- */

static uint32_t any_addr(void) {
    switch (below(4)) {
    case 0:
        return rnd();
    case 1:
        return 0xffffffffu - below(16);
    default:
        return FAKE_MEM_BASE + below(FAKE_MEM_SIZE + 64);
    }
}

static uint32_t any_len(void) {
    switch (below(5)) {
    case 0:
        return rnd();
    case 1:
        return RSP_MAX_MEM_LEN - 2 + below(4);
    default:
        return below(64);
    }
}

static size_t put_hex_bytes(char *p, size_t n) {
    static const char hexd[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        p[2 * i] = hexd[below(16)];
        p[2 * i + 1] = hexd[below(16)];
    }
    return 2 * n;
}

/* A request payload into p (capacity RSP_PACKET_SIZE); returns its length. */
static size_t make_request(char *p) {
    size_t n = 0;
    switch (below(40)) {
    case 0:
        return (size_t)sprintf(p, "qSupported:%sswbreak+;%s", below(2) ? "multiprocess+;" : "",
                               below(2) ? "hwbreak+" : "xmlRegisters=i386");
    case 1:
        return (size_t)sprintf(p, "qXfer:features:read:%s:%x,%x",
                               below(4) ? "target.xml" : "x.xml", below(4000), rnd() & 0x1ffff);
    case 2:
        return (size_t)sprintf(p, "qXfer:auxv:read::%x,%x", below(32), below(32));
    case 3:
        return (size_t)sprintf(p, "qXfer:exec-file:read:%x:%x,%x", below(2) ? FAKE_PID : rnd(),
                               below(16), below(16));
    case 4:
        return (size_t)sprintf(p, "?");
    case 5:
        return (size_t)sprintf(p, "g");
    case 6:
        p[n++] = 'G';
        /* mostly the fake's own values */
        for (unsigned i = 0; i < RSP_G_PACKET_BYTES; i++)
            n += (size_t)sprintf(p + n, "%02x", below(8) ? fk.regs[i] : (unsigned)below(256));
        if (below(4) == 0)
            n -= 2 * below(8);
        return n;
    case 7:
        return (size_t)sprintf(p, "p%x", below(4) ? below(52) : rnd());
    case 8:
        n = (size_t)sprintf(p, "P%x=", below(4) ? below(52) : rnd());
        return n + put_hex_bytes(p + n, below(2) ? 4 : below(18));
    case 9:
        return (size_t)sprintf(p, "m%x,%x", any_addr(), any_len());
    case 10: {
        uint32_t len = below(200);
        n = (size_t)sprintf(p, "M%x,%x:", any_addr(), below(8) ? len : len + 1);
        return n + put_hex_bytes(p + n, len);
    }
    case 11: {
        uint32_t len = below(4) ? below(200) : below(RSP_MAX_MEM_WRITE_LEN / 2);
        n = (size_t)sprintf(p, "X%x,%x:", any_addr(), len);
        for (uint32_t i = 0; i < len; i++)
            p[n++] = (char)rnd();
        return n;
    }
    case 12:
    case 13:
        return (size_t)sprintf(p, "%c%u,%x,%x", below(2) ? 'Z' : 'z', below(6), any_addr(),
                               below(3) ? 4 : below(9));
    case 14:
        return (size_t)sprintf(p, below(2) ? "c" : "s");
    case 15:
        return (size_t)sprintf(p, "%c%x", below(2) ? 'c' : 's', any_addr());
    case 16:
        return (size_t)sprintf(p, "%c%02x", below(2) ? 'C' : 'S', below(40));
    case 17:
        return (size_t)sprintf(p, "%c%02x;%x", below(2) ? 'C' : 'S', below(40), any_addr());
    case 18:
        return (size_t)sprintf(p, below(2) ? "bc" : "bs");
    case 19:
        return (size_t)sprintf(p, "vCont?");
    case 20:
        return (size_t)sprintf(p, "vCont;s:%x;c", below(2) ? FAKE_PID : below(5));
    case 21:
        return (size_t)sprintf(p, "vCont;r%x,%x:%x;c", any_addr(), any_addr(), FAKE_PID);
    case 22:
        return (size_t)sprintf(p, "vCont;C%02x:-1", below(40));
    case 23:
        return (size_t)sprintf(p, "vCont;c:%x", below(3));
    case 24:
        return (size_t)sprintf(p, "qAttached");
    case 25:
        return (size_t)sprintf(p, "qC");
    case 26:
        return (size_t)sprintf(p, below(2) ? "qfThreadInfo" : "qsThreadInfo");
    case 27:
        return (size_t)sprintf(p, "qOffsets");
    case 28:
        n = (size_t)sprintf(p, "qRcmd,");
        return n + put_hex_bytes(p + n, below(12));
    case 29:
        return (size_t)sprintf(p, "H%c%x", below(2) ? 'g' : 'c', below(3) ? FAKE_PID : below(3));
    case 30:
        return (size_t)sprintf(p, "Hc-1");
    case 31:
        return (size_t)sprintf(p, "T%x", below(2) ? FAKE_PID : rnd());
    case 32:
        return (size_t)sprintf(p, below(2) ? "vMustReplyEmpty" : "qTStatus");
    case 33:
        return (size_t)sprintf(p, "qSymbol::");
    case 34:
        return (size_t)sprintf(p, "QStartNoAckMode");
    case 35:
        return (size_t)sprintf(p, below(3) ? "qC" : below(2) ? "D" : "k");
    case 36:
        return (size_t)sprintf(p, "qXfer:exec-file:read::%x,%x", below(16), below(16));
    default: { /* random bytes */
        n = below(24);
        for (size_t i = 0; i < n; i++)
            p[i] = (char)rnd();
        return n;
    }
    }
}

/* Payload-level mutations: the packet stays well-framed. */
static size_t mutate(char *p, size_t n) {
    switch (below(4)) {
    case 0:
        if (n)
            p[below((uint32_t)n)] = (char)rnd();
        return n;
    case 1:
        return n ? below((uint32_t)n) : 0;
    case 2:
        if (n + 1 < RSP_PACKET_SIZE) {
            size_t at = below((uint32_t)n + 1);
            memmove(p + at + 1, p + at, n - at);
            p[at] = "0123456789abcdef,:;-xX"[below(22)];
            return n + 1;
        }
        return n;
    default:
        if (n && 2 * n < RSP_PACKET_SIZE) {
            memcpy(p + n, p, n);
            return 2 * n;
        }
        return n;
    }
}

/* ---- checking the output ---- */

static int hexv(uint8_t c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Counts the reply frames written since the last call: not O console packets
 * (O followed by hex digits; "OK" is a reply). Fails on anything malformed. */
static unsigned reply_frames(unsigned *console) {
    unsigned replies = 0;
    *console = 0;
    for (size_t i = 0; i < out.len;) {
        uint8_t c = out.buf[i];
        if (c == '+' || c == '-') {
            i++;
            continue;
        }
        assert_int_equal(c, '$');
        size_t j = i + 1;
        uint8_t sum = 0;
        while (j < out.len && out.buf[j] != '#') {
            assert_true(out.buf[j] != '$');
            sum += out.buf[j++];
        }
        assert_true(j + 2 < out.len); /* '#' and two checksum digits */
        int hi = hexv(out.buf[j + 1]), lo = hexv(out.buf[j + 2]);
        assert_true(hi >= 0 && lo >= 0);
        assert_int_equal((uint8_t)(hi << 4 | lo), sum);
        bool is_console = j - i >= 2 && out.buf[i + 1] == 'O' && hexv(out.buf[i + 2]) >= 0;
        if (is_console)
            (*console)++;
        else
            replies++;
        i = j + 3;
    }
    out.len = 0;
    return replies;
}

static void test_random_packets(void **state) {
    (void)state;
    const char *it = getenv("RSP_SERVER_FUZZ_ITERATIONS");
    const char *sd = getenv("RSP_SERVER_FUZZ_SEED");
    unsigned long iterations = it ? strtoul(it, NULL, 0) : 20000;
    rng_state = sd ? strtoull(sd, NULL, 0) * 2 + 1 : 0x5eed5eed12345ull; /* never 0 */

    static char payload[RSP_PACKET_SIZE + 256];
    static uint8_t enc[2 * (RSP_PACKET_SIZE + 256) + 8];
    struct rsp_server *s = NULL;
    unsigned long intact = 0, broken = 0, sessions = 0, resumes = 0;
    for (unsigned long i = 0; i < iterations; i++) {
        if (!s) {
            fake_init(&fk);
            fk.history = below(4) != 0;
            out.len = 0;
            s = rsp_server_create_custom(&fake_ops, &fk, out_write, NULL, fuzz_poll, NULL);
            assert_non_null(s);
            sessions++;
        }
        /* the fake's answers vary too */
        fk.next_stop.kind = below(64) == 0 ? RSP_TSTOP_EXITED + below(2)
                                           : (enum rsp_target_stop_kind)below(RSP_TSTOP_EXITED);
        fk.next_stop.signal = (uint8_t)below(32);
        fk.next_stop.exit_status = (int)below(300);
        fk.next_stop.watch_addr = rnd();
        fk.halt = fk.next_stop;
        fk.wait_interrupt = below(16) == 0;
        for (int t = 0; t < 5; t++)
            fk.point_errno[t] = below(3) == 0 ? (int)below(3) * 19 : 0; /* 0, ENODEV, ENOSYS */
        fk.write_reg_errno = below(8) == 0 ? EPERM : 0;
        fk.write_mem_errno = below(8) == 0 ? EFAULT : 0;
        fk.monitor_errno = below(4) == 0 ? EINVAL : 0;
        fk.console_lines = below(3);

        /* noise between packets: garbage, acks, 0x03 (no '$'; no '-', which
         * would rightly make the framer retransmit the last reply) */
        if (below(4) == 0) {
            for (unsigned k = below(8); k; k--) {
                uint8_t b = (uint8_t)rnd();
                if (b == '$' || b == '-')
                    b = b == '$' ? 0x03 : '+';
                rsp_server_feed(s, b, NULL);
            }
            unsigned con;
            assert_int_equal(reply_frames(&con), 0);
            assert_int_equal(con, 0);
        }

        size_t n = make_request(payload);
        if (below(5) == 0)
            n = mutate(payload, n);
        size_t k = rsp_encode_packet(payload, n, enc, sizeof(enc));
        assert_true(k > 0);
        bool is_broken = false;
        switch (below(12)) {
        case 0: /* wrong checksum */
            enc[k - 1] = enc[k - 1] == '0' ? '1' : '0';
            is_broken = true;
            break;
        case 1: /* checksum not hex */
            enc[k - 2] = 'g';
            is_broken = true;
            break;
        case 2: /* cut short; the next packet's '$' restarts */
            k = below((uint32_t)k - 1) + 1;
            is_broken = true;
            break;
        case 3: /* overlong, rarely */
            if (below(100) == 0) {
                static char big[RSP_PACKET_SIZE + 1];
                memset(big, 'm', sizeof(big));
                k = rsp_encode_packet(big, sizeof(big), enc, sizeof(enc));
                is_broken = true;
            }
            break;
        default:
            break;
        }

        /* what the server should make of an intact packet */
        struct rsp_request q;
        static uint8_t copy[RSP_PACKET_SIZE + 256];
        memcpy(copy, payload, n);
        rsp_parse_request(copy, n, &q);

        unsigned before = fk.resumes;
        enum rsp_serve_end end = RSP_END_DISCONNECT;
        bool alive = true;
        for (size_t b = 0; b < k; b++)
            alive = rsp_server_feed(s, enc[b], &end);
        resumes += fk.resumes - before;

        unsigned con, replies = reply_frames(&con);
        if (is_broken) {
            broken++;
            assert_int_equal(replies, 0);
            assert_int_equal(con, 0);
            assert_true(alive);
        } else {
            intact++;
            bool ends = q.kind == RSP_REQ_KILL || q.kind == RSP_REQ_DETACH;
            if (replies != (q.kind == RSP_REQ_KILL ? 0u : 1u))
                fail_msg("packet %lu \"%.*s\" (%s): %u reply frames", i, (int)(n > 60 ? 60 : n),
                         payload, rsp_req_kind_name(q.kind), replies);
            if (q.kind != RSP_REQ_MONITOR)
                assert_int_equal(con, 0);
            assert_true(alive != ends);
            if (ends) {
                assert_int_equal(end, q.kind == RSP_REQ_KILL ? RSP_END_KILL : RSP_END_DETACH);
                rsp_server_destroy(s);
                s = NULL;
            }
        }
        if (is_broken && s) { /* a cut packet waits for the next '$': give it one */
            rsp_server_feed(s, '$', NULL);
            rsp_server_feed(s, '#', NULL);
            rsp_server_feed(s, 'x', NULL);
            rsp_server_feed(s, 'x', NULL);
            reply_frames(&con);
        }
    }
    rsp_server_destroy(s);
    free(out.buf);
    print_message("%lu intact packets, %lu broken, %lu sessions, %lu resumes\n", intact, broken,
                  sessions, resumes);
    assert_true(intact > iterations / 2);
    assert_true(resumes > iterations / 20);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_packets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
