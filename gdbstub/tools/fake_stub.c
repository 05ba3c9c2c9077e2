/* A test fixture, never part of backstep: a stub with made-up, fixed target
 * state that speaks on stdin/stdout through the gdbstub protocol layer, so
 * that gdb-multiarch itself (`target remote | fake_stub`) checks the framing,
 * the requests and the replies (see check_gdb_session.sh). It is not the
 * server: no sockets, no real target, no policy worth copying.
 *
 * Made-up state: r0..r12 = their numbers, sp 0x407fff00, lr 14, pc starts at
 * 0x8000 and moves by 4 per step, cpsr 0x60000010, d0 = 1.0, fpscr 0x49.
 * Memory reads give (addr & 0xff) except in [0x100000, 0x200000), which is
 * real storage that X/M writes fill. History starts at pc 0x8000. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gdbstub/rsp_framing.h"
#include "gdbstub/rsp_reply.h"
#include "gdbstub/rsp_request.h"
#include "gdbstub/target_xml.h"

#define STORE_BASE 0x100000u
#define STORE_SIZE 0x100000u

static uint8_t store[STORE_SIZE];
static struct rsp_reply reply;
static uint32_t pc = 0x8000;
static const uint32_t sp = 0x407fff00;
static bool gdb_swbreak;

static void write_out(void *ctx, const uint8_t *buf, size_t len) {
    (void)ctx;
    while (len) {
        ssize_t n = write(1, buf, len);
        if (n <= 0)
            exit(1);
        buf += n;
        len -= (size_t)n;
    }
}

static uint8_t mem_byte(uint32_t a) {
    return a - STORE_BASE < STORE_SIZE ? store[a - STORE_BASE] : (uint8_t)a;
}

static void reg_value(uint32_t n) {
    if (n == RSP_REG_SP)
        rsp_reply_reg32(&reply, sp);
    else if (n == RSP_REG_PC)
        rsp_reply_reg32(&reply, pc);
    else if (n == RSP_REG_CPSR)
        rsp_reply_reg32(&reply, 0x60000010);
    else if (n == RSP_REG_FPSCR)
        rsp_reply_reg32(&reply, 0x49);
    else if (n == RSP_REG_D0)
        rsp_reply_reg64(&reply, 0x3ff0000000000000ull);
    else if (rsp_reg_size(n) == 8)
        rsp_reply_reg64(&reply, 0);
    else
        rsp_reply_reg32(&reply, n);
}

static void stop(enum rsp_stop_reason reason) {
    struct rsp_stop s = {.signal = 5, .has_regs = true, .pc = pc, .sp = sp, .reason = reason,
                         .thread = 1};
    rsp_reply_stop(&reply, &s);
}

static void answer(struct rsp_framer *f, const struct rsp_request *q) {
    static const uint8_t auxv[16] = {6, 0, 0, 0, 0, 0x10, 0, 0}; /* AT_PAGESZ 4096, AT_NULL */
    size_t xlen;
    const char *xml = rsp_target_xml(&xlen);
    switch (q->kind) {
    case RSP_REQ_QSUPPORTED:
        gdb_swbreak = q->u.supported.gdb_features & RSP_GDB_SWBREAK;
        rsp_reply_supported(&reply, true);
        break;
    case RSP_REQ_XFER_FEATURES:
        if (strcmp(q->u.xfer.annex, "target.xml") == 0)
            rsp_reply_xfer(&reply, xml, xlen, q->u.xfer.offset, q->u.xfer.length);
        else
            rsp_reply_error(&reply, 0);
        break;
    case RSP_REQ_XFER_AUXV:
        rsp_reply_xfer(&reply, auxv, sizeof(auxv), q->u.xfer.offset, q->u.xfer.length);
        break;
    case RSP_REQ_XFER_EXEC_FILE:
        rsp_reply_error(&reply, 2); /* no file: gdb carries on without one */
        break;
    case RSP_REQ_HALT_REASON:
        stop(RSP_STOP_NONE);
        break;
    case RSP_REQ_READ_REGS:
        rsp_reply_reset(&reply);
        for (uint32_t n = 0; n < RSP_REG_COUNT; n++)
            reg_value(n);
        break;
    case RSP_REQ_READ_REG:
        rsp_reply_reset(&reply);
        if (rsp_reg_size(q->u.reg.num))
            reg_value(q->u.reg.num);
        else
            rsp_reply_error(&reply, RSP_ERR_INVAL);
        break;
    case RSP_REQ_READ_MEM:
        rsp_reply_reset(&reply);
        for (uint32_t i = 0; i < q->u.mem.len; i++)
            rsp_reply_hex_u8(&reply, mem_byte(q->u.mem.addr + i));
        break;
    case RSP_REQ_WRITE_MEM:
        if (q->u.mem.len && (q->u.mem.addr < STORE_BASE ||
                             q->u.mem.addr - STORE_BASE + (uint64_t)q->u.mem.len > STORE_SIZE)) {
            rsp_reply_error(&reply, RSP_ERR_FAULT);
            break;
        }
        if (q->u.mem.len)
            memcpy(store + (q->u.mem.addr - STORE_BASE), q->u.mem.data, q->u.mem.len);
        rsp_reply_ok(&reply);
        break;
    case RSP_REQ_ATTACHED:
        rsp_reply_reset(&reply);
        rsp_reply_str(&reply, "1");
        break;
    case RSP_REQ_CURRENT_THREAD:
        rsp_reply_current_thread(&reply, 1);
        break;
    case RSP_REQ_THREAD_INFO_FIRST:
        rsp_reply_reset(&reply);
        rsp_reply_str(&reply, "m1");
        break;
    case RSP_REQ_THREAD_INFO_NEXT:
        rsp_reply_reset(&reply);
        rsp_reply_str(&reply, "l");
        break;
    case RSP_REQ_VCONT_QUERY:
        rsp_reply_vcont_actions(&reply);
        break;
    case RSP_REQ_VCONT:
        pc += 4; /* every action steps once here */
        stop(RSP_STOP_NONE);
        break;
    case RSP_REQ_RESUME:
        if (q->u.resume.reverse && (!q->u.resume.step || pc <= 0x8004)) {
            pc = 0x8000;
            stop(RSP_STOP_REPLAYLOG_BEGIN);
        } else if (q->u.resume.reverse) {
            pc -= 4;
            stop(RSP_STOP_NONE);
        } else {
            pc += 4;
            stop(q->u.resume.step || !gdb_swbreak ? RSP_STOP_NONE : RSP_STOP_SWBREAK);
        }
        break;
    case RSP_REQ_MONITOR: {
        char text[64];
        int n = snprintf(text, sizeof(text), "when: pc %#x, command '%.20s'\n", pc,
                         q->u.monitor.text);
        rsp_reply_console(&reply, text, (size_t)n);
        size_t len;
        const uint8_t *d = rsp_reply_data(&reply, &len);
        rsp_framer_send(f, d, len);
        rsp_reply_ok(&reply);
        break;
    }
    case RSP_REQ_MALFORMED:
        rsp_reply_error(&reply, q->u.error);
        break;
    case RSP_REQ_UNKNOWN:
    case RSP_REQ_MUST_REPLY_EMPTY:
    case RSP_REQ_OFFSETS:
    case RSP_REQ_TSTATUS:
        rsp_reply_empty(&reply);
        break;
    default: /* Z/z, H, T, D, qSymbol, QStartNoAckMode, G, P */
        rsp_reply_ok(&reply);
        break;
    }
}

