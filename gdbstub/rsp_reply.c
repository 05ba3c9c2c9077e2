/* RSP reply builders (see rsp_reply.h): bounded appends into a fixed buffer;
 * every whole-reply function starts from empty, so one request gets one reply.
 * Never touches the target, never parses input. */
#include "gdbstub/rsp_reply.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gdbstub/rsp_target.h"

static const char hexdig[] = "0123456789abcdef";

void rsp_reply_reset(struct rsp_reply *r) {
    r->len = 0;
    r->overflow = false;
}

const uint8_t *rsp_reply_data(const struct rsp_reply *r, size_t *len) {
    if (r->overflow) {
        *len = 3;
        return (const uint8_t *)"E07";
    }
    *len = r->len;
    return r->buf;
}

bool rsp_reply_append(struct rsp_reply *r, const void *bytes, size_t len) {
    if (r->overflow || len > RSP_REPLY_CAP - r->len) {
        r->overflow = true;
        return false;
    }
    if (len)
        memcpy(r->buf + r->len, bytes, len);
    r->len += len;
    return true;
}

bool rsp_reply_str(struct rsp_reply *r, const char *s) { return rsp_reply_append(r, s, strlen(s)); }

bool rsp_reply_hex(struct rsp_reply *r, const void *bytes, size_t len) {
    const uint8_t *p = bytes;
    if (r->overflow || len > (RSP_REPLY_CAP - r->len) / 2) {
        r->overflow = true;
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        r->buf[r->len++] = (uint8_t)hexdig[p[i] >> 4];
        r->buf[r->len++] = (uint8_t)hexdig[p[i] & 15];
    }
    return true;
}

bool rsp_reply_hex_u8(struct rsp_reply *r, uint8_t v) { return rsp_reply_hex(r, &v, 1); }

bool rsp_reply_hex_num(struct rsp_reply *r, uint32_t v) {
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = hexdig[v & 15];
        v >>= 4;
    } while (v);
    char out[8];
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return rsp_reply_append(r, out, (size_t)n);
}

bool rsp_reply_reg32(struct rsp_reply *r, uint32_t v) {
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return rsp_reply_hex(r, b, 4);
}

bool rsp_reply_reg64(struct rsp_reply *r, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    return rsp_reply_hex(r, b, 8);
}

bool rsp_reply_reg_unavailable(struct rsp_reply *r, unsigned bytes) {
    for (unsigned i = 0; i < bytes; i++)
        if (!rsp_reply_append(r, "xx", 2))
            return false;
    return true;
}

bool rsp_reply_ok(struct rsp_reply *r) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "OK");
}

bool rsp_reply_error(struct rsp_reply *r, uint8_t err) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "E") && rsp_reply_hex_u8(r, err);
}

bool rsp_reply_empty(struct rsp_reply *r) {
    rsp_reply_reset(r);
    return true;
}

bool rsp_reply_stop(struct rsp_reply *r, const struct rsp_stop *s) {
    rsp_reply_reset(r);
    rsp_reply_str(r, "T");
    rsp_reply_hex_u8(r, s->signal);
    if (s->has_regs) {
        rsp_reply_str(r, "0f:");
        rsp_reply_reg32(r, s->pc);
        rsp_reply_str(r, ";0d:");
        rsp_reply_reg32(r, s->sp);
        rsp_reply_str(r, ";");
    }
    const char *watch = NULL;
    switch (s->reason) {
    case RSP_STOP_NONE:
        break;
    case RSP_STOP_SWBREAK:
        rsp_reply_str(r, "swbreak:;");
        break;
    case RSP_STOP_HWBREAK:
        rsp_reply_str(r, "hwbreak:;");
        break;
    case RSP_STOP_WATCH:
        watch = "watch:";
        break;
    case RSP_STOP_RWATCH:
        watch = "rwatch:";
        break;
    case RSP_STOP_AWATCH:
        watch = "awatch:";
        break;
    case RSP_STOP_REPLAYLOG_BEGIN:
        rsp_reply_str(r, "replaylog:begin;");
        break;
    case RSP_STOP_REPLAYLOG_END:
        rsp_reply_str(r, "replaylog:end;");
        break;
    }
    if (watch) {
        rsp_reply_str(r, watch);
        rsp_reply_hex_num(r, s->watch_addr);
        rsp_reply_str(r, ";");
    }
    if (s->thread > 0) {
        rsp_reply_str(r, "thread:");
        rsp_reply_thread_id(r, s->pid, s->thread);
        rsp_reply_str(r, ";");
    }
    return !r->overflow;
}

