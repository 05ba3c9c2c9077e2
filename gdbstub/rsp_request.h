/* RSP request parser: one decoded packet payload (from rsp_framing) becomes
 * one typed struct rsp_request before any target logic runs. Every argument
 * is validated here: bad hex, 32-bit overflow, lengths over the limits below,
 * odd hex digit counts and trailing junk give RSP_REQ_MALFORMED with an error
 * number for an Exx reply; packets we do not implement give RSP_REQ_UNKNOWN
 * (reply with an empty packet). Every packet yields exactly one request, so
 * the server sends exactly one reply.
 *
 * Must never touch the target, never format replies, never assert on input,
 * and never read outside [data, data+len). Hex and binary arguments are
 * decoded in place in the payload buffer; the pointers in the request point
 * into it. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits on request arguments. */
#define RSP_MAX_MEM_LEN 32768u   /* m length: the hex reply fits in 64 KiB */
#define RSP_MAX_MEM_WRITE_LEN 65536u /* M/X length: gdb sizes X data by PacketSize */
#define RSP_MAX_XFER_LEN 65535u  /* qXfer LEN larger than this is clamped to it */
#define RSP_MAX_REG_BYTES 16u    /* P value: at most a 128-bit register */
#define RSP_MAX_VCONT_ACTIONS 16
#define RSP_MAX_VFILE_READ 16384u /* vFile:pread COUNT larger than this is clamped: escaped data fits a reply */

/* Error numbers carried by RSP_REQ_MALFORMED (sent as Exx, xx in hex). */
enum rsp_errno {
    RSP_ERR_INVAL = 0x16,  /* EINVAL: bad syntax, bad hex, odd digit count */
    RSP_ERR_RANGE = 0x22,  /* ERANGE: number does not fit */
    RSP_ERR_TOOBIG = 0x07, /* E2BIG: length over a limit */
    RSP_ERR_FAULT = 0x0e,  /* EFAULT: addr+len wraps past 4 GiB */
};

enum rsp_req_kind {
    RSP_REQ_UNKNOWN = 0,     /* reply: empty packet */
    RSP_REQ_MALFORMED,       /* reply: E<error> */
    RSP_REQ_QSUPPORTED,      /* qSupported[:features] -> .supported */
    RSP_REQ_XFER_FEATURES,   /* qXfer:features:read:ANNEX:OFF,LEN -> .xfer */
    RSP_REQ_XFER_AUXV,       /* qXfer:auxv:read::OFF,LEN -> .xfer */
    RSP_REQ_XFER_EXEC_FILE,  /* qXfer:exec-file:read:[PID]:OFF,LEN -> .xfer */
    RSP_REQ_START_NOACK,     /* QStartNoAckMode */
    RSP_REQ_HALT_REASON,     /* ? */
    RSP_REQ_READ_REGS,       /* g */
    RSP_REQ_WRITE_REGS,      /* G hex -> .regs (decoded bytes) */
    RSP_REQ_READ_REG,        /* p n -> .reg.num */
    RSP_REQ_WRITE_REG,       /* P n=hex -> .reg */
    RSP_REQ_READ_MEM,        /* m addr,len -> .mem (data NULL) */
    RSP_REQ_WRITE_MEM,       /* M addr,len:hex and X addr,len:bin -> .mem */
    RSP_REQ_INSERT_POINT,    /* Z type,addr,kind -> .point */
    RSP_REQ_REMOVE_POINT,    /* z type,addr,kind -> .point */
    RSP_REQ_RESUME,          /* c/s/C/S [addr], bc, bs -> .resume */
    RSP_REQ_VCONT_QUERY,     /* vCont? */
    RSP_REQ_VCONT,           /* vCont;action[:tid]... -> .vcont */
    RSP_REQ_ATTACHED,        /* qAttached[:pid] */
    RSP_REQ_CURRENT_THREAD,  /* qC */
    RSP_REQ_THREAD_INFO_FIRST, /* qfThreadInfo */
    RSP_REQ_THREAD_INFO_NEXT,  /* qsThreadInfo */
    RSP_REQ_OFFSETS,         /* qOffsets */
    RSP_REQ_KILL,            /* k */
    RSP_REQ_DETACH,          /* D[;pid] */
    RSP_REQ_MONITOR,         /* qRcmd,hex -> .monitor (decoded text) */
    RSP_REQ_MUST_REPLY_EMPTY, /* vMustReplyEmpty */
    RSP_REQ_SET_THREAD,      /* Hg tid / Hc tid -> .set_thread */
    RSP_REQ_THREAD_ALIVE,    /* T tid -> .tid */
    RSP_REQ_TSTATUS,         /* qTStatus */
    RSP_REQ_SYMBOL,          /* qSymbol:: (and any qSymbol:...) */
    RSP_REQ_EXTENDED,        /* ! (extended-remote mode) */
    RSP_REQ_RUN,             /* vRun;file[;arg...] -> .run (first argument decoded) */
    RSP_REQ_VKILL,           /* vKill;pid */
    RSP_REQ_XFER_LIBRARIES,  /* qXfer:libraries-svr4:read:ANNEX:OFF,LEN -> .xfer (annex ignored) */
    RSP_REQ_VFILE_SETFS,     /* vFile:setfs:PID -> .vfile.pid */
    RSP_REQ_VFILE_OPEN,      /* vFile:open:PATHHEX,FLAGS,MODE -> .vfile path, flags, mode */
    RSP_REQ_VFILE_PREAD,     /* vFile:pread:FD,COUNT,OFFSET -> .vfile fd, count (clamped), offset */
    RSP_REQ_VFILE_CLOSE,     /* vFile:close:FD -> .vfile.fd */
    RSP_REQ_VFILE_FSTAT,     /* vFile:fstat:FD -> .vfile.fd */
    RSP_REQ_VFILE_READLINK,  /* vFile:readlink:PATHHEX -> .vfile.path */
    RSP_REQ_XFER_SIGINFO,    /* qXfer:siginfo:read::OFF,LEN -> .xfer */
    RSP_REQ_PASS_SIGNALS,    /* QPassSignals:sig[;sig]... -> .signals (gdb numbers) */
    RSP_REQ_PROGRAM_SIGNALS, /* QProgramSignals:sig[;sig]... -> .signals (gdb numbers) */
    RSP_REQ_KIND_COUNT
};

