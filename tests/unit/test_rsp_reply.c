/* Tests of the RSP reply builders (gdbstub/rsp_reply.c) and of the framed
 * packets they become: payload text per the gdb manual, checksums compared
 * with values computed by hand ($OK#9a is the manual's own example),
 * little-endian register hex, stop replies with pc/sp/reason/thread, exit
 * replies, qXfer chunks (m/l, binary bytes escaped by the framer), the
 * qSupported list with and without reverse execution, overflow -> E07, and
 * the target description's register numbering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gdbstub/rsp_framing.h"
#include "gdbstub/rsp_reply.h"
#include "gdbstub/target_xml.h"

static struct rsp_reply reply; /* 64 KiB: not on the stack */

/* The reply's payload as a C string. */
static const char *payload(void) {
    static char s[RSP_REPLY_CAP + 1];
    size_t n;
    const uint8_t *d = rsp_reply_data(&reply, &n);
    memcpy(s, d, n);
    s[n] = 0;
    return s;
}

/* The reply framed as it goes on the wire. */
static const char *framed(void) {
    static char s[2 * RSP_REPLY_CAP + 5];
    size_t n;
    const uint8_t *d = rsp_reply_data(&reply, &n);
    size_t m = rsp_encode_packet(d, n, (uint8_t *)s, sizeof(s) - 1);
    assert_true(m > 0);
    s[m] = 0;
    return s;
}

static void test_basic(void **state) {
    (void)state;
    assert_true(rsp_reply_ok(&reply));
    assert_string_equal(framed(), "$OK#9a");
    assert_true(rsp_reply_empty(&reply));
    assert_string_equal(framed(), "$#00");
    assert_true(rsp_reply_error(&reply, 0x16));
    assert_string_equal(framed(), "$E16#ac");
    assert_true(rsp_reply_error(&reply, 1));
    assert_string_equal(payload(), "E01");
    assert_true(rsp_reply_exited(&reply, 0));
    assert_string_equal(framed(), "$W00#b7");
    assert_true(rsp_reply_exited(&reply, 0xff));
    assert_string_equal(payload(), "Wff");
    assert_true(rsp_reply_killed(&reply, 11));
    assert_string_equal(framed(), "$X0b#ea");
    assert_true(rsp_reply_current_thread(&reply, 1));
    assert_string_equal(framed(), "$QC1#c5");
    assert_true(rsp_reply_current_thread(&reply, 0x2a));
    assert_string_equal(payload(), "QC2a");
    assert_true(rsp_reply_vcont_actions(&reply));
    assert_string_equal(framed(), "$vCont;c;C;s;S;r#0f");
    assert_true(rsp_reply_console(&reply, "hi\n", 3));
    assert_string_equal(framed(), "$O68690a#bd");
}

static void test_hex(void **state) {
    (void)state;
    rsp_reply_reset(&reply);
    assert_true(rsp_reply_reg32(&reply, 0x12345678));
    assert_true(rsp_reply_reg64(&reply, 0x3ff0000000000000ull)); /* 1.0 */
    assert_string_equal(payload(), "78563412000000000000f03f");
    rsp_reply_reset(&reply);
    assert_true(rsp_reply_hex(&reply, "\x00\x7f\x80\xff", 4));
    assert_true(rsp_reply_hex_u8(&reply, 0xa));
    assert_true(rsp_reply_reg_unavailable(&reply, 2));
    assert_string_equal(payload(), "007f80ff0axxxx");
    rsp_reply_reset(&reply);
    assert_true(rsp_reply_hex_num(&reply, 0));
    assert_true(rsp_reply_str(&reply, ","));
    assert_true(rsp_reply_hex_num(&reply, 0xdeadbeef));
    assert_true(rsp_reply_str(&reply, ","));
    assert_true(rsp_reply_hex_num(&reply, 0x10));
    assert_string_equal(payload(), "0,deadbeef,10");
}

