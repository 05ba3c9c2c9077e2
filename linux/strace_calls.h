/* The -strace call printers (linux/strace_calls.c): each prints
 * "name(arguments)" for one argument layout of qemu-arm 7.2's strace, and is
 * named in linux/strace_list.h. Used by linux/strace.c only. */
#pragma once
#include <stdint.h>

typedef void strace_call_fn(const char *name, const uint32_t a[7]);

strace_call_fn p_str, p_rmdir, p_str_str, p_str_ptr, p_str_mode, p_fd_str,
    p_fd_ptr, p_ptr_ptr, p_accept, p_access, p_faccessat, p_brk,
    p_chown, p_clock_ptr, p_clock_settime, p_clock_nanosleep, p_clone, p_execve,
    p_fallocate, p_fchmodat, p_fchownat, p_fcntl, p_fgetxattr, p_flistxattr,
    p_getxattr, p_listxattr, p_ftruncate64, p_truncate64, p_truncate, p_futex,
    p_futimesat, p_getitimer, p_setitimer, p_settimeofday, p_ioctl, p_kill,
    p_tgkill, p_linkat, p__llseek, p_lseek, p_madvise, p_mkdirat,
    p_mknod, p_mknodat, p_mlockall, p_mmap, p_old_mmap, p_mount,
    p_mprotect, p_munmap, p_mq_open, p_fstatat64, p_open, p_openat,
    p_readlink, p_readlinkat, p_renameat, p_rt_sigaction, p_rt_sigprocmask, p_socket,
    p_symlinkat, p_syslog, p_umount2, p_unlinkat, p_unshare, p_utimensat,
    p_statx, p_newselect, p_rt_sigqueueinfo, p_rt_tgsigqueueinfo, p_pidfd_send_signal, p_bind,
    p_semctl;

/* struct itimerval at addr, as qemu prints it (also used for results). */
void strace_itimerval(uint32_t addr, int last);
/* _newselect's three fd sets and its timeout (its call and its result). */
void strace_select_sets(const uint32_t a[7]);
/* The fd set of n+1 bits at addr, as qemu prints it ("[2,0]"; also used for
 * _newselect's result). */
void strace_fdset(int32_t n, uint32_t addr);
