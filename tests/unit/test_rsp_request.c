/* Tests of the RSP request parser (gdbstub/rsp_request.c): every packet gdb
 * sends us, well-formed (fields checked) and malformed (bad hex, 32-bit
 * overflow, lengths over the limits, odd digit counts, trailing junk), plus
 * packets we do not implement, which must come back UNKNOWN. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gdbstub/rsp_request.h"

/* Parses a copy of s (the parser decodes in place) kept in a static buffer so
 * the request's pointers stay valid until the next call. */
static uint8_t pkt[200000];
static struct rsp_request parse_n(const char *s, size_t n) {
    struct rsp_request req;
    assert_true(n < sizeof(pkt));
    memcpy(pkt, s, n);
    pkt[n] = 0xAA; /* must not be needed: the parser stays inside [0, n) */
    rsp_parse_request(pkt, n, &req);
    assert_int_equal(pkt[n], 0xAA);
    return req;
}
static struct rsp_request parse(const char *s) { return parse_n(s, strlen(s)); }

static void expect_kind(const char *s, enum rsp_req_kind kind) {
    struct rsp_request r = parse(s);
    if (r.kind != kind)
        fail_msg("'%s': got %s, expected %s", s, rsp_req_kind_name(r.kind), rsp_req_kind_name(kind));
}

static void expect_malformed(const char *s, uint8_t err) {
    struct rsp_request r = parse(s);
    if (r.kind != RSP_REQ_MALFORMED)
        fail_msg("'%s': got %s, expected malformed", s, rsp_req_kind_name(r.kind));
    if (r.u.error != err)
        fail_msg("'%s': error %#x, expected %#x", s, r.u.error, err);
}

static void test_simple_packets(void **state) {
    (void)state;
    expect_kind("?", RSP_REQ_HALT_REASON);
    expect_kind("g", RSP_REQ_READ_REGS);
    expect_kind("k", RSP_REQ_KILL);
    expect_kind("D", RSP_REQ_DETACH);
    expect_kind("D;1", RSP_REQ_DETACH);
    expect_kind("QStartNoAckMode", RSP_REQ_START_NOACK);
    expect_kind("QPassSignals:", RSP_REQ_PASS_SIGNALS);
    expect_kind("QProgramSignals:0;1", RSP_REQ_PROGRAM_SIGNALS);
    expect_kind("QPassSignals:e;", RSP_REQ_PASS_SIGNALS);
    expect_malformed("QPassSignals:e,f", RSP_ERR_INVAL);
    expect_malformed("QPassSignals:100", RSP_ERR_RANGE);
    struct rsp_request sl = parse("QPassSignals:e;1e;96");
    assert_int_equal(sl.u.signals.set[0], (1ull << 0xe) | (1ull << 0x1e));
    assert_int_equal(sl.u.signals.set[2], 1ull << (0x96 - 128));
    expect_kind("vCont?", RSP_REQ_VCONT_QUERY);
    expect_kind("vMustReplyEmpty", RSP_REQ_MUST_REPLY_EMPTY);
    expect_kind("qAttached", RSP_REQ_ATTACHED);
    expect_kind("qAttached:1", RSP_REQ_ATTACHED);
    expect_kind("qC", RSP_REQ_CURRENT_THREAD);
    expect_kind("qfThreadInfo", RSP_REQ_THREAD_INFO_FIRST);
    expect_kind("qsThreadInfo", RSP_REQ_THREAD_INFO_NEXT);
    expect_kind("qOffsets", RSP_REQ_OFFSETS);
    expect_kind("qTStatus", RSP_REQ_TSTATUS);
    expect_kind("qSymbol::", RSP_REQ_SYMBOL);
    /* trailing junk on fixed packets */
    expect_malformed("?x", RSP_ERR_INVAL);
    expect_malformed("gg", RSP_ERR_INVAL);
    expect_malformed("k1", RSP_ERR_INVAL);
    expect_malformed("D;", RSP_ERR_INVAL);
    expect_malformed("D;1x", RSP_ERR_INVAL);
    expect_malformed("qAttached:", RSP_ERR_INVAL);
    expect_malformed("qAttached:123456789", RSP_ERR_RANGE);
}

