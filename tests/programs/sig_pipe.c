/* SIGPIPE: with SIG_IGN a write to a pipe without readers returns EPIPE and
   the program goes on (every `prog | head -1` needs this); with a handler the
   handler runs (si_code SI_USER from the kernel's send) and write still
   returns EPIPE; with the default action the program dies of SIGPIPE. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void on_pipe(int sig) { got = sig; }

static void broken_write(const char *what)
{
    int fds[2];
    pipe(fds);
    close(fds[0]);
    errno = 0;
    ssize_t w = write(fds[1], "x", 1);
    printf("%s: write %zd errno %s handler %d\n", what, w, strerror(errno), got);
    close(fds[1]);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGPIPE, SIG_IGN);
    broken_write("ignored");
    broken_write("ignored again");
    signal(SIGPIPE, on_pipe);
    broken_write("handled");
    signal(SIGPIPE, SIG_DFL);
    broken_write("default");
    printf("not reached\n");
    return 0;
}
// EXIT: 141
