/* Tests of the GDB/MI output parser (dap/mi_parse.c) on lines gdb-multiarch
 * 13.1 printed in a session on examples/whowrote.c under backstep -g, and on
 * malformed and truncated lines (which must yield NULL, never a crash). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dap/mi_parse.h"

static const char *s(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static void result_with_nested_tuple_and_list(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line(
        "5^done,bkpt={number=\"1\",type=\"breakpoint\",disp=\"keep\",enabled=\"y\",addr=\"0x000105cc\","
        "func=\"count\",file=\"/w/examples/whowrote.c\",fullname=\"/w/examples/whowrote.c\",line=\"24\","
        "thread-groups=[\"i1\"],times=\"0\",original-location=\"whowrote.c:24\"}");
    assert_non_null(r);
    assert_int_equal(r->kind, MI_RESULT);
    assert_int_equal(r->token, 5);
    assert_string_equal(r->cls, "done");
    json_t *b = json_object_get(r->results, "bkpt");
    assert_string_equal(s(b, "number"), "1");
    assert_string_equal(s(b, "func"), "count");
    assert_string_equal(s(b, "line"), "24");
    json_t *tg = json_object_get(b, "thread-groups");
    assert_int_equal(json_array_size(tg), 1);
    assert_string_equal(json_string_value(json_array_get(tg, 0)), "i1");
    mi_record_free(r);
}

/* A list of results keeps the values: stack=[frame={..},frame={..}]. */
static void list_of_results_becomes_array(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line(
        "7^done,stack=[frame={level=\"0\",addr=\"0x000105cc\",func=\"count\",line=\"24\",arch=\"armv5te\"},"
        "frame={level=\"1\",addr=\"0x000106bc\",func=\"main\",line=\"33\",arch=\"armv5te\"}]");
    assert_non_null(r);
    json_t *st = json_object_get(r->results, "stack");
    assert_int_equal(json_array_size(st), 2);
    assert_string_equal(s(json_array_get(st, 1), "func"), "main");
    assert_string_equal(s(json_array_get(st, 1), "line"), "33");
    mi_record_free(r);
}

static void list_of_values_with_empty_strings(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line("11^done,register-names=[\"r0\",\"\",\"cpsr\"]");
    assert_non_null(r);
    json_t *n = json_object_get(r->results, "register-names");
    assert_int_equal(json_array_size(n), 3);
    assert_string_equal(json_string_value(json_array_get(n, 1)), "");
    mi_record_free(r);
}

static void async_records(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line(
        "*stopped,reason=\"signal-received\",signal-name=\"SIGTRAP\",signal-meaning=\"Trace/breakpoint trap\","
        "frame={addr=\"0x000300dc\",func=\"_exit\",args=[],arch=\"armv5te\"},thread-id=\"1\",stopped-threads=\"all\"");
    assert_non_null(r);
    assert_int_equal(r->kind, MI_EXEC);
    assert_int_equal(r->token, -1);
    assert_string_equal(r->cls, "stopped");
    assert_string_equal(s(r->results, "signal-name"), "SIGTRAP");
    assert_int_equal(json_array_size(json_object_get(json_object_get(r->results, "frame"), "args")), 0);
    mi_record_free(r);
    /* gdb 13 at the start of history: a stop with no reason */
    r = mi_parse_line("*stopped,frame={addr=\"0x00010420\",func=\"_start\",args=[],arch=\"armv5te\"},thread-id=\"1\","
                      "stopped-threads=\"all\"");
    assert_non_null(r);
    assert_null(json_object_get(r->results, "reason"));
    mi_record_free(r);
    r = mi_parse_line("*stopped,reason=\"exited\",exit-code=\"01\"");
    assert_string_equal(s(r->results, "exit-code"), "01");
    mi_record_free(r);
    r = mi_parse_line("=thread-created,id=\"1\",group-id=\"i1\"");
    assert_int_equal(r->kind, MI_NOTIFY);
    assert_string_equal(r->cls, "thread-created");
    mi_record_free(r);
    r = mi_parse_line("6^running");
    assert_string_equal(r->cls, "running");
    assert_int_equal(json_object_size(r->results), 0);
    mi_record_free(r);
    r = mi_parse_line("*running,thread-id=\"all\"");
    assert_int_equal(r->kind, MI_EXEC);
    mi_record_free(r);
}

