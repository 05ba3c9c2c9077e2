/* -strace: qemu-arm 7.2's line format for every syscall it knows
 * (linux/strace_list.h): the dispatch, qemu's generic formats (including its
 * "%p" printing "(nil)"), the result printers and qemu's error texts. The
 * call printers are in linux/strace_calls.c. Never writes guest memory;
 * reads it only through strace_read/strace_guest_string. */
#include "linux/strace.h"
#include "linux/thread_sched.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "linux/strace_calls.h"
#include "linux/strace_print.h"
#include "linux/syscall_table.h"

typedef void ret_fn(const uint32_t a[7], uint32_t ret);

struct strace_entry {
    const char *name; /* NULL: not known to qemu's strace */
    const char *format;
    strace_call_fn *call;
    ret_fn *ret;
};

/* ---- result printers: everything after " = " ---- */

static bool is_error(uint32_t ret) { return ret >= 0xfffff000u; }

static void print_error(uint32_t ret)
{
    int e = -(int32_t)ret;
    /* qemu's own codes for a syscall to restart and for sigreturn */
    const char *s = e == 512 ? "To be restarted" : e == 513 ? "Successful exit from sigreturn" : strerror(e);
    strace_printf("-1 errno=%d (%s)", e, s);
}

static void r_addr(const uint32_t a[7], uint32_t ret)
{
    (void)a;
    strace_printf("0x%08x", ret);
}

static void r_adjtimex(const uint32_t a[7], uint32_t ret)
{
    static const char *const states[] = {
        " TIME_OK (clock synchronized, no leap second)", " TIME_INS (insert leap second)",
        " TIME_DEL (delete leap second)",  " TIME_OOP (leap second in progress)",
        " TIME_WAIT (leap second has occurred)", " TIME_ERROR (clock not synchronized)",
    };
    (void)a;
    strace_printf("%d%s", (int32_t)ret, ret < 6 ? states[ret] : "");
}

static void r_clock_gettime(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (", (int32_t)ret);
    strace_timespec(a[1], 1);
    strace_printf(")");
}

static void r_clock_gettime64(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (", (int32_t)ret);
    strace_timespec64(a[1], 1);
    strace_printf(")");
}

static void r_gettimeofday(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (", (int32_t)ret);
    strace_timeval(a[0], 0);
    strace_timezone(a[1], 1);
    strace_printf(")");
}

static void r_getitimer(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (", (int32_t)ret);
    strace_itimerval(a[1], 1);
    strace_printf(")");
}

static void r_setitimer(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (old_value = ", (int32_t)ret);
    strace_itimerval(a[2], 1);
    strace_printf(")");
}

/* The names the kernel wrote: ret bytes of NUL-terminated strings at a[1]
 * (flistxattr's list is its second argument too). */
static void r_listxattr(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d (list = ", (int32_t)ret);
    if (a[1] == 0) {
        strace_printf("NULL)");
        return;
    }
    uint32_t at = a[1], left = ret;
    while (left) {
        size_t len;
        if (at != a[1])
            strace_printf(",");
        const char *s = strace_guest_string(at, &len);
        if (!s) {
            strace_pointer(at, 1);
            break;
        }
        strace_printf("\"%.*s\"", (int)len, s);
        if (len + 1 >= left)
            break;
        left -= (uint32_t)len + 1;
        at += (uint32_t)len + 1;
    }
    strace_printf(")");
}

/* qemu 7.2 prints " = " twice here (its generic " = " and the printer's). */
static void r_newselect(const uint32_t a[7], uint32_t ret)
{
    strace_printf(" = 0x%08x (", ret);
    strace_select_sets(a);
    strace_printf(")");
}

static void r_ioctl(const uint32_t a[7], uint32_t ret)
{
    strace_printf("%d", (int32_t)ret);
    strace_ioctl_result(a);
}

/* ---- the table ---- */

#define NR_MAX 451
static const struct strace_entry entries[NR_MAX] = {
#define STRACE(nr, name, format, call, ret) [nr] = {#name, format, call, ret},
#include "linux/strace_list.h"
#undef STRACE
};

/* Applies one of qemu's generic formats ("%s(%d,%#x,%d)" ...) to the name and
 * the arguments in order, as its printf would for 32-bit values. */
static void print_generic(const char *fmt, const char *name, const uint32_t a[7])
{
    unsigned next = 0;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            strace_printf("%c", *f);
            continue;
        }
        bool alt = f[1] == '#';
        if (alt)
            f++;
        char conv = *++f;
        if (conv == 's') {
            strace_printf("%s", name);
            continue;
        }
        uint32_t v = next < 6 ? a[next] : 0;
        next++;
        switch (conv) {
        case 'd': strace_printf("%d", (int32_t)v); break;
        case 'u': strace_printf("%u", v); break;
        case 'x': strace_printf(alt ? "%#x" : "%x", v); break;
        case 'o': strace_printf(alt ? "%#o" : "%o", v); break;
        case 'p':
            if (v)
                strace_printf("0x%x", v);
            else
                strace_printf("(nil)");
            break;
        default: strace_printf("%%%c", conv); break;
        }
        if (!conv)
            break;
    }
}

static const char *entry_name(uint32_t nr, const struct strace_entry *e)
{
    const struct syscall_desc *d = syscall_lookup(nr);
    return d ? d->name : e->name;
}

void strace_enter(uint32_t nr, const uint32_t a[7])
{
    if (nr >= 0xf0000)
        return;
    strace_printf("%d ", (int)getpid());
    const struct strace_entry *e = nr < NR_MAX ? &entries[nr] : NULL;
    if (!e || !e->name) {
        strace_printf("Unknown syscall %u\n", nr);
    } else if (e->call) {
        e->call(entry_name(nr, e), a);
    } else {
        print_generic(e->format ? e->format : "%s(%d,%d,%d,%d,%d,%d)", entry_name(nr, e), a);
    }
    strace_flush();
}

void strace_exit(uint32_t nr, const uint32_t a[7], int64_t r)
{
    /* exit and exit_group do not return in qemu, and unknown numbers get no result. */
    if (nr >= NR_MAX || !entries[nr].name || nr == 1 || nr == 248)
        return;
    const struct strace_entry *e = &entries[nr];
    uint32_t ret = (uint32_t)r;
    if (r == GUEST_SYSCALL_PARKED) { /* the thread waits (a futex): strace(1)'s words */
        strace_printf(" <unfinished ...>\n");
        strace_flush();
        return;
    }
    strace_printf(" = ");
    if (is_error(ret))
        print_error(ret);
    else if (e->ret)
        e->ret(a, ret);
    else
        strace_printf("%d", (int32_t)ret);
    strace_printf("\n");
    strace_flush();
}
