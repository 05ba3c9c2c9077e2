/* Tests of the RSP server (gdbstub/rsp_server.h) against the fake target of
 * rsp_fake_target.h, fed byte by byte, every reply compared byte-exactly
 * (acks, $, escapes, checksums); the same server over a real socketpair; and
 * rsp_listen's spec parsing, permissions and messages. The randomized test is
 * test_rsp_server_fuzz.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "gdbstub/rsp_listen.h"
#include "gdbstub/rsp_server.h"
#include "rsp_fake_target.h"

/* ---- output capture and expected bytes ---- */

static struct {
    uint8_t buf[1 << 18];
    size_t len;
} out;
static void out_write(void *ctx, const uint8_t *buf, size_t len) {
    (void)ctx;
    assert_true(out.len + len <= sizeof(out.buf));
    memcpy(out.buf + out.len, buf, len);
    out.len += len;
}

static uint8_t want[1 << 18];
static size_t wlen;
static void w_ack(void) { want[wlen++] = '+'; }
static void w_frame(const void *p, size_t n) {
    size_t k = rsp_encode_packet(p, n, want + wlen, sizeof(want) - wlen);
    assert_true(k > 0);
    wlen += k;
}
static void w_str(const char *p) { w_frame(p, strlen(p)); }

static void check_out(void) {
    if (out.len != wlen || memcmp(out.buf, want, wlen) != 0)
        fail_msg("server wrote \"%.*s\"\n      expected \"%.*s\"", (int)out.len, out.buf,
                 (int)wlen, want);
    out.len = 0;
    wlen = 0;
}

/* Bytes arriving while the target runs: poll_byte hands them over after
 * `delay` empty polls. */
static struct {
    const uint8_t *bytes;
    size_t len, pos;
    unsigned delay, calls;
} script;
static bool script_poll(void *ctx, uint8_t *b) {
    (void)ctx;
    if (++script.calls <= script.delay || script.pos >= script.len)
        return false;
    *b = script.bytes[script.pos++];
    return true;
}

static struct fake_target fk;
static bool acks = true;
static bool last_alive;
static enum rsp_serve_end last_end;

static struct rsp_server *new_server(void) {
    fake_init(&fk);
    out.len = wlen = 0;
    acks = true;
    memset(&script, 0, sizeof(script));
    struct rsp_server *s = rsp_server_create_custom(&fake_ops, &fk, out_write, NULL, script_poll,
                                                    NULL);
    assert_non_null(s);
    return s;
}

static void feed(struct rsp_server *s, const void *bytes, size_t n) {
    const uint8_t *p = bytes;
    for (size_t i = 0; i < n; i++)
        last_alive = rsp_server_feed(s, p[i], &last_end);
}

static void send_pkt(struct rsp_server *s, const void *payload, size_t n) {
    static uint8_t enc[2 * RSP_PACKET_SIZE + 8];
    size_t k = rsp_encode_packet(payload, n, enc, sizeof(enc));
    assert_true(k > 0);
    feed(s, enc, k);
}

/* Sends payload, expects exactly one reply (after the ack when acks are on). */
static void rr_bin(struct rsp_server *s, const char *req, const void *reply, size_t rlen) {
    send_pkt(s, req, strlen(req));
    if (acks)
        w_ack();
    w_frame(reply, rlen);
    check_out();
}
static void rr(struct rsp_server *s, const char *req, const char *reply) {
    rr_bin(s, req, reply, strlen(reply));
}

static const char *hex_of(const void *p, size_t n) {
    static char buf[2 * RSP_MAX_MEM_LEN + 1];
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        snprintf(buf + 2 * i, 3, "%02x", b[i]);
    buf[2 * n] = 0;
    return buf;
}

#define STOP(sig, pc, extra) "T" sig "0f:" pc ";0d:f0ff0100;" extra "thread:1234;"

/* ---- the scripted session ---- */

