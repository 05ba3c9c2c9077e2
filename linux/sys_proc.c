/* Process identity and resources: exit, pids and credentials, uname,
 * getrandom, rlimits, rusage, sysinfo, process groups and sessions, wait,
 * prctl. The guest is one process and, so far, one thread: the host process
 * is the guest process, so identities and groups pass through. */
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_ident.h"
#include "linux/syscall_impl.h"
#include "linux/thread_sched.h"
#include "linux/xlat.h"

/* exit and exit_group end the (single-threaded) guest; the status the parent
 * sees is the low 8 bits (kernel: (code & 0xff) << 8 in the wait status). */
static int64_t do_exit(struct linux_proc *p, uint32_t code)
{
    p->exited = true;
    p->exit_status = (int)(code & 0xff);
    return 0;
}

/* exit(2) ends the calling thread; the process ends with its last thread. */
int64_t sys_exit(struct linux_proc *p, const uint32_t a[7])
{
    if (thread_exit(p, (int)a[0]))
        return 0;
    return do_exit(p, a[0]);
}
int64_t sys_exit_group(struct linux_proc *p, const uint32_t a[7]) { return do_exit(p, a[0]); }

int64_t sys_getpid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return guest_pid(); }
int64_t sys_getppid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return getppid(); }
int64_t sys_gettid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return thread_tid_current(); }

/* The 16-bit calls map ids above 65535 to the overflow id 65534
 * (high2lowuid in include/linux/highuid.h). */
static int64_t low16(uint32_t id) { return id > 65535u ? 65534 : id; }
int64_t sys_getuid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return low16(getuid()); }
int64_t sys_getgid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return low16(getgid()); }
int64_t sys_geteuid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return low16(geteuid()); }
int64_t sys_getegid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return low16(getegid()); }
int64_t sys_getuid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return getuid(); }
int64_t sys_getgid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return getgid(); }
int64_t sys_geteuid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return geteuid(); }
int64_t sys_getegid32(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return getegid(); }

/* getgroups32(size, list): gid_t is 32 bits on both sides. */
int64_t sys_getgroups32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int size = sarg(a[0]);
    if (size < 0)
        return -EINVAL;
    if (size > 65536) /* NGROUPS_MAX: more is never needed, and size * 4 must not wrap */
        size = 65536;
    if (!guest_writable(a[1], (uint32_t)size * 4u))
        return -EFAULT;
    syscall_note_write(a[1], (uint32_t)size * 4u);
    return host_ret(getgroups(size, size ? g2h(a[1]) : NULL));
}

static int64_t put_three(const uint32_t a[7], const uint32_t v[3])
{
    for (int i = 0; i < 3; i++)
        if (!guest_writable(a[i], 4))
            return -EFAULT;
    for (int i = 0; i < 3; i++)
        copy_to_guest(a[i], &v[i], 4);
    return 0;
}

int64_t sys_getresuid32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    const uint32_t v[3] = {r, e, s};
    return put_three(a, v);
}

int64_t sys_getresgid32(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    gid_t r, e, s;
    getresgid(&r, &e, &s);
    const uint32_t v[3] = {r, e, s};
    return put_three(a, v);
}

/* uname: the host's answers except the machine, which is what a 32-bit ARM
 * kernel (and qemu-arm 7.2) reports. */
int64_t sys_uname(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct utsname h;
    if (!guest_writable(a[0], sizeof(struct guest_utsname)))
        return -EFAULT;
    if (uname(&h) < 0)
        return host_ret(-1);
    struct guest_utsname g;
    _Static_assert(sizeof(h.sysname) == sizeof(g.sysname), "utsname field size");
    memcpy(g.sysname, h.sysname, sizeof(g.sysname));
    memcpy(g.nodename, h.nodename, sizeof(g.nodename));
    memcpy(g.release, h.release, sizeof(g.release));
    memcpy(g.version, h.version, sizeof(g.version));
    memset(g.machine, 0, sizeof(g.machine));
    strcpy(g.machine, "armv7l");
    memcpy(g.domainname, h.domainname, sizeof(g.domainname));
    return copy_to_guest(a[0], &g, sizeof(g));
}

int64_t sys_getrandom(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (!guest_writable(a[0], a[1]))
        return -EFAULT;
    syscall_note_write(a[0], a[1]);
    return host_ret(getrandom(g2h(a[0]), a[1], a[2]));
}

/* Limits on the address space, data and stack would constrain backstep
 * itself (its code cache and history live in the same host process), so,
 * like qemu-arm, setting them is accepted and not applied. */
static bool limit_kept_virtual(int res) { return res == RLIMIT_AS || res == RLIMIT_DATA || res == RLIMIT_STACK; }

/* prlimit64(pid, resource, new, old): struct rlimit64 is the host layout. */
int64_t sys_prlimit64(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    int res = sarg(a[1]);
    struct rlimit nl, ol;
    const struct rlimit *np = NULL;
    if (a[2]) {
        struct guest_rlimit64 g;
        if (copy_from_guest(&g, a[2], sizeof(g)))
            return -EFAULT;
        nl.rlim_cur = g.rlim_cur;
        nl.rlim_max = g.rlim_max;
        np = limit_kept_virtual(res) ? NULL : &nl;
    }
    if (a[3] && !guest_writable(a[3], sizeof(struct guest_rlimit64)))
        return -EFAULT;
    int64_t r = host_ret(prlimit(sarg(a[0]), res, np, a[3] ? &ol : NULL));
    if (r < 0 || !a[3])
        return r;
    struct guest_rlimit64 g = {ol.rlim_cur, ol.rlim_max};
    return copy_to_guest(a[3], &g, sizeof(g));
}