static void stream_records_and_escapes(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line("~\"24\\t        s.hist[bucket_of(vals[i])]++;\\n\"");
    assert_non_null(r);
    assert_int_equal(r->kind, MI_CONSOLE);
    assert_string_equal(r->text, "24\t        s.hist[bucket_of(vals[i])]++;\n");
    mi_record_free(r);
    r = mi_parse_line("@\"Current instruction count: 27347\\n\"");
    assert_int_equal(r->kind, MI_TARGET);
    assert_string_equal(r->text, "Current instruction count: 27347\n");
    mi_record_free(r);
    /* a value that is itself a quoted C string, and an octal escape */
    r = mi_parse_line("9^done,value=\"0x1 \\\"a\\\\b\\\"\",oct=\"\\101\\0102\"");
    assert_string_equal(s(r->results, "value"), "0x1 \"a\\b\"");
    assert_string_equal(s(r->results, "oct"), "A\b2"); /* at most 3 octal digits: \010 then '2' */
    mi_record_free(r);
    r = mi_parse_line("&\"kill\\n\"\r");
    assert_int_equal(r->kind, MI_LOG);
    assert_string_equal(r->text, "kill\n");
    mi_record_free(r);
    r = mi_parse_line("6^error,msg=\"\\\"/tmp/x.sock\\\": No such file or directory.\"");
    assert_string_equal(r->cls, "error");
    assert_string_equal(s(r->results, "msg"), "\"/tmp/x.sock\": No such file or directory.");
    mi_record_free(r);
}

/* Bytes that are not UTF-8 cannot go into JSON: they become '?'. */
static void non_utf8_bytes(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line("1^done,value=\"a\\377b\"");
    assert_non_null(r);
    assert_string_equal(s(r->results, "value"), "a?b");
    mi_record_free(r);
}

static void prompt(void **state)
{
    (void)state;
    struct mi_record *r = mi_parse_line("(gdb) ");
    assert_non_null(r);
    assert_int_equal(r->kind, MI_PROMPT);
    mi_record_free(r);
}

static void malformed_lines(void **state)
{
    (void)state;
    static const char *bad[] = {
        "",
        "Some text gdb printed",
        "^",
        "1^done,",
        "1^done,x",
        "1^done,x=",
        "1^done,x=\"unterminated",
        "1^done,x=\"bad escape \\q\"",
        "1^done,x={a=\"1\"",
        "1^done,x=[\"1\",",
        "1^done,x=\"1\"garbage",
        "1^done,x=\"1\",,y=\"2\"",
        "~\"text\" after",
        "~unquoted",
        "1^done,x=\"ends in a backslash\\",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct mi_record *r = mi_parse_line(bad[i]);
        if (r)
            fail_msg("parsed: %s", bad[i]);
    }
}

/* Every prefix of a valid line parses or is refused, without reading past
 * its end (ASan watches in the sanitizer build). */
static void truncated_lines(void **state)
{
    (void)state;
    const char *line = "7^done,stack=[frame={level=\"0\",addr=\"0x000105cc\",func=\"count\",args=[{name=\"n\","
                       "value=\"40\"}],file=\"a \\\"b\\\".c\"}],x=[]";
    struct mi_record *whole = mi_parse_line(line);
    assert_non_null(whole);
    mi_record_free(whole);
    for (size_t n = 0; n < strlen(line); n++) {
        char *p = strndup(line, n);
        mi_record_free(mi_parse_line(p));
        free(p);
    }
}

static void nesting_is_bounded(void **state)
{
    (void)state;
    char line[4096] = "1^done,x=";
    size_t n = strlen(line);
    for (int i = 0; i < 1000; i++)
        line[n++] = '[';
    line[n] = '\0';
    assert_null(mi_parse_line(line));
}

static void quote_round_trip(void **state)
{
    (void)state;
    const char *cases[] = {"plain", "with \"quotes\"", "back\\slash", "new\nline", "", "i == 20"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *q = mi_quote(cases[i]);
        const char *p = q;
        char *back = mi_parse_cstring(&p);
        assert_non_null(back);
        assert_string_equal(back, cases[i]);
        assert_int_equal(*p, '\0');
        free(back);
        free(q);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(result_with_nested_tuple_and_list),
        cmocka_unit_test(list_of_results_becomes_array),
        cmocka_unit_test(list_of_values_with_empty_strings),
        cmocka_unit_test(async_records),
        cmocka_unit_test(stream_records_and_escapes),
        cmocka_unit_test(non_utf8_bytes),
        cmocka_unit_test(prompt),
        cmocka_unit_test(malformed_lines),
        cmocka_unit_test(truncated_lines),
        cmocka_unit_test(nesting_is_bounded),
        cmocka_unit_test(quote_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
