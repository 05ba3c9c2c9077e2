/* The emulated signal state: rt_sigaction stores guest handlers and returns
 * the old action in the ARM layout (handler, flags, restorer, mask),
 * rt_sigprocmask keeps the guest mask, signals sent to itself follow the
 * default action (fatal -> p->fatal_signal), SIG_IGN, or stay pending while
 * blocked and act when unblocked (what glibc's raise/abort rely on), and
 * sigaltstack follows kernel/signal.c. No host signal is ever raised here. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/guest_mem.h"
#include "linux/sys_signal.h"
#include "linux/syscall.h"

enum { NR_kill = 37, NR_rt_sigaction = 174, NR_rt_sigprocmask = 175, NR_rt_sigpending = 176, NR_sigaltstack = 186,
       NR_gettid = 224, NR_tkill = 238, NR_tgkill = 268 };

static uint32_t G;

static int32_t sc(struct linux_proc *p, uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3)
{
    const uint32_t a[7] = {a0, a1, a2, a3, 0, 0, 0};
    return (int32_t)linux_syscall(p, nr, a);
}

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof(err)))
        return -1;
    int64_t r = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (r <= 0)
        return -1;
    G = (uint32_t)r;
    return 0;
}

static int setup(void **state)
{
    (void)state;
    guest_signals_reset(&guest_proc);
    memset(g2h(G), 0, GUEST_PAGE_SIZE);
    return 0;
}

static void put_act(uint32_t at, uint32_t handler, uint32_t flags, uint32_t restorer, uint64_t mask)
{
    uint32_t w[5] = {handler, flags, restorer, (uint32_t)mask, (uint32_t)(mask >> 32)};
    memcpy(g2h(at), w, sizeof(w));
}

static uint32_t word(uint32_t at) { uint32_t v; memcpy(&v, g2h(at), 4); return v; }

static void test_sigaction_old_values(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    put_act(G, 0x10400, 0x04000000 /* SA_RESTORER */, 0x10500, (1ull << (SIGUSR2 - 1)) | (1ull << (SIGKILL - 1)));
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, G, 0, 8), 0);
    /* read it back through oact; SIGKILL is removed from the mask */
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, 0, G + 64, 8), 0);
    assert_int_equal(word(G + 64), 0x10400);
    assert_int_equal(word(G + 68), 0x04000000);
    assert_int_equal(word(G + 72), 0x10500);
    assert_int_equal(word(G + 76), 1u << (SIGUSR2 - 1));
    assert_int_equal(word(G + 80), 0);
    /* replacing returns the previous action */
    put_act(G, 1 /* SIG_IGN */, 0, 0, 0);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, G, G + 128, 8), 0);
    assert_int_equal(word(G + 128), 0x10400);
    /* errors */
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGKILL, G, 0, 8), -EINVAL);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGSTOP, G, 0, 8), -EINVAL);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGKILL, 0, G + 64, 8), 0); /* query is fine */
    assert_int_equal(sc(&p, NR_rt_sigaction, 65, 0, G + 64, 8), -EINVAL);
    assert_int_equal(sc(&p, NR_rt_sigaction, 0, 0, G + 64, 8), -EINVAL);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, 0, G + 64, 4), -EINVAL); /* sigsetsize */
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, 0xfffffff8u, 0, 8), -EFAULT);
    assert_false(p.exited);
}

static void test_sigprocmask(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint64_t set = (1ull << (SIGINT - 1)) | (1ull << (SIGKILL - 1)) | (1ull << 40);
    memcpy(g2h(G), &set, 8);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_BLOCK, G, G + 8, 8), 0);
    uint64_t old;
    memcpy(&old, g2h(G + 8), 8);
    assert_int_equal(old, 0);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_SETMASK, 0, G + 8, 8), 0);
    memcpy(&old, g2h(G + 8), 8);
    assert_int_equal(old, (1ull << (SIGINT - 1)) | (1ull << 40)); /* SIGKILL cannot be blocked */
    uint64_t un = 1ull << 40;
    memcpy(g2h(G), &un, 8);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_UNBLOCK, G, 0, 8), 0);
    assert_int_equal(p.sig.blocked, 1ull << (SIGINT - 1));
    assert_int_equal(sc(&p, NR_rt_sigprocmask, 3, G, 0, 8), -EINVAL);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_BLOCK, G, 0, 16), -EINVAL);
}

static void test_self_kill_default_fatal(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    assert_int_equal(sc(&p, NR_tgkill, (uint32_t)getpid(), (uint32_t)gettid(), SIGTERM, 0), 0);
    assert_true(p.exited);
    assert_int_equal(p.fatal_signal, SIGTERM);
}