bool rsp_reply_exited(struct rsp_reply *r, uint8_t status) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "W") && rsp_reply_hex_u8(r, status);
}

bool rsp_reply_killed(struct rsp_reply *r, uint8_t signal) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "X") && rsp_reply_hex_u8(r, signal);
}

bool rsp_reply_supported(struct rsp_reply *r, bool reverse) { return rsp_reply_supported_with(r, reverse, false); }

bool rsp_reply_supported_with(struct rsp_reply *r, bool reverse, bool libraries) {
    rsp_reply_reset(r);
    rsp_reply_str(r, "PacketSize=" RSP_PACKET_SIZE_ADVERTISED
                     ";qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
                     ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+;QPassSignals+;QProgramSignals+");
    if (libraries)
        rsp_reply_str(r, ";qXfer:libraries-svr4:read+");
    if (reverse)
        rsp_reply_str(r, ";ReverseStep+;ReverseContinue+");
    return !r->overflow;
}

/* gdb's File-I/O errno values (gdb manual, "Errno Values"); others are
 * EUNKNOWN. */
static unsigned fileio_errno(int host) {
    switch (host) {
    case EPERM: return 1;
    case ENOENT: return 2;
    case EINTR: return 4;
    case EBADF: return 9;
    case EACCES: return 13;
    case EFAULT: return 14;
    case EBUSY: return 16;
    case EEXIST: return 17;
    case ENODEV: return 19;
    case ENOTDIR: return 20;
    case EISDIR: return 21;
    case EINVAL: return 22;
    case ENFILE: return 23;
    case EMFILE: return 24;
    case EFBIG: return 27;
    case ENOSPC: return 28;
    case ESPIPE: return 29;
    case EROFS: return 30;
    case ENAMETOOLONG: return 91;
    default: return 9999;
    }
}

static bool hex64(struct rsp_reply *r, uint64_t v) {
    char buf[20];
    snprintf(buf, sizeof buf, "%" PRIx64, v);
    return rsp_reply_str(r, buf);
}

bool rsp_reply_vfile_result(struct rsp_reply *r, int64_t result) {
    rsp_reply_reset(r);
    rsp_reply_str(r, "F");
    if (result >= 0)
        return hex64(r, (uint64_t)result);
    rsp_reply_str(r, "-1,");
    return hex64(r, fileio_errno((int)-result));
}

bool rsp_reply_vfile_data(struct rsp_reply *r, const void *data, uint32_t n) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "F") && hex64(r, n) && rsp_reply_str(r, ";") && rsp_reply_append(r, data, n);
}

static void be32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (24 - 8 * i));
}

static void be64(uint8_t *p, uint64_t v) {
    be32(p, (uint32_t)(v >> 32));
    be32(p + 4, (uint32_t)v);
}

/* struct fio_stat of the gdb manual: 7 x 4 bytes, 3 x 8 bytes, 3 x 4 bytes. */
bool rsp_reply_vfile_stat(struct rsp_reply *r, const struct rsp_file_stat *st) {
    uint8_t b[64];
    be32(b + 0, st->dev);
    be32(b + 4, st->ino);
    be32(b + 8, st->mode);
    be32(b + 12, st->nlink);
    be32(b + 16, st->uid);
    be32(b + 20, st->gid);
    be32(b + 24, st->rdev);
    be64(b + 28, st->size);
    be64(b + 36, st->blksize);
    be64(b + 44, st->blocks);
    be32(b + 52, st->atime);
    be32(b + 56, st->mtime);
    be32(b + 60, st->ctime);
    return rsp_reply_vfile_data(r, b, sizeof b);
}

