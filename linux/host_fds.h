/* File descriptors backstep itself uses in the guest's process (the gdb
 * connection): the guest's close/dup2/dup3 cannot take them away (EBADF, as
 * if they were not open). They are kept at high numbers so that the guest's
 * own descriptors are numbered as in a process of its own. */
#pragma once
#include <stdbool.h>

/* Moves fd to a high number (at or above 900, close-on-exec), reserves it
 * and returns the new number (fd itself if moving fails). */
int host_fd_reserve(int fd);
void host_fd_release(int fd);
bool host_fd_reserved(int fd);
