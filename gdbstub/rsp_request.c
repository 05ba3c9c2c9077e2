/* RSP request parser (see rsp_request.h): a cursor walks the payload, every
 * number and every hex or binary argument is checked, and the packet becomes
 * exactly one typed request. Never touches the target, never formats replies,
 * never asserts on input, never reads outside the payload. */
#include "gdbstub/rsp_request.h"

#include <string.h>

struct cur {
    uint8_t *p, *end;
};

static bool at_end(const struct cur *c) { return c->p >= c->end; }

static bool eat(struct cur *c, char ch) {
    if (at_end(c) || *c->p != (uint8_t)ch)
        return false;
    c->p++;
    return true;
}

/* Consumes the literal s if the remaining input starts with it. */
static bool eat_str(struct cur *c, const char *s) {
    size_t n = strlen(s);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
        return false;
    c->p += n;
    return true;
}

/* True if the remaining input is exactly s. */
static bool rest_is(const struct cur *c, const char *s) {
    size_t n = strlen(s);
    return (size_t)(c->end - c->p) == n && memcmp(c->p, s, n) == 0;
}

static int hexval(uint8_t ch) {
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* One or more hex digits into a 32-bit value. Returns 0 or an rsp_errno. */
static int hex32(struct cur *c, uint32_t *out) {
    uint64_t v = 0;
    int d;
    if (at_end(c) || hexval(*c->p) < 0)
        return RSP_ERR_INVAL;
    while (!at_end(c) && (d = hexval(*c->p)) >= 0) {
        v = v << 4 | (unsigned)d;
        if (v > UINT32_MAX)
            return RSP_ERR_RANGE;
        c->p++;
    }
    *out = (uint32_t)v;
    return 0;
}

/* Decodes n hex digit pairs at src into dst (dst may equal src: in place). */
static int unhex(uint8_t *dst, const uint8_t *src, size_t ndigits) {
    if (ndigits % 2)
        return RSP_ERR_INVAL;
    for (size_t i = 0; i < ndigits / 2; i++) {
        int hi = hexval(src[2 * i]), lo = hexval(src[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return RSP_ERR_INVAL;
        dst[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

/* One id: "-1" (all) or hex up to 0x7fffffff. */
static int one_id(struct cur *c, int32_t *id) {
    uint32_t v;
    int err;
    if (eat_str(c, "-1")) {
        *id = RSP_TID_ALL;
        return 0;
    }
    if ((err = hex32(c, &v)))
        return err;
    if (v > 0x7fffffff)
        return RSP_ERR_RANGE;
    *id = (int32_t)v;
    return 0;
}

/* A thread id: "-1", hex (0 = any), or the multiprocess form pPID[.TID]
 * (gives TID, or PID's meaning when there is no TID). */
static int thread_id(struct cur *c, int32_t *tid) {
    int err;
    if (eat(c, 'p')) {
        if ((err = one_id(c, tid)))
            return err;
        if (!eat(c, '.'))
            return 0;
    }
    return one_id(c, tid);
}

/* addr,len with addr+len <= 2^32 and len <= max. */
static int addr_len(struct cur *c, uint32_t *addr, uint32_t *len, uint32_t max) {
    int err;
    if ((err = hex32(c, addr)))
        return err;
    if (!eat(c, ','))
        return RSP_ERR_INVAL;
    if ((err = hex32(c, len)))
        return err;
    if (*len > max)
        return RSP_ERR_TOOBIG;
    if ((uint64_t)*addr + *len > (uint64_t)1 << 32)
        return RSP_ERR_FAULT;
    return 0;
}

static void malformed(struct rsp_request *req, int err) {
    memset(req, 0, sizeof(*req));
    req->kind = RSP_REQ_MALFORMED;
    req->u.error = (uint8_t)err;
}

/* Sets kind if the rest of the packet is empty, else MALFORMED. */
static void simple(struct rsp_request *req, struct cur *c, enum rsp_req_kind kind) {
    if (!at_end(c))
        malformed(req, RSP_ERR_INVAL);
    else
        req->kind = kind;
}

static void parse_mem(struct rsp_request *req, struct cur *c, char op) {
    uint32_t addr, len;
    int err = addr_len(c, &addr, &len, op == 'm' ? RSP_MAX_MEM_LEN : RSP_MAX_MEM_WRITE_LEN);
    if (err)
        return malformed(req, err);
    req->u.mem.addr = addr;
    req->u.mem.len = len;
    if (op == 'm')
        return simple(req, c, RSP_REQ_READ_MEM);
    if (!eat(c, ':'))
        return malformed(req, RSP_ERR_INVAL);
    size_t n = (size_t)(c->end - c->p);
    if (op == 'M') {
        if (n != 2 * (size_t)len)
            return malformed(req, RSP_ERR_INVAL);
        if ((err = unhex(c->p, c->p, n)))
            return malformed(req, err);
    } else if (n != len) {
        return malformed(req, RSP_ERR_INVAL);
    }
    req->u.mem.data = c->p;
    req->u.mem.binary = op == 'X';
    req->kind = RSP_REQ_WRITE_MEM;
}

static void parse_point(struct rsp_request *req, struct cur *c, bool insert) {
    uint32_t type, addr, kind;
    int err;
    if ((err = hex32(c, &type)) || !eat(c, ',') || (err = hex32(c, &addr)) ||
        !eat(c, ',') || (err = hex32(c, &kind)))
        return malformed(req, err ? err : RSP_ERR_INVAL);
    if (!at_end(c)) /* conditions/commands: we never advertise them */
        return malformed(req, RSP_ERR_INVAL);
    if (type > RSP_POINT_ACCESS_WATCH) {
        req->kind = RSP_REQ_UNKNOWN;
        return;
    }
    if (type >= RSP_POINT_WRITE_WATCH && (kind == 0 || (uint64_t)addr + kind > (uint64_t)1 << 32))
        return malformed(req, RSP_ERR_INVAL);
    req->u.point.type = (enum rsp_point_type)type;
    req->u.point.addr = addr;
    req->u.point.kind = kind;
    req->kind = insert ? RSP_REQ_INSERT_POINT : RSP_REQ_REMOVE_POINT;
}

/* c [addr], s [addr], C sig[;addr], S sig[;addr] */
static void parse_resume(struct rsp_request *req, struct cur *c, char op) {
    int err;
    req->u.resume.step = op == 's' || op == 'S';
    if (op == 'C' || op == 'S') {
        uint32_t sig;
        if ((err = hex32(c, &sig)))
            return malformed(req, err);
        if (sig > 0xff)
            return malformed(req, RSP_ERR_RANGE);
        req->u.resume.has_signal = true;
        req->u.resume.signal = (uint8_t)sig;
        if (at_end(c))
            return simple(req, c, RSP_REQ_RESUME);
        if (!eat(c, ';'))
            return malformed(req, RSP_ERR_INVAL);
    }
    if (!at_end(c) || (op == 'C' || op == 'S')) { /* "C05;" needs its addr */
        if ((err = hex32(c, &req->u.resume.addr)))
            return malformed(req, err);
        req->u.resume.has_addr = true;
    }
    simple(req, c, RSP_REQ_RESUME);
}

static void parse_vcont(struct rsp_request *req, struct cur *c) {
    unsigned n = 0;
    int err;
    if (at_end(c))
        return malformed(req, RSP_ERR_INVAL);
    while (!at_end(c)) {
        if (n == RSP_MAX_VCONT_ACTIONS)
            return malformed(req, RSP_ERR_TOOBIG);
        struct rsp_vcont_action *a = &req->u.vcont.actions[n];
        uint8_t op = *c->p++;
        uint32_t v;
        a->tid = RSP_TID_ALL;
        switch (op) {
        case 'c':
            a->op = RSP_VCONT_CONTINUE;
            break;
        case 's':
            a->op = RSP_VCONT_STEP;
            break;
        case 'C':
        case 'S':
            a->op = op == 'C' ? RSP_VCONT_CONTINUE_SIG : RSP_VCONT_STEP_SIG;
            if ((err = hex32(c, &v)))
                return malformed(req, err);
            if (v > 0xff)
                return malformed(req, RSP_ERR_RANGE);
            a->signal = (uint8_t)v;
            break;
        case 'r':
            a->op = RSP_VCONT_RANGE;
            if ((err = hex32(c, &a->start)) || !eat(c, ',') || (err = hex32(c, &a->end)))
                return malformed(req, err ? err : RSP_ERR_INVAL);
            if (a->start > a->end)
                return malformed(req, RSP_ERR_INVAL);
            break;
        default:
            return malformed(req, RSP_ERR_INVAL);
        }
        if (eat(c, ':') && (err = thread_id(c, &a->tid)))
            return malformed(req, err);
        n++;
        if (!at_end(c) && (!eat(c, ';') || at_end(c)))
            return malformed(req, RSP_ERR_INVAL);
    }
    req->u.vcont.count = n;
    req->kind = RSP_REQ_VCONT;
}

static const struct {
    const char *name;
    uint32_t bit;
} gdb_features[] = {
    {"swbreak", RSP_GDB_SWBREAK},
    {"hwbreak", RSP_GDB_HWBREAK},
    {"vContSupported", RSP_GDB_VCONT_SUPPORTED},
    {"multiprocess", RSP_GDB_MULTIPROCESS},
    {"no-resumed", RSP_GDB_NO_RESUMED},
    {"QThreadEvents", RSP_GDB_QTHREAD_EVENTS},
    {"fork-events", RSP_GDB_FORK_EVENTS},
    {"exec-events", RSP_GDB_EXEC_EVENTS},
};

/* qSupported[:f1;f2...]: unknown or odd entries are ignored, never an error
 * (gdb must always get our feature list). */
static void parse_supported(struct rsp_request *req, struct cur *c) {
    req->kind = RSP_REQ_QSUPPORTED;
    if (at_end(c))
        return;
    if (!eat(c, ':')) {
        req->kind = RSP_REQ_UNKNOWN; /* e.g. "qSupportedFoo" */
        return;
    }
    while (!at_end(c)) {
        uint8_t *start = c->p;
        while (!at_end(c) && *c->p != ';')
            c->p++;
        size_t n = (size_t)(c->p - start);
        eat(c, ';');
        if (n < 2 || start[n - 1] != '+')
            continue;
        for (size_t i = 0; i < sizeof(gdb_features) / sizeof(gdb_features[0]); i++) {
            size_t fl = strlen(gdb_features[i].name);
            if (fl == n - 1 && memcmp(start, gdb_features[i].name, fl) == 0)
                req->u.supported.gdb_features |= gdb_features[i].bit;
        }
    }
}

/* qXfer:OBJECT:read:ANNEX:OFF,LEN for the objects we serve. */
static void parse_xfer(struct rsp_request *req, struct cur *c) {
    enum rsp_req_kind kind;
    int err;
    if (eat_str(c, "features:"))
        kind = RSP_REQ_XFER_FEATURES;
    else if (eat_str(c, "auxv:"))
        kind = RSP_REQ_XFER_AUXV;
    else if (eat_str(c, "exec-file:"))
        kind = RSP_REQ_XFER_EXEC_FILE;
    else if (eat_str(c, "libraries-svr4:"))
        kind = RSP_REQ_XFER_LIBRARIES;
    else if (eat_str(c, "siginfo:"))
        kind = RSP_REQ_XFER_SIGINFO;
    else
        return; /* UNKNOWN: an object we do not serve */
    if (!eat_str(c, "read:"))
        return; /* UNKNOWN: write or another operation */
    uint8_t *annex = c->p;
    while (!at_end(c) && *c->p != ':')
        c->p++;
    if (at_end(c))
        return malformed(req, RSP_ERR_INVAL);
    size_t annex_len = (size_t)(c->p - annex);
    *c->p++ = 0; /* terminate the annex in place of its ':' */
    uint32_t off, len;
    if ((err = hex32(c, &off)) || !eat(c, ',') || (err = hex32(c, &len)))
        return malformed(req, err ? err : RSP_ERR_INVAL);
    if (!at_end(c))
        return malformed(req, RSP_ERR_INVAL);
    if (len == 0) /* a 0-byte chunk could only be answered with an endless 'm' */
        return malformed(req, RSP_ERR_INVAL);
    if ((kind == RSP_REQ_XFER_AUXV || kind == RSP_REQ_XFER_SIGINFO) && annex_len != 0)
        return malformed(req, RSP_ERR_INVAL);
    if (kind == RSP_REQ_XFER_EXEC_FILE && annex_len != 0) {
        struct cur a = {annex, annex + annex_len};
        if ((err = hex32(&a, &req->u.xfer.pid)) || !at_end(&a))
            return malformed(req, err ? err : RSP_ERR_INVAL);
        req->u.xfer.has_pid = true;
    }
    req->u.xfer.annex = (const char *)annex;
    req->u.xfer.annex_len = annex_len;
    req->u.xfer.offset = off;
    req->u.xfer.length = len > RSP_MAX_XFER_LEN ? RSP_MAX_XFER_LEN : len;
    req->kind = kind;
}

/* vRun;FILE[;ARG...], each hex-encoded: only the first argument is kept
 * (decoded in place, NUL-terminated). */
static void parse_run(struct rsp_request *req, struct cur *c) {
    while (!at_end(c) && *c->p != ';')
        c->p++; /* the file name: we run what we loaded */
    static const char none[] = "";
    req->u.run.arg = none;
    if (eat(c, ';')) {
        uint8_t *start = c->p;
        while (!at_end(c) && *c->p != ';')
            c->p++;
        size_t n = (size_t)(c->p - start);
        int err;
        if ((n & 1) || (err = unhex(start, start, n)))
            return malformed(req, RSP_ERR_INVAL);
        if (n > 0) {
            start[n / 2] = 0; /* inside the buffer: n / 2 < n */
            req->u.run.arg = (const char *)start;
        }
    }
    req->kind = RSP_REQ_RUN;
}

/* A hex-encoded path up to the next ',' (or the end), decoded in place and
 * NUL-terminated. A path with a NUL inside is refused. */
static int vfile_path(struct cur *c, const char **out) {
    uint8_t *start = c->p;
    while (!at_end(c) && *c->p != ',')
        c->p++;
    size_t n = (size_t)(c->p - start);
    int err;
    if (n == 0 || (err = unhex(start, start, n)))
        return RSP_ERR_INVAL;
    if (memchr(start, 0, n / 2))
        return RSP_ERR_INVAL;
    start[n / 2] = 0; /* n / 2 < n: inside the payload */
    *out = (const char *)start;
    return 0;
}

static int vfile_fd(struct cur *c, int32_t *fd) {
    uint32_t v;
    int err;
    if ((err = hex32(c, &v)))
        return err;
    if (v > 0x7fffffff)
        return RSP_ERR_RANGE;
    *fd = (int32_t)v;
    return 0;
}

/* vFile:OP:ARGS, the host I/O packets gdb's target: sysroot uses. */
static void parse_vfile(struct rsp_request *req, struct cur *c) {
    int err = 0;
    enum rsp_req_kind kind;
    if (eat_str(c, "setfs:")) {
        kind = RSP_REQ_VFILE_SETFS;
        err = hex32(c, &req->u.vfile.pid);
    } else if (eat_str(c, "open:")) {
        kind = RSP_REQ_VFILE_OPEN;
        if (!(err = vfile_path(c, &req->u.vfile.path))) {
            if (!eat(c, ',') || (err = hex32(c, &req->u.vfile.flags)) || !eat(c, ','))
                err = err ? err : RSP_ERR_INVAL;
            else
                err = hex32(c, &req->u.vfile.mode);
        }
    } else if (eat_str(c, "pread:")) {
        kind = RSP_REQ_VFILE_PREAD;
        if (!(err = vfile_fd(c, &req->u.vfile.fd))) {
            if (!eat(c, ',') || (err = hex32(c, &req->u.vfile.count)) || !eat(c, ','))
                err = err ? err : RSP_ERR_INVAL;
            else
                err = hex32(c, &req->u.vfile.offset);
        }
        if (req->u.vfile.count > RSP_MAX_VFILE_READ)
            req->u.vfile.count = RSP_MAX_VFILE_READ;
    } else if (eat_str(c, "close:")) {
        kind = RSP_REQ_VFILE_CLOSE;
        err = vfile_fd(c, &req->u.vfile.fd);
    } else if (eat_str(c, "fstat:")) {
        kind = RSP_REQ_VFILE_FSTAT;
        err = vfile_fd(c, &req->u.vfile.fd);
    } else if (eat_str(c, "readlink:")) {
        kind = RSP_REQ_VFILE_READLINK;
        err = vfile_path(c, &req->u.vfile.path);
    } else {
        return; /* UNKNOWN: pwrite, unlink, ... are not served */
    }
    if (err)
        return malformed(req, err);
    simple(req, c, kind);
}

/* QPassSignals: / QProgramSignals: a list of hex gdb signal numbers
 * separated by ';', possibly empty. */
static void parse_signals(struct rsp_request *req, struct cur *c, enum rsp_req_kind kind) {
    memset(&req->u.signals, 0, sizeof req->u.signals);
    while (!at_end(c)) {
        uint32_t v;
        int err = hex32(c, &v);
        if (err)
            return malformed(req, err);
        if (v > 255)
            return malformed(req, RSP_ERR_RANGE);
        req->u.signals.set[v / 64] |= 1ull << (v % 64);
        if (!at_end(c) && !eat(c, ';'))
            return malformed(req, RSP_ERR_INVAL);
    }
    req->kind = kind;
}

static void parse_q(struct rsp_request *req, struct cur *c) {
    int err;
    if (eat_str(c, "Supported"))
        return parse_supported(req, c);
    if (eat_str(c, "Xfer:"))
        return parse_xfer(req, c);
    if (rest_is(c, "Attached")) {
        req->kind = RSP_REQ_ATTACHED;
        return;
    }
    if (eat_str(c, "Attached:")) {
        uint32_t pid;
        if ((err = hex32(c, &pid)))
            return malformed(req, err);
        return simple(req, c, RSP_REQ_ATTACHED);
    }
    if (rest_is(c, "C"))
        req->kind = RSP_REQ_CURRENT_THREAD;
    else if (rest_is(c, "fThreadInfo"))
        req->kind = RSP_REQ_THREAD_INFO_FIRST;
    else if (rest_is(c, "sThreadInfo"))
        req->kind = RSP_REQ_THREAD_INFO_NEXT;
    else if (rest_is(c, "Offsets"))
        req->kind = RSP_REQ_OFFSETS;
    else if (rest_is(c, "TStatus"))
        req->kind = RSP_REQ_TSTATUS;
    else if (eat_str(c, "Symbol:"))
        req->kind = RSP_REQ_SYMBOL;
    else if (eat_str(c, "Rcmd,")) {
        size_t n = (size_t)(c->end - c->p);
        if ((err = unhex(c->p, c->p, n)))
            return malformed(req, err);
        if (n == 0) {
            req->u.monitor.text = "";
        } else {
            c->p[n / 2] = 0; /* n / 2 < n: inside the payload */
            req->u.monitor.text = (const char *)c->p;
        }
        req->u.monitor.len = n / 2;
        req->kind = RSP_REQ_MONITOR;
    }
}

void rsp_parse_request(uint8_t *data, size_t len, struct rsp_request *req) {
    memset(req, 0, sizeof(*req));
    req->kind = RSP_REQ_UNKNOWN;
    if (!data || len == 0)
        return;
    struct cur c = {data + 1, data + len};
    uint32_t v;
    int err;
    switch (data[0]) {
    case '?':
        return simple(req, &c, RSP_REQ_HALT_REASON);
    case 'g':
        return simple(req, &c, RSP_REQ_READ_REGS);
    case 'G': {
        size_t n = (size_t)(c.end - c.p);
        if (n == 0)
            return malformed(req, RSP_ERR_INVAL);
        if ((err = unhex(c.p, c.p, n)))
            return malformed(req, err);
        req->u.regs.data = c.p;
        req->u.regs.len = n / 2;
        req->kind = RSP_REQ_WRITE_REGS;
        return;
    }
    case 'p':
        if ((err = hex32(&c, &v)))
            return malformed(req, err);
        req->u.reg.num = v;
        return simple(req, &c, RSP_REQ_READ_REG);
    case 'P': {
        if ((err = hex32(&c, &v)))
            return malformed(req, err);
        if (!eat(&c, '='))
            return malformed(req, RSP_ERR_INVAL);
        size_t n = (size_t)(c.end - c.p);
        if (n == 0 || n > 2 * RSP_MAX_REG_BYTES)
            return malformed(req, n ? RSP_ERR_TOOBIG : RSP_ERR_INVAL);
        if ((err = unhex(c.p, c.p, n)))
            return malformed(req, err);
        req->u.reg.num = v;
        req->u.reg.value = c.p;
        req->u.reg.len = n / 2;
        req->kind = RSP_REQ_WRITE_REG;
        return;
    }
    case 'm':
    case 'M':
    case 'X':
        return parse_mem(req, &c, (char)data[0]);
    case 'Z':
    case 'z':
        return parse_point(req, &c, data[0] == 'Z');
    case 'c':
    case 's':
    case 'C':
    case 'S':
        return parse_resume(req, &c, (char)data[0]);
    case 'b':
        if (rest_is(&c, "c") || rest_is(&c, "s")) {
            req->u.resume.reverse = true;
            req->u.resume.step = *c.p == 's';
            req->kind = RSP_REQ_RESUME;
        }
        return;
    case 'k':
        return simple(req, &c, RSP_REQ_KILL);
    case 'D':
        if (eat(&c, ';') && (err = hex32(&c, &v)))
            return malformed(req, err);
        return simple(req, &c, RSP_REQ_DETACH);
    case 'H': {
        if (at_end(&c) || (*c.p != 'g' && *c.p != 'c'))
            return; /* UNKNOWN: other H operations */
        char op = (char)*c.p++;
        int32_t tid;
        if ((err = thread_id(&c, &tid)))
            return malformed(req, err);
        req->u.set_thread.op = op;
        req->u.set_thread.tid = tid;
        return simple(req, &c, RSP_REQ_SET_THREAD);
    }
    case 'T': {
        int32_t tid;
        if ((err = thread_id(&c, &tid)))
            return malformed(req, err);
        req->u.tid = tid;
        return simple(req, &c, RSP_REQ_THREAD_ALIVE);
    }
    case 'q':
        return parse_q(req, &c);
    case 'Q':
        if (rest_is(&c, "StartNoAckMode"))
            req->kind = RSP_REQ_START_NOACK;
        else if (eat_str(&c, "PassSignals:"))
            parse_signals(req, &c, RSP_REQ_PASS_SIGNALS);
        else if (eat_str(&c, "ProgramSignals:"))
            parse_signals(req, &c, RSP_REQ_PROGRAM_SIGNALS);
        return;
    case 'v':
        if (rest_is(&c, "Cont?"))
            req->kind = RSP_REQ_VCONT_QUERY;
        else if (rest_is(&c, "MustReplyEmpty"))
            req->kind = RSP_REQ_MUST_REPLY_EMPTY;
        else if (eat_str(&c, "Cont;"))
            parse_vcont(req, &c);
        else if (eat_str(&c, "Kill;"))
            req->kind = RSP_REQ_VKILL;
        else if (eat_str(&c, "Run;"))
            parse_run(req, &c);
        else if (eat_str(&c, "File:"))
            parse_vfile(req, &c);
        return;
    case '!':
        return simple(req, &c, RSP_REQ_EXTENDED);
    default:
        return;
    }
}

const char *rsp_req_kind_name(enum rsp_req_kind kind) {
    static const char *const names[RSP_REQ_KIND_COUNT] = {
        [RSP_REQ_UNKNOWN] = "unknown",
        [RSP_REQ_MALFORMED] = "malformed",
        [RSP_REQ_QSUPPORTED] = "qSupported",
        [RSP_REQ_XFER_FEATURES] = "qXfer:features:read",
        [RSP_REQ_XFER_AUXV] = "qXfer:auxv:read",
        [RSP_REQ_XFER_EXEC_FILE] = "qXfer:exec-file:read",
        [RSP_REQ_XFER_LIBRARIES] = "qXfer:libraries-svr4:read",
        [RSP_REQ_XFER_SIGINFO] = "qXfer:siginfo:read",
        [RSP_REQ_VFILE_SETFS] = "vFile:setfs",
        [RSP_REQ_VFILE_OPEN] = "vFile:open",
        [RSP_REQ_VFILE_PREAD] = "vFile:pread",
        [RSP_REQ_VFILE_CLOSE] = "vFile:close",
        [RSP_REQ_VFILE_FSTAT] = "vFile:fstat",
        [RSP_REQ_VFILE_READLINK] = "vFile:readlink",
        [RSP_REQ_START_NOACK] = "QStartNoAckMode",
        [RSP_REQ_PASS_SIGNALS] = "QPassSignals",
        [RSP_REQ_PROGRAM_SIGNALS] = "QProgramSignals",
        [RSP_REQ_HALT_REASON] = "?",
        [RSP_REQ_READ_REGS] = "g",
        [RSP_REQ_WRITE_REGS] = "G",
        [RSP_REQ_READ_REG] = "p",
        [RSP_REQ_WRITE_REG] = "P",
        [RSP_REQ_READ_MEM] = "m",
        [RSP_REQ_WRITE_MEM] = "M/X",
        [RSP_REQ_INSERT_POINT] = "Z",
        [RSP_REQ_REMOVE_POINT] = "z",
        [RSP_REQ_RESUME] = "c/s/bc/bs",
        [RSP_REQ_VCONT_QUERY] = "vCont?",
        [RSP_REQ_VCONT] = "vCont",
        [RSP_REQ_ATTACHED] = "qAttached",
        [RSP_REQ_CURRENT_THREAD] = "qC",
        [RSP_REQ_THREAD_INFO_FIRST] = "qfThreadInfo",
        [RSP_REQ_THREAD_INFO_NEXT] = "qsThreadInfo",
        [RSP_REQ_OFFSETS] = "qOffsets",
        [RSP_REQ_KILL] = "k",
        [RSP_REQ_DETACH] = "D",
        [RSP_REQ_MONITOR] = "qRcmd",
        [RSP_REQ_MUST_REPLY_EMPTY] = "vMustReplyEmpty",
        [RSP_REQ_EXTENDED] = "!",
        [RSP_REQ_RUN] = "vRun",
        [RSP_REQ_VKILL] = "vKill",
        [RSP_REQ_SET_THREAD] = "H",
        [RSP_REQ_THREAD_ALIVE] = "T",
        [RSP_REQ_TSTATUS] = "qTStatus",
        [RSP_REQ_SYMBOL] = "qSymbol",
    };
    if ((unsigned)kind >= RSP_REQ_KIND_COUNT || !names[kind])
        return "?kind";
    return names[kind];
}
