/* The log of everything that is not a pure function of guest state, kept so
 * that executing the recorded past again gives the same results without
 * touching the outside world: for each syscall the result and the bytes the
 * kernel wrote into guest memory; the debugger's writes to registers and
 * memory (they happen at a count, like an input). Append-only, in a shared
 * mapping so that processes forked from this one (snapshots) read what was
 * appended after their fork.
 *
 * Each process has its own read cursor: entries before it have happened in
 * the state it is in. cursor == end means "live": the next syscall runs for
 * real and is appended. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

enum replay_kind {
    REPLAY_SYSCALL = 1, /* at icount (after the SVC): nr, result, written ranges */
    REPLAY_USER_REGS,   /* at icount: the debugger wrote registers: one range, the struct arm_cpu bytes */
    REPLAY_USER_MEM,    /* at icount: the debugger wrote guest memory: the ranges */
    REPLAY_USER_SIGNAL, /* at icount: the debugger let a signal reach the guest (a fault it
                         * stopped at, or `signal SIG`): nr = the signal, | 0x100 for a
                         * fault (sent as force_sig); one range (addr 0): its guest_signote */
    REPLAY_SIGSTATE,    /* at icount, right after the syscall entry whose run changed the
                         * guest's signal state (its own effect, or signals that arrived
                         * from outside meanwhile): one range (addr 0) holding the new
                         * struct guest_sigstate; result: the fatal signal it raised, or 0 */
    REPLAY_WAKE,        /* at icount (a scheduling point): thread slot tid's wait ended
                         * with result (a timeout, a sleep that is over); nr: its syscall */
    REPLAY_PARK,        /* at icount, after the syscall entry of thread tid that made it
                         * wait: one range (addr 0), its struct guest_thread_sched */
};

struct replay_entry {
    uint64_t icount;
    uint32_t kind, nr;
    uint32_t result;
    uint32_t nranges;
    uint64_t size; /* of the whole entry, ranges included, a multiple of 8 */
    uint32_t tid;  /* the thread's slot (linux/guest_threads.h) */
    uint32_t pad;
    /* then nranges x { struct replay_range; bytes padded to 8 } */
};

struct replay_range {
    uint32_t addr, len;
};

bool replay_log_init(char *err, unsigned long errlen);
uint64_t replay_log_cursor(void);
void replay_log_set_cursor(uint64_t c);
bool replay_log_live(void); /* cursor == end */
uint64_t replay_log_bytes(void);
uint64_t replay_log_entries(void);

/* The count of the first debugger-write entry at or after the cursor
 * (UINT64_MAX if none): forward execution must stop there to apply it. */
uint64_t replay_log_next_user_event(void);

/* The entry at the cursor (NULL when live). */
const struct replay_entry *replay_log_peek(void);
void replay_log_advance(void);
/* The i-th range of e and its bytes. */
const uint8_t *replay_range_at(const struct replay_entry *e, uint32_t i, struct replay_range *r);

/* Appending (only when live): begin, add ranges (their current guest bytes
 * are copied at commit), commit. The cursor moves past the new entry. */
bool replay_log_user_room(void); /* false: no more debugger writes can be logged */
void replay_log_begin(enum replay_kind kind, uint64_t icount, uint32_t nr); /* for the running thread */
void replay_log_begin_for(enum replay_kind kind, uint64_t icount, uint32_t nr, uint32_t slot);
void replay_log_add_range(uint32_t addr, uint32_t len);
void replay_log_add_bytes(uint32_t addr, const void *bytes, uint32_t len);
void replay_log_commit(uint32_t result);
/* Saved recordings (timeline/recording.h): the log's bytes from its start
 * (its header page included) to its end, written to fd; and the same bytes
 * read back into a fresh log (after replay_log_init), which then stays
 * read-only: never live, nothing appended, the cursor at its start. */
bool replay_log_write(int fd, char *err, unsigned long errlen);
bool replay_log_read(int fd, uint64_t len, char *err, unsigned long errlen);
bool replay_log_read_only(void);
/* The log's bytes in memory (for checksums): [base, base + len). */
const uint8_t *replay_log_image(uint64_t *len);

/* Drops the entry being built and stops this process from reading or
 * appending (a forked child that is not recorded). */
void replay_log_abandon(void);
