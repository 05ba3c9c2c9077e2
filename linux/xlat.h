/* Conversions between host (x86-64 glibc/kernel) structures and the guest's
 * 32-bit ARM EABI layouts of linux/guest_structs.h. Pure functions: no
 * syscalls, no guest memory access, so each can be unit-tested on its own. */
#pragma once
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#include "linux/guest_structs.h"

/* xlat_stat.c */
void xlat_stat64(struct guest_stat64 *g, const struct stat *h);
void xlat_statfs64(struct guest_statfs64 *g, const struct statfs *h);
/* The old struct stat; -EOVERFLOW when inode, size or link count do not fit. */
int xlat_stat_old(struct guest_stat *g, const struct stat *h);

/* xlat_time.c */
void xlat_timespec32_to_host(struct timespec *h, const struct guest_timespec32 *g);
void xlat_timespec32_from_host(struct guest_timespec32 *g, const struct timespec *h);
void xlat_timespec64_to_host(struct timespec *h, const struct guest_timespec64 *g);
void xlat_timespec64_from_host(struct guest_timespec64 *g, const struct timespec *h);
void xlat_timeval32_to_host(struct timeval *h, const struct guest_timeval32 *g);
void xlat_timeval32_from_host(struct guest_timeval32 *g, const struct timeval *h);
void xlat_tms(struct guest_tms *g, const struct tms *h);
void xlat_rusage(struct guest_rusage *g, const struct rusage *h);

/* xlat_res.c */
void xlat_rlimit_from_host(struct guest_rlimit *g, const struct rlimit *h);
void xlat_rlimit_to_host(struct rlimit *h, const struct guest_rlimit *g);
void xlat_sysinfo(struct guest_sysinfo *g, const struct sysinfo *h);

/* xlat_fcntl.c: open(2)/F_GETFL flags (ARM swaps four bits relative to x86-64)
 * and the fcntl lock structures. */
uint32_t xlat_open_flags_to_host(uint32_t guest_flags);
uint32_t xlat_open_flags_from_host(uint32_t host_flags);
void xlat_flock_to_host(struct flock *h, const struct guest_flock *g);
/* Returns -EOVERFLOW if the host lock's range does not fit 32 bits. */
int xlat_flock_from_host(struct guest_flock *g, const struct flock *h);
void xlat_flock64_to_host(struct flock *h, const struct guest_flock64 *g);
void xlat_flock64_from_host(struct guest_flock64 *g, const struct flock *h);

/* xlat_cmsg.c: socket control messages. to_host returns the host length or
 * -EINVAL (malformed) / -ENOBUFS (host_cap too small); from_host returns the
 * guest length written and sets *truncated (MSG_CTRUNC) if some did not fit. */
int64_t xlat_cmsg_to_host(void *host, size_t host_cap, const uint8_t *guest, uint32_t glen);
uint32_t xlat_cmsg_from_host(uint8_t *guest, uint32_t gcap, const void *host, size_t hlen, bool *truncated);