static void test_stop(void **state) {
    (void)state;
    struct rsp_stop s = {.signal = 5, .has_regs = true, .pc = 0x8074, .sp = 0x407ffe80,
                         .reason = RSP_STOP_SWBREAK, .thread = 1};
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(framed(), "$T050f:74800000;0d:80fe7f40;swbreak:;thread:1;#16");
    s = (struct rsp_stop){.signal = 5, .reason = RSP_STOP_WATCH, .watch_addr = 0x21004};
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(framed(), "$T05watch:21004;#3c");
    s.reason = RSP_STOP_RWATCH;
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(payload(), "T05rwatch:21004;");
    s.reason = RSP_STOP_AWATCH;
    s.watch_addr = 0;
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(payload(), "T05awatch:0;");
    s.reason = RSP_STOP_HWBREAK;
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(payload(), "T05hwbreak:;");
    s.reason = RSP_STOP_REPLAYLOG_BEGIN;
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(framed(), "$T05replaylog:begin;#02");
    s.reason = RSP_STOP_REPLAYLOG_END;
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(payload(), "T05replaylog:end;");
    /* SIGSEGV at the faulting instruction */
    s = (struct rsp_stop){.signal = 11, .has_regs = true, .pc = 0x10000, .sp = 0x407ffff0};
    assert_true(rsp_reply_stop(&reply, &s));
    assert_string_equal(framed(), "$T0b0f:00000100;0d:f0ff7f40;#de");
}

static void test_supported(void **state) {
    (void)state;
    assert_true(rsp_reply_supported(&reply, true));
    assert_string_equal(framed(),
                        "$PacketSize=10000;qXfer:features:read+;qXfer:auxv:read+;"
                        "qXfer:exec-file:read+;swbreak+;hwbreak+;vContSupported+;"
                        "QStartNoAckMode+;QPassSignals+;QProgramSignals+;ReverseStep+;ReverseContinue+#f9");
    assert_true(rsp_reply_supported(&reply, false));
    assert_null(strstr(payload(), "Reverse"));
    assert_non_null(strstr(payload(), "QStartNoAckMode+"));
    /* the advertised PacketSize is what the framer accepts */
    assert_int_equal(strtoul(RSP_PACKET_SIZE_ADVERTISED, NULL, 16), RSP_PACKET_SIZE);
}

static void test_xfer(void **state) {
    (void)state;
    static const char obj[] = "abc$#}*def";
    size_t n = sizeof(obj) - 1;
    assert_true(rsp_reply_xfer(&reply, obj, n, 0, 4));
    assert_string_equal(payload(), "mabc$");
    assert_string_equal(framed(), "$mabc}\x04#14");
    assert_true(rsp_reply_xfer(&reply, obj, n, 4, 100));
    assert_string_equal(payload(), "l#}*def");
    /* '#', '}' and '*' escaped on the wire */
    assert_string_equal(framed(), "$l}\x03}]}\x0a" "def#7c");
    assert_true(rsp_reply_xfer(&reply, obj, n, 4, 6));
    assert_string_equal(payload(), "l#}*def");
    assert_true(rsp_reply_xfer(&reply, obj, n, 4, 5));
    assert_string_equal(payload(), "m#}*de");
    assert_true(rsp_reply_xfer(&reply, obj, n, 10, 5));
    assert_string_equal(payload(), "l");
    assert_true(rsp_reply_xfer(&reply, obj, n, 0xffffffff, 5));
    assert_string_equal(payload(), "l");
    assert_false(rsp_reply_xfer(&reply, obj, n, 0, 0));
    assert_string_equal(payload(), "E16");
    /* a chunk never exceeds the reply buffer */
    size_t big = 2 * RSP_REPLY_CAP;
    char *b = calloc(1, big);
    assert_true(rsp_reply_xfer(&reply, b, big, 0, 0xffffffff));
    assert_int_equal(reply.len, RSP_REPLY_CAP);
    assert_int_equal(reply.buf[0], 'm');
    free(b);
    /* the whole target description, read the way gdb reads it */
    size_t xlen, got = 0;
    const char *xml = rsp_target_xml(&xlen);
    char *copy = calloc(1, xlen + 1);
    for (uint32_t off = 0;;) {
        assert_true(rsp_reply_xfer(&reply, xml, xlen, off, 0x3fb));
        memcpy(copy + got, reply.buf + 1, reply.len - 1);
        got += reply.len - 1;
        off += (uint32_t)(reply.len - 1);
        if (reply.buf[0] == 'l')
            break;
        assert_int_equal(reply.buf[0], 'm');
    }
    assert_int_equal(got, xlen);
    assert_memory_equal(copy, xml, xlen);
    free(copy);
}

