/* Internal to the RSP server (rsp_server*.c): the server's state and the
 * request handlers each file provides. Not for use outside gdbstub/.
 *
 * Handler contract: a handler gets s->reply already reset (an empty reply)
 * and leaves in it the one reply for its request; the dispatcher in
 * rsp_server.c sends it. Handlers never send the final reply themselves. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/rsp_framing.h"
#include "gdbstub/rsp_reply.h"
#include "gdbstub/rsp_request.h"
#include "gdbstub/rsp_server.h"
#include "gdbstub/target_xml.h"

/* gdbserver's answer to anything that needs a live process once it is gone
 * (its require_running -> write_enn), and ours. */
#define SRV_ERR_GONE 0x01

/* Bytes read ahead of the framer: what arrived during a resume, or the rest of
 * one read() from the socket. */
#define SRV_IN_CAP 4096u

/* Threads the server lists and searches (the target may have fewer). */
#define SRV_MAX_THREADS 256u

struct rsp_server {
    const struct rsp_target_ops *ops;
    void *t;
    struct rsp_framer *framer;

    /* Connection: a file descriptor, or the test callbacks. */
    int fd;
    bool fd_is_socket;
    rsp_write_fn user_write;
    void *user_write_ctx;
    bool (*poll_byte)(void *ctx, uint8_t *b);
    void *poll_ctx;

    uint8_t in[SRV_IN_CAP]; /* unread bytes are in[in_head..in_tail) */
    size_t in_head, in_tail;

    bool interrupt_seen;   /* 0x03 seen during the current resume */
    bool eof;              /* the client closed its side (or reading failed) */
    bool broken;           /* writing failed: nothing more can be said */
    bool ended;            /* k or D handled */
    enum rsp_serve_end end;
    bool in_monitor;       /* console output allowed */

    uint32_t gdb_features; /* enum rsp_gdb_feature bits from gdb's qSupported */
    /* QPassSignals: Linux signals (bit sig-1) delivered without a stop;
     * QProgramSignals: those the program may get when gdb is not asked (at
     * detach), all until gdb says otherwise. */
    uint64_t pass_signals, program_signals;
    struct rsp_target_stop last_stop; /* of the last resume */
    bool offer_multiprocess; /* rsp_server_offer_multiprocess */
    bool multiprocess;     /* both sides said multiprocess+: thread ids are p<pid>.<tid> */
    int32_t g_thread;      /* Hg: the thread g/p/G/P mean (RSP_TID_ANY: the current one) */
    int32_t c_thread;      /* Hc: the thread s/bs step (RSP_TID_ANY: the current one) */
    bool exited;           /* a W or X was reported: the process is gone */
    bool killed;           /* gdb killed it (k, or vKill with no vRun since) */
    bool extended;         /* extended-remote (!): vKill keeps the session, vRun restarts */
    struct rsp_target_stop exit_stop;

    struct rsp_reply reply;
    uint8_t mem[RSP_MAX_MEM_LEN];
    uint8_t regs[RSP_G_PACKET_BYTES];
};

/* errno (from an op) -> the byte of an Exx reply. */
static inline uint8_t srv_err(int e) { return e > 0 && e <= 0xff ? (uint8_t)e : SRV_ERR_GONE; }

/* rsp_server.c */
bool srv_interrupted(void *server); /* an rsp_interrupt_fn */

/* rsp_server_exec.c: registers, memory, break/watchpoints, resume, stops. */
void srv_halt_reason(struct rsp_server *s);
void srv_run(struct rsp_server *s, const struct rsp_request *q);
void srv_read_regs(struct rsp_server *s);
void srv_write_regs(struct rsp_server *s, const struct rsp_request *q);
void srv_read_reg(struct rsp_server *s, const struct rsp_request *q);
void srv_write_reg(struct rsp_server *s, const struct rsp_request *q);
void srv_read_mem(struct rsp_server *s, const struct rsp_request *q);
void srv_write_mem(struct rsp_server *s, const struct rsp_request *q);
void srv_point(struct rsp_server *s, const struct rsp_request *q);
void srv_resume(struct rsp_server *s, const struct rsp_request *q);
void srv_vcont(struct rsp_server *s, const struct rsp_request *q);
void srv_signal_lists(struct rsp_server *s, const struct rsp_request *q);

/* rsp_server_threads.c: the thread list and selections. */
unsigned srv_threads(struct rsp_server *s, int32_t *tids, unsigned max); /* creation order */
int32_t srv_current_thread(struct rsp_server *s);
bool srv_thread_alive(struct rsp_server *s, int32_t tid);
/* Fills the thread fields of a stop reply for the stop of thread tid (0:
 * the current one) and makes it the Hg thread, as gdb assumes. */
void srv_stop_thread(struct rsp_server *s, int32_t tid, struct rsp_stop *out);
/* The thread whose registers g/p mean when it is not the running one (0:
 * the running one, read and written through read_regs/write_reg). */
int32_t srv_regs_thread(struct rsp_server *s);
/* The g-layout registers of that thread; false if it is gone. */
bool srv_regs_of(struct rsp_server *s, uint8_t *out);
/* The thread s/bs step (Hc, else Hg), 0 for the current one. */
int32_t srv_resume_thread(struct rsp_server *s);
/* The vCont action to run and the thread it names (0: the current one). */
const struct rsp_vcont_action *srv_vcont_pick(struct rsp_server *s, const struct rsp_request *q, int32_t *thread);
/* qC, qfThreadInfo/qsThreadInfo, H, T. False if q is not one of them. */
bool srv_thread_query(struct rsp_server *s, const struct rsp_request *q);

/* rsp_server_query.c: q packets, threads, monitor. Returns false if q is not
 * one of its kinds. */
bool srv_query(struct rsp_server *s, const struct rsp_request *q);

/* rsp_server_files.c: vFile host I/O and qXfer:libraries-svr4. Returns
 * false if q is not one of its kinds. */
bool srv_files(struct rsp_server *s, const struct rsp_request *q);