/* Appends s to buf at *at with XML's five special characters escaped. */
static bool xml_text(char *buf, size_t cap, size_t *at, const char *s) {
    for (; *s; s++) {
        const char *e = NULL;
        switch (*s) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&apos;"; break;
        default: break;
        }
        size_t n = e ? strlen(e) : 1;
        if (*at + n >= cap)
            return false;
        memcpy(buf + *at, e ? e : s, n);
        *at += n;
    }
    buf[*at] = 0;
    return true;
}

static bool xml_fmt(char *buf, size_t cap, size_t *at, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static bool xml_fmt(char *buf, size_t cap, size_t *at, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *at, cap - *at, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= cap - *at)
        return false;
    *at += (size_t)n;
    return true;
}

size_t rsp_svr4_library_list(char *buf, size_t cap, const struct rsp_library *libs, unsigned n, uint32_t main_lm) {
    size_t at = 0;
    if (cap == 0)
        return 0;
    buf[0] = 0;
    if (!xml_fmt(buf, cap, &at, "<library-list-svr4 version=\"1.0\""))
        return 0;
    if (main_lm && !xml_fmt(buf, cap, &at, " main-lm=\"0x%" PRIx32 "\"", main_lm))
        return 0;
    if (!xml_fmt(buf, cap, &at, ">"))
        return 0;
    for (unsigned i = 0; i < n; i++) {
        if (!xml_fmt(buf, cap, &at, "<library name=\"") || !xml_text(buf, cap, &at, libs[i].name) ||
            !xml_fmt(buf, cap, &at, "\" lm=\"0x%" PRIx32 "\" l_addr=\"0x%" PRIx32 "\" l_ld=\"0x%" PRIx32
                     "\" lmid=\"0x%" PRIx32 "\"/>",
                     libs[i].lm, libs[i].l_addr, libs[i].l_ld, libs[i].lmid))
            return 0;
    }
    if (!xml_fmt(buf, cap, &at, "</library-list-svr4>"))
        return 0;
    return at;
}

bool rsp_reply_vcont_actions(struct rsp_reply *r) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "vCont;c;C;s;S;r");
}

bool rsp_reply_thread_id(struct rsp_reply *r, uint32_t pid, int32_t tid) {
    if (pid && (!rsp_reply_str(r, "p") || !rsp_reply_hex_num(r, pid) || !rsp_reply_str(r, ".")))
        return false;
    if (tid < 0)
        return rsp_reply_str(r, "-1");
    return rsp_reply_hex_num(r, (uint32_t)tid);
}

bool rsp_reply_current_thread(struct rsp_reply *r, int32_t tid) {
    rsp_reply_reset(r);
    if (tid < 0)
        return rsp_reply_str(r, "QC-1");
    return rsp_reply_str(r, "QC") && rsp_reply_hex_num(r, (uint32_t)tid);
}

bool rsp_reply_xfer(struct rsp_reply *r, const void *obj, size_t obj_len, uint32_t off,
                    uint32_t len) {
    rsp_reply_reset(r);
    if (off >= obj_len)
        return rsp_reply_str(r, "l");
    size_t n = obj_len - off;
    if (n > len)
        n = len;
    if (n > RSP_REPLY_CAP - 1)
        n = RSP_REPLY_CAP - 1;
    if (n == 0) /* len 0: an empty 'm' would make gdb ask again forever */
        return rsp_reply_error(r, 0x16) && false;
    rsp_reply_str(r, off + n < obj_len ? "m" : "l");
    return rsp_reply_append(r, (const uint8_t *)obj + off, n);
}

bool rsp_reply_console(struct rsp_reply *r, const void *text, size_t len) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "O") && rsp_reply_hex(r, text, len);
}