static void test_unknown_packets(void **state) {
    (void)state;
    const char *unknown[] = {
        "",           "qCRC:0,4",     "qTfV",       "qL1200",
        "QNonStop:0", "vCtrlC",     "vCont",
        "vFile:unlink:2f78", "qXfer:threads:read::0,fff", "qXfer:features:write:target.xml:0:",
        "qSupportedX", "Hs0",       "bx",           "bcc",        "Z5,1000,4",
        "z9,0,1",     "QStartNoAckModeX", "qThreadExtraInfo,1", "\xff\x00",
    };
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
        expect_kind(unknown[i], RSP_REQ_UNKNOWN);
    struct rsp_request r = parse_n("\0g", 2);
    assert_int_equal(r.kind, RSP_REQ_UNKNOWN);
}

/* Extended-remote packets: '!', vKill, and vRun whose first argument (hex
 * "1000" = 31303030) comes out decoded. */
static void test_extended_remote(void **state) {
    (void)state;
    expect_kind("!", RSP_REQ_EXTENDED);
    expect_kind("vKill;1a2b", RSP_REQ_VKILL);
    struct rsp_request r = parse("vRun;2f746d702f78;31303030;7a7a");
    assert_int_equal(r.kind, RSP_REQ_RUN);
    assert_string_equal(r.u.run.arg, "1000");
    r = parse("vRun;2f746d702f78");
    assert_int_equal(r.kind, RSP_REQ_RUN);
    assert_string_equal(r.u.run.arg, "");
    r = parse("vRun;;");
    assert_int_equal(r.kind, RSP_REQ_RUN);
    assert_string_equal(r.u.run.arg, "");
    expect_kind("vRun;;313", RSP_REQ_MALFORMED); /* odd digit count */
    expect_kind("vRun;;zz", RSP_REQ_MALFORMED);
}

static void test_qsupported(void **state) {
    (void)state;
    struct rsp_request r = parse(
        "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;fork-events+;vfork-events+;"
        "exec-events+;vContSupported+;QThreadEvents+;no-resumed+;memory-tagging+;"
        "xmlRegisters=i386");
    assert_int_equal(r.kind, RSP_REQ_QSUPPORTED);
    assert_int_equal(r.u.supported.gdb_features,
                     RSP_GDB_MULTIPROCESS | RSP_GDB_SWBREAK | RSP_GDB_HWBREAK |
                         RSP_GDB_FORK_EVENTS | RSP_GDB_EXEC_EVENTS | RSP_GDB_VCONT_SUPPORTED |
                         RSP_GDB_QTHREAD_EVENTS | RSP_GDB_NO_RESUMED);
    r = parse("qSupported");
    assert_int_equal(r.kind, RSP_REQ_QSUPPORTED);
    assert_int_equal(r.u.supported.gdb_features, 0);
    r = parse("qSupported:swbreak-;hwbreak;;vContSupported=1;+;swbreak+x;xswbreak+");
    assert_int_equal(r.kind, RSP_REQ_QSUPPORTED);
    assert_int_equal(r.u.supported.gdb_features, 0);
}