static void session_setup(struct rsp_server *s) {
    rr(s, "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+",
       "PacketSize=10000;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
       ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+;QPassSignals+;QProgramSignals+;ReverseStep+;ReverseContinue+");
    size_t xl;
    const char *xml = rsp_target_xml(&xl);
    static char chunk[70000];
    chunk[0] = 'l';
    memcpy(chunk + 1, xml, xl);
    rr_bin(s, "qXfer:features:read:target.xml:0,ffff", chunk, xl + 1);
    chunk[0] = 'm';
    memcpy(chunk + 1, xml + 0x10, 0x20);
    rr_bin(s, "qXfer:features:read:target.xml:10,20", chunk, 0x21);
    rr(s, "qXfer:features:read:foo.xml:0,ffff", "E00");
    chunk[0] = 'l';
    memcpy(chunk + 1, fake_auxv_bytes, sizeof(fake_auxv_bytes)); /* raw: '$#}*' escaped */
    rr_bin(s, "qXfer:auxv:read::0,1000", chunk, 1 + sizeof(fake_auxv_bytes));
    rr(s, "qXfer:exec-file:read:1234:0,1000", "l/bin/guest");
    rr(s, "qXfer:exec-file:read::5,1000", "lguest");
    rr(s, "qXfer:exec-file:read:99:0,1000", "E00");
}

static void session_state(struct rsp_server *s) {
    rr(s, "?", STOP("05", "44230100", ""));
    rr(s, "g", hex_of(fk.regs, sizeof(fk.regs)));
    rr(s, "pf", "44230100");
    rr(s, "pd", "f0ff0100");
    rr(s, "p11", hex_of(fk.regs + rsp_reg_offset(RSP_REG_D0), 8));
    rr(s, "p31", hex_of(fk.regs + rsp_reg_offset(RSP_REG_FPSCR), 4));
    rr(s, "p32", "E16");
    rr(s, "Pf=48230100", "OK");
    assert_int_equal(fake_reg32(&fk, RSP_REG_PC), 0x12348);
    rr(s, "Pf=4823", "E16"); /* wrong size */
    rr(s, "P32=00000000", "E16");
    fk.write_reg_errno = EPERM;
    rr(s, "Pf=44230100", "E01");
    fk.write_reg_errno = 0;
    rr(s, "Pf=44230100", "OK");
    /* G: unchanged registers are not written; a changed one is */
    char g[2 * RSP_G_PACKET_BYTES + 2] = "G";
    strcpy(g + 1, hex_of(fk.regs, sizeof(fk.regs)));
    unsigned writes = fk.reg_writes;
    rr(s, g, "OK");
    assert_int_equal(fk.reg_writes, writes);
    memcpy(g + 1, "78563412", 8);
    rr(s, g, "OK");
    assert_int_equal(fk.reg_writes, writes + 1);
    assert_int_equal(fake_reg32(&fk, 0), 0x12345678);
    rr(s, "G0011", "E16");

    rr(s, "m10000,8", hex_of(fk.mem, 8));
    rr(s, "m1fffe,4", hex_of(fk.mem + 0xfffe, 2)); /* the readable prefix */
    rr(s, "m5000,4", "E0e");
    rr(s, "m10000,0", "");
    rr(s, "m10000,8000", hex_of(fk.mem, 0x8000)); /* the largest: 64 KiB of hex */
    rr(s, "M10010,2:abcd", "OK");
    assert_int_equal(fk.mem[0x10], 0xab);
    assert_int_equal(fk.mem[0x11], 0xcd);
    send_pkt(s, "X10020,5:$#}*\x03", 14); /* binary, escaped on the wire */
    w_ack();
    w_str("OK");
    check_out();
    assert_memory_equal(fk.mem + 0x20, "$#}*\x03", 5);
    unsigned mw = fk.mem_writes;
    rr(s, "X10020,0:", "OK"); /* gdb's probe for X */
    assert_int_equal(fk.mem_writes, mw);
    rr(s, "M5000,1:00", "E0e");
    fk.write_mem_errno = EPERM;
    rr(s, "M10010,1:00", "E01");
    fk.write_mem_errno = 0;
    rr(s, "m10000", "E16"); /* malformed */

    rr(s, "Z0,12344,4", "OK");
    assert_int_equal(fk.inserts, 1);
    assert_int_equal(fk.last_point_type, RSP_POINT_SW_BREAK);
    assert_int_equal(fk.last_point_addr, 0x12344);
    assert_int_equal(fk.last_point_kind, 4);
    rr(s, "z0,12344,4", "OK");
    assert_int_equal(fk.removes, 1);
    fk.point_errno[1] = ENOSYS;
    rr(s, "Z1,12344,2", "");
    fk.point_errno[2] = EACCES;
    rr(s, "Z2,10000,4", "E0d");
    rr(s, "Z3,10000,4", "OK");
    assert_int_equal(fk.last_point_type, RSP_POINT_READ_WATCH);
    rr(s, "Z9,10000,4", ""); /* unknown type */
}

static void session_resume(struct rsp_server *s) {
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SWBREAK, .signal = 5};
    rr(s, "c", STOP("05", "48230100", "swbreak:;"));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    assert_false(fk.last_resume.reverse);
    assert_int_equal(fk.last_resume.signal, 0);
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SIGNAL, .signal = 5};
    rr(s, "s", STOP("05", "4c230100", ""));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_HISTORY_BEGIN};
    rr(s, "bs", STOP("05", "48230100", "replaylog:begin;"));
    assert_true(fk.last_resume.reverse);
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    rr(s, "bc", STOP("05", "44230100", "replaylog:begin;"));
    assert_true(fk.last_resume.reverse);
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_HISTORY_END};
    rr(s, "c", STOP("05", "48230100", "replaylog:end;"));
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SIGNAL, .signal = 5};

    rr(s, "vCont?", "vCont;c;C;s;S;r");
    rr(s, "vCont;s:1234;c", STOP("05", "4c230100", ""));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    rr(s, "vCont;r10000,10100", STOP("05", "50230100", ""));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_RANGE);
    assert_int_equal(fk.last_resume.range_start, 0x10000);
    assert_int_equal(fk.last_resume.range_end, 0x10100);
    rr(s, "vCont;c:99;S0b", STOP("05", "54230100", "")); /* first action for us */
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    assert_int_equal(fk.last_resume.signal, 11);
    rr(s, "vCont;C0e:1234;s", STOP("05", "58230100", ""));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_CONTINUE);
    assert_int_equal(fk.last_resume.signal, 14);
    unsigned resumes = fk.resumes;
    rr(s, "vCont;c:99", "E16"); /* nothing for our thread */
    assert_int_equal(fk.resumes, resumes);

    rr(s, "C0b", STOP("05", "5c230100", ""));
    assert_int_equal(fk.last_resume.signal, 11);
    rr(s, "c20000", STOP("05", "04000200", "")); /* pc written first */
    rr(s, "S05;12344", STOP("05", "48230100", ""));
    assert_int_equal(fk.last_resume.op, RSP_RESUME_STEP);
    fk.write_reg_errno = EPERM;
    resumes = fk.resumes;
    rr(s, "c20000", "E01");
    assert_int_equal(fk.resumes, resumes);
    fk.write_reg_errno = 0;

    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_WATCH, .watch_addr = 0x10040};
    rr(s, "c", STOP("05", "4c230100", "watch:10040;"));
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_AWATCH, .watch_addr = 0x10044};
    rr(s, "c", STOP("05", "50230100", "awatch:10044;"));
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_HWBREAK};
    rr(s, "c", STOP("05", "54230100", "hwbreak:;"));
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SIGNAL, .signal = 11};
    rr(s, "c", STOP("0b", "58230100", ""));

    /* Ctrl-C during a resume: an ack, 0x03, and a packet arrive while the
     * target runs; the 0x03 stops it and the other bytes are not lost. */
    static const uint8_t during[] = "+\x03$qC#b4";
    script.bytes = during;
    script.len = sizeof(during) - 1;
    script.delay = 5;
    script.calls = 0;
    fk.wait_interrupt = true;
    send_pkt(s, "c", 1);
    w_ack();
    w_str(STOP("02", "58230100", ""));
    w_ack();
    w_str("QC1234");
    check_out();
    assert_true(fk.polls >= 6 && fk.polls < FAKE_MAX_POLLS);
    fk.wait_interrupt = false;
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SIGNAL, .signal = 5};
    /* a 0x03 left over from that resume does not stop the next one */
    rr(s, "s", STOP("05", "5c230100", ""));
}