static void test_self_kill_ignored(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    /* default-ignore signal */
    assert_int_equal(sc(&p, NR_kill, (uint32_t)getpid(), SIGCHLD, 0, 0), 0);
    assert_false(p.exited);
    /* SIG_IGN */
    put_act(G, 1, 0, 0, 0);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, G, 0, 8), 0);
    assert_int_equal(sc(&p, NR_tkill, (uint32_t)gettid(), SIGUSR1, 0, 0), 0);
    assert_false(p.exited);
    /* signal 0 checks existence only; bad numbers are EINVAL */
    assert_int_equal(sc(&p, NR_kill, (uint32_t)getpid(), 0, 0, 0), 0);
    assert_int_equal(sc(&p, NR_kill, (uint32_t)getpid(), 65, 0, 0), -EINVAL);
    assert_false(p.exited);
}

/* glibc raise(): block all, tgkill self, restore the mask. The signal must
 * stay pending and act when the mask is restored. */
static void test_raise_pattern(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint64_t all = ~0ull;
    memcpy(g2h(G), &all, 8);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_BLOCK, G, G + 8, 8), 0);
    assert_int_equal(sc(&p, NR_tgkill, (uint32_t)getpid(), (uint32_t)gettid(), SIGABRT, 0), 0);
    assert_false(p.exited);
    assert_int_equal(sc(&p, NR_rt_sigpending, G + 16, 8, 0, 0), 0);
    assert_int_equal(word(G + 16), 1u << (SIGABRT - 1));
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_SETMASK, G + 8, 0, 8), 0);
    assert_true(p.exited);
    assert_int_equal(p.fatal_signal, SIGABRT);
}

/* A pending signal whose action becomes SIG_IGN is discarded. */
static void test_pending_discarded_by_ign(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    uint64_t set = 1ull << (SIGUSR2 - 1);
    memcpy(g2h(G), &set, 8);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_BLOCK, G, 0, 8), 0);
    assert_int_equal(sc(&p, NR_kill, (uint32_t)getpid(), SIGUSR2, 0, 0), 0);
    put_act(G + 64, 1, 0, 0, 0);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR2, G + 64, 0, 8), 0);
    assert_int_equal(sc(&p, NR_rt_sigprocmask, SIG_UNBLOCK, G, 0, 8), 0);
    assert_false(p.exited);
}

/* With a guest handler the signal stays pending, with the sender in its
 * siginfo, for the runtime to deliver (translator/signal_deliver.c). */
static void test_handler_left_pending(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    put_act(G, 0x10400, 0, 0, 0);
    assert_int_equal(sc(&p, NR_rt_sigaction, SIGUSR1, G, 0, 8), 0);
    assert_int_equal(sc(&p, NR_kill, (uint32_t)getpid(), SIGUSR1, 0, 0), 0);
    assert_false(p.exited);
    assert_int_equal(p.sig.pending, 1ull << (SIGUSR1 - 1));
    assert_int_equal(p.sig.note[SIGUSR1].code, SI_USER);
    assert_int_equal(p.sig.note[SIGUSR1].pid, getpid());
    assert_int_equal(guest_signal_next(&p), SIGUSR1);
}

static void test_sigaltstack(void **state)
{
    (void)state;
    struct linux_proc p = {0};
    /* initially disabled */
    assert_int_equal(sc(&p, NR_sigaltstack, 0, G + 64, 0, 0), 0);
    assert_int_equal(word(G + 64 + 4), SS_DISABLE);
    uint32_t ss[3] = {0x20000, 0, 8192};
    memcpy(g2h(G), ss, sizeof(ss));
    assert_int_equal(sc(&p, NR_sigaltstack, G, G + 64, 0, 0), 0);
    assert_int_equal(sc(&p, NR_sigaltstack, 0, G + 64, 0, 0), 0);
    assert_int_equal(word(G + 64), 0x20000);
    assert_int_equal(word(G + 68), 0);
    assert_int_equal(word(G + 72), 8192);
    ss[2] = 100; /* below MINSIGSTKSZ (2048 on ARM) */
    memcpy(g2h(G), ss, sizeof(ss));
    assert_int_equal(sc(&p, NR_sigaltstack, G, 0, 0, 0), -ENOMEM);
    ss[1] = 77; /* bad flags */
    memcpy(g2h(G), ss, sizeof(ss));
    assert_int_equal(sc(&p, NR_sigaltstack, G, 0, 0, 0), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_sigaction_old_values, setup),
        cmocka_unit_test_setup(test_sigprocmask, setup),
        cmocka_unit_test_setup(test_self_kill_default_fatal, setup),
        cmocka_unit_test_setup(test_self_kill_ignored, setup),
        cmocka_unit_test_setup(test_raise_pattern, setup),
        cmocka_unit_test_setup(test_pending_discarded_by_ign, setup),
        cmocka_unit_test_setup(test_handler_left_pending, setup),
        cmocka_unit_test_setup(test_sigaltstack, setup),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
