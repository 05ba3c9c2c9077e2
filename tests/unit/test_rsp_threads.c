/* The RSP server's threads (gdbstub/rsp_server_threads.c) against the fake
 * target with three threads 0x1234 (the pid), 0x1235 (running) and 0x1236:
 * the list, qC, T alive/dead, Hg register reads from a thread that is not
 * running and refused writes to it, the thread: of stop replies, which
 * thread a vCont or a bs steps, and the multiprocess forms. Replies are
 * compared as payloads (framing is test_rsp_server.c's business). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "gdbstub/rsp_server.h"
#include "rsp_fake_target.h"

static struct {
    char buf[1 << 16];
    size_t len;
} out;

static void out_write(void *ctx, const uint8_t *buf, size_t len) {
    (void)ctx;
    assert_true(out.len + len < sizeof(out.buf));
    memcpy(out.buf + out.len, buf, len);
    out.len += len;
}

static struct fake_target fk;
static struct rsp_target_ops ops;

/* A server on fk with n threads (0: the fake without thread ops), acks
 * off. */
static struct rsp_server *server(unsigned n) {
    fake_init(&fk);
    ops = fake_ops;
    if (n) {
        fake_threads_init(&fk, n, 1);
        ops = fake_threaded_ops();
    }
    struct rsp_server *s = rsp_server_create_custom(&ops, &fk, out_write, NULL, NULL, NULL);
    assert_non_null(s);
    static const char noack[] = "$QStartNoAckMode#b0";
    for (size_t i = 0; noack[i]; i++)
        rsp_server_feed(s, (uint8_t)noack[i], NULL);
    out.len = 0;
    return s;
}

/* Sends req; the one reply's payload must be want. */
static void rr(struct rsp_server *s, const char *req, const char *want) {
    static uint8_t enc[4096];
    size_t k = rsp_encode_packet(req, strlen(req), enc, sizeof(enc));
    assert_true(k > 0);
    out.len = 0;
    for (size_t i = 0; i < k; i++)
        rsp_server_feed(s, enc[i], NULL);
    out.buf[out.len] = 0;
    /* "$" payload "#xx": no escapes in these replies */
    assert_true(out.len >= 4 && out.buf[0] == '$' && out.buf[out.len - 3] == '#');
    out.buf[out.len - 3] = 0;
    if (strcmp(out.buf + 1, want) != 0)
        fail_msg("%s -> \"%s\"\n   expected \"%s\"", req, out.buf + 1, want);
}

/* The g reply of the fake's registers with r0 and pc as given. */
static const char *g_of(const struct fake_target *f, uint32_t r0, uint32_t pc) {
    static char hex[2 * RSP_G_PACKET_BYTES + 1];
    uint8_t r[RSP_G_PACKET_BYTES];
    memcpy(r, f->regs, sizeof r);
    for (int b = 0; b < 4; b++) {
        r[rsp_reg_offset(0) + b] = (uint8_t)(r0 >> (8 * b));
        r[rsp_reg_offset(RSP_REG_PC) + b] = (uint8_t)(pc >> (8 * b));
    }
    for (unsigned i = 0; i < sizeof r; i++)
        snprintf(hex + 2 * i, 3, "%02x", r[i]);
    return hex;
}

#define STOP_AT(pc, thread) "T050f:" pc ";0d:f0ff0100;thread:" thread ";"

static void test_list_and_current(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    rr(s, "qfThreadInfo", "m1234,1235,1236");
    rr(s, "qsThreadInfo", "l");
    rr(s, "qC", "QC1235");
    rr(s, "?", STOP_AT("04000200", "1235")); /* the running thread, its pc */
    rr(s, "T1236", "OK");
    rr(s, "T1234", "OK");
    rr(s, "T1237", "E01");
    fk.nthreads = 2; /* 0x1236 has exited */
    rr(s, "T1236", "E01");
    rr(s, "qfThreadInfo", "m1234,1235");
    rsp_server_destroy(s);
}

static void test_hg_reads_other_thread(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    rr(s, "Hg1236", "OK");
    rr(s, "g", g_of(&fk, 2, 0x20008));
    rr(s, "p0", "02000000");
    rr(s, "pf", "08000200");
    char cpsr[9];
    const uint8_t *c = fk.tregs[2] + rsp_reg_offset(RSP_REG_CPSR);
    snprintf(cpsr, sizeof cpsr, "%02x%02x%02x%02x", c[0], c[1], c[2], c[3]);
    rr(s, "p10", cpsr); /* cpsr: thread 0x1236's, not read through read_reg */
    rr(s, "Hg1234", "OK");
    rr(s, "pf", "00000200");
    rr(s, "Hg1237", "E01"); /* no such thread: the selection stays */
    rr(s, "pf", "00000200");
    rr(s, "Hg0", "OK"); /* any: the running one */
    rr(s, "g", g_of(&fk, 1, 0x20004));
    rr(s, "Hg-1", "OK");
    rr(s, "pf", "04000200");
    rr(s, "Hg1235", "OK");
    rr(s, "pf", "04000200");
    rsp_server_destroy(s);
}

