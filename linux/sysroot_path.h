/* -L SYSROOT: which host file a path the guest hands the kernel names.
 * qemu-arm 7.2's rule (util/path.c), checked on this machine: an absolute
 * guest path is looked up as SYSROOT + path, and used from there when that
 * exists (access(F_OK), so symlinks inside SYSROOT are followed by the host
 * kernel: an absolute link target is a host path); otherwise the guest path is
 * used unchanged. Relative paths are never mapped (they follow the cwd, which
 * the guest shares with the host process), nor is anything when there is no
 * sysroot or it is "/". ".." is not normalised: "/../x" is SYSROOT/../x when
 * that exists, as in qemu-arm. Unlike qemu-arm nothing is cached: a file
 * created under SYSROOT later is found.
 * One process-wide setting, set once at start-up (before any guest thread). */
#pragma once
#include <stddef.h>

/* Sets the sysroot (NULL, "" or "/" clear it). A relative dir is made absolute
 * against the current directory now (the guest may chdir later). Returns 0, or
 * -1 with a one-line message naming the path in err when dir is not an
 * existing directory (the sysroot is then left unset). */
int sysroot_set(const char *dir, char *err, size_t errlen);

/* The absolute sysroot, or NULL when there is none. */
const char *sysroot_get(void);

/* The host path for guest_path: SYSROOT + guest_path written into buf (of len
 * bytes) when guest_path is absolute and that file exists, else guest_path
 * itself (also when buf is too small, or guest_path is NULL). Never fails;
 * the result is buf or guest_path. Thread-safe once sysroot_set is done. */
const char *sysroot_path(const char *guest_path, char *buf, size_t len);
