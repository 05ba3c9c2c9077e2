/* Ctrl-C while the program blocks in a syscall (gdb_interrupt_syscall.py):
 * read() from a pipe nobody writes to. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    printf("before read\n"); /* MARK:before */
    fflush(stdout);
    char c;
    ssize_t n = read(fds[0], &c, 1); /* MARK:read */
    printf("read %d\n", (int)n);
    return 0;
}