/* ugetrlimit(resource, rlim): the 32-bit struct rlimit. */
int64_t sys_ugetrlimit(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct rlimit h;
    if (!guest_writable(a[1], sizeof(struct guest_rlimit)))
        return -EFAULT;
    int64_t r = host_ret(getrlimit((int)a[0], &h));
    if (r < 0)
        return r;
    struct guest_rlimit g;
    xlat_rlimit_from_host(&g, &h);
    return copy_to_guest(a[1], &g, sizeof(g));
}

int64_t sys_setrlimit(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct guest_rlimit g;
    struct rlimit h;
    if (copy_from_guest(&g, a[1], sizeof(g)))
        return -EFAULT;
    xlat_rlimit_to_host(&h, &g);
    if (limit_kept_virtual(sarg(a[0])))
        return h.rlim_cur > h.rlim_max ? -EINVAL : 0;
    return host_ret(setrlimit((int)a[0], &h));
}

int64_t sys_getrusage(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct rusage h;
    if (!guest_writable(a[1], sizeof(struct guest_rusage)))
        return -EFAULT;
    int64_t r = host_ret(getrusage(sarg(a[0]), &h));
    if (r < 0)
        return r;
    struct guest_rusage g;
    xlat_rusage(&g, &h);
    return copy_to_guest(a[1], &g, sizeof(g));
}

int64_t sys_sysinfo(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    struct sysinfo h;
    if (!guest_writable(a[0], sizeof(struct guest_sysinfo)))
        return -EFAULT;
    int64_t r = host_ret(sysinfo(&h));
    if (r < 0)
        return r;
    struct guest_sysinfo g;
    xlat_sysinfo(&g, &h);
    return copy_to_guest(a[0], &g, sizeof(g));
}

int64_t sys_getpgrp(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return getpgrp(); }
int64_t sys_setpgid(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(setpgid(sarg(a[0]), sarg(a[1]))); }
int64_t sys_getpgid(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(getpgid(sarg(a[0]))); }
int64_t sys_getsid(struct linux_proc *p, const uint32_t a[7]) { (void)p; return host_ret(getsid(sarg(a[0]))); }
int64_t sys_setsid(struct linux_proc *p, const uint32_t a[7]) { (void)p; (void)a; return host_ret(setsid()); }

/* waitid(which, id, infop, options, rusage). The child-status siginfo has
 * 32-bit clock_t fields and no padding after the three header ints on ARM
 * (guest_siginfo_chld), so it is rebuilt field by field; the rest of the
 * 128 bytes is zero, as the kernel leaves it. */
int64_t sys_waitid(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    if (a[2] && !guest_writable(a[2], GUEST_SIGINFO_SIZE))
        return -EFAULT;
    if (a[4] && !guest_writable(a[4], sizeof(struct guest_rusage)))
        return -EFAULT;
    siginfo_t si;
    struct rusage ru;
    memset(&si, 0, sizeof(si));
    int64_t r = host_ret(syscall(SYS_waitid, sarg(a[0]), sarg(a[1]), &si, sarg(a[3]), a[4] ? &ru : NULL));
    if (r < 0)
        return r;
    if (a[2]) {
        uint8_t buf[GUEST_SIGINFO_SIZE] = {0};
        struct guest_siginfo_chld g = {si.si_signo, si.si_errno, si.si_code, si.si_pid, si.si_uid, si.si_status,
                                       (int32_t)si.si_utime, (int32_t)si.si_stime};
        memcpy(buf, &g, sizeof(g));
        copy_to_guest(a[2], buf, sizeof(buf));
    }
    if (a[4]) {
        struct guest_rusage g;
        xlat_rusage(&g, &ru);
        copy_to_guest(a[4], &g, sizeof(g));
    }
    return r;
}

/* personality(persona): 0xffffffff queries. The host process is the guest
 * process, so the persona is the host's. */
int64_t sys_personality(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    return host_ret(syscall(SYS_personality, (unsigned long)a[0]));
}

/* prctl: the name calls (16 bytes, TASK_COMM_LEN) and the integer-only
 * options pass through; anything with other pointers is refused. */
int64_t sys_prctl(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    switch (a[0]) {
    case PR_SET_NAME: {
        char name[16] = {0};
        const char *s;
        int e = guest_path(a[1], &s);
        if (e && e != -ENAMETOOLONG)
            return e;
        if (e) { /* longer than PATH_MAX: still only 15 bytes are used */
            if (copy_from_guest(name, a[1], 15))
                return -EFAULT;
        } else {
            strncpy(name, s, 15);
        }
        return host_ret(prctl(PR_SET_NAME, name, 0, 0, 0));
    }
    case PR_GET_NAME: {
        char name[16] = {0};
        if (!guest_writable(a[1], 16))
            return -EFAULT;
        int64_t r = host_ret(prctl(PR_GET_NAME, name, 0, 0, 0));
        return r < 0 ? r : copy_to_guest(a[1], name, 16);
    }
    case PR_GET_PDEATHSIG: {
        int sig = 0;
        if (!guest_writable(a[1], 4))
            return -EFAULT;
        int64_t r = host_ret(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0));
        return r < 0 ? r : copy_to_guest(a[1], &sig, 4);
    }
    case PR_SET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_CAPBSET_READ:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_NO_NEW_PRIVS:
        return host_ret(prctl((int)a[0], (unsigned long)a[1], (unsigned long)a[2], (unsigned long)a[3],
                              (unsigned long)a[4]));
    default:
        if (log_enabled(LOG_UNIMP))
            log_printf("Unsupported prctl option: %u\n", a[0]);
        return -EINVAL;
    }
}
