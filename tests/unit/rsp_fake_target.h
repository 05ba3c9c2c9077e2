/* A fake debugged target for the RSP server tests (test_rsp_server*.c): 50
 * registers kept in g-packet layout, 64 KiB of memory at FAKE_MEM_BASE, and a
 * record of the calls the server made. resume() either steps pc by 4 and
 * reports the scripted stop, or (wait_interrupt) loops polling interrupted()
 * until it says yes and reports SIGINT. Header-only: each test includes it
 * once. Never part of backstep. */
#pragma once
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gdbstub/rsp_target.h"
#include "gdbstub/target_xml.h"

#define FAKE_MEM_BASE 0x10000u
#define FAKE_MEM_SIZE 0x10000u
#define FAKE_PID 0x1234u
#define FAKE_MAX_POLLS 10000000ul
#define FAKE_MAX_THREADS 4

struct fake_target {
    uint8_t regs[RSP_G_PACKET_BYTES];
    uint8_t mem[FAKE_MEM_SIZE];
    bool history;
    int write_reg_errno;   /* returned by write_reg when nonzero */
    int write_mem_errno;
    int point_errno[5];    /* per Z type: returned by insert/remove */
    int monitor_errno;
    unsigned console_lines; /* monitor prints this many lines */
    struct rsp_target_stop next_stop; /* what resume reports */
    struct rsp_target_stop halt;      /* what halt_reason reports */
    bool wait_interrupt;
    unsigned long polls;   /* interrupted() calls in the last resume */
    /* recorded calls */
    unsigned resumes, kills, detaches, inserts, removes, reg_writes, mem_writes, monitors;
    struct rsp_resume last_resume;
    enum rsp_point_type last_point_type;
    uint32_t last_point_addr, last_point_kind;
    char last_monitor[64];
    /* Threads (fake_threaded_ops): nthreads live ones, tids[current] runs
     * and its registers are regs; the others' are tregs[i]. A resume of a
     * thread (how->thread) makes it the running one, as the timeline's
     * scheduler would have it run. */
    unsigned nthreads, current;
    int32_t tids[FAKE_MAX_THREADS];
    uint8_t tregs[FAKE_MAX_THREADS][RSP_G_PACKET_BYTES];
};

