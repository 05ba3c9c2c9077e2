/* Process creation and reaping: fork, vfork, clone (process-like flags only),
 * execve, wait4. A guest fork is a host fork: the child is a copy of the
 * whole backstep process (guest memory, translations and all). vfork and
 * CLONE_VM|CLONE_VFORK (glibc's posix_spawn) become a plain fork too: the
 * child gets a copy instead of shared memory, which is all a child that only
 * execs or exits can tell. Threads (CLONE_THREAD) are linux/thread_life.c's.
 * execve of a 32-bit ARM ELF runs backstep itself on it; anything else goes to
 * the host kernel, as qemu-arm does without binfmt_misc. */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/log.h"
#include "linux/guest_ident.h"
#include "linux/syscall_impl.h"
#include "linux/sysroot_path.h"
#include "linux/thread_sched.h"
#include "linux/xlat.h"

static int64_t do_fork(void)
{
    fflush(NULL); /* no buffered host output (the log) is written twice */
    int64_t r = host_ret(fork());
    if (r == 0) {
        guest_ident_after_fork();
        thread_after_fork();
    }
    return r;
}

int64_t sys_fork(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    (void)a;
    return do_fork();
}

int64_t sys_vfork(struct linux_proc *p, const uint32_t a[7]) { return sys_fork(p, a); }

/* ARM's clone takes (flags, newsp, parent_tidptr, tls, child_tidptr)
 * (CONFIG_CLONE_BACKWARDS in the kernel). */
int64_t sys_clone(struct linux_proc *p, const uint32_t a[7])
{
    uint32_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3], ctid = a[4];
    /* kernel/fork.c copy_process: CLONE_THREAD needs CLONE_SIGHAND, which
     * needs CLONE_VM. */
    if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
        return -EINVAL;
    if (flags & CLONE_THREAD)
        return thread_clone(p, flags, newsp, ptid, tls, ctid);
    if (flags & CLONE_SIGHAND) {
        if (log_enabled(LOG_UNIMP))
            log_printf("backstep: clone with CLONE_SIGHAND but not CLONE_THREAD is not supported\n");
        return -EINVAL;
    }
    if ((flags & 0xff) != SIGCHLD && (flags & 0xff) != 0)
        return -EINVAL; /* another exit signal: not supported */
    if ((flags & CLONE_PARENT_SETTID) && !guest_writable(ptid, 4))
        return -EFAULT;
    if ((flags & CLONE_CHILD_SETTID) && !guest_writable(ctid, 4))
        return -EFAULT;
    int64_t pid = do_fork();
    if (pid < 0)
        return pid;
    uint32_t tid = pid ? (uint32_t)pid : (uint32_t)guest_pid();
    if (flags & CLONE_PARENT_SETTID)
        copy_to_guest(ptid, &tid, 4);
    if (pid == 0) {
        if (flags & CLONE_CHILD_SETTID)
            copy_to_guest(ctid, &tid, 4);
        if (flags & CLONE_SETTLS)
            p->tls = tls;
        if (newsp)
            p->clone_child_sp = newsp;
    }
    return pid;
}

/* Reads a guest NULL-terminated array of string pointers (NULL allowed: an
 * empty array) into a malloc'd, NULL-terminated host array; returns its length. */
static int64_t guest_strv(uint32_t addr, char ***out)
{
    unsigned n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    if (!v)
        return -ENOMEM;
    for (uint32_t at = addr; addr != 0; at += 4) {
        uint32_t ptr;
        if (copy_from_guest(&ptr, at, 4)) {
            free(v);
            return -EFAULT;
        }
        if (ptr == 0)
            break;
        const char *s;
        int e = guest_path(ptr, &s);
        if (e) {
            free(v);
            return e;
        }
        if (n + 2 > cap) {
            if (cap > (1u << 20)) {
                free(v);
                return -E2BIG;
            }
            cap *= 2;
            char **nv = realloc(v, cap * sizeof *v);
            if (!nv) {
                free(v);
                return -ENOMEM;
            }
            v = nv;
        }
        v[n++] = (char *)s;
    }
    v[n] = NULL;
    *out = v;
    return n;
}

/* True if path is a 32-bit little-endian ARM ELF, i.e. one for backstep. */
static bool is_arm_elf(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t got = read(fd, h, sizeof h);
    close(fd);
    return got == (ssize_t)sizeof h && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F' &&
           h[4] == 1 /* ELFCLASS32 */ && h[5] == 1 /* ELFDATA2LSB */ && h[18] == 40 /* EM_ARM */ &&
           h[19] == 0;
}

int64_t sys_execve(struct linux_proc *p, const uint32_t a[7])
{
    const char *path;
    int e = guest_path(a[0], &path);
    if (e)
        return e;
    /* The program is looked up under -L like any file it opens (qemu-arm
     * leaves execve to the host kernel and binfmt_misc, which know no sysroot;
     * the child backstep is handed the host name found here). */
    char name[HOST_PATH_BUF];
    path = guest_host_path(p, path, name, sizeof name);
    char **argv, **envp;
    int64_t argc = guest_strv(a[1], &argv);
    if (argc < 0)
        return argc;
    int64_t envc = guest_strv(a[2], &envp);
    if (envc < 0) {
        free(argv);
        return envc;
    }
    int64_t r = 0;
    if (access(path, X_OK) != 0) {
        r = -errno;
    } else if (is_arm_elf(path)) {
        /* backstep [-L SYSROOT] -0 ARGV0 PATH ARGS... */
        char **w = malloc((size_t)(argc + 8) * sizeof *w);
        if (!w) {
            r = -ENOMEM;
        } else {
            unsigned k = 0;
            w[k++] = "backstep";
            if (sysroot_get()) {
                w[k++] = "-L";
                w[k++] = (char *)sysroot_get(); /* absolute: the guest may have moved */
            }
            w[k++] = "-0";
            w[k++] = argc > 0 ? argv[0] : (char *)path;
            w[k++] = (char *)path;
            for (int64_t i = 1; i < argc; i++)
                w[k++] = argv[i];
            w[k] = NULL;
            fflush(NULL);
            execve("/proc/self/exe", w, envp);
            r = -errno;
            free(w);
        }
    } else {
        fflush(NULL);
        execve(path, argv, envp);
        r = -errno;
    }
    free(argv);
    free(envp);
    return r;
}

int64_t sys_wait4(struct linux_proc *p, const uint32_t a[7])
{
    (void)p;
    uint32_t status_addr = a[1], ru_addr = a[3];
    if (status_addr && !guest_writable(status_addr, 4))
        return -EFAULT;
    if (ru_addr && !guest_writable(ru_addr, sizeof(struct guest_rusage)))
        return -EFAULT;
    int status = 0;
    struct rusage ru;
    int64_t r = host_ret(wait4(sarg(a[0]), &status, sarg(a[2]), ru_addr ? &ru : NULL));
    if (r <= 0)
        return r;
    /* The wait status encoding is the same on ARM and x86-64 Linux. */
    if (status_addr)
        copy_to_guest(status_addr, &status, 4);
    if (ru_addr) {
        struct guest_rusage g;
        xlat_rusage(&g, &ru);
        copy_to_guest(ru_addr, &g, sizeof g);
    }
    return r;
}