static void test_overflow(void **state) {
    (void)state;
    static uint8_t mem[RSP_REPLY_CAP];
    rsp_reply_reset(&reply);
    assert_true(rsp_reply_hex(&reply, mem, RSP_REPLY_CAP / 2)); /* exactly full */
    assert_int_equal(reply.len, RSP_REPLY_CAP);
    assert_false(rsp_reply_str(&reply, "x"));
    assert_true(reply.overflow);
    assert_string_equal(payload(), "E07");
    assert_false(rsp_reply_hex_u8(&reply, 1)); /* stays overflowed */
    assert_true(rsp_reply_ok(&reply));          /* a new reply starts clean */
    assert_string_equal(payload(), "OK");
    rsp_reply_reset(&reply);
    assert_false(rsp_reply_hex(&reply, mem, RSP_REPLY_CAP / 2 + 1));
    assert_string_equal(payload(), "E07");
    rsp_reply_reset(&reply);
    assert_true(rsp_reply_str(&reply, "a"));
    assert_false(rsp_reply_hex(&reply, mem, RSP_REPLY_CAP / 2));
    assert_false(rsp_reply_reg_unavailable(&reply, RSP_REPLY_CAP));
}

/* The documented numbering: a g reply of all registers is 328 bytes. */
static void test_register_layout(void **state) {
    (void)state;
    unsigned total = 0;
    for (uint32_t n = 0; n < RSP_REG_COUNT; n++) {
        assert_int_equal(rsp_reg_offset(n), (int)total);
        total += rsp_reg_size(n);
    }
    assert_int_equal(total, RSP_G_PACKET_BYTES);
    assert_int_equal(rsp_reg_size(RSP_REG_PC), 4);
    assert_int_equal(rsp_reg_size(RSP_REG_CPSR), 4);
    assert_int_equal(rsp_reg_size(RSP_REG_D0), 8);
    assert_int_equal(rsp_reg_size(RSP_REG_D31), 8);
    assert_int_equal(rsp_reg_offset(RSP_REG_FPSCR), 324);
    assert_int_equal(rsp_reg_size(RSP_REG_COUNT), 0);
    assert_int_equal(rsp_reg_offset(RSP_REG_COUNT), -1);
    assert_int_equal(rsp_reg_offset(0xffffffff), -1);
    size_t len;
    const char *xml = rsp_target_xml(&len);
    assert_int_equal(strlen(xml), len);
    assert_non_null(strstr(xml, "<architecture>arm</architecture>"));
    assert_non_null(strstr(xml, "<reg name=\"cpsr\" bitsize=\"32\" type=\"int\" regnum=\"16\"/>"));
    assert_non_null(strstr(xml, "<reg name=\"d31\" bitsize=\"64\" type=\"ieee_double\" regnum=\"48\"/>"));
    assert_non_null(strstr(xml, "name=\"fpscr\""));
    /* escaping-free: the XML can be sent without any '}' '*' '$' '#' */
    assert_null(strpbrk(xml, "}*$#"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),     cmocka_unit_test(test_hex),
        cmocka_unit_test(test_stop),      cmocka_unit_test(test_supported),
        cmocka_unit_test(test_xfer),      cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_register_layout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