static inline uint32_t fake_reg32(const struct fake_target *f, unsigned n) {
    const uint8_t *b = f->regs + rsp_reg_offset(n);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline void fake_set_reg32(struct fake_target *f, unsigned n, uint32_t v) {
    uint8_t *b = f->regs + rsp_reg_offset(n);
    for (int i = 0; i < 4; i++)
        b[i] = (uint8_t)(v >> (8 * i));
}

static inline void fake_init(struct fake_target *f) {
    memset(f, 0, sizeof(*f));
    for (unsigned i = 0; i < RSP_G_PACKET_BYTES; i++)
        f->regs[i] = (uint8_t)(i * 7 + 1);
    fake_set_reg32(f, RSP_REG_PC, 0x00012344);
    fake_set_reg32(f, RSP_REG_SP, 0x0001fff0);
    for (unsigned i = 0; i < FAKE_MEM_SIZE; i++)
        f->mem[i] = (uint8_t)(i ^ (i >> 8));
    f->history = true;
    f->next_stop.kind = RSP_TSTOP_SIGNAL;
    f->next_stop.signal = 5;
    f->halt.kind = RSP_TSTOP_SIGNAL;
    f->halt.signal = 5;
    for (int i = 0; i < 5; i++)
        f->point_errno[i] = 0;
    f->console_lines = 1;
}

static void fake_read_regs(void *t, uint8_t *out) {
    memcpy(out, ((struct fake_target *)t)->regs, RSP_G_PACKET_BYTES);
}

static size_t fake_read_reg(void *t, unsigned num, uint8_t *out) {
    struct fake_target *f = t;
    unsigned size = rsp_reg_size(num);
    if (size)
        memcpy(out, f->regs + rsp_reg_offset(num), size);
    return size;
}

static int fake_write_reg(void *t, unsigned num, const uint8_t *val, size_t len) {
    struct fake_target *f = t;
    if (f->write_reg_errno)
        return f->write_reg_errno;
    if (rsp_reg_size(num) != len)
        return EINVAL; /* the server must never do this */
    memcpy(f->regs + rsp_reg_offset(num), val, len);
    f->reg_writes++;
    return 0;
}

static uint32_t fake_read_mem(void *t, uint32_t addr, uint8_t *out, uint32_t len) {
    struct fake_target *f = t;
    if (addr < FAKE_MEM_BASE || addr - FAKE_MEM_BASE >= FAKE_MEM_SIZE)
        return 0;
    uint32_t off = addr - FAKE_MEM_BASE;
    uint32_t n = FAKE_MEM_SIZE - off < len ? FAKE_MEM_SIZE - off : len;
    memcpy(out, f->mem + off, n);
    return n;
}

static int fake_write_mem(void *t, uint32_t addr, const uint8_t *data, uint32_t len) {
    struct fake_target *f = t;
    if (f->write_mem_errno)
        return f->write_mem_errno;
    if (addr < FAKE_MEM_BASE || addr - FAKE_MEM_BASE > FAKE_MEM_SIZE ||
        len > FAKE_MEM_SIZE - (addr - FAKE_MEM_BASE))
        return EFAULT;
    memcpy(f->mem + (addr - FAKE_MEM_BASE), data, len);
    f->mem_writes++;
    return 0;
}

static int fake_point(struct fake_target *f, enum rsp_point_type type, uint32_t addr,
                      uint32_t kind) {
    f->last_point_type = type;
    f->last_point_addr = addr;
    f->last_point_kind = kind;
    return (unsigned)type < 5 ? f->point_errno[type] : EINVAL;
}

static int fake_insert_point(void *t, enum rsp_point_type type, uint32_t addr, uint32_t kind) {
    ((struct fake_target *)t)->inserts++;
    return fake_point(t, type, addr, kind);
}

static int fake_remove_point(void *t, enum rsp_point_type type, uint32_t addr, uint32_t kind) {
    ((struct fake_target *)t)->removes++;
    return fake_point(t, type, addr, kind);
}

static void fake_resume(void *t, const struct rsp_resume *how, rsp_interrupt_fn *interrupted,
                        void *server, struct rsp_target_stop *stop) {
    struct fake_target *f = t;
    f->resumes++;
    f->last_resume = *how;
    f->polls = 0;
    for (unsigned i = 0; how->thread > 0 && i < f->nthreads; i++)
        if (f->tids[i] == how->thread && i != f->current) { /* it runs now */
            memcpy(f->tregs[f->current], f->regs, RSP_G_PACKET_BYTES);
            memcpy(f->regs, f->tregs[i], RSP_G_PACKET_BYTES);
            f->current = i;
        }
    if (f->wait_interrupt) {
        while (f->polls < FAKE_MAX_POLLS) {
            f->polls++;
            if (interrupted(server))
                break;
        }
        stop->kind = RSP_TSTOP_SIGNAL;
        stop->signal = f->polls < FAKE_MAX_POLLS ? 2 : 14; /* 14: never interrupted */
        return;
    }
    f->polls++;
    (void)interrupted(server); /* a short run still looks once */
    uint32_t pc = fake_reg32(f, RSP_REG_PC);
    fake_set_reg32(f, RSP_REG_PC, how->reverse ? pc - 4 : pc + 4);
    *stop = f->next_stop;
}

static void fake_halt_reason(void *t, struct rsp_target_stop *stop) {
    *stop = ((struct fake_target *)t)->halt;
}

static bool fake_has_history(void *t) { return ((struct fake_target *)t)->history; }

static const uint8_t fake_auxv_bytes[16] = {6,   0,   0,   0,   0, 0x10, 0, 0,
                                            '$', '#', '}', '*', 0, 0,    0, 0};

static const uint8_t *fake_auxv(void *t, size_t *len) {
    (void)t;
    *len = sizeof(fake_auxv_bytes);
    return fake_auxv_bytes;
}

static const char *fake_exec_file(void *t) {
    (void)t;
    return "/bin/guest";
}

static uint32_t fake_pid(void *t) {
    (void)t;
    return FAKE_PID;
}

static int fake_monitor(void *t, const char *cmd, rsp_console_fn *console, void *server) {
    struct fake_target *f = t;
    f->monitors++;
    snprintf(f->last_monitor, sizeof(f->last_monitor), "%s", cmd);
    for (unsigned i = 0; i < f->console_lines; i++) {
        char line[80];
        int n = snprintf(line, sizeof(line), "line %u of '%.20s'\n", i, cmd);
        console(server, line, (size_t)n);
    }
    return f->monitor_errno;
}

static void fake_kill(void *t) { ((struct fake_target *)t)->kills++; }
static void fake_detach(void *t) { ((struct fake_target *)t)->detaches++; }

static unsigned fake_threads(void *t, int32_t *tids, unsigned max) {
    struct fake_target *f = t;
    for (unsigned i = 0; i < f->nthreads && i < max; i++)
        tids[i] = f->tids[i];
    return f->nthreads;
}

static int32_t fake_current_thread(void *t) {
    struct fake_target *f = t;
    return f->tids[f->current];
}

static bool fake_thread_regs(void *t, int32_t tid, uint8_t *out) {
    struct fake_target *f = t;
    for (unsigned i = 0; i < f->nthreads; i++)
        if (f->tids[i] == tid) {
            memcpy(out, i == f->current ? f->regs : f->tregs[i], RSP_G_PACKET_BYTES);
            return true;
        }
    return false;
}

/* n threads 0x1234 (the pid), 0x1235...; thread i's registers are the
 * running ones with r0 = i and pc 0x20000 + 4i (so a test can tell them
 * apart); tids[current] runs. */
static inline void fake_threads_init(struct fake_target *f, unsigned n, unsigned current) {
    f->nthreads = n;
    f->current = current;
    for (unsigned i = 0; i < n; i++) {
        f->tids[i] = (int32_t)(FAKE_PID + i);
        memcpy(f->tregs[i], f->regs, RSP_G_PACKET_BYTES);
        for (int b = 0; b < 4; b++) {
            f->tregs[i][rsp_reg_offset(0) + b] = (uint8_t)(i >> (8 * b));
            f->tregs[i][rsp_reg_offset(RSP_REG_PC) + b] = (uint8_t)((0x20000u + 4 * i) >> (8 * b));
        }
    }
    memcpy(f->regs, f->tregs[current], RSP_G_PACKET_BYTES);
}

static const struct rsp_target_ops fake_ops = {
    .read_regs = fake_read_regs,
    .read_reg = fake_read_reg,
    .write_reg = fake_write_reg,
    .read_mem = fake_read_mem,
    .write_mem = fake_write_mem,
    .insert_point = fake_insert_point,
    .remove_point = fake_remove_point,
    .resume = fake_resume,
    .halt_reason = fake_halt_reason,
    .has_history = fake_has_history,
    .auxv = fake_auxv,
    .exec_file = fake_exec_file,
    .pid = fake_pid,
    .monitor = fake_monitor,
    .kill = fake_kill,
    .detach = fake_detach,
};

/* fake_ops with the thread ops (fake_threads_init first). */
static inline struct rsp_target_ops fake_threaded_ops(void) {
    struct rsp_target_ops o = fake_ops;
    o.threads = fake_threads;
    o.current_thread = fake_current_thread;
    o.thread_regs = fake_thread_regs;
    return o;
}
