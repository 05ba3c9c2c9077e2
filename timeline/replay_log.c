/* See replay_log.h. One big shared, lazily backed mapping; the end offset
 * lives in its first page so every process sees appends. Ranges noted during
 * a syscall are kept aside and their bytes copied at commit, when the kernel
 * has written them. */
#include "timeline/replay_log.h"

#include "linux/guest_threads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "linux/guest_mem.h"

#define LOG_RESERVE (16ull << 30)
#define HEADER 4096u

static uint8_t *log_base;
static volatile uint64_t *log_end; /* shared: offset of the end */
static uint64_t *log_count;
/* Debugger writes, in the header page: their entry offsets, in order. */
#define MAX_USER_EVENTS 500u
static uint64_t *user_count, *user_off;
static uint64_t cursor = HEADER;

bool replay_log_init(char *err, unsigned long errlen)
{
    void *m = mmap(NULL, LOG_RESERVE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) {
        snprintf(err, errlen, "cannot reserve %llu GiB for the replay log", LOG_RESERVE >> 30);
        return false;
    }
    log_base = m;
    log_end = (volatile uint64_t *)log_base;
    log_count = (uint64_t *)(log_base + 8);
    user_count = (uint64_t *)(log_base + 16);
    user_off = (uint64_t *)(log_base + 24);
    *log_end = HEADER;
    cursor = HEADER;
    return true;
}

uint64_t replay_log_cursor(void) { return cursor; }
void replay_log_set_cursor(uint64_t c) { cursor = c; }
static bool read_only;

bool replay_log_live(void) { return !read_only && cursor == *log_end; }
bool replay_log_read_only(void) { return read_only; }
uint64_t replay_log_bytes(void) { return *log_end - HEADER; }
uint64_t replay_log_entries(void) { return *log_count; }

uint64_t replay_log_next_user_event(void)
{
    for (uint64_t i = 0; i < *user_count; i++)
        if (user_off[i] >= cursor)
            return ((const struct replay_entry *)(log_base + user_off[i]))->icount;
    return UINT64_MAX;
}

const struct replay_entry *replay_log_peek(void)
{
    if (cursor >= *log_end)
        return NULL;
    return (const struct replay_entry *)(log_base + cursor);
}

void replay_log_advance(void)
{
    const struct replay_entry *e = replay_log_peek();
    if (e)
        cursor += e->size;
}

const uint8_t *replay_range_at(const struct replay_entry *e, uint32_t i, struct replay_range *r)
{
    const uint8_t *p = (const uint8_t *)(e + 1);
    for (uint32_t k = 0;; k++) {
        memcpy(r, p, sizeof *r);
        if (k == i)
            return p + sizeof *r;
        p += sizeof *r + ((r->len + 7u) & ~7u);
    }
}

/* The entry being built: ranges noted so far. */
#define MAX_PENDING 4096
static struct {
    bool open;
    struct replay_entry e;
    struct replay_range r[MAX_PENDING];
    const void *bytes[MAX_PENDING]; /* NULL: copy from guest memory at commit */
    uint32_t n;
} pending;

static void die_full(void)
{
    fprintf(stderr, "backstep: the replay log is full (%llu GiB)\n", LOG_RESERVE >> 30);
    exit(1);
}

bool replay_log_user_room(void) { return *user_count < MAX_USER_EVENTS; }

void replay_log_begin_for(enum replay_kind kind, uint64_t icount, uint32_t nr, uint32_t slot)
{
    if (read_only) {
        /* A saved recording is history that cannot grow: callers check
         * replay_log_live() first. */
        fprintf(stderr, "backstep: internal error: appending to a saved recording's log\n");
        exit(1);
    }
    memset(&pending.e, 0, sizeof pending.e);
    pending.e.kind = kind;
    pending.e.icount = icount;
    pending.e.nr = nr;
    pending.e.tid = slot;
    pending.n = 0;
    pending.open = true;
}

void replay_log_begin(enum replay_kind kind, uint64_t icount, uint32_t nr)
{
    replay_log_begin_for(kind, icount, nr, guest_threads.current);
}

