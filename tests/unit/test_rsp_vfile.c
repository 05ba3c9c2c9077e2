/* Tests of the host I/O and library-list parts of the RSP layer: vFile
 * packets parsed into typed requests (paths hex-decoded, numbers checked,
 * pread counts clamped, garbage malformed, unserved operations unknown) and
 * their replies as the gdb manual's "Host I/O Packets" section spells them
 * (F results, F-1,errno with gdb's errno numbers, F<n>;data, the 64-byte
 * big-endian fstat struct), plus the <library-list-svr4> document. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "gdbstub/rsp_reply.h"
#include "gdbstub/rsp_request.h"
#include "gdbstub/rsp_target.h"

static uint8_t pkt[4096];
static struct rsp_request parse(const char *s) {
    struct rsp_request req;
    size_t n = strlen(s);
    memcpy(pkt, s, n);
    pkt[n] = 0xAA;
    rsp_parse_request(pkt, n, &req);
    assert_int_equal(pkt[n], 0xAA);
    return req;
}

static struct rsp_reply reply;
static size_t payload(const uint8_t **d) { size_t n; *d = rsp_reply_data(&reply, &n); return n; }
static const char *text(void) {
    static char s[RSP_REPLY_CAP + 1];
    const uint8_t *d;
    size_t n = payload(&d);
    memcpy(s, d, n);
    s[n] = 0;
    return s;
}

static void test_parse(void **state) {
    (void)state;
    /* "/lib/libc.so.6" in hex; flags 0 (O_RDONLY), mode 0. */
    struct rsp_request r = parse("vFile:open:2f6c69622f6c6962632e736f2e36,0,0");
    assert_int_equal(r.kind, RSP_REQ_VFILE_OPEN);
    assert_string_equal(r.u.vfile.path, "/lib/libc.so.6");
    assert_int_equal(r.u.vfile.flags, 0);
    r = parse("vFile:open:2f78,201,1ff"); /* O_WRONLY|O_CREAT, 0777 */
    assert_int_equal(r.kind, RSP_REQ_VFILE_OPEN);
    assert_int_equal(r.u.vfile.flags, 0x201);
    assert_int_equal(r.u.vfile.mode, 0x1ff);
    r = parse("vFile:pread:3,1000,2a0");
    assert_int_equal(r.kind, RSP_REQ_VFILE_PREAD);
    assert_int_equal(r.u.vfile.fd, 3);
    assert_int_equal(r.u.vfile.count, 0x1000);
    assert_int_equal(r.u.vfile.offset, 0x2a0);
    r = parse("vFile:pread:7,fffff,0");
    assert_int_equal(r.u.vfile.count, RSP_MAX_VFILE_READ);
    r = parse("vFile:close:5");
    assert_int_equal(r.kind, RSP_REQ_VFILE_CLOSE);
    assert_int_equal(r.u.vfile.fd, 5);
    r = parse("vFile:fstat:5");
    assert_int_equal(r.kind, RSP_REQ_VFILE_FSTAT);
    r = parse("vFile:setfs:0");
    assert_int_equal(r.kind, RSP_REQ_VFILE_SETFS);
    r = parse("vFile:readlink:2f78");
    assert_int_equal(r.kind, RSP_REQ_VFILE_READLINK);
    assert_string_equal(r.u.vfile.path, "/x");
    r = parse("qXfer:libraries-svr4:read::0,fff");
    assert_int_equal(r.kind, RSP_REQ_XFER_LIBRARIES);
    assert_int_equal(r.u.xfer.length, 0xfff);

    static const char *const bad[] = {
        "vFile:open:,0,0",         /* empty path */
        "vFile:open:2f7,0,0",      /* odd digit count */
        "vFile:open:2f00780a,0,0", /* NUL inside the path */
        "vFile:open:2f78,0",       /* no mode */
        "vFile:open:2f78,zz,0",
        "vFile:pread:3,10",        /* no offset */
        "vFile:pread:80000000,1,0",
        "vFile:close:",
        "vFile:close:3x",
        "vFile:fstat:123456789",
        "vFile:setfs:",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = parse(bad[i]);
        if (r.kind != RSP_REQ_MALFORMED)
            fail_msg("'%s': got %s, expected malformed", bad[i], rsp_req_kind_name(r.kind));
    }
    assert_int_equal(parse("vFile:unlink:2f78").kind, RSP_REQ_UNKNOWN);
    assert_int_equal(parse("vFile:pwrite:3,0,abc").kind, RSP_REQ_UNKNOWN);
}

