/* probe.c — issues a wide set of syscalls, with good and bad arguments, so
 * that tests/strace can compare backstep's -strace lines for each with
 * qemu-arm's. Every call's result is the same under both engines (no
 * addresses or times are printed by the program itself). Runs in an empty
 * scratch directory (the test's work dir). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)0x10) /* never mapped: below the lowest guest mapping */

static char buf[4096];

int main(void)
{
    long fd, r;
    struct stat st;
    struct utsname u;
    struct iovec iov[2] = {{"vec", 3}, {"tor\n", 4}};
    uint64_t big;

    /* open family: flags, modes, ENOENT, EFAULT, dirfd */
    syscall(SYS_openat, AT_FDCWD, "/nonexistent/file", O_RDONLY);
    fd = syscall(SYS_openat, AT_FDCWD, "f1", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    syscall(SYS_write, fd, "hello\n", 6);
    syscall(SYS_close, fd);
    fd = syscall(SYS_open, "f1", O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    syscall(SYS_open, BAD, O_RDONLY);
    syscall(SYS_open, NULL, O_RDONLY);
    syscall(SYS_open, "f2", O_WRONLY | O_CREAT | O_EXCL, 0600);
    syscall(SYS_open, "f2", O_WRONLY | O_CREAT | O_EXCL, 0600);
    syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_LARGEFILE);
    syscall(SYS_openat, 99, "rel", O_RDONLY | O_NOCTTY | O_SYNC);
    syscall(SYS_openat, AT_FDCWD, "f3", O_RDWR | O_CREAT | O_DSYNC | 0x40000000, 04755);
    syscall(SYS_creat, "f4", 0640);
    /* read/write/lseek */
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_read, fd, buf, 100);
    syscall(SYS_read, fd, BAD, 100);
    syscall(SYS_read, -1, buf, 1);
    syscall(SYS_lseek, fd, 2, SEEK_END);
    syscall(SYS_lseek, fd, -1, SEEK_CUR);
    syscall(SYS_lseek, fd, 0, 7);
    syscall(SYS__llseek, fd, 0, 3, &big, SEEK_SET);
    syscall(SYS__llseek, fd, 0, 0, &big, SEEK_END);
    syscall(SYS__llseek, fd, 0, 0, &big, 9);
    syscall(SYS_write, 1, "out\n", 4);
    syscall(SYS_write, 1, NULL, 0);
    syscall(SYS_writev, 1, iov, 2);
    syscall(SYS_writev, 1, NULL, 0);
    syscall(SYS_pread64, fd, buf, 4, 0, 1, 0);
    syscall(SYS_pwrite64, fd, "xy", 2, 0, 3, 0);
    syscall(SYS_readv, fd, iov, 0);
    /* stat family */
    syscall(SYS_fstat64, fd, &st);
    syscall(SYS_fstat64, 77, &st);
    syscall(SYS_stat64, "f1", &st);
    syscall(SYS_stat64, "/nonexistent", &st);
    syscall(SYS_lstat64, "f1", BAD);
    syscall(SYS_fstatat64, AT_FDCWD, "f1", &st, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_fstatat64, AT_FDCWD, "f1", &st, 0);
    syscall(SYS_fstatat64, fd, "", &st, AT_EMPTY_PATH);
    syscall(SYS_statx, AT_FDCWD, "f1", AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, 0x7ff, buf);
    syscall(SYS_statx, AT_FDCWD, "f1", AT_STATX_DONT_SYNC, 0xfff, buf);
    syscall(SYS_statx, AT_FDCWD, "f1", AT_STATX_FORCE_SYNC, 0x1, buf);
    syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x800, buf);
    syscall(SYS_statx, AT_FDCWD, "f1", 0, 0, buf);
    syscall(SYS_statfs64, "/", 84, buf);
    syscall(SYS_fstatfs64, fd, 84, buf);
    /* access */
    syscall(SYS_access, "f1", F_OK);
    syscall(SYS_access, "f1", R_OK | W_OK);
    syscall(SYS_access, "/nonexistent", X_OK);
    syscall(SYS_access, "f1", 0x10 | R_OK);
    syscall(SYS_faccessat, AT_FDCWD, "f1", R_OK, 0);
    syscall(SYS_faccessat, AT_FDCWD, "f1", W_OK | X_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
    syscall(SYS_faccessat2, AT_FDCWD, "f1", F_OK, AT_EACCESS);
    /* links and directories */
    syscall(SYS_symlink, "f1", "l1");
    syscall(SYS_readlink, "l1", buf, sizeof buf);
    syscall(SYS_readlink, "f1", buf, sizeof buf);
    syscall(SYS_readlinkat, AT_FDCWD, "l1", buf, 64);
    syscall(SYS_link, "f1", "h1");
    syscall(SYS_linkat, AT_FDCWD, "f1", AT_FDCWD, "h2", AT_SYMLINK_FOLLOW);
    syscall(SYS_rename, "h1", "h3");
    syscall(SYS_renameat, AT_FDCWD, "h3", AT_FDCWD, "h4");
    syscall(SYS_unlink, "h4");
    syscall(SYS_unlinkat, AT_FDCWD, "h2", 0);
    syscall(SYS_mkdir, "d1", 0755);
    syscall(SYS_mkdirat, AT_FDCWD, "d2", 0700);
    syscall(SYS_unlinkat, AT_FDCWD, "d2", AT_REMOVEDIR);
    syscall(SYS_chdir, "d1");
    syscall(SYS_chdir, "..");
    syscall(SYS_rmdir, "d1");
    syscall(SYS_chmod, "f1", 0600);
    syscall(SYS_chmod, "f1", 0);
    syscall(SYS_fchmod, fd, 0644);
    syscall(SYS_fchmodat, AT_FDCWD, "f1", 0644, 0);
    syscall(SYS_fchownat, AT_FDCWD, "f1", -1, -1, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_fchown32, fd, -1, -1);
    syscall(SYS_umask, 022);
    syscall(SYS_utimensat, AT_FDCWD, "f1", NULL, 0);
    syscall(SYS_truncate64, "f1", 0, 3, 0);
    syscall(SYS_ftruncate64, fd, 0, 2, 0);
    syscall(SYS_mknod, "p1", S_IFIFO | 0644, 0);
    syscall(SYS_mknodat, AT_FDCWD, "p2", S_IFIFO | 0600, 0);
    syscall(SYS_getcwd, BAD, 4);
    syscall(SYS_getcwd, buf, 1);
    r = syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
    syscall(SYS_getdents64, r, buf, sizeof buf);
    syscall(SYS_getdents64, r, buf, sizeof buf);
    syscall(SYS_fchdir, r);
    syscall(SYS_close, r);
    syscall(SYS_close, -1);
    /* fds */
    r = syscall(SYS_dup, fd);
    syscall(SYS_dup2, r, 20);
    syscall(SYS_dup3, r, 21, O_CLOEXEC);
    syscall(SYS_fcntl64, fd, F_GETFL);
    syscall(SYS_fcntl64, fd, F_SETFL, O_NONBLOCK | O_APPEND);
    syscall(SYS_fcntl64, fd, F_GETFD);
    syscall(SYS_fcntl64, fd, F_SETFD, FD_CLOEXEC);
    syscall(SYS_fcntl64, fd, F_DUPFD, 30);
    syscall(SYS_fcntl64, fd, F_DUPFD_CLOEXEC, 40);
    syscall(SYS_fcntl64, fd, 999, 5);
    syscall(SYS_fcntl, fd, F_GETFL);
    int pfd[2];
    syscall(SYS_pipe2, pfd, O_CLOEXEC);
    syscall(SYS_pipe, pfd);
    syscall(SYS_flock, fd, 2);
    syscall(SYS_fsync, fd);
    syscall(SYS_fdatasync, fd);
    /* ioctl */
    struct termios t;
    struct winsize ws;
    int n;
    syscall(SYS_ioctl, fd, TCGETS, &t);
    syscall(SYS_ioctl, fd, TIOCGWINSZ, &ws);
    syscall(SYS_ioctl, fd, FIONREAD, &n);
    syscall(SYS_ioctl, fd, FIONBIO, &n);
    syscall(SYS_ioctl, fd, FIOCLEX, 0);
    syscall(SYS_ioctl, fd, 0x1234, 0x5678);
    syscall(SYS_ioctl, fd, TCSETS, &t);
    syscall(SYS_ioctl, fd, TIOCSWINSZ, BAD);
    /* memory */
    void *m = (void *)syscall(SYS_mmap2, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mprotect, m, 4096, PROT_READ);
    syscall(SYS_mprotect, m, 4096, PROT_NONE);
    syscall(SYS_mprotect, m, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
    syscall(SYS_mprotect, m, 4096, 0x10);
    syscall(SYS_madvise, m, 4096, MADV_DONTNEED);
    syscall(SYS_madvise, m, 4096, 77);
    syscall(SYS_munmap, m, 8192);
    syscall(SYS_munmap, (void *)0x1001, 4096);
    syscall(SYS_mmap2, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap2, 0, 4096, PROT_READ, MAP_SHARED, 55, 0);
    syscall(SYS_mmap2, 0, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_DENYWRITE, fd, 1);
    syscall(SYS_mmap2, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_POPULATE | MAP_STACK,
            -1, 0);
    syscall(SYS_mmap2, (void *)0x1000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    syscall(SYS_msync, BAD, 4096, 0);
    syscall(SYS_mlock, BAD, 4096);
    /* signals */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    syscall(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 8);
    syscall(SYS_rt_sigaction, SIGINT, NULL, buf, 8);
    syscall(SYS_rt_sigaction, SIGCHLD, NULL, NULL, 8);
    syscall(SYS_rt_sigaction, 33, NULL, NULL, 8);
    syscall(SYS_rt_sigaction, 64, NULL, NULL, 8);
    syscall(SYS_rt_sigaction, 65, NULL, NULL, 8);
    syscall(SYS_rt_sigaction, 0, NULL, NULL, 8);
    syscall(SYS_rt_sigaction, SIGKILL, &sa, NULL, 8);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGTERM);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, buf, 8);
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, NULL, buf, 8);
    syscall(SYS_rt_sigprocmask, 7, &set, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
    syscall(SYS_rt_sigpending, buf, 8);
    syscall(SYS_sigaltstack, NULL, buf);
    syscall(SYS_kill, syscall(SYS_getpid), 0);
    syscall(SYS_kill, -77777, SIGTERM);
    syscall(SYS_tgkill, syscall(SYS_getpid), syscall(SYS_gettid), 0);
    syscall(SYS_tkill, -5, SIGUSR1);
    /* process, ids, time */
    syscall(SYS_getpid);
    syscall(SYS_getppid);
    syscall(SYS_gettid);
    syscall(SYS_getuid32);
    syscall(SYS_geteuid32);
    syscall(SYS_getgid32);
    syscall(SYS_getegid32);
    syscall(SYS_getuid);
    syscall(SYS_getpgrp);
    syscall(SYS_getpgid, 0);
    syscall(SYS_getsid, 0);
    syscall(SYS_uname, &u);
    syscall(SYS_uname, BAD);
    syscall(SYS_set_tid_address, &n);
    struct rlimit rl;
    syscall(SYS_ugetrlimit, RLIMIT_STACK, &rl);
    syscall(SYS_ugetrlimit, RLIMIT_NOFILE, BAD);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, buf);
    syscall(SYS_prlimit64, 0, 99, NULL, NULL);
    syscall(SYS_getrusage, RUSAGE_SELF, buf);
    syscall(SYS_getrandom, buf, 16, 0);
    syscall(SYS_getrandom, buf, 4, GRND_NONBLOCK);
    syscall(SYS_getrandom, NULL, 0, 0);
    struct timespec ts = {0, 1000};
    syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
    syscall(SYS_clock_getres, 99, &ts);
    syscall(SYS_clock_getres, CLOCK_REALTIME, NULL);
    syscall(SYS_clock_gettime, CLOCK_REALTIME, BAD);
    syscall(SYS_clock_gettime64, CLOCK_BOOTTIME, BAD);
    syscall(SYS_clock_gettime64, 42, buf);
    ts.tv_sec = 0;
    ts.tv_nsec = 1000;
    syscall(SYS_nanosleep, &ts, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
    syscall(SYS_gettimeofday, NULL, NULL);
    syscall(SYS_sched_yield);
    syscall(SYS_sched_getaffinity, 0, 4, BAD);
    syscall(SYS_wait4, -1, &n, WNOHANG, NULL);
    syscall(SYS_waitid, P_ALL, 0, buf, WEXITED, NULL);
    syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
    syscall(SYS_personality, 0xffffffff);
    syscall(SYS_sysinfo, BAD);
    /* futex */
    int fx = 5;
    syscall(SYS_futex, &fx, FUTEX_WAKE, 1, NULL, NULL, 0);
    syscall(SYS_futex, &fx, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
    syscall(SYS_futex, &fx, FUTEX_WAIT, 4, NULL, NULL, 0);
    syscall(SYS_futex, &fx, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME, 4, &ts, NULL, -1);
    syscall(SYS_futex, &fx, 99, 0, NULL, NULL, 0);
    syscall(SYS_set_robust_list, BAD, 0);
    /* sockets */
    r = syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    syscall(SYS_socket, 12345, 0, 0);
    syscall(SYS_close, syscall(SYS_socket, AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK, 0));
    syscall(SYS_socket, AF_INET, SOCK_DGRAM, 17 /* IPPROTO_UDP */);
    {
        struct sockaddr_un un;
        struct sockaddr_in in;
        char raw[16] = {10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, (char)0xee};
        memset(&un, 0, sizeof un);
        un.sun_family = AF_UNIX;
        strcpy(un.sun_path, "/nonexistent/sock");
        memset(&in, 0, sizeof in);
        in.sin_family = AF_INET;
        in.sin_port = htons(80);
        in.sin_addr.s_addr = htonl(0x7f000001);
        syscall(SYS_bind, r, &un, sizeof un);
        syscall(SYS_bind, r, &in, sizeof in);
        syscall(SYS_bind, r, raw, 16);
        syscall(SYS_bind, r, BAD, 16);
        syscall(SYS_connect, r, &in, sizeof in);
    }
    syscall(SYS_close, r);
    {
        fd_set rs, ws;
        struct timeval zero = {0, 0};
        FD_ZERO(&rs);
        FD_ZERO(&ws);
        FD_SET(0, &rs);
        FD_SET(2, &rs);
        FD_SET(1, &ws);
        syscall(SYS__newselect, 3, &rs, &ws, NULL, &zero);
        syscall(SYS__newselect, 3, NULL, NULL, NULL, &zero);
        syscall(SYS__newselect, -1, NULL, NULL, NULL, NULL);
    }
    /* exec: failing */
    char *argv[] = {"/nonexistent/prog", "a1", "a 2", NULL};
    char *envp[] = {"X=1", NULL};
    syscall(SYS_execve, "/nonexistent/prog", argv, envp);
    syscall(SYS_execve, BAD, argv, envp);
    syscall(SYS_execve, "/nonexistent/prog", NULL, NULL);
    syscall(SYS_close, fd);
    /* xattrs, and other calls with a printer of their own (those backstep
     * does not implement, e.g. getitimer or mount, are in tests/unit/test_strace.c) */
    struct timeval tv;
    syscall(SYS_gettimeofday, &tv, buf);
    syscall(SYS_truncate, "f1", 5);
    syscall(SYS_truncate, "/nonexistent", 5);
    syscall(SYS_fallocate, 99, 1, 0, 0, 100, 0);
    syscall(SYS_chown32, "f1", -1, -1);
    syscall(SYS_lchown32, "l1", -1, -1);
    syscall(SYS_symlinkat, "f1", AT_FDCWD, "l2");
    syscall(SYS_mknod, "/nonexistent/c", S_IFCHR | 0600, 0x0103);
    syscall(SYS_mknodat, AT_FDCWD, "/nonexistent/b", S_IFBLK | 0600, 0x0801);
    syscall(SYS_accept, fd, NULL, NULL);
    syscall(SYS_getxattr, "f1", "user.x", buf, 10);
    syscall(SYS_lgetxattr, "l1", "user.x", buf, 10);
    syscall(SYS_fgetxattr, fd, "user.x", buf, 10);
    syscall(SYS_listxattr, "f1", buf, 100);
    syscall(SYS_flistxattr, fd, NULL, 0);
    syscall(SYS_removexattr, "f1", "user.x");
    syscall(SYS_fremovexattr, fd, "user.x");
    syscall(SYS_madvise, BAD, 4096, MADV_WILLNEED);
    syscall(SYS_fcntl64, fd, F_SETOWN, 0);
    syscall(SYS_fcntl64, fd, F_GETLK64, BAD);
    syscall(SYS_rmdir, "/nonexistent");
    /* unknown and unnamed numbers */
    syscall(398, NULL, 0, 0, 0);
    syscall(500, 1, 2, 3, 4, 5, 6);
    syscall(SYS_exit_group, 3);
    return 0;
}
