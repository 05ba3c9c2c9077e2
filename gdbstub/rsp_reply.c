/* RSP reply builders (see rsp_reply.h): bounded appends into a fixed buffer;
 * every whole-reply function starts from empty, so one request gets one reply.
 * Never touches the target, never parses input. */
#include "gdbstub/rsp_reply.h"

#include <string.h>

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
        rsp_reply_hex_num(r, (uint32_t)s->thread);
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

bool rsp_reply_supported(struct rsp_reply *r, bool reverse) {
    rsp_reply_reset(r);
    rsp_reply_str(r, "PacketSize=" RSP_PACKET_SIZE_ADVERTISED
                     ";qXfer:features:read+;qXfer:auxv:read+;qXfer:exec-file:read+"
                     ";swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+");
    if (reverse)
        rsp_reply_str(r, ";ReverseStep+;ReverseContinue+");
    return !r->overflow;
}

bool rsp_reply_vcont_actions(struct rsp_reply *r) {
    rsp_reply_reset(r);
    return rsp_reply_str(r, "vCont;c;C;s;S;r");
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
