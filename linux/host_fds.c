/* See host_fds.h. */
#include "linux/host_fds.h"

#include <fcntl.h>
#include <unistd.h>

#define MAX_RESERVED 48 /* the gdb connection, its listener, and the files gdb reads (vFile) */
#define HIGH_FD 900

static int reserved[MAX_RESERVED];
static unsigned nreserved;

int host_fd_reserve(int fd)
{
    int hi = fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD);
    if (hi >= 0) {
        close(fd);
        fd = hi;
    }
    if (nreserved < MAX_RESERVED)
        reserved[nreserved++] = fd;
    return fd;
}

void host_fd_release(int fd)
{
    for (unsigned i = 0; i < nreserved; i++)
        if (reserved[i] == fd) {
            reserved[i] = reserved[--nreserved];
            return;
        }
}

bool host_fd_reserved(int fd)
{
    for (unsigned i = 0; i < nreserved; i++)
        if (reserved[i] == fd)
            return true;
    return false;
}
