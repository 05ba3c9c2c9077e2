/* Assorted syscalls whose results are checked for consistency, not printed raw:
   getpid/getppid/getuid/uname/time/clock_gettime/gettimeofday/nanosleep/getrandom/dup/fcntl/umask/getrlimit. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
    pid_t p = getpid();
    printf("pid positive %d, same twice %d, ppid positive %d, tid==pid %d\n", p > 0, p == getpid(), getppid() > 0, (pid_t)syscall(SYS_gettid) == p);
    printf("uid==euid %d gid==egid %d\n", getuid() == geteuid(), getgid() == getegid());
    struct utsname u;
    printf("uname ok %d machine starts with arm %d\n", uname(&u) == 0, strncmp(u.machine, "arm", 3) == 0);
    time_t t1 = time(NULL);
    struct timespec a, b, r;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    printf("monotonic advanced >= 2ms: %d\n", ns >= 2000000);
    clock_getres(CLOCK_REALTIME, &r);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("time sane %d, gettimeofday close to time %d, res <= 1ms %d\n", t1 > 1600000000, tv.tv_sec - t1 <= 2 && tv.tv_sec >= t1,
           r.tv_sec == 0 && r.tv_nsec <= 1000000);
    unsigned char rnd[64];
    ssize_t got = getrandom(rnd, sizeof rnd, 0);
    int nonzero = 0;
    for (int i = 0; i < 64; i++) nonzero += rnd[i] != 0;
    printf("getrandom %zd bytes, some nonzero %d\n", got, nonzero > 10);
    int fd = dup(1);
    int fd2 = fcntl(fd, F_DUPFD, 20);
    printf("dup > 2 %d, F_DUPFD >= 20 %d, cloexec %d\n", fd > 2, fd2 >= 20, fcntl(fd2, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd2, F_GETFD) == FD_CLOEXEC);
    close(fd);
    close(fd2);
    printf("close again EBADF %d\n", close(fd2) == -1 && errno == EBADF);
    mode_t old = umask(027);
    printf("umask now %o\n", umask(old));
    struct rlimit rl;
    printf("getrlimit stack ok %d\n", getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur > 0);
    long pg = sysconf(_SC_PAGESIZE);
    printf("page size %ld\n", pg);
    printf("isatty(0) %d\n", isatty(0));
    printf("bad syscall ENOSYS %d\n", syscall(9999) == -1 && errno == ENOSYS);
    return 0;
}
