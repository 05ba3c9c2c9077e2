/* What the RSP server needs from the debugged target, as a table of
 * operations. The server (rsp_server.c) only speaks in these terms; the real
 * implementation is the timeline (timeline/), tests plug in a fake. Every
 * operation is synchronous and called from the server's one thread.
 *
 * Register numbering and sizes are those of target_xml.h (0-15 r0-pc 4 bytes,
 * 16 cpsr 4 bytes, 17-48 d0-d31 8 bytes, 49 fpscr 4 bytes). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/rsp_request.h"

/* How to resume. gdb never mixes directions within one request. */
enum rsp_resume_op {
    RSP_RESUME_CONTINUE, /* until a stop condition */
    RSP_RESUME_STEP,     /* exactly one instruction */
    RSP_RESUME_RANGE,    /* vCont r: step while range_start <= pc < range_end */
};

struct rsp_resume {
    enum rsp_resume_op op;
    bool reverse;        /* bc / bs */
    uint8_t signal;      /* C/S/vCont;C: signal to deliver (0: none) */
    uint32_t range_start, range_end;
    /* STEP/RANGE: the thread whose instructions count (0: the one running
     * now). Threads run one at a time, so stepping thread T forward runs
     * until T has retired its instruction(s), other threads running in
     * between as the scheduler has them (gdb's scheduler-locking off);
     * backward, until the instruction undone was T's. CONTINUE ignores it. */
    int32_t thread;
};

/* Why the target stopped (filled by resume). */
enum rsp_target_stop_kind {
    RSP_TSTOP_SIGNAL,        /* .signal: e.g. 5 SIGTRAP after a step, 2 after an interrupt, 11 SIGSEGV */
    RSP_TSTOP_SWBREAK,       /* at a Z0 breakpoint, before its instruction */
    RSP_TSTOP_HWBREAK,       /* at a Z1 breakpoint */
    RSP_TSTOP_WATCH,         /* Z2 hit; .watch_addr = the watched address that was hit */
    RSP_TSTOP_RWATCH,        /* Z3 */
    RSP_TSTOP_AWATCH,        /* Z4 */
    RSP_TSTOP_HISTORY_BEGIN, /* reverse execution reached the start of history */
    RSP_TSTOP_HISTORY_END,   /* forward replay reached the end and could not go live */
    RSP_TSTOP_EXITED,        /* .exit_status: the guest exited (W) */
    RSP_TSTOP_KILLED,        /* .signal: the guest died of a signal (X) */
};

struct rsp_target_stop {
    enum rsp_target_stop_kind kind;
    uint8_t signal;
    uint32_t watch_addr;
    int exit_status;
    /* The thread the stop is about (0: the one running now). A step of T
     * that ends where the scheduler has switched to another thread is still
     * T's stop, as gdbserver reports the thread that had the event. */
    int32_t thread;
};

/* A file's attributes for vFile:fstat (host values; the reply encodes them). */
struct rsp_file_stat {
    uint32_t dev, ino, mode, nlink, uid, gid, rdev;
    uint64_t size, blksize, blocks;
    uint32_t atime, mtime, ctime;
};

/* One loaded shared object for qXfer:libraries-svr4 (the guest's link_map). */
#define RSP_LIB_NAME_MAX 512
struct rsp_library {
    char name[RSP_LIB_NAME_MAX]; /* as the guest's l_name says (NUL-terminated) */
    uint32_t lm, l_addr, l_ld;   /* the link_map entry, its load bias, its dynamic section */
    uint32_t lmid;               /* its namespace: the address of its r_debug (gdb 13 requires it) */
};

/* Console output of a monitor command: text (not NUL-terminated) of len bytes. */
typedef void rsp_console_fn(void *server, const char *text, size_t len);

/* Polled by the target during a long resume: true once the client asked to
 * stop (0x03). Cheap enough to call every few milliseconds. */
typedef bool rsp_interrupt_fn(void *server);

