/* The adapter's host I/O (vFile) and library list (qXfer:libraries-svr4),
 * see timeline_files.c. Errors are negative errno values. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "gdbstub/rsp_target.h"

int tf_open(const char *path, uint32_t gdb_flags, uint32_t mode);
int64_t tf_pread(int fd, void *buf, uint32_t count, uint64_t offset);
int tf_fstat(int fd, struct rsp_file_stat *st);
int tf_close(int fd);
int64_t tf_readlink(const char *path, char *out, size_t len);
/* Closes every file gdb left open (the session ended). */
void tf_close_all(void);
/* The loaded libraries (the program excluded) from the guest's link map. */
int tf_libraries(const uint8_t *auxv, size_t auxv_len, struct rsp_library *out, unsigned max, uint32_t *main_lm);
