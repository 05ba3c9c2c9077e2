/* Socket syscalls (ARM EABI has one syscall per operation, no socketcall).
 * Socket addresses, most option values and SOCK_* flags are the same bytes
 * on both sides; what changes is pointer width (msghdr, iovec), control
 * message headers (linux/xlat_cmsg.c) and the old 32-bit timeval of
 * SO_RCVTIMEO/SO_SNDTIMEO. */
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "linux/syscall_impl.h"
#include "linux/xlat.h"

#define G_SO_RCVTIMEO_OLD 20 /* asm-generic/socket.h */
#define G_SO_SNDTIMEO_OLD 21

int64_t sys_socket(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(socket(sarg(a[0]), sarg(a[1]), sarg(a[2])));
}

int64_t sys_socketpair(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int sv[2];
    if (!guest_writable(a[3], 8))
        return -EFAULT;
    int64_t r = host_ret(socketpair(sarg(a[0]), sarg(a[1]), sarg(a[2]), sv));
    return r < 0 ? r : copy_to_guest(a[3], sv, 8);
}

static int64_t addr_in(uint32_t addr, uint32_t len, const void **out)
{
    *out = NULL;
    if (!addr)
        return 0;
    if (sarg(len) < 0)
        return -EINVAL;
    if (!guest_readable(addr, len))
        return -EFAULT;
    *out = g2h(addr);
    return 0;
}

int64_t sys_bind(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    const void *sa;
    int64_t e = addr_in(a[1], a[2], &sa);
    return e ? e : host_ret(bind(sarg(a[0]), sa, a[2]));
}

int64_t sys_connect(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    const void *sa;
    int64_t e = addr_in(a[1], a[2], &sa);
    return e ? e : host_ret(connect(sarg(a[0]), sa, a[2]));
}

int64_t sys_listen(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(listen(sarg(a[0]), sarg(a[1]))); }
int64_t sys_shutdown(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(shutdown(sarg(a[0]), sarg(a[1]))); }

/* The (addr, socklen_t *len) result pairs of accept, getsockname,
 * getpeername and recvfrom: *len is read, the address written up to it,
 * and *len updated to the full size (which may exceed what was written). */
struct addr_out {
    uint32_t addr, lenp;
    socklen_t len;
    void *host;
};

static int64_t addr_out_begin(struct addr_out *o, uint32_t addr, uint32_t lenp)
{
    o->addr = addr;
    o->lenp = lenp;
    o->host = NULL;
    o->len = 0;
    if (!addr)
        return 0;
    uint32_t len;
    if (copy_from_guest(&len, lenp, 4) || !guest_writable(lenp, 4))
        return -EFAULT;
    if (sarg(len) < 0)
        return -EINVAL;
    if (!guest_writable(addr, len))
        return -EFAULT;
    syscall_note_write(addr, len);
    o->len = len;
    o->host = g2h(addr);
    return 0;
}

static void addr_out_end(const struct addr_out *o)
{
    if (o->addr) {
        uint32_t len = o->len;
        copy_to_guest(o->lenp, &len, 4);
    }
}

static int64_t do_accept(const uint32_t a[7], int flags)
{
    struct addr_out o;
    int64_t e = addr_out_begin(&o, a[1], a[2]);
    if (e)
        return e;
    int64_t r = host_ret(accept4(sarg(a[0]), o.host, o.addr ? &o.len : NULL, flags));
    if (r >= 0)
        addr_out_end(&o);
    return r;
}

int64_t sys_accept(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_accept(a, 0); }
int64_t sys_accept4(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_accept(a, (int)a[3]); }

static int64_t do_getname(const uint32_t a[7], bool peer)
{
    struct addr_out o;
    if (!a[1])
        return -EFAULT;
    int64_t e = addr_out_begin(&o, a[1], a[2]);
    if (e)
        return e;
    int64_t r = peer ? host_ret(getpeername(sarg(a[0]), o.host, &o.len))
                     : host_ret(getsockname(sarg(a[0]), o.host, &o.len));
    if (r >= 0)
        addr_out_end(&o);
    return r;
}

int64_t sys_getsockname(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_getname(a, false); }
int64_t sys_getpeername(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_getname(a, true); }

/* sendto(fd, buf, len, flags, addr, addrlen) */
int64_t sys_sendto(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    const void *sa;
    if (!guest_readable(a[1], a[2]))
        return -EFAULT;
    int64_t e = addr_in(a[4], a[5], &sa);
    if (e)
        return e;
    return host_ret(sendto(sarg(a[0]), g2h(a[1]), a[2], (int)a[3], sa, sa ? a[5] : 0));
}

int64_t sys_send(struct linux_proc *p, const uint32_t a[7])
{
    const uint32_t b[7] = {a[0], a[1], a[2], a[3], 0, 0, 0};
    return sys_sendto(p, b);
}

/* recvfrom(fd, buf, len, flags, addr, addrlen *) */
int64_t sys_recvfrom(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[1], a[2]))
        return -EFAULT;
    struct addr_out o;
    int64_t e = addr_out_begin(&o, a[4], a[5]);
    if (e)
        return e;
    syscall_note_write(a[1], a[2]);
    int64_t r = host_ret(recvfrom(sarg(a[0]), g2h(a[1]), a[2], (int)a[3], o.host, o.addr ? &o.len : NULL));
    if (r >= 0)
        addr_out_end(&o);
    return r;
}

int64_t sys_recv(struct linux_proc *p, const uint32_t a[7])
{
    const uint32_t b[7] = {a[0], a[1], a[2], a[3], 0, 0, 0};
    return sys_recvfrom(p, b);
}