static void session_queries(struct rsp_server *s) {
    fk.console_lines = 2;
    send_pkt(s, "qRcmd,7768656e", 14); /* "when" */
    w_ack();
    w_str("O6c696e652030206f6620277768656e270a"); /* "line 0 of 'when'\n" */
    w_str("O6c696e652031206f6620277768656e270a");
    w_str("OK");
    check_out();
    assert_string_equal(fk.last_monitor, "when");
    fk.monitor_errno = EINVAL;
    fk.console_lines = 0;
    rr(s, "qRcmd,78", "E16");
    rr(s, "qAttached", "0");
    rr(s, "qC", "QC1234");
    rr(s, "qfThreadInfo", "m1234");
    rr(s, "qsThreadInfo", "l");
    rr(s, "qOffsets", "Text=0;Data=0;Bss=0");
    rr(s, "Hg0", "OK");
    rr(s, "Hc-1", "OK");
    rr(s, "Hg1234", "OK");
    rr(s, "Hg99", "E01");
    rr(s, "T1234", "OK");
    rr(s, "T99", "E01");
    rr(s, "vMustReplyEmpty", "");
    rr(s, "qTStatus", "");
    rr(s, "qSymbol::", "OK");
    rr(s, "qFooBar", "");
    rr(s, "vFile:open:6a7573742070726f62696e67,0,1c0", "");
}

