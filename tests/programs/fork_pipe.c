/* Processes: fork, pipe, waitpid exit statuses, a child killed by a signal, dup2, and execve of a
   host program (/bin/echo; an ARM binary could only be exec'd with binfmt_misc set up). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int fds[2];
    pipe(fds);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        char msg[64];
        for (int i = 0; i < 5; i++) { int n = snprintf(msg, sizeof msg, "message %d from child\n", i); write(fds[1], msg, (size_t)n); }
        close(fds[1]);
        _exit(5);
    }
    close(fds[1]);
    char buf[512];
    size_t tot = 0;
    ssize_t n;
    while ((n = read(fds[0], buf + tot, sizeof buf - 1 - tot)) > 0) tot += (size_t)n;
    buf[tot] = 0;
    close(fds[0]);
    int st;
    waitpid(pid, &st, 0);
    printf("parent read %zu bytes:\n%s", tot, buf);
    printf("child exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));

    pid = fork();
    if (pid == 0) { raise(SIGKILL); _exit(0); }
    waitpid(pid, &st, 0);
    printf("child signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));

    int out[2];
    pipe(out);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        char *args[] = {"echo", "hello-exec", "from echo", NULL};
        char *envs[] = {"X=1", NULL};
        execve("/bin/echo", args, envs);
        perror("execve");
        _exit(127);
    }
    close(out[1]);
    tot = 0;
    while ((n = read(out[0], buf + tot, sizeof buf - 1 - tot)) > 0) tot += (size_t)n;
    buf[tot] = 0;
    waitpid(pid, &st, 0);
    printf("exec child said: %s", buf);
    printf("exec child status %d\n", WEXITSTATUS(st));
    int kids = 0, sum = 0;
    for (int i = 0; i < 4; i++) { fflush(stdout); if (fork() == 0) _exit(i * 10); }
    while (wait(&st) > 0) { kids++; sum += WEXITSTATUS(st); }
    printf("reaped %d children, status sum %d\n", kids, sum);
    return 0;
}