int main(void) {
    struct rsp_framer *f = rsp_framer_create(write_out, NULL);
    if (!f)
        return 1;
    uint8_t buf[4096];
    ssize_t n;
    while ((n = read(0, buf, sizeof(buf))) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            enum rsp_event ev = rsp_framer_feed(f, buf[i]);
            if (ev != RSP_EV_PACKET) {
                if (ev >= RSP_EV_BAD_CHECKSUM)
                    fprintf(stderr, "fake_stub: bad packet (event %d)\n", ev);
                continue;
            }
            size_t len;
            uint8_t *p = rsp_framer_packet(f, &len);
            struct rsp_request q;
            rsp_parse_request(p, len, &q);
            if (q.kind == RSP_REQ_KILL)
                return 0;
            if (q.kind == RSP_REQ_MALFORMED)
                fprintf(stderr, "fake_stub: malformed %.40s\n", (const char *)p);
            answer(f, &q);
            size_t rlen;
            const uint8_t *d = rsp_reply_data(&reply, &rlen);
            rsp_framer_send(f, d, rlen);
            if (q.kind == RSP_REQ_START_NOACK)
                rsp_framer_set_ack_mode(f, false);
            if (q.kind == RSP_REQ_DETACH)
                return 0;
        }
    }
    rsp_framer_destroy(f);
    return 0;
}
