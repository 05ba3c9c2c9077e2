/* stat and statfs results in the ARM EABI layouts. Follows cp_new_stat64 and
 * put_compat_statfs64 of the Linux kernel (fs/stat.c, fs/statfs.c). */
#include <string.h>

#include "linux/xlat.h"

void xlat_stat64(struct guest_stat64 *g, const struct stat *h)
{
    memset(g, 0, sizeof(*g));
    /* glibc's st_dev/st_rdev already hold the kernel's new_encode_dev() value,
     * which is what cp_new_stat64 stores too. */
    g->st_dev = h->st_dev;
    /* ARM defines STAT64_HAS_BROKEN_ST_INO: __st_ino gets the truncated inode,
     * the full one goes to the last field. */
    g->st_ino_lo = (uint32_t)h->st_ino;
    g->st_mode = h->st_mode;
    g->st_nlink = (uint32_t)h->st_nlink;
    g->st_uid = h->st_uid;
    g->st_gid = h->st_gid;
    g->st_rdev = h->st_rdev;
    g->st_size = h->st_size;
    g->st_blksize = (uint32_t)h->st_blksize;
    g->st_blocks = (uint64_t)h->st_blocks;
    g->st_atime_ = (uint32_t)h->st_atim.tv_sec;
    g->st_atime_nsec = (uint32_t)h->st_atim.tv_nsec;
    g->st_mtime_ = (uint32_t)h->st_mtim.tv_sec;
    g->st_mtime_nsec = (uint32_t)h->st_mtim.tv_nsec;
    g->st_ctime_ = (uint32_t)h->st_ctim.tv_sec;
    g->st_ctime_nsec = (uint32_t)h->st_ctim.tv_nsec;
    g->st_ino = h->st_ino;
}

void xlat_statfs64(struct guest_statfs64 *g, const struct statfs *h)
{
    memset(g, 0, sizeof(*g));
    g->f_type = (uint32_t)h->f_type;
    g->f_bsize = (uint32_t)h->f_bsize;
    g->f_blocks = h->f_blocks;
    g->f_bfree = h->f_bfree;
    g->f_bavail = h->f_bavail;
    g->f_files = h->f_files;
    g->f_ffree = h->f_ffree;
    memcpy(g->f_fsid, &h->f_fsid, sizeof(g->f_fsid));
    g->f_namelen = (uint32_t)h->f_namelen;
    g->f_frsize = (uint32_t)h->f_frsize;
    g->f_flags = (uint32_t)h->f_flags;
}

/* The 16-bit uid/gid fields take the overflow id 65534 (high2lowuid). */
static uint16_t low16_id(uint32_t id) { return id > 65535u ? 65534 : (uint16_t)id; }

int xlat_stat_old(struct guest_stat *g, const struct stat *h)
{
    /* cp_new_stat (fs/stat.c) on a 32-bit kernel: values the old struct
     * cannot hold are -EOVERFLOW, except ids, which are clamped. */
    if (h->st_size > 0x7fffffff || h->st_ino > 0xffffffffu || h->st_nlink > 0xffffu)
        return -EOVERFLOW;
    memset(g, 0, sizeof(*g));
    g->st_dev = (uint32_t)h->st_dev;
    g->st_ino = (uint32_t)h->st_ino;
    g->st_mode = (uint16_t)h->st_mode;
    g->st_nlink = (uint16_t)h->st_nlink;
    g->st_uid = low16_id(h->st_uid);
    g->st_gid = low16_id(h->st_gid);
    g->st_rdev = (uint32_t)h->st_rdev;
    g->st_size = (uint32_t)h->st_size;
    g->st_blksize = (uint32_t)h->st_blksize;
    g->st_blocks = (uint32_t)h->st_blocks;
    g->st_atime_ = (uint32_t)h->st_atim.tv_sec;
    g->st_atime_nsec = (uint32_t)h->st_atim.tv_nsec;
    g->st_mtime_ = (uint32_t)h->st_mtim.tv_sec;
    g->st_mtime_nsec = (uint32_t)h->st_mtim.tv_nsec;
    g->st_ctime_ = (uint32_t)h->st_ctim.tv_sec;
    g->st_ctime_nsec = (uint32_t)h->st_ctim.tv_nsec;
    return 0;
}
