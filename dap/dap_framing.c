/* DAP framing (see dap_framing.h). */
#include "dap/dap_framing.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void dap_reader_init(struct dap_reader *r)
{
    memset(r, 0, sizeof *r);
}

void dap_reader_free(struct dap_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

bool dap_reader_feed(struct dap_reader *r, const void *data, size_t n)
{
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 4096;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b)
            return false;
        r->buf = b;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, data, n);
    r->len += n;
    r->buf[r->len] = '\0';
    return true;
}

/* The end of the header (the "\r\n\r\n"), or NULL while it is incomplete. */
static const char *header_end(const struct dap_reader *r)
{
    for (size_t i = 0; i + 3 < r->len; i++)
        if (memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
            return r->buf + i;
    return NULL;
}

enum dap_next dap_reader_next(struct dap_reader *r, char **body, size_t *len)
{
    const char *end = header_end(r);
    if (!end)
        return r->len > 8192 ? DAP_BAD_HEADER : DAP_NEED_MORE;
    long long length = -1;
    for (const char *line = r->buf; line < end;) {
        const char *eol = strstr(line, "\r\n");
        static const char key[] = "Content-Length:";
        if ((size_t)(eol - line) > sizeof key - 1 && strncasecmp(line, key, sizeof key - 1) == 0) {
            char *stop;
            const char *v = line + sizeof key - 1;
            while (*v == ' ' || *v == '\t')
                v++;
            errno = 0;
            length = strtoll(v, &stop, 10);
            while (stop < eol && (*stop == ' ' || *stop == '\t'))
                stop++;
            if (stop != eol || v == stop || errno || length < 0)
                return DAP_BAD_HEADER;
        }
        line = eol + 2;
    }
    if (length < 0 || (unsigned long long)length > DAP_MAX_BODY)
        return DAP_BAD_HEADER;
    size_t start = (size_t)(end + 4 - r->buf);
    if (r->len - start < (size_t)length)
        return DAP_NEED_MORE;
    char *b = malloc((size_t)length + 1);
    if (!b)
        return DAP_BAD_HEADER;
    memcpy(b, r->buf + start, (size_t)length);
    b[length] = '\0';
    *body = b;
    *len = (size_t)length;
    size_t used = start + (size_t)length;
    memmove(r->buf, r->buf + used, r->len - used + 1);
    r->len -= used;
    return DAP_MESSAGE;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool dap_write_json(int fd, const json_t *v)
{
    char *text = json_dumps(v, JSON_COMPACT);
    if (!text)
        return false;
    char head[64];
    size_t n = strlen(text);
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    bool ok = write_all(fd, head, (size_t)h) && write_all(fd, text, n);
    free(text);
    return ok;
}