static void test_writes_only_running_thread(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    rr(s, "Hg1234", "OK");
    rr(s, "P0=78563412", "E01");
    static char gpkt[2 * RSP_G_PACKET_BYTES + 2];
    snprintf(gpkt, sizeof gpkt, "G%s", g_of(&fk, 0x99, 0x20000));
    rr(s, gpkt, "E01");
    assert_int_equal(fk.reg_writes, 0);
    rr(s, "pf", "00000200"); /* unchanged */
    rr(s, "Hg1235", "OK");
    rr(s, "P0=78563412", "OK");
    assert_int_equal(fk.reg_writes, 1);
    assert_int_equal(fake_reg32(&fk, 0), 0x12345678);
    rsp_server_destroy(s);
}

static void test_vcont_threads(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    /* gdb's stepi of a thread that is not running: the step is that
     * thread's; its stop names it and g now means it (gdb sends no Hg). */
    rr(s, "vCont;s:1236;c", STOP_AT("0c000200", "1236"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    assert_int_equal(fk.last_resume.thread, 0x1236);
    assert_false(fk.last_resume.reverse);
    rr(s, "g", g_of(&fk, 2, 0x2000c));
    rr(s, "qC", "QC1236");
    /* Range stepping of a thread. */
    rr(s, "vCont;r1000,2000:1234;c", STOP_AT("04000200", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_RANGE);
    assert_int_equal(fk.last_resume.thread, 0x1234);
    assert_int_equal(fk.last_resume.range_start, 0x1000);
    assert_int_equal(fk.last_resume.range_end, 0x2000);
    /* Continue: no thread; a signal for one thread is passed. */
    rr(s, "vCont;c", STOP_AT("08000200", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    assert_int_equal(fk.last_resume.thread, 0);
    rr(s, "vCont;C0e:1235;c", STOP_AT("0c000200", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    assert_int_equal(fk.last_resume.signal, 14);
    /* Each thread takes its leftmost action: 0x1234 continues (c:1234)
     * and the others step: the step of "all" is the running thread's. */
    rr(s, "vCont;c:1234;s", STOP_AT("10000200", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    rr(s, "vCont;c:1236;s", STOP_AT("14000200", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    assert_int_equal(fk.last_resume.thread, 0);
    /* A thread that does not exist: nothing applies. */
    rr(s, "vCont;s:1237", "E16");
    /* A stop the target names for another thread than the running one. */
    fk.next_stop.thread = 0x1235;
    rr(s, "vCont;s:1235;c", STOP_AT("08000200", "1235"));
    rsp_server_destroy(s);
}

static void test_reverse_step_thread(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    /* gdb 13 reverse-stepi: Hc0 (all threads may run), bs: the thread it
     * read the registers of (Hg) steps, as gdbserver's myresume. */
    rr(s, "Hg1234", "OK");
    rr(s, "Hc0", "OK");
    rr(s, "bs", STOP_AT("fcff0100", "1234"));
    assert_true(fk.last_resume.reverse);
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    assert_int_equal(fk.last_resume.thread, 0x1234);
    rr(s, "Hc1236", "OK");
    rr(s, "bs", STOP_AT("04000200", "1236"));
    assert_int_equal(fk.last_resume.thread, 0x1236);
    rr(s, "bc", STOP_AT("00000200", "1236"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    assert_int_equal(fk.last_resume.thread, 0);
    rr(s, "Hc1237", "E01");
    rsp_server_destroy(s);
}

static void test_multiprocess(void **state) {
    (void)state;
    struct rsp_server *s = server(3);
    rsp_server_offer_multiprocess(s, true);
    rr(s, "qSupported:multiprocess+;swbreak+",
       "PacketSize=10000;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
       ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+;QPassSignals+;QProgramSignals+;ReverseStep+;ReverseContinue+;multiprocess+");
    rr(s, "qfThreadInfo", "mp1234.1234,p1234.1235,p1234.1236");
    rr(s, "qC", "QCp1234.1235");
    rr(s, "Hgp1234.1236", "OK");
    rr(s, "pf", "08000200");
    rr(s, "Tp1234.1234", "OK");
    rr(s, "vCont;s:p1234.1234;c:p1234.-1", STOP_AT("04000200", "p1234.1234"));
    assert_int_equal(fk.last_resume.thread, 0x1234);
    /* gdb did not announce it: plain ids. */
    rr(s, "qSupported:swbreak+",
       "PacketSize=10000;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
       ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+;QPassSignals+;QProgramSignals+;ReverseStep+;ReverseContinue+;multiprocess+");
    rr(s, "qC", "QC1234");
    rsp_server_destroy(s);
}

/* A target without thread ops: one thread, the pid, as before threads. */
static void test_single_thread(void **state) {
    (void)state;
    struct rsp_server *s = server(0);
    rr(s, "qfThreadInfo", "m1234");
    rr(s, "qC", "QC1234");
    rr(s, "Hg1234", "OK");
    rr(s, "Hg1235", "E01");
    rr(s, "g", g_of(&fk, fake_reg32(&fk, 0), 0x12344));
    rr(s, "vCont;s:1234;c", STOP_AT("48230100", "1234"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    rr(s, "vCont;s:1235", "E16");
    rsp_server_destroy(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_and_current),
        cmocka_unit_test(test_hg_reads_other_thread),
        cmocka_unit_test(test_writes_only_running_thread),
        cmocka_unit_test(test_vcont_threads),
        cmocka_unit_test(test_reverse_step_thread),
        cmocka_unit_test(test_multiprocess),
        cmocka_unit_test(test_single_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
