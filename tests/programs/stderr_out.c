/* Output on stderr and stdout (unbuffered vs buffered), perror, strerror. */
// EXIT: 1
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
    fprintf(stderr, "error line 1\n");
    printf("out line 1\n");
    if (open("/nonexistent/file", O_RDONLY) < 0) perror("open /nonexistent/file");
    errno = EACCES;
    fprintf(stderr, "strerror: %s / %s / %s\n", strerror(EACCES), strerror(EINVAL), strerror(9999));
    write(2, "raw write to fd 2\n", 18);
    write(1, "raw write to fd 1\n", 18);
    for (int i = 0; i < 5; i++) fprintf(stderr, "err %d\n", i);
    fputs("partial", stderr);
    fputc('\n', stderr);
    printf("out line 2\n");
    return 1;
}
