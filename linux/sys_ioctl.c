/* ioctl: a table of the terminal and file ioctls guests use, each with the
 * direction and size of its argument. ARM and x86-64 both take their numbers
 * from include/uapi/asm-generic/ioctls.h and their kernel structures
 * (termios, termios2, winsize, int, pid_t) have the same 32-bit layouts, so a
 * validated guest pointer is handed to the host unchanged.
 *
 * Unknown commands: qemu-arm logs and returns -ENOSYS, which no program
 * expects from ioctl. We return -ENOTTY, the kernel's answer for a command a
 * driver does not implement ("Inappropriate ioctl for device"), so callers
 * probing for a feature (isatty-style checks) take their fallback path; the
 * command is named under -d unimp. */
#include <sys/ioctl.h>

#include "base/log.h"
#include "linux/guest_structs.h"
#include "linux/syscall_impl.h"

enum ioc_kind { GIOC_VALUE, GIOC_IN, GIOC_OUT, GIOC_INOUT };

struct ioc_desc {
    uint32_t cmd;
    const char *name;
    enum ioc_kind kind;
    uint32_t size;
};

static const struct ioc_desc ioctls[] = {
    {0x5401, "TCGETS", GIOC_OUT, sizeof(struct guest_termios)},
    {0x5402, "TCSETS", GIOC_IN, sizeof(struct guest_termios)},
    {0x5403, "TCSETSW", GIOC_IN, sizeof(struct guest_termios)},
    {0x5404, "TCSETSF", GIOC_IN, sizeof(struct guest_termios)},
    {0x5409, "TCSBRK", GIOC_VALUE, 0},
    {0x540A, "TCXONC", GIOC_VALUE, 0},
    {0x540B, "TCFLSH", GIOC_VALUE, 0},
    {0x540C, "TIOCEXCL", GIOC_VALUE, 0},
    {0x540D, "TIOCNXCL", GIOC_VALUE, 0},
    {0x540E, "TIOCSCTTY", GIOC_VALUE, 0},
    {0x540F, "TIOCGPGRP", GIOC_OUT, 4},
    {0x5410, "TIOCSPGRP", GIOC_IN, 4},
    {0x5411, "TIOCOUTQ", GIOC_OUT, 4},
    {0x5413, "TIOCGWINSZ", GIOC_OUT, sizeof(struct guest_winsize)},
    {0x5414, "TIOCSWINSZ", GIOC_IN, sizeof(struct guest_winsize)},
    {0x5415, "TIOCMGET", GIOC_OUT, 4},
    {0x541B, "FIONREAD", GIOC_OUT, 4},
    {0x5421, "FIONBIO", GIOC_IN, 4},
    {0x5422, "TIOCNOTTY", GIOC_VALUE, 0},
    {0x5429, "TIOCGSID", GIOC_OUT, 4},
    {0x5450, "FIONCLEX", GIOC_VALUE, 0},
    {0x5451, "FIOCLEX", GIOC_VALUE, 0},
    {0x5452, "FIOASYNC", GIOC_IN, 4},
    {0x802C542A, "TCGETS2", GIOC_OUT, sizeof(struct guest_termios2)},
    {0x402C542B, "TCSETS2", GIOC_IN, sizeof(struct guest_termios2)},
    {0x402C542C, "TCSETSW2", GIOC_IN, sizeof(struct guest_termios2)},
    {0x402C542D, "TCSETSF2", GIOC_IN, sizeof(struct guest_termios2)},
    {0x80045430, "TIOCGPTN", GIOC_OUT, 4},
    {0x40045431, "TIOCSPTLCK", GIOC_IN, 4},
};

/* The host numbers are the guest numbers (asm-generic on both). */
_Static_assert(TCGETS == 0x5401 && TIOCGWINSZ == 0x5413 && FIONREAD == 0x541B && TIOCGPGRP == 0x540F,
               "x86-64 uses the asm-generic tty ioctl numbers");

int64_t sys_ioctl(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int fd = sarg(a[0]);
    uint32_t cmd = a[1], arg = a[2];
    for (unsigned i = 0; i < sizeof(ioctls) / sizeof(ioctls[0]); i++) {
        const struct ioc_desc *d = &ioctls[i];
        if (d->cmd != cmd)
            continue;
        if (d->kind == GIOC_VALUE)
            return host_ret(ioctl(fd, (unsigned long)cmd, (unsigned long)arg));
        int prot = d->kind == GIOC_IN ? PROT_READ : d->kind == GIOC_OUT ? PROT_WRITE : PROT_READ | PROT_WRITE;
        if (!guest_range_ok(arg, d->size, prot))
            return -EFAULT;
        if (d->kind != GIOC_IN)
            syscall_note_write(arg, d->size);
        return host_ret(ioctl(fd, (unsigned long)cmd, g2h(arg)));
    }
    if (log_enabled(LOG_UNIMP))
        log_printf("Unsupported ioctl: fd %d cmd 0x%08x\n", fd, cmd);
    return -ENOTTY;
}
