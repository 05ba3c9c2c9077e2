/* Tests of DAP framing (dap/dap_framing.c): Content-Length headers fed in
 * pieces, several messages in one read, other header fields, bad headers, and
 * the writer's output read back through a pipe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dap/dap_framing.h"

static void byte_by_byte(void **state)
{
    (void)state;
    const char *msg = "Content-Length: 13\r\n\r\n{\"seq\":1,\"a\"}";
    struct dap_reader r;
    dap_reader_init(&r);
    char *body;
    size_t len;
    for (size_t i = 0; msg[i]; i++) {
        assert_int_equal(dap_reader_next(&r, &body, &len), DAP_NEED_MORE);
        assert_true(dap_reader_feed(&r, msg + i, 1));
    }
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_MESSAGE);
    assert_int_equal(len, 13);
    assert_string_equal(body, "{\"seq\":1,\"a\"}");
    free(body);
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_NEED_MORE);
    dap_reader_free(&r);
}

static void two_messages_and_other_fields(void **state)
{
    (void)state;
    /* a body's length is in bytes: "é" is two */
    const char *in = "content-length:4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\"\xc3\xa9\""
                     "Content-Length: 2\r\n\r\n{}Content-Len";
    struct dap_reader r;
    dap_reader_init(&r);
    dap_reader_feed(&r, in, strlen(in));
    char *body;
    size_t len;
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_MESSAGE);
    assert_string_equal(body, "\"\xc3\xa9\"");
    free(body);
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_MESSAGE);
    assert_string_equal(body, "{}");
    free(body);
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_NEED_MORE);
    dap_reader_free(&r);
}

static void bad_headers(void **state)
{
    (void)state;
    static const char *bad[] = {
        "Content-Type: x\r\n\r\n{}",        /* no length */
        "Content-Length: -2\r\n\r\n{}",     /* negative */
        "Content-Length: 2x\r\n\r\n{}",     /* not a number */
        "Content-Length: \r\n\r\n{}",       /* empty */
        "Content-Length: 99999999999\r\n\r\n", /* over DAP_MAX_BODY */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct dap_reader r;
        dap_reader_init(&r);
        dap_reader_feed(&r, bad[i], strlen(bad[i]));
        char *body;
        size_t len;
        assert_int_equal(dap_reader_next(&r, &body, &len), DAP_BAD_HEADER);
        dap_reader_free(&r);
    }
    /* a header that never ends is refused once it is absurdly long */
    struct dap_reader r;
    dap_reader_init(&r);
    char junk[10000];
    memset(junk, 'x', sizeof junk);
    dap_reader_feed(&r, junk, sizeof junk);
    char *body;
    size_t len;
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_BAD_HEADER);
    dap_reader_free(&r);
}

static void write_then_read_back(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    json_t *v = json_pack("{s:s, s:i}", "text", "h\xc3\xa9llo \"x\"\n", "seq", 7);
    assert_true(dap_write_json(p[1], v));
    json_decref(v);
    close(p[1]);
    char buf[512];
    ssize_t n = read(p[0], buf, sizeof buf);
    close(p[0]);
    assert_true(n > 0);
    struct dap_reader r;
    dap_reader_init(&r);
    dap_reader_feed(&r, buf, (size_t)n);
    char *body;
    size_t len;
    assert_int_equal(dap_reader_next(&r, &body, &len), DAP_MESSAGE);
    json_t *back = json_loadb(body, len, 0, NULL);
    assert_non_null(back);
    assert_string_equal(json_string_value(json_object_get(back, "text")), "h\xc3\xa9llo \"x\"\n");
    assert_int_equal(json_integer_value(json_object_get(back, "seq")), 7);
    json_decref(back);
    free(body);
    assert_int_equal(r.len, 0); /* nothing after the one message */
    dap_reader_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(byte_by_byte),
        cmocka_unit_test(two_messages_and_other_fields),
        cmocka_unit_test(bad_headers),
        cmocka_unit_test(write_then_read_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
