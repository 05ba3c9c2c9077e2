/* DAP base protocol framing: messages are "Content-Length: N\r\n\r\n" then N
 * bytes of JSON (other header fields are allowed and ignored). The reader is
 * fed bytes as they arrive and hands out whole message bodies; the writer
 * frames one JSON value.
 *
 * It must never interpret the JSON (that is the dispatcher's job) nor block on
 * input; a malformed header is an error the caller reports, never a crash. */
#pragma once
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Largest message body accepted (a setBreakpoints of a huge file is ~100 KB). */
#define DAP_MAX_BODY (64u << 20)

struct dap_reader {
    char *buf;
    size_t len, cap;
};

void dap_reader_init(struct dap_reader *r);
void dap_reader_free(struct dap_reader *r);
/* Appends n bytes; false if out of memory. */
bool dap_reader_feed(struct dap_reader *r, const void *data, size_t n);

enum dap_next { DAP_NEED_MORE, DAP_MESSAGE, DAP_BAD_HEADER };
/* Takes the next whole message out of the buffer: on DAP_MESSAGE *body is a
 * malloc'd NUL-terminated copy of its *len bytes. DAP_BAD_HEADER: the header
 * has no valid Content-Length (or too large a one); the stream cannot be
 * resynchronised and the caller should give up. */
enum dap_next dap_reader_next(struct dap_reader *r, char **body, size_t *len);

/* Writes v framed to fd, all of it (retrying short writes); false on error. */
bool dap_write_json(int fd, const json_t *v);