static bool is_old_timeo(uint32_t level, uint32_t name)
{
    return level == SOL_SOCKET && (name == G_SO_RCVTIMEO_OLD || name == G_SO_SNDTIMEO_OLD);
}

/* setsockopt(fd, level, name, value, len) */
int64_t sys_setsockopt(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (sarg(a[4]) < 0)
        return -EINVAL;
    if (!guest_readable(a[3], a[4]))
        return -EFAULT;
    if (is_old_timeo(a[1], a[2])) {
        struct guest_timeval32 g;
        struct timeval h;
        if (a[4] < sizeof(g))
            return -EINVAL;
        memcpy(&g, g2h(a[3]), sizeof(g));
        xlat_timeval32_to_host(&h, &g);
        return host_ret(setsockopt(sarg(a[0]), SOL_SOCKET, (int)a[2], &h, sizeof(h)));
    }
    return host_ret(setsockopt(sarg(a[0]), sarg(a[1]), sarg(a[2]), a[4] ? g2h(a[3]) : NULL, a[4]));
}

/* getsockopt(fd, level, name, value, len *) */
int64_t sys_getsockopt(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    uint32_t len;
    if (copy_from_guest(&len, a[4], 4) || !guest_writable(a[4], 4))
        return -EFAULT;
    if (sarg(len) < 0)
        return -EINVAL;
    if (!guest_writable(a[3], len))
        return -EFAULT;
    if (is_old_timeo(a[1], a[2])) {
        struct timeval h;
        socklen_t hl = sizeof(h);
        int64_t r = host_ret(getsockopt(sarg(a[0]), SOL_SOCKET, (int)a[2], &h, &hl));
        if (r < 0)
            return r;
        struct guest_timeval32 g;
        xlat_timeval32_from_host(&g, &h);
        uint32_t n = len < sizeof(g) ? len : (uint32_t)sizeof(g);
        copy_to_guest(a[3], &g, n);
        copy_to_guest(a[4], &n, 4);
        return 0;
    }
    socklen_t hl = len;
    syscall_note_write(a[3], len);
    int64_t r = host_ret(getsockopt(sarg(a[0]), sarg(a[1]), sarg(a[2]), g2h(a[3]), &hl));
    if (r >= 0) {
        uint32_t out = hl;
        copy_to_guest(a[4], &out, 4);
    }
    return r;
}

#define CMSG_HOST_CAP 4096u

/* sendmsg(fd, msg, flags) and recvmsg(fd, msg, flags). */
static int64_t do_msg(const uint32_t a[7], bool recv)
{
    struct guest_msghdr gm;
    if (copy_from_guest(&gm, a[1], sizeof(gm)))
        return -EFAULT;
    if (recv && !guest_writable(a[1], sizeof(gm)))
        return -EFAULT;
    struct iovec iov[GUEST_UIO_MAXIOV];
    int e = load_iov(gm.msg_iov, gm.msg_iovlen, recv ? PROT_WRITE : PROT_READ, iov);
    if (e)
        return e;
    struct msghdr hm;
    memset(&hm, 0, sizeof(hm));
    hm.msg_iov = iov;
    hm.msg_iovlen = gm.msg_iovlen;
    if (gm.msg_name) {
        if (sarg(gm.msg_namelen) < 0)
            return -EINVAL;
        if (!guest_range_ok(gm.msg_name, gm.msg_namelen, recv ? PROT_WRITE : PROT_READ))
            return -EFAULT;
        hm.msg_name = g2h(gm.msg_name);
        hm.msg_namelen = gm.msg_namelen;
    }
    static _Alignas(16) uint8_t control[CMSG_HOST_CAP];
    if (gm.msg_control && gm.msg_controllen) {
        if (!guest_range_ok(gm.msg_control, gm.msg_controllen, recv ? PROT_WRITE : PROT_READ))
            return -EFAULT;
        if (recv) {
            /* room for the host's larger headers */
            hm.msg_controllen = gm.msg_controllen * 2u < CMSG_HOST_CAP ? gm.msg_controllen * 2u : CMSG_HOST_CAP;
        } else {
            int64_t n = xlat_cmsg_to_host(control, sizeof(control), g2h(gm.msg_control), gm.msg_controllen);
            if (n < 0)
                return n;
            hm.msg_controllen = (size_t)n;
        }
        hm.msg_control = hm.msg_controllen ? control : NULL;
    }
    if (!recv)
        return host_ret(sendmsg(sarg(a[0]), &hm, (int)a[2]));
    note_iov_write(iov, gm.msg_iovlen);
    if (gm.msg_name)
        syscall_note_write(gm.msg_name, gm.msg_namelen);
    if (gm.msg_control)
        syscall_note_write(gm.msg_control, gm.msg_controllen);
    int64_t r = host_ret(recvmsg(sarg(a[0]), &hm, (int)a[2]));
    if (r < 0)
        return r;
    gm.msg_namelen = hm.msg_namelen;
    gm.msg_flags = (uint32_t)hm.msg_flags;
    if (gm.msg_control && gm.msg_controllen) {
        bool trunc;
        gm.msg_controllen =
            xlat_cmsg_from_host(g2h(gm.msg_control), gm.msg_controllen, control, hm.msg_controllen, &trunc);
        if (trunc)
            gm.msg_flags |= MSG_CTRUNC;
    } else {
        gm.msg_controllen = 0;
    }
    copy_to_guest(a[1], &gm, sizeof(gm));
    return r;
}

int64_t sys_sendmsg(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_msg(a, false); }
int64_t sys_recvmsg(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_msg(a, true); }