static void add(uint32_t addr, const void *bytes, uint32_t len)
{
    if (!pending.open || len == 0)
        return;
    if (pending.n == MAX_PENDING) {
        /* Merge into the last range: a superset is always correct. */
        struct replay_range *l = &pending.r[MAX_PENDING - 1];
        uint64_t lo = l->addr < addr ? l->addr : addr;
        uint64_t hi = (uint64_t)l->addr + l->len > (uint64_t)addr + len ? (uint64_t)l->addr + l->len
                                                                          : (uint64_t)addr + len;
        l->addr = (uint32_t)lo;
        l->len = (uint32_t)(hi - lo);
        pending.bytes[MAX_PENDING - 1] = NULL;
        return;
    }
    pending.r[pending.n] = (struct replay_range){addr, len};
    pending.bytes[pending.n] = bytes;
    pending.n++;
}

void replay_log_add_range(uint32_t addr, uint32_t len) { add(addr, NULL, len); }
void replay_log_add_bytes(uint32_t addr, const void *bytes, uint32_t len) { add(addr, bytes, len); }

void replay_log_commit(uint32_t result)
{
    if (!pending.open)
        return;
    pending.open = false;
    uint64_t size = sizeof(struct replay_entry);
    for (uint32_t i = 0; i < pending.n; i++)
        size += sizeof(struct replay_range) + ((pending.r[i].len + 7ull) & ~7ull);
    uint64_t at = *log_end;
    if (at + size > LOG_RESERVE)
        die_full();
    uint8_t *p = log_base + at;
    pending.e.result = result;
    pending.e.nranges = pending.n;
    pending.e.size = size;
    memcpy(p, &pending.e, sizeof pending.e);
    p += sizeof pending.e;
    for (uint32_t i = 0; i < pending.n; i++) {
        struct replay_range r = pending.r[i];
        memcpy(p, &r, sizeof r);
        p += sizeof r;
        if (pending.bytes[i])
            memcpy(p, pending.bytes[i], r.len);
        else if (guest_range_ok(r.addr, r.len, 1))
            memcpy(p, g2h(r.addr), r.len);
        else
            memset(p, 0, r.len); /* unreadable: the kernel wrote nothing there */
        p += (r.len + 7u) & ~7u;
    }
    *log_count += 1;
    if ((pending.e.kind == REPLAY_USER_REGS || pending.e.kind == REPLAY_USER_MEM || pending.e.kind == REPLAY_USER_SIGNAL) &&
        *user_count < MAX_USER_EVENTS)
        user_off[(*user_count)++] = at;
    *log_end = at + size;
    cursor = at + size;
}

void replay_log_abandon(void)
{
    pending.open = false;
}

const uint8_t *replay_log_image(uint64_t *len)
{
    *len = *log_end;
    return log_base;
}

bool replay_log_write(int fd, char *err, unsigned long errlen)
{
    uint64_t len = *log_end;
    for (uint64_t at = 0; at < len;) {
        ssize_t n = write(fd, log_base + at, len - at > (1u << 30) ? (1u << 30) : len - at);
        if (n <= 0) {
            snprintf(err, errlen, "cannot write the replay log: %m");
            return false;
        }
        at += (uint64_t)n;
    }
    return true;
}

bool replay_log_read(int fd, uint64_t len, char *err, unsigned long errlen)
{
    if (len < HEADER || len > LOG_RESERVE) {
        snprintf(err, errlen, "a replay log of %llu bytes cannot be one", (unsigned long long)len);
        return false;
    }
    for (uint64_t at = 0; at < len;) {
        ssize_t n = read(fd, log_base + at, len - at > (1u << 30) ? (1u << 30) : len - at);
        if (n <= 0) {
            snprintf(err, errlen, "the replay log is shorter than its recorded length");
            return false;
        }
        at += (uint64_t)n;
    }
    if (*log_end != len || *user_count > MAX_USER_EVENTS) {
        snprintf(err, errlen, "the replay log's header does not match its length");
        return false;
    }
    for (uint64_t i = 0; i < *user_count; i++)
        if (user_off[i] < HEADER || user_off[i] >= len) {
            snprintf(err, errlen, "the replay log's index of debugger writes is out of range");
            return false;
        }
    cursor = HEADER;
    read_only = true;
    return true;
}