static void test_replies(void **state) {
    (void)state;
    rsp_reply_vfile_result(&reply, 0x1c);
    assert_string_equal(text(), "F1c");
    rsp_reply_vfile_result(&reply, -ENOENT);
    assert_string_equal(text(), "F-1,2");
    rsp_reply_vfile_result(&reply, -ENAMETOOLONG);
    assert_string_equal(text(), "F-1,5b"); /* 91 */
    rsp_reply_vfile_result(&reply, -EROFS);
    assert_string_equal(text(), "F-1,1e");
    rsp_reply_vfile_result(&reply, -ENOTSOCK); /* not in gdb's list: EUNKNOWN 9999 */
    assert_string_equal(text(), "F-1,270f");
    rsp_reply_vfile_data(&reply, "a}b", 3);
    assert_string_equal(text(), "F3;a}b"); /* raw: the framer escapes */
    rsp_reply_vfile_data(&reply, "", 0);
    assert_string_equal(text(), "F0;");

    struct rsp_file_stat st = {.dev = 1, .ino = 0x01020304, .mode = 0100644, .nlink = 1, .uid = 0, .gid = 0,
                               .rdev = 0, .size = 0x123456789ull, .blksize = 4096, .blocks = 8, .atime = 5,
                               .mtime = 6, .ctime = 7};
    rsp_reply_vfile_stat(&reply, &st);
    const uint8_t *d;
    size_t n = payload(&d);
    assert_int_equal(n, 4 + 64);
    assert_memory_equal(d, "F40;", 4);
    static const uint8_t want[64] = {
        0, 0, 0, 1, 1, 2, 3, 4, 0, 0, 0x81, 0xa4, 0, 0, 0, 1, /* dev ino mode nlink */
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                   /* uid gid rdev */
        0, 0, 0, 1, 0x23, 0x45, 0x67, 0x89,                   /* size */
        0, 0, 0, 0, 0, 0, 0x10, 0,                            /* blksize */
        0, 0, 0, 0, 0, 0, 0, 8,                               /* blocks */
        0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7,                   /* atime mtime ctime */
    };
    assert_memory_equal(d + 4, want, 64);
}

static void test_svr4(void **state) {
    (void)state;
    char doc[2048];
    struct rsp_library libs[2] = {
        {.name = "/lib/ld-linux.so.3", .lm = 0x3f7fe8f0, .l_addr = 0x3f7d5000, .l_ld = 0x3f7fdf10, .lmid = 0x3f7fe8c0},
        {.name = "/tmp/a&b<\"'>.so", .lm = 0x1000, .l_addr = 0, .l_ld = 0x2000, .lmid = 0x3f7fe8c0},
    };
    size_t n = rsp_svr4_library_list(doc, sizeof doc, libs, 2, 0x3f7fe900);
    assert_int_equal(n, strlen(doc));
    assert_string_equal(doc, "<library-list-svr4 version=\"1.0\" main-lm=\"0x3f7fe900\">"
                             "<library name=\"/lib/ld-linux.so.3\" lm=\"0x3f7fe8f0\" l_addr=\"0x3f7d5000\" "
                             "l_ld=\"0x3f7fdf10\" lmid=\"0x3f7fe8c0\"/>"
                             "<library name=\"/tmp/a&amp;b&lt;&quot;&apos;&gt;.so\" lm=\"0x1000\" l_addr=\"0x0\" "
                             "l_ld=\"0x2000\" lmid=\"0x3f7fe8c0\"/>"
                             "</library-list-svr4>");
    n = rsp_svr4_library_list(doc, sizeof doc, libs, 0, 0);
    assert_string_equal(doc, "<library-list-svr4 version=\"1.0\"></library-list-svr4>");
    assert_int_equal(rsp_svr4_library_list(doc, 40, libs, 2, 0x3f7fe900), 0); /* does not fit */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_replies),
        cmocka_unit_test(test_svr4),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