static void test_scripted_session(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    session_setup(s);
    session_state(s);
    session_resume(s);
    session_queries(s);
    assert_int_equal(fk.kills + fk.detaches, 0);
    send_pkt(s, "D", 1);
    w_ack();
    w_str("OK");
    check_out();
    assert_false(last_alive);
    assert_int_equal(last_end, RSP_END_DETACH);
    assert_int_equal(fk.detaches, 1);
    assert_int_equal(fk.kills, 0);
    send_pkt(s, "?", 1); /* ended: nothing more */
    assert_false(last_alive);
    assert_int_equal(out.len, 0);
    rsp_server_destroy(s);
}

static void test_kill(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    rr(s, "?", STOP("05", "44230100", ""));
    send_pkt(s, "k", 1);
    w_ack(); /* the framer acks; no reply, like gdbserver */
    check_out();
    assert_false(last_alive);
    assert_int_equal(last_end, RSP_END_KILL);
    assert_int_equal(fk.kills, 1);
    assert_int_equal(fk.detaches, 0);
    assert_true(rsp_server_killed(s));
    rsp_server_destroy(s);
}

/* vKill under extended-remote: the session goes on and the target is not
 * touched (a new run may follow), but the program counts as killed. */
static void test_vkill_extended(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    rr(s, "vKill;1", ""); /* not in plain remote mode */
    assert_false(rsp_server_killed(s));
    rr(s, "!", "OK");
    rr(s, "vKill;1", "OK");
    assert_true(last_alive);
    assert_int_equal(fk.kills, 0);
    assert_true(rsp_server_killed(s));
    rsp_server_destroy(s);
}

/* swbreak:/hwbreak: only when gdb announced them; no history -> no reverse. */
static void test_stop_reasons_need_announcement(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    fk.history = false;
    rr(s, "qSupported:multiprocess+",
       "PacketSize=10000;qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
       ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+;QPassSignals+;QProgramSignals+");
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_SWBREAK};
    rr(s, "c", STOP("05", "48230100", ""));
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_HWBREAK};
    rr(s, "c", STOP("05", "4c230100", ""));
    unsigned resumes = fk.resumes;
    rr(s, "bc", ""); /* no history: not supported */
    rr(s, "bs", "");
    assert_int_equal(fk.resumes, resumes);
    rsp_server_destroy(s);
}