struct rsp_target_ops {
    /* Full register file in g layout (RSP_G_PACKET_BYTES of target_xml.h). */
    void (*read_regs)(void *t, uint8_t *out);
    /* One register (num < 50) into out; returns its size in bytes, 0 if num
     * is not a register. */
    size_t (*read_reg)(void *t, unsigned num, uint8_t *out);
    /* Returns 0 or an errno for an Exx reply (e.g. EPERM: refused while
     * replaying the past). len is exactly the register's size. */
    int (*write_reg)(void *t, unsigned num, const uint8_t *val, size_t len);
    /* Reads up to len bytes at addr; returns how many could be read (a
     * prefix; 0 if addr itself is unreadable). Shows the program's bytes,
     * never breakpoint instructions. */
    uint32_t (*read_mem)(void *t, uint32_t addr, uint8_t *out, uint32_t len);
    /* Returns 0 or an errno. */
    int (*write_mem)(void *t, uint32_t addr, const uint8_t *data, uint32_t len);
    /* Z/z. Returns 0, or an errno (ENOSYS: type not supported -> empty reply). */
    int (*insert_point)(void *t, enum rsp_point_type type, uint32_t addr, uint32_t kind);
    int (*remove_point)(void *t, enum rsp_point_type type, uint32_t addr, uint32_t kind);
    /* Runs until a stop; polls interrupted(server) regularly. */
    void (*resume)(void *t, const struct rsp_resume *how, rsp_interrupt_fn *interrupted, void *server,
                   struct rsp_target_stop *stop);
    /* Why the target is stopped now (for '?'). */
    void (*halt_reason)(void *t, struct rsp_target_stop *stop);
    /* True if reverse execution is available (qSupported ReverseStep+). */
    bool (*has_history)(void *t);
    /* qXfer:siginfo: the signal the target is stopped by, as the guest
     * kernel's siginfo_t (128 bytes, its layout) into out; returns 0 or an
     * errno (no such signal). NULL: not supported (not advertised). */
    int (*siginfo)(void *t, uint8_t out[128]);
    /* The auxv bytes and the executable's path (qXfer:auxv, qXfer:exec-file). */
    const uint8_t *(*auxv)(void *t, size_t *len);
    const char *(*exec_file)(void *t);
    uint32_t (*pid)(void *t);
    /* qRcmd: runs a monitor command line, printing through console();
     * returns 0 (OK) or an errno (Exx). */
    int (*monitor)(void *t, const char *cmd, rsp_console_fn *console, void *server);
    /* extended-remote `run [ARG]` (vRun): put the target at the point ARG
     * names (the target decides what ARG means) and fill stop; returns 0 or an
     * errno. NULL: vRun is not supported. */
    int (*restart)(void *t, const char *arg, struct rsp_target_stop *stop);
    /* Host I/O (vFile), the files gdb's `target:` sysroot reads. Each
     * returns >= 0 or a negative errno (host values). NULL file_open: vFile
     * is not supported (empty replies). */
    int (*file_open)(void *t, const char *path, uint32_t gdb_flags, uint32_t mode);
    int64_t (*file_pread)(void *t, int fd, void *buf, uint32_t count, uint64_t offset);
    int (*file_fstat)(void *t, int fd, struct rsp_file_stat *st);
    int (*file_close)(void *t, int fd);
    int64_t (*file_readlink)(void *t, const char *path, char *buf, size_t len);
    /* qXfer:libraries-svr4: fills up to max entries (the main program
     * excluded) and *main_lm (0 if unknown); returns how many there are, or
     * a negative errno when there is no list. NULL: not supported. */
    int (*libraries)(void *t, struct rsp_library *out, unsigned max, uint32_t *main_lm);
    /* Threads. NULL threads: one thread whose id is the pid (and
     * current_thread/thread_regs are not used). threads: the live threads'
     * ids (> 0) in creation order into tids[0..max); returns how many there
     * are. current_thread: the thread running now. thread_regs: thread
     * tid's registers in g layout (RSP_G_PACKET_BYTES); false if tid is not a live
     * thread. Registers are written only to the running thread
     * (write_reg). */
    unsigned (*threads)(void *t, int32_t *tids, unsigned max);
    int32_t (*current_thread)(void *t);
    bool (*thread_regs)(void *t, int32_t tid, uint8_t *out);
    /* k and D: the server replies (D: OK) and then calls these; after them the
     * server returns from rsp_server_serve. */
    void (*kill)(void *t);
    void (*detach)(void *t);
    /* At D, before detach: the program is stopped before delivering the
     * signal of the last stop and must not get it (QProgramSignals does
     * not list it). NULL: not supported. */
    void (*drop_signal)(void *t);
};