static void test_qxfer(void **state) {
    (void)state;
    struct rsp_request r = parse("qXfer:features:read:target.xml:0,ffb");
    assert_int_equal(r.kind, RSP_REQ_XFER_FEATURES);
    assert_string_equal(r.u.xfer.annex, "target.xml");
    assert_int_equal(r.u.xfer.annex_len, 10);
    assert_int_equal(r.u.xfer.offset, 0);
    assert_int_equal(r.u.xfer.length, 0xffb);
    r = parse("qXfer:features:read:arm-vfp.xml:7fe,ffff0");
    assert_int_equal(r.kind, RSP_REQ_XFER_FEATURES);
    assert_string_equal(r.u.xfer.annex, "arm-vfp.xml");
    assert_int_equal(r.u.xfer.offset, 0x7fe);
    assert_int_equal(r.u.xfer.length, RSP_MAX_XFER_LEN); /* clamped */
    r = parse("qXfer:auxv:read::10,200");
    assert_int_equal(r.kind, RSP_REQ_XFER_AUXV);
    assert_int_equal(r.u.xfer.annex_len, 0);
    assert_int_equal(r.u.xfer.offset, 0x10);
    assert_int_equal(r.u.xfer.length, 0x200);
    r = parse("qXfer:exec-file:read:2a:0,fff");
    assert_int_equal(r.kind, RSP_REQ_XFER_EXEC_FILE);
    assert_true(r.u.xfer.has_pid);
    assert_int_equal(r.u.xfer.pid, 0x2a);
    r = parse("qXfer:exec-file:read::0,fff");
    assert_int_equal(r.kind, RSP_REQ_XFER_EXEC_FILE);
    assert_false(r.u.xfer.has_pid);

    r = parse("qXfer:siginfo:read::0,80");
    assert_int_equal(r.kind, RSP_REQ_XFER_SIGINFO);
    assert_int_equal(r.u.xfer.offset, 0);
    assert_int_equal(r.u.xfer.length, 0x80);

    expect_malformed("qXfer:auxv:read:x:0,10", RSP_ERR_INVAL);
    expect_malformed("qXfer:siginfo:read:x:0,80", RSP_ERR_INVAL);
    expect_malformed("qXfer:exec-file:read:zz:0,10", RSP_ERR_INVAL);
    expect_malformed("qXfer:exec-file:read:1z:0,10", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:0", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:0,", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:0,0", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:g,1", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:0,10x", RSP_ERR_INVAL);
    expect_malformed("qXfer:features:read:target.xml:100000000,10", RSP_ERR_RANGE);
    expect_malformed("qXfer:features:read:target.xml:0,100000000", RSP_ERR_RANGE);
}

static void test_registers(void **state) {
    (void)state;
    expect_malformed("G010203040", RSP_ERR_INVAL); /* odd digit count */
    struct rsp_request r = parse("G01020304aAbBfF");
    assert_int_equal(r.kind, RSP_REQ_WRITE_REGS);
    assert_int_equal(r.u.regs.len, 7);
    assert_memory_equal(r.u.regs.data, "\x01\x02\x03\x04\xaa\xbb\xff", 7);
    /* a full g packet of our target description: 328 bytes */
    char big[2 * 328 + 2] = "G";
    for (int i = 0; i < 2 * 328; i++)
        big[1 + i] = "0123456789abcdef"[i % 16];
    big[1 + 2 * 328] = 0;
    r = parse(big);
    assert_int_equal(r.kind, RSP_REQ_WRITE_REGS);
    assert_int_equal(r.u.regs.len, 328);
    assert_int_equal(r.u.regs.data[0], 0x01);
    expect_malformed("G", RSP_ERR_INVAL);
    expect_malformed("G0g", RSP_ERR_INVAL);
    expect_malformed("Gxx", RSP_ERR_INVAL);

    r = parse("p31");
    assert_int_equal(r.kind, RSP_REQ_READ_REG);
    assert_int_equal(r.u.reg.num, 0x31);
    expect_malformed("p", RSP_ERR_INVAL);
    expect_malformed("pz", RSP_ERR_INVAL);
    expect_malformed("p1z", RSP_ERR_INVAL);
    expect_malformed("p100000000", RSP_ERR_RANGE);

    r = parse("Pf=00800000");
    assert_int_equal(r.kind, RSP_REQ_WRITE_REG);
    assert_int_equal(r.u.reg.num, 15);
    assert_int_equal(r.u.reg.len, 4);
    assert_memory_equal(r.u.reg.value, "\x00\x80\x00\x00", 4);
    r = parse("P11=000000000000f03f");
    assert_int_equal(r.kind, RSP_REQ_WRITE_REG);
    assert_int_equal(r.u.reg.num, 17);
    assert_int_equal(r.u.reg.len, 8);
    assert_int_equal(r.u.reg.value[7], 0x3f);
    expect_malformed("Pf", RSP_ERR_INVAL);
    expect_malformed("Pf=", RSP_ERR_INVAL);
    expect_malformed("Pf=123", RSP_ERR_INVAL);
    expect_malformed("Pf=12x4", RSP_ERR_INVAL);
    expect_malformed("P=12", RSP_ERR_INVAL);
    expect_malformed("Pf=000000000000000000000000000000000000", RSP_ERR_TOOBIG);
    expect_malformed("P1ffffffff=00", RSP_ERR_RANGE);
}

static void test_memory(void **state) {
    (void)state;
    struct rsp_request r = parse("m8000,40");
    assert_int_equal(r.kind, RSP_REQ_READ_MEM);
    assert_int_equal(r.u.mem.addr, 0x8000);
    assert_int_equal(r.u.mem.len, 0x40);
    assert_null(r.u.mem.data);
    r = parse("mfffffffc,4"); /* ends exactly at 4 GiB */
    assert_int_equal(r.kind, RSP_REQ_READ_MEM);
    r = parse("m00000000000010,0");
    assert_int_equal(r.kind, RSP_REQ_READ_MEM);
    assert_int_equal(r.u.mem.addr, 0x10);
    assert_int_equal(r.u.mem.len, 0);
    expect_malformed("mfffffffd,4", RSP_ERR_FAULT);
    expect_malformed("m100000000,4", RSP_ERR_RANGE);
    expect_malformed("m0,8001", RSP_ERR_TOOBIG);
    expect_malformed("m0,ffffffffff", RSP_ERR_RANGE);
    expect_malformed("m", RSP_ERR_INVAL);
    expect_malformed("m10", RSP_ERR_INVAL);
    expect_malformed("m10,", RSP_ERR_INVAL);
    expect_malformed("m,4", RSP_ERR_INVAL);
    expect_malformed("m10,4:", RSP_ERR_INVAL);
    expect_malformed("m-1,4", RSP_ERR_INVAL);
    r = parse("m0,8000");
    assert_int_equal(r.kind, RSP_REQ_READ_MEM);

    r = parse("M20000,3:0aFF7d");
    assert_int_equal(r.kind, RSP_REQ_WRITE_MEM);
    assert_false(r.u.mem.binary);
    assert_int_equal(r.u.mem.addr, 0x20000);
    assert_int_equal(r.u.mem.len, 3);
    assert_memory_equal(r.u.mem.data, "\x0a\xff\x7d", 3);
    expect_malformed("M20000,3:0aFF7", RSP_ERR_INVAL);   /* odd */
    expect_malformed("M20000,3:0aFF7d00", RSP_ERR_INVAL); /* too many */
    expect_malformed("M20000,3:0aFF7x", RSP_ERR_INVAL);
    expect_malformed("M20000,3", RSP_ERR_INVAL);
    expect_malformed("M20000,3;0aff7d", RSP_ERR_INVAL);
    expect_malformed("Mffffffff,2:0000", RSP_ERR_FAULT);

    /* X: binary, already unescaped by the framer; may hold any byte */
    r = parse_n("X1000,4:\x00}#\xff", 12);
    assert_int_equal(r.kind, RSP_REQ_WRITE_MEM);
    assert_true(r.u.mem.binary);
    assert_int_equal(r.u.mem.len, 4);
    assert_memory_equal(r.u.mem.data, "\x00}#\xff", 4);
    r = parse("X1000,0:"); /* gdb's probe */
    assert_int_equal(r.kind, RSP_REQ_WRITE_MEM);
    assert_int_equal(r.u.mem.len, 0);
    expect_malformed("X1000,4:abc", RSP_ERR_INVAL);
    expect_malformed("X1000,4:abcde", RSP_ERR_INVAL);
    expect_malformed("X1000,4", RSP_ERR_INVAL);
    expect_malformed("X1000,10001:", RSP_ERR_TOOBIG);
    expect_malformed("M1000,10001:00", RSP_ERR_TOOBIG);
    /* gdb sizes X by PacketSize: 0xfff0 raw bytes must be accepted */
    static char xbig[16 + 0xfff0];
    int h = sprintf(xbig, "X20000,fff0:");
    memset(xbig + h, 'A', 0xfff0);
    r = parse_n(xbig, (size_t)h + 0xfff0);
    assert_int_equal(r.kind, RSP_REQ_WRITE_MEM);
    assert_int_equal(r.u.mem.len, 0xfff0);
    assert_int_equal(r.u.mem.data[0xffef], 'A');
}

static void test_points(void **state) {
    (void)state;
    struct rsp_request r = parse("Z0,8074,4");
    assert_int_equal(r.kind, RSP_REQ_INSERT_POINT);
    assert_int_equal(r.u.point.type, RSP_POINT_SW_BREAK);
    assert_int_equal(r.u.point.addr, 0x8074);
    assert_int_equal(r.u.point.kind, 4);
    r = parse("z1,8075,2");
    assert_int_equal(r.kind, RSP_REQ_REMOVE_POINT);
    assert_int_equal(r.u.point.type, RSP_POINT_HW_BREAK);
    r = parse("Z2,21000,4");
    assert_int_equal(r.u.point.type, RSP_POINT_WRITE_WATCH);
    assert_int_equal(r.u.point.kind, 4);
    r = parse("Z3,21000,1");
    assert_int_equal(r.u.point.type, RSP_POINT_READ_WATCH);
    r = parse("z4,21000,100");
    assert_int_equal(r.kind, RSP_REQ_REMOVE_POINT);
    assert_int_equal(r.u.point.type, RSP_POINT_ACCESS_WATCH);
    assert_int_equal(r.u.point.kind, 0x100);
    expect_malformed("Z0,8074", RSP_ERR_INVAL);
    expect_malformed("Z0,8074,", RSP_ERR_INVAL);
    expect_malformed("Z0", RSP_ERR_INVAL);
    expect_malformed("Z", RSP_ERR_INVAL);
    expect_malformed("Z0,,4", RSP_ERR_INVAL);
    expect_malformed("Z0,8074,4;X1,0", RSP_ERR_INVAL); /* conditions: never advertised */
    expect_malformed("Z0,108074,4x", RSP_ERR_INVAL);
    expect_malformed("Z0,100000000,4", RSP_ERR_RANGE);
    expect_malformed("Z2,1000,0", RSP_ERR_INVAL);
    expect_malformed("Z2,ffffffff,2", RSP_ERR_INVAL);
    r = parse("Z2,ffffffff,1");
    assert_int_equal(r.kind, RSP_REQ_INSERT_POINT);
}

static void test_resume(void **state) {
    (void)state;
    struct rsp_request r = parse("c");
    assert_int_equal(r.kind, RSP_REQ_RESUME);
    assert_false(r.u.resume.step);
    assert_false(r.u.resume.reverse);
    assert_false(r.u.resume.has_addr);
    r = parse("s8000");
    assert_true(r.u.resume.step);
    assert_true(r.u.resume.has_addr);
    assert_int_equal(r.u.resume.addr, 0x8000);
    r = parse("c10074");
    assert_false(r.u.resume.step);
    assert_int_equal(r.u.resume.addr, 0x10074);
    r = parse("bc");
    assert_int_equal(r.kind, RSP_REQ_RESUME);
    assert_true(r.u.resume.reverse);
    assert_false(r.u.resume.step);
    r = parse("bs");
    assert_true(r.u.resume.reverse);
    assert_true(r.u.resume.step);
    r = parse("C0b");
    assert_int_equal(r.kind, RSP_REQ_RESUME);
    assert_true(r.u.resume.has_signal);
    assert_int_equal(r.u.resume.signal, 11);
    assert_false(r.u.resume.has_addr);
    r = parse("S05;8000");
    assert_true(r.u.resume.step);
    assert_int_equal(r.u.resume.signal, 5);
    assert_int_equal(r.u.resume.addr, 0x8000);
    expect_malformed("cx", RSP_ERR_INVAL);
    expect_malformed("c100000000", RSP_ERR_RANGE);
    expect_malformed("s8000;", RSP_ERR_INVAL);
    expect_malformed("C", RSP_ERR_INVAL);
    expect_malformed("C100", RSP_ERR_RANGE);
    expect_malformed("C05;", RSP_ERR_INVAL);
    expect_malformed("C05x", RSP_ERR_INVAL);
}

static void test_vcont(void **state) {
    (void)state;
    struct rsp_request r = parse("vCont;c");
    assert_int_equal(r.kind, RSP_REQ_VCONT);
    assert_int_equal(r.u.vcont.count, 1);
    assert_int_equal(r.u.vcont.actions[0].op, RSP_VCONT_CONTINUE);
    assert_int_equal(r.u.vcont.actions[0].tid, RSP_TID_ALL);
    r = parse("vCont;s:1;c");
    assert_int_equal(r.u.vcont.count, 2);
    assert_int_equal(r.u.vcont.actions[0].op, RSP_VCONT_STEP);
    assert_int_equal(r.u.vcont.actions[0].tid, 1);
    assert_int_equal(r.u.vcont.actions[1].op, RSP_VCONT_CONTINUE);
    assert_int_equal(r.u.vcont.actions[1].tid, RSP_TID_ALL);
    r = parse("vCont;C0b:p1.1;S05:-1");
    assert_int_equal(r.u.vcont.count, 2);
    assert_int_equal(r.u.vcont.actions[0].op, RSP_VCONT_CONTINUE_SIG);
    assert_int_equal(r.u.vcont.actions[0].signal, 11);
    assert_int_equal(r.u.vcont.actions[0].tid, 1);
    assert_int_equal(r.u.vcont.actions[1].op, RSP_VCONT_STEP_SIG);
    assert_int_equal(r.u.vcont.actions[1].tid, RSP_TID_ALL);
    r = parse("vCont;r8000,8010:1;c");
    assert_int_equal(r.u.vcont.actions[0].op, RSP_VCONT_RANGE);
    assert_int_equal(r.u.vcont.actions[0].start, 0x8000);
    assert_int_equal(r.u.vcont.actions[0].end, 0x8010);
    char many[200] = "vCont";
    for (int i = 0; i < RSP_MAX_VCONT_ACTIONS; i++)
        strcat(many, ";s");
    r = parse(many);
    assert_int_equal(r.kind, RSP_REQ_VCONT);
    assert_int_equal(r.u.vcont.count, RSP_MAX_VCONT_ACTIONS);
    strcat(many, ";c");
    expect_malformed(many, RSP_ERR_TOOBIG);
    expect_malformed("vCont;", RSP_ERR_INVAL);
    expect_malformed("vCont;x", RSP_ERR_INVAL);
    expect_malformed("vCont;t", RSP_ERR_INVAL);
    expect_malformed("vCont;c;", RSP_ERR_INVAL);
    expect_malformed("vCont;c;;s", RSP_ERR_INVAL);
    expect_malformed("vCont;cs", RSP_ERR_INVAL);
    expect_malformed("vCont;c:", RSP_ERR_INVAL);
    expect_malformed("vCont;c:80000000", RSP_ERR_RANGE);
    expect_malformed("vCont;C", RSP_ERR_INVAL);
    expect_malformed("vCont;C123", RSP_ERR_RANGE);
    expect_malformed("vCont;r8000", RSP_ERR_INVAL);
    expect_malformed("vCont;r8000,", RSP_ERR_INVAL);
    expect_malformed("vCont;r8010,8000", RSP_ERR_INVAL);
    expect_malformed("vCont;r8000,100000000", RSP_ERR_RANGE);
}

static void test_threads(void **state) {
    (void)state;
    struct rsp_request r = parse("Hg0");
    assert_int_equal(r.kind, RSP_REQ_SET_THREAD);
    assert_int_equal(r.u.set_thread.op, 'g');
    assert_int_equal(r.u.set_thread.tid, RSP_TID_ANY);
    r = parse("Hc-1");
    assert_int_equal(r.u.set_thread.op, 'c');
    assert_int_equal(r.u.set_thread.tid, RSP_TID_ALL);
    r = parse("Hgp2a.2b");
    assert_int_equal(r.kind, RSP_REQ_SET_THREAD);
    assert_int_equal(r.u.set_thread.tid, 0x2b);
    r = parse("T1");
    assert_int_equal(r.kind, RSP_REQ_THREAD_ALIVE);
    assert_int_equal(r.u.tid, 1);
    expect_malformed("Hg", RSP_ERR_INVAL);
    expect_malformed("Hgx", RSP_ERR_INVAL);
    expect_malformed("Hg1x", RSP_ERR_INVAL);
    expect_malformed("Hg-2", RSP_ERR_INVAL);
    expect_malformed("Hg80000000", RSP_ERR_RANGE);
    expect_malformed("Hgp1.", RSP_ERR_INVAL);
    expect_malformed("T", RSP_ERR_INVAL);
    expect_malformed("T1;", RSP_ERR_INVAL);
}

static void test_monitor(void **state) {
    (void)state;
    /* "when" */
    struct rsp_request r = parse("qRcmd,7768656e");
    assert_int_equal(r.kind, RSP_REQ_MONITOR);
    assert_int_equal(r.u.monitor.len, 4);
    assert_string_equal(r.u.monitor.text, "when");
    /* "seek 100" */
    r = parse("qRcmd,7365656b20313030");
    assert_string_equal(r.u.monitor.text, "seek 100");
    r = parse("qRcmd,");
    assert_int_equal(r.kind, RSP_REQ_MONITOR);
    assert_int_equal(r.u.monitor.len, 0);
    assert_string_equal(r.u.monitor.text, "");
    r = parse("qRcmd,6100");
    assert_int_equal(r.u.monitor.len, 2);
    expect_malformed("qRcmd,776", RSP_ERR_INVAL);
    expect_malformed("qRcmd,77zz", RSP_ERR_INVAL);
    expect_kind("qRcmd", RSP_REQ_UNKNOWN);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_packets), cmocka_unit_test(test_unknown_packets),
        cmocka_unit_test(test_extended_remote),
        cmocka_unit_test(test_qsupported),     cmocka_unit_test(test_qxfer),
        cmocka_unit_test(test_registers),      cmocka_unit_test(test_memory),
        cmocka_unit_test(test_points),         cmocka_unit_test(test_resume),
        cmocka_unit_test(test_vcont),          cmocka_unit_test(test_threads),
        cmocka_unit_test(test_monitor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