static void test_noack_mode(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    rr(s, "QStartNoAckMode", "OK"); /* the OK itself still comes after an ack */
    acks = false;
    rr(s, "?", STOP("05", "44230100", ""));
    feed(s, "$g#00", 5); /* bad checksum: dropped silently */
    check_out();
    feed(s, "+-", 2); /* no retransmission either */
    check_out();
    rr(s, "qC", "QC1234");
    rsp_server_destroy(s);
    /* a new connection starts with acks on */
    s = new_server();
    rr(s, "qC", "QC1234");
    rsp_server_destroy(s);
}

static void test_bad_input(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    feed(s, "$g#00", 5); /* bad checksum */
    want[wlen++] = '-';
    check_out();
    feed(s, "$g#zz", 5); /* checksum not hex */
    want[wlen++] = '-';
    check_out();
    feed(s, "garbage\r\n\x7f", 10); /* between packets: skipped */
    check_out();
    feed(s, "$qC", 3); /* cut by a new packet */
    rr(s, "qC", "QC1234");
    static char big[RSP_PACKET_SIZE + 100];
    memset(big, 'a', sizeof(big));
    send_pkt(s, big, sizeof(big)); /* longer than PacketSize */
    want[wlen++] = '-';
    check_out();
    feed(s, "$*#2a", 5); /* run-length with nothing before it */
    want[wlen++] = '-';
    check_out();
    rr(s, "m10000,ffffffff", "E07");
    rr(s, "mffffffff,2", "E0e");
    rr(s, "p1ffffffff", "E22");
    rr(s, "Z0,zz,4", "E16");
    rr(s, "vCont;x", "E16");
    rr(s, "", "");
    /* 0x03 while stopped: ignored (no reply, no resume) */
    unsigned resumes = fk.resumes;
    feed(s, "\x03", 1);
    check_out();
    assert_int_equal(fk.resumes, resumes);
    /* '-' retransmits the last reply */
    rr(s, "qC", "QC1234");
    feed(s, "-", 1);
    w_str("QC1234");
    check_out();
    assert_true(last_alive);
    rsp_server_destroy(s);
}

/* After W/X the process is gone: '?' repeats it, everything else is E01. */
static void test_after_exit(void **state) {
    (void)state;
    struct rsp_server *s = new_server();
    fk.next_stop = (struct rsp_target_stop){.kind = RSP_TSTOP_EXITED, .exit_status = 3};
    rr(s, "c", "W03");
    unsigned resumes = fk.resumes;
    rr(s, "?", "W03");
    rr(s, "c", "E01");
    rr(s, "vCont;c", "E01");
    rr(s, "bc", "E01");
    rr(s, "g", "E01");
    rr(s, "pf", "E01");
    rr(s, "Pf=00000000", "E01");
    rr(s, "m10000,4", "E01");
    rr(s, "M10000,1:00", "E01");
    rr(s, "Z0,10000,4", "E01");
    rr(s, "qfThreadInfo", "l");
    rr(s, "T1234", "E01");
    rr(s, "Hg0", "E01");
    rr(s, "qXfer:auxv:read::0,100", "E01");
    assert_int_equal(fk.resumes, resumes);
    send_pkt(s, "k", 1);
    w_ack();
    check_out();
    assert_int_equal(last_end, RSP_END_KILL);
    assert_int_equal(fk.kills, 0); /* nothing left to kill */
    assert_false(rsp_server_killed(s)); /* it had exited by itself */
    rsp_server_destroy(s);

    s = new_server();
    fk.halt = (struct rsp_target_stop){.kind = RSP_TSTOP_KILLED, .signal = 9};
    rr(s, "?", "X09");
    rr(s, "s", "E01");
    send_pkt(s, "D", 1);
    w_ack();
    w_str("OK");
    check_out();
    assert_int_equal(last_end, RSP_END_DETACH);
    assert_int_equal(fk.detaches, 0);
    rsp_server_destroy(s);
}

/* ---- over a real socket ---- */

static size_t read_all(int fd, char *buf, size_t cap) {
    size_t n = 0;
    ssize_t k;
    while (n < cap - 1 && (k = read(fd, buf + n, cap - 1 - n)) > 0)
        n += (size_t)k;
    buf[n] = 0;
    return n;
}

