/* Descriptor syscalls: fcntl/fcntl64 (command numbers, O_* flags and lock
 * structures converted), dup/dup2/dup3 and pipe/pipe2. */
#include <fcntl.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/host_fds.h"
#include "linux/syscall_impl.h"
#include "linux/sys_signalfd.h"
#include "linux/xlat.h"

/* Guest fcntl commands that differ from, or need care on, x86-64. */
#define G_F_GETLK 5
#define G_F_SETLK 6
#define G_F_SETLKW 7
#define G_F_SETOWN_EX 15
#define G_F_GETOWN_EX 16
#define G_F_GETLK64 12 /* arch/arm/include/uapi/asm/fcntl.h */
#define G_F_SETLK64 13
#define G_F_SETLKW64 14
#define G_F_OFD_GETLK 36
#define G_F_OFD_SETLK 37
#define G_F_OFD_SETLKW 38
#define HOST_O_LARGEFILE 0100000u /* x86-64 kernel value; glibc defines O_LARGEFILE as 0 there */

/* The host command for a lock command; x86-64 has only the 64-bit forms. */
static int host_lock_cmd(uint32_t cmd)
{
    switch (cmd) {
    case G_F_GETLK:
    case G_F_GETLK64:
        return F_GETLK;
    case G_F_SETLK:
    case G_F_SETLK64:
        return F_SETLK;
    case G_F_SETLKW:
    case G_F_SETLKW64:
        return F_SETLKW;
    case G_F_OFD_GETLK:
        return F_OFD_GETLK;
    case G_F_OFD_SETLK:
        return F_OFD_SETLK;
    default:
        return F_OFD_SETLKW;
    }
}

static bool is_getlk(uint32_t cmd) { return cmd == G_F_GETLK || cmd == G_F_GETLK64 || cmd == G_F_OFD_GETLK; }

static int64_t lock32(int fd, uint32_t cmd, uint32_t addr)
{
    struct guest_flock g;
    struct flock h;
    if (copy_from_guest(&g, addr, sizeof(g)))
        return -EFAULT;
    xlat_flock_to_host(&h, &g);
    int64_t r = host_ret(fcntl(fd, host_lock_cmd(cmd), &h));
    if (r < 0 || !is_getlk(cmd))
        return r;
    int e = xlat_flock_from_host(&g, &h);
    return e ? e : copy_to_guest(addr, &g, sizeof(g));
}

static int64_t lock64(int fd, uint32_t cmd, uint32_t addr)
{
    struct guest_flock64 g;
    struct flock h;
    if (copy_from_guest(&g, addr, sizeof(g)))
        return -EFAULT;
    xlat_flock64_to_host(&h, &g);
    int64_t r = host_ret(fcntl(fd, host_lock_cmd(cmd), &h));
    if (r < 0 || !is_getlk(cmd))
        return r;
    xlat_flock64_from_host(&g, &h);
    return copy_to_guest(addr, &g, sizeof(g));
}

/* fcntl (55) takes struct flock with a 32-bit off_t for every lock command
 * and rejects the *64 ones; fcntl64 (221) uses struct flock64 for the *64 and
 * OFD commands (fs/fcntl.c, do_compat_fcntl64 and the 32-bit sys_fcntl64). */
static int64_t do_fcntl(const uint32_t a[7], bool is64)
{
    int fd = sarg(a[0]);
    uint32_t cmd = a[1], arg = a[2];
    switch (cmd) {
    case F_DUPFD:
    case F_GETFD:
    case F_SETFD:
    case F_SETOWN:
    case F_GETOWN:
    case F_SETSIG:
    case F_GETSIG:
    case F_SETLEASE:
    case F_GETLEASE:
    case F_NOTIFY:
    case F_DUPFD_CLOEXEC:
    case F_SETPIPE_SZ:
    case F_GETPIPE_SZ:
    case F_ADD_SEALS:
    case F_GET_SEALS:
        return host_ret(fcntl(fd, (int)cmd, (int)arg));
    case F_GETFL: {
        /* The 64-bit host forces O_LARGEFILE on every open (force_o_largefile),
         * so its F_GETFL always has it; a 32-bit kernel reports it only if the
         * guest asked for it, which we do not track. Report it clear, as
         * qemu-arm does (its x86-64 build sees O_LARGEFILE as 0). */
        int64_t r = host_ret(fcntl(fd, F_GETFL));
        return r < 0 ? r : xlat_open_flags_from_host((uint32_t)r & ~HOST_O_LARGEFILE);
    }
    case F_SETFL:
        return host_ret(fcntl(fd, F_SETFL, (int)xlat_open_flags_to_host(arg)));
    case G_F_GETLK:
    case G_F_SETLK:
    case G_F_SETLKW:
        return lock32(fd, cmd, arg);
    case G_F_GETLK64:
    case G_F_SETLK64:
    case G_F_SETLKW64:
        return is64 ? lock64(fd, cmd, arg) : -EINVAL;
    case G_F_OFD_GETLK:
    case G_F_OFD_SETLK:
    case G_F_OFD_SETLKW:
        return is64 ? lock64(fd, cmd, arg) : lock32(fd, cmd, arg);
    case G_F_GETOWN_EX:
    case G_F_SETOWN_EX: {
        /* struct f_owner_ex {int type; pid_t pid;} is the same on both. */
        if (!guest_range_ok(arg, 8, cmd == G_F_GETOWN_EX ? PROT_WRITE : PROT_READ))
            return -EFAULT;
        if (cmd == G_F_GETOWN_EX)
            syscall_note_write(arg, 8);
        return host_ret(fcntl(fd, (int)cmd, g2h(arg)));
    }
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported fcntl command: %u\n", cmd);
        return -EINVAL;
    }
}

int64_t sys_fcntl(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_fcntl(a, false); }
int64_t sys_fcntl64(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_fcntl(a, true); }

int64_t sys_dup(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(dup(sarg(a[0]))); }
int64_t sys_dup2(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (host_fd_reserved(sarg(a[0])) || host_fd_reserved(sarg(a[1])))
        return -EBADF;
    int64_t r = host_ret(dup2(sarg(a[0]), sarg(a[1])));
    if (r >= 0 && sarg(a[0]) != sarg(a[1]))
        guest_signalfd_closed(sarg(a[1]));
    return r;
}
/* dup3 and pipe2 take O_CLOEXEC/O_NONBLOCK (same bits) and, for pipe2,
 * O_DIRECT, which ARM places differently: translate the whole word. */
int64_t sys_dup3(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (host_fd_reserved(sarg(a[0])) || host_fd_reserved(sarg(a[1])))
        return -EBADF;
    int64_t r = host_ret(dup3(sarg(a[0]), sarg(a[1]), (int)xlat_open_flags_to_host(a[2])));
    if (r >= 0)
        guest_signalfd_closed(sarg(a[1]));
    return r;
}

static int64_t do_pipe2(uint32_t addr, uint32_t flags)
{
    if (!guest_writable(addr, 8))
        return -EFAULT;
    int fds[2];
    int64_t r = host_ret(pipe2(fds, (int)xlat_open_flags_to_host(flags)));
    if (r < 0)
        return r;
    return copy_to_guest(addr, fds, 8);
}

int64_t sys_pipe(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_pipe2(a[0], 0); }
int64_t sys_pipe2(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_pipe2(a[0], a[1]); }
