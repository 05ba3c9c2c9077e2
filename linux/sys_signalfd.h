/* Guest signalfds (linux/sys_signalfd.c): host eventfds whose readiness
 * mirrors the emulated pending set; reads are served from p->sig. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/process.h"

/* True if fd is a signalfd the guest made. */
bool guest_signalfd_is(int fd);
/* read(fd, buf, len) on one. */
int64_t guest_signalfd_read(struct linux_proc *p, int fd, uint32_t buf, uint32_t len);
/* Makes every signalfd's readiness match p->sig (cheap when there is none);
 * the dispatcher calls it before every syscall. */
void guest_signalfd_sync(const struct linux_proc *p);
/* fd was closed (or replaced by dup2/dup3). */
void guest_signalfd_closed(int fd);
