/* Socket syscalls through linux_syscall: socketpair, the 28-byte compat
 * msghdr, SCM_RIGHTS in the 12-byte compat cmsghdr layout both ways
 * (net/compat.c), and SO_RCVTIMEO with the old 32-bit struct timeval. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "linux/guest_mem.h"
#include "linux/syscall.h"

enum { NR_socketpair = 288, NR_sendmsg = 296, NR_recvmsg = 297, NR_setsockopt = 294, NR_getsockopt = 295,
       NR_sendto = 290, NR_recvfrom = 292, NR_getsockname = 286 };

static uint32_t G;

static int32_t sc(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5)
{
    static struct linux_proc p;
    const uint32_t a[7] = {a0, a1, a2, a3, a4, a5, 0};
    return (int32_t)linux_syscall(&p, nr, a);
}

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof(err)))
        return -1;
    int64_t r = guest_mmap(0, 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (r <= 0)
        return -1;
    G = (uint32_t)r;
    return 0;
}

static void put32(uint32_t at, uint32_t v) { memcpy(g2h(at), &v, 4); }
static uint32_t get32(uint32_t at) { uint32_t v; memcpy(&v, g2h(at), 4); return v; }

static void test_scm_rights_roundtrip(void **state)
{
    (void)state;
    assert_int_equal(sc(NR_socketpair, AF_UNIX, SOCK_STREAM, 0, G, 0, 0), 0);
    int s0 = (int)get32(G), s1 = (int)get32(G + 4);
    int pfd[2];
    assert_int_equal(pipe(pfd), 0);

    /* guest layout: msghdr at G+0x100, iovec at G+0x140, data at G+0x180,
     * control at G+0x200: one cmsg {len 16, SOL_SOCKET, SCM_RIGHTS, fd} */
    const uint32_t M = G + 0x100, IOV = G + 0x140, D = G + 0x180, C = G + 0x200;
    memcpy(g2h(D), "ping", 4);
    put32(IOV, D);
    put32(IOV + 4, 4);
    put32(C, 16);
    put32(C + 4, SOL_SOCKET);
    put32(C + 8, SCM_RIGHTS);
    put32(C + 12, (uint32_t)pfd[1]);
    uint32_t msg[7] = {0, 0, IOV, 1, C, 16, 0};
    memcpy(g2h(M), msg, sizeof(msg));
    assert_int_equal(sc(NR_sendmsg, (uint32_t)s0, M, 0, 0, 0, 0), 4);

    /* receive into fresh buffers with 32 bytes of control space */
    memset(g2h(D), 0, 16);
    memset(g2h(C), 0xee, 64);
    uint32_t rmsg[7] = {0, 0, IOV, 1, C, 32, 0};
    memcpy(g2h(M), rmsg, sizeof(rmsg));
    put32(IOV + 4, 16);
    assert_int_equal(sc(NR_recvmsg, (uint32_t)s1, M, 0, 0, 0, 0), 4);
    assert_memory_equal(g2h(D), "ping", 4);
    assert_int_equal(get32(M + 20), 16); /* msg_controllen: one compat cmsg */
    assert_int_equal(get32(M + 24), 0);  /* msg_flags */
    assert_int_equal(get32(C), 16);
    assert_int_equal(get32(C + 4), SOL_SOCKET);
    assert_int_equal(get32(C + 8), SCM_RIGHTS);
    int got = (int)get32(C + 12);
    assert_true(got >= 0 && got != pfd[1]);
    /* the passed descriptor is the pipe's write end */
    assert_int_equal(write(got, "z", 1), 1);
    char c;
    assert_int_equal(read(pfd[0], &c, 1), 1);
    assert_int_equal(c, 'z');
    close(got);
    close(pfd[0]);
    close(pfd[1]);

    /* a malformed cmsg length is -EINVAL */
    put32(C, 8);
    uint32_t bad[7] = {0, 0, IOV, 1, C, 16, 0};
    memcpy(g2h(M), bad, sizeof(bad));
    assert_int_equal(sc(NR_sendmsg, (uint32_t)s0, M, 0, 0, 0, 0), -EINVAL);
    /* a msghdr off the end of memory */
    assert_int_equal(sc(NR_sendmsg, (uint32_t)s0, 0xfffffff0u, 0, 0, 0, 0), -EFAULT);
    close(s0);
    close(s1);
}

static void test_rcvtimeo_timeval32(void **state)
{
    (void)state;
    assert_int_equal(sc(NR_socketpair, AF_UNIX, SOCK_DGRAM, 0, G, 0, 0), 0);
    int s0 = (int)get32(G), s1 = (int)get32(G + 4);
    put32(G + 16, 3);      /* tv_sec */
    put32(G + 20, 500000); /* tv_usec (a whole number of jiffies for HZ 100..1000) */
    assert_int_equal(sc(NR_setsockopt, (uint32_t)s0, SOL_SOCKET, 20 /* SO_RCVTIMEO_OLD */, G + 16, 8, 0), 0);
    struct timeval h;
    socklen_t hl = sizeof(h);
    assert_int_equal(getsockopt(s0, SOL_SOCKET, SO_RCVTIMEO, &h, &hl), 0);
    assert_int_equal(h.tv_sec, 3);
    assert_int_equal(h.tv_usec, 500000);
    put32(G + 32, 0);
    put32(G + 36, 0);
    put32(G + 40, 8);
    assert_int_equal(sc(NR_getsockopt, (uint32_t)s0, SOL_SOCKET, 20, G + 32, G + 40, 0), 0);
    assert_int_equal(get32(G + 32), 3);
    assert_int_equal(get32(G + 36), 500000);
    assert_int_equal(get32(G + 40), 8);
    /* an int option passes through */
    put32(G + 40, 4);
    assert_int_equal(sc(NR_getsockopt, (uint32_t)s0, SOL_SOCKET, SO_TYPE, G + 32, G + 40, 0), 0);
    assert_int_equal(get32(G + 32), SOCK_DGRAM);
    /* datagram send/recv */
    memcpy(g2h(G + 64), "dgram", 5);
    assert_int_equal(sc(NR_sendto, (uint32_t)s0, G + 64, 5, 0, 0, 0), 5);
    assert_int_equal(sc(NR_recvfrom, (uint32_t)s1, G + 128, 16, 0, 0, 0), 5);
    assert_memory_equal(g2h(G + 128), "dgram", 5);
    close(s0);
    close(s1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scm_rights_roundtrip),
        cmocka_unit_test(test_rcvtimeo_timeval32),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
