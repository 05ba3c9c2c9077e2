/* RSP reply builders: the only place that formats protocol text sent to gdb.
 * The server answers each request with exactly one reply built here and hands
 * rsp_reply_data() to rsp_framer_send(), which adds $, #xx and escapes '$',
 * '#', '}' and '*' (so binary qXfer chunks are appended raw here).
 *
 * A reply never grows past RSP_REPLY_CAP bytes: an append that does not fit
 * marks the reply overflowed and rsp_reply_data() then yields "E07", so what
 * leaves is always well-formed. Must never touch the target or parse input. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RSP_REPLY_CAP 65536u
#define RSP_PACKET_SIZE_ADVERTISED "10000" /* hex, = RSP_PACKET_SIZE */

struct rsp_reply {
    size_t len;
    bool overflow;
    uint8_t buf[RSP_REPLY_CAP];
};

enum rsp_stop_reason {
    RSP_STOP_NONE = 0,
    RSP_STOP_SWBREAK,         /* swbreak:; */
    RSP_STOP_HWBREAK,         /* hwbreak:; */
    RSP_STOP_WATCH,           /* watch:ADDR; */
    RSP_STOP_RWATCH,          /* rwatch:ADDR; */
    RSP_STOP_AWATCH,          /* awatch:ADDR; */
    RSP_STOP_REPLAYLOG_BEGIN, /* replaylog:begin; */
    RSP_STOP_REPLAYLOG_END,   /* replaylog:end; */
};

struct rsp_stop {
    uint8_t signal;           /* T<signal>, e.g. 5 = SIGTRAP, 11 = SIGSEGV */
    bool has_regs;            /* add 0f:pc;0d:sp; */
    uint32_t pc, sp;
    enum rsp_stop_reason reason;
    uint32_t watch_addr;      /* for WATCH/RWATCH/AWATCH */
    int32_t thread;           /* > 0: add thread:<hex>; */
    uint32_t pid;             /* with thread, nonzero: thread:p<pid>.<tid>; (multiprocess) */
};

/* Empties r (len 0, overflow cleared). */
void rsp_reply_reset(struct rsp_reply *r);
/* The payload to frame: r's bytes, or "E07" if an append overflowed. */
const uint8_t *rsp_reply_data(const struct rsp_reply *r, size_t *len);

/* Whole replies (each resets r first). Return false on overflow. */
bool rsp_reply_ok(struct rsp_reply *r);                 /* OK */
bool rsp_reply_error(struct rsp_reply *r, uint8_t err); /* Exx */
bool rsp_reply_empty(struct rsp_reply *r);              /* (unsupported) */
bool rsp_reply_stop(struct rsp_reply *r, const struct rsp_stop *stop); /* Txx... */
bool rsp_reply_exited(struct rsp_reply *r, uint8_t status); /* Wxx */
bool rsp_reply_killed(struct rsp_reply *r, uint8_t signal); /* Xxx */
/* qSupported answer; ReverseStep+/ReverseContinue+ only when reverse (history
 * exists). */
bool rsp_reply_supported(struct rsp_reply *r, bool reverse);
bool rsp_reply_vcont_actions(struct rsp_reply *r);        /* vCont;c;C;s;S;r */
bool rsp_reply_current_thread(struct rsp_reply *r, int32_t tid); /* QC<tid> */
/* qXfer chunk of obj[0..obj_len) at off, at most len bytes (and what fits):
 * 'm' + data if more follows, 'l' + data for the last chunk, "l" past the
 * end; E16 (and false) when len is 0. */
bool rsp_reply_xfer(struct rsp_reply *r, const void *obj, size_t obj_len, uint32_t off,
                    uint32_t len);
/* qSupported with qXfer:libraries-svr4:read+ when libraries is set. */
bool rsp_reply_supported_with(struct rsp_reply *r, bool reverse, bool libraries);
/* vFile replies: F<result> (result >= 0) or F-1,<errno> for a negative host
 * errno (mapped to gdb's File-I/O numbers); F<n>;<n raw bytes>; the fstat
 * reply F40;<gdb's 64-byte big-endian struct stat>. */
struct rsp_file_stat;
bool rsp_reply_vfile_result(struct rsp_reply *r, int64_t result);
bool rsp_reply_vfile_data(struct rsp_reply *r, const void *data, uint32_t n);
bool rsp_reply_vfile_stat(struct rsp_reply *r, const struct rsp_file_stat *st);
/* The <library-list-svr4> document for libs[0..n) into buf (cap bytes,
 * NUL-terminated); returns its length, or 0 if it does not fit. */
struct rsp_library;
size_t rsp_svr4_library_list(char *buf, size_t cap, const struct rsp_library *libs, unsigned n, uint32_t main_lm);
/* O<hex>: console output (monitor command text). */
bool rsp_reply_console(struct rsp_reply *r, const void *text, size_t len);

/* Appends (for g packets, m replies, thread lists...). */
bool rsp_reply_append(struct rsp_reply *r, const void *bytes, size_t len);
bool rsp_reply_str(struct rsp_reply *r, const char *s);
bool rsp_reply_hex(struct rsp_reply *r, const void *bytes, size_t len); /* 2 digits/byte */
bool rsp_reply_hex_u8(struct rsp_reply *r, uint8_t v);     /* 2 digits */
bool rsp_reply_hex_num(struct rsp_reply *r, uint32_t v);   /* minimal hex, "0" for 0 */
bool rsp_reply_reg32(struct rsp_reply *r, uint32_t v);     /* 8 digits, little-endian */
bool rsp_reply_reg64(struct rsp_reply *r, uint64_t v);     /* 16 digits, little-endian */
/* A thread id: <tid> in hex, or p<pid>.<tid> when pid is nonzero (gdb's
 * multiprocess form, only once both sides announced multiprocess+). */
bool rsp_reply_thread_id(struct rsp_reply *r, uint32_t pid, int32_t tid);
bool rsp_reply_reg_unavailable(struct rsp_reply *r, unsigned bytes); /* "xx" per byte */