static void put(int fd, const char *payload) {
    uint8_t enc[256];
    size_t k = rsp_encode_packet(payload, strlen(payload), enc, sizeof(enc));
    assert_int_equal(write(fd, enc, k), (ssize_t)k);
}

static void test_socket_serve(void **state) {
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    fake_init(&fk);
    fk.wait_interrupt = true;
    /* everything gdb says, at once: the 0x03 right behind the c is found in
     * the read-ahead, the '+' and the qC after it are served afterwards */
    put(sv[1], "c");
    assert_int_equal(write(sv[1], "\x03+", 2), 2);
    put(sv[1], "qC");
    put(sv[1], "D");
    struct rsp_server *s = rsp_server_create(sv[0], &fake_ops, &fk);
    assert_non_null(s);
    assert_int_equal(rsp_server_serve(s), RSP_END_DETACH);
    rsp_server_destroy(s);
    close(sv[0]);
    char got[1024];
    read_all(sv[1], got, sizeof(got));
    out.len = wlen = 0;
    w_ack();
    w_str(STOP("02", "44230100", ""));
    w_ack();
    w_str("QC1234");
    w_ack();
    w_str("OK");
    assert_int_equal(strlen(got), wlen);
    assert_memory_equal(got, want, wlen);
    assert_int_equal(fk.detaches, 1);
    close(sv[1]);
    wlen = 0;
}

static void test_socket_disconnect(void **state) {
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    fake_init(&fk);
    fk.wait_interrupt = true; /* gdb goes away while the target runs */
    put(sv[1], "qC");
    put(sv[1], "c");
    shutdown(sv[1], SHUT_WR);
    struct rsp_server *s = rsp_server_create(sv[0], &fake_ops, &fk);
    assert_int_equal(rsp_server_serve(s), RSP_END_DISCONNECT);
    assert_int_equal(fk.resumes, 1);
    assert_true(fk.polls < FAKE_MAX_POLLS); /* the closed connection stopped it */
    assert_int_equal(fk.kills + fk.detaches, 0);
    assert_false(rsp_server_killed(s)); /* gone, not killed: main decides */
    rsp_server_destroy(s);
    close(sv[0]);
    close(sv[1]);
}

/* ---- rsp_listen ---- */

static void expect_listen_error(const char *spec, const char *msg) {
    char err[512] = "";
    assert_int_equal(rsp_listen(spec, err, sizeof(err)), -1);
    assert_true(err[0] != 0);
    assert_null(strchr(err, '\n'));
    if (msg)
        assert_string_equal(err, msg);
}

static void test_listen_tcp(void **state) {
    (void)state;
    char err[256] = "", desc[128];
    int lfd = rsp_listen("0", err, sizeof(err));
    assert_true(lfd >= 0);
    struct sockaddr_in sa;
    socklen_t sl = sizeof(sa);
    assert_int_equal(getsockname(lfd, (struct sockaddr *)&sa, &sl), 0);
    assert_int_equal(sa.sin_family, AF_INET);
    assert_int_equal(ntohl(sa.sin_addr.s_addr), INADDR_LOOPBACK);
    unsigned port = ntohs(sa.sin_port);
    assert_true(port != 0);
    assert_true(fcntl(lfd, F_GETFD) & FD_CLOEXEC);
    rsp_listen_describe(lfd, desc, sizeof(desc));
    char exp[64];
    snprintf(exp, sizeof(exp), "127.0.0.1:%u", port);
    assert_string_equal(desc, exp);

    /* the same port again: one line naming it */
    char spec[16], msg[128];
    snprintf(spec, sizeof(spec), "%u", port);
    snprintf(msg, sizeof(msg), "-g %u: cannot listen on 127.0.0.1:%u: Address already in use",
             port, port);
    expect_listen_error(spec, msg);

    /* accept: close-on-exec, TCP_NODELAY */
    int c = socket(AF_INET, SOCK_STREAM, 0);
    assert_int_equal(connect(c, (struct sockaddr *)&sa, sizeof(sa)), 0);
    int conn = rsp_accept(lfd, err, sizeof(err));
    assert_true(conn >= 0);
    assert_true(fcntl(conn, F_GETFD) & FD_CLOEXEC);
    int nd = 0;
    socklen_t nl = sizeof(nd);
    assert_int_equal(getsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &nd, &nl), 0);
    assert_true(nd != 0);
    close(conn);
    close(c);
    close(lfd);

    lfd = rsp_listen("0.0.0.0:0", err, sizeof(err));
    assert_true(lfd >= 0);
    rsp_listen_describe(lfd, desc, sizeof(desc));
    assert_memory_equal(desc, "0.0.0.0:", 8);
    close(lfd);
    lfd = rsp_listen("localhost:0", err, sizeof(err));
    assert_true(lfd >= 0);
    close(lfd);
}