/* Features gdb announces in qSupported (bits of .supported.gdb_features). */
enum rsp_gdb_feature {
    RSP_GDB_SWBREAK = 1u << 0,
    RSP_GDB_HWBREAK = 1u << 1,
    RSP_GDB_VCONT_SUPPORTED = 1u << 2,
    RSP_GDB_MULTIPROCESS = 1u << 3,
    RSP_GDB_NO_RESUMED = 1u << 4,
    RSP_GDB_QTHREAD_EVENTS = 1u << 5,
    RSP_GDB_FORK_EVENTS = 1u << 6,
    RSP_GDB_EXEC_EVENTS = 1u << 7,
};

enum rsp_point_type {
    RSP_POINT_SW_BREAK = 0,
    RSP_POINT_HW_BREAK = 1,
    RSP_POINT_WRITE_WATCH = 2,
    RSP_POINT_READ_WATCH = 3,
    RSP_POINT_ACCESS_WATCH = 4,
};

/* Thread ids: RSP_TID_ALL is "-1", RSP_TID_ANY is "0", others are positive. */
#define RSP_TID_ALL (-1)
#define RSP_TID_ANY 0

enum rsp_vcont_op {
    RSP_VCONT_CONTINUE,  /* c */
    RSP_VCONT_STEP,      /* s */
    RSP_VCONT_CONTINUE_SIG, /* C sig */
    RSP_VCONT_STEP_SIG,  /* S sig */
    RSP_VCONT_RANGE,     /* r start,end: step while start <= pc < end */
};

struct rsp_vcont_action {
    enum rsp_vcont_op op;
    uint8_t signal;        /* C/S */
    uint32_t start, end;   /* r */
    int32_t tid;           /* RSP_TID_ALL when no :tid was given */
};

struct rsp_request {
    enum rsp_req_kind kind;
    union {
        uint8_t error; /* MALFORMED: enum rsp_errno */
        struct {
            uint32_t gdb_features; /* enum rsp_gdb_feature bits */
        } supported;
        struct {
            const char *annex;   /* NUL-terminated, in the payload buffer */
            size_t annex_len;
            bool has_pid;        /* exec-file: annex was a pid */
            uint32_t pid;
            uint32_t offset, length; /* length clamped to RSP_MAX_XFER_LEN */
        } xfer;
        struct {
            const uint8_t *data; /* decoded register bytes */
            size_t len;
        } regs;
        struct {
            uint32_t num;
            const uint8_t *value; /* P: decoded little-endian bytes */
            size_t len;           /* P: 1..RSP_MAX_REG_BYTES */
        } reg;
        struct {
            uint32_t addr, len;   /* addr + len <= 2^32; len within the limits above */
            const uint8_t *data;  /* M/X: len bytes; m: NULL */
            bool binary;          /* came from X */
        } mem;
        struct {
            enum rsp_point_type type;
            uint32_t addr, kind;
        } point;
        struct {
            bool step;     /* s/S/bs */
            bool reverse;  /* bc/bs */
            bool has_addr; /* c ADDR / s ADDR: resume at addr */
            uint32_t addr;
            bool has_signal; /* C/S */
            uint8_t signal;
        } resume;
        struct {
            unsigned count;
            struct rsp_vcont_action actions[RSP_MAX_VCONT_ACTIONS];
        } vcont;
        struct {
            const char *text; /* decoded, NUL-terminated, in the payload buffer */
            size_t len;       /* may contain NULs if gdb sent them */
        } monitor;
        struct {
            char op;     /* 'g' or 'c' */
            int32_t tid;
        } set_thread;
        int32_t tid; /* THREAD_ALIVE */
        struct {
            uint64_t set[4]; /* bit g of set[g / 64]: gdb signal g listed (0..255) */
        } signals;
        struct {
            const char *arg; /* first argument after the file name, NUL-terminated ("" if none) */
        } run;
        struct {
            const char *path;    /* open/readlink: decoded, NUL-terminated, no NUL inside */
            uint32_t flags, mode; /* open: gdb's File-I/O values (O_RDONLY 0, O_CREAT 0x200 ...) */
            int32_t fd;          /* pread/close/fstat: >= 0 */
            uint32_t count;      /* pread: 1..RSP_MAX_VFILE_READ (0 stays 0) */
            uint32_t offset;     /* pread */
            uint32_t pid;        /* setfs */
        } vfile;
    } u;
};

/* Parses payload data[0..len) (writable: arguments are decoded in place, and
 * the strings it returns are NUL-terminated inside [data, data+len)). Always
 * fills *req. */
void rsp_parse_request(uint8_t *data, size_t len, struct rsp_request *req);

/* Name of a kind, for logs and tests. */
const char *rsp_req_kind_name(enum rsp_req_kind kind);