static void test_listen_bad_specs(void **state) {
    (void)state;
    expect_listen_error("x", "-g: bad port 'x'");
    expect_listen_error("70000", "-g: bad port '70000'");
    expect_listen_error("-1", "-g: bad port '-1'");
    expect_listen_error("12 ", "-g: bad port '12 '");
    expect_listen_error("127.0.0.1:", "-g: bad port ''");
    expect_listen_error("", "-g: empty address");
    expect_listen_error(":1234", "-g :1234: missing host before ':'");
    expect_listen_error("1.2.3.4.5:0", NULL);
    expect_listen_error("unix:", "-g unix:: empty socket path");
    char longp[200] = "unix:/tmp/";
    memset(longp + 10, 'a', 150);
    expect_listen_error(longp, NULL);
    char err[8];
    assert_int_equal(rsp_listen("x", err, sizeof(err)), -1); /* truncated, terminated */
    assert_int_equal(strlen(err), 7);
    assert_int_equal(rsp_listen(NULL, NULL, 0), -1);
}

static void test_listen_unix(void **state) {
    (void)state;
    char dir[] = "/tmp/bs_rsp_listen_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char spec[160], path[64], err[512] = "", desc[200];
    snprintf(path, sizeof(path), "%s/gdb.sock", dir);
    snprintf(spec, sizeof(spec), "unix:%s", path);
    mode_t old = umask(0); /* even with no umask at all */
    int lfd = rsp_listen(spec, err, sizeof(err));
    umask(old);
    assert_true(lfd >= 0);
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISSOCK(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0600);
    rsp_listen_describe(lfd, desc, sizeof(desc));
    assert_string_equal(desc, spec);

    /* somebody is listening there: refused, and the socket is left alone */
    char msg[512];
    snprintf(msg, sizeof(msg), "-g %s: cannot listen on %s: another server is listening there",
             spec, path);
    expect_listen_error(spec, msg);
    assert_int_equal(lstat(path, &st), 0);

    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, path);
    assert_int_equal(connect(c, (struct sockaddr *)&sa, sizeof(sa)), 0);
    int conn = rsp_accept(lfd, err, sizeof(err));
    assert_true(conn >= 0);
    close(conn);
    close(c);
    close(lfd);

    /* a stale socket file is replaced; rsp_listen_close removes the file */
    lfd = rsp_listen(spec, err, sizeof(err));
    assert_true(lfd >= 0);
    assert_int_equal(lstat(path, &st), 0);
    rsp_listen_close(lfd);
    assert_int_equal(lstat(path, &st), -1);
    assert_int_equal(errno, ENOENT);

    /* any other file is not touched */
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    assert_true(fd >= 0);
    close(fd);
    snprintf(msg, sizeof(msg), "-g %s: cannot listen on %s: file exists and is not a socket",
             spec, path);
    expect_listen_error(spec, msg);
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    unlink(path);
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripted_session),
        cmocka_unit_test(test_kill),
        cmocka_unit_test(test_vkill_extended),
        cmocka_unit_test(test_stop_reasons_need_announcement),
        cmocka_unit_test(test_noack_mode),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_after_exit),
        cmocka_unit_test(test_socket_serve),
        cmocka_unit_test(test_socket_disconnect),
        cmocka_unit_test(test_listen_tcp),
        cmocka_unit_test(test_listen_bad_specs),
        cmocka_unit_test(test_listen_unix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
