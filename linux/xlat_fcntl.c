/* open(2) flags and fcntl lock structures. ARM's asm/fcntl.h moves four
 * O_* bits relative to x86-64 (which uses asm-generic's):
 *                 ARM        x86-64
 *   O_DIRECTORY   0040000    0200000
 *   O_NOFOLLOW    0100000    0400000
 *   O_DIRECT      0200000    0040000
 *   O_LARGEFILE   0400000    0100000
 * every other bit (O_CREAT ... O_CLOEXEC, O_PATH, __O_TMPFILE) is the same. */
#include <errno.h>

#include "linux/xlat.h"

#define G_O_DIRECTORY 0040000u
#define G_O_NOFOLLOW 0100000u
#define G_O_DIRECT 0200000u
#define G_O_LARGEFILE 0400000u
#define H_O_DIRECT 0040000u
#define H_O_LARGEFILE 0100000u
#define H_O_DIRECTORY 0200000u
#define H_O_NOFOLLOW 0400000u
#define SWAPPED 0740000u

_Static_assert(O_DIRECTORY == H_O_DIRECTORY && O_NOFOLLOW == H_O_NOFOLLOW, "x86-64 O_* layout");

static const struct {
    uint32_t guest, host;
} swapped_bits[] = {
    {G_O_DIRECTORY, H_O_DIRECTORY},
    {G_O_NOFOLLOW, H_O_NOFOLLOW},
    {G_O_DIRECT, H_O_DIRECT},
    {G_O_LARGEFILE, H_O_LARGEFILE},
};

uint32_t xlat_open_flags_to_host(uint32_t g)
{
    uint32_t h = g & ~SWAPPED;
    for (unsigned i = 0; i < sizeof(swapped_bits) / sizeof(swapped_bits[0]); i++)
        if (g & swapped_bits[i].guest)
            h |= swapped_bits[i].host;
    return h;
}

uint32_t xlat_open_flags_from_host(uint32_t h)
{
    uint32_t g = h & ~SWAPPED;
    for (unsigned i = 0; i < sizeof(swapped_bits) / sizeof(swapped_bits[0]); i++)
        if (h & swapped_bits[i].host)
            g |= swapped_bits[i].guest;
    return g;
}

void xlat_flock_to_host(struct flock *h, const struct guest_flock *g)
{
    h->l_type = g->l_type;
    h->l_whence = g->l_whence;
    h->l_start = g->l_start;
    h->l_len = g->l_len;
    h->l_pid = g->l_pid;
}

int xlat_flock_from_host(struct guest_flock *g, const struct flock *h)
{
    /* fs/fcntl.c fixup_compat_flock: a lock range that does not fit the
     * 32-bit off_t is -EOVERFLOW. */
    if (h->l_start != (int32_t)h->l_start || h->l_len != (int32_t)h->l_len)
        return -EOVERFLOW;
    g->l_type = h->l_type;
    g->l_whence = h->l_whence;
    g->l_start = (int32_t)h->l_start;
    g->l_len = (int32_t)h->l_len;
    g->l_pid = h->l_pid;
    return 0;
}

void xlat_flock64_to_host(struct flock *h, const struct guest_flock64 *g)
{
    h->l_type = g->l_type;
    h->l_whence = g->l_whence;
    h->l_start = g->l_start;
    h->l_len = g->l_len;
    h->l_pid = g->l_pid;
}

void xlat_flock64_from_host(struct guest_flock64 *g, const struct flock *h)
{
    *g = (struct guest_flock64){0};
    g->l_type = h->l_type;
    g->l_whence = h->l_whence;
    g->l_start = h->l_start;
    g->l_len = h->l_len;
    g->l_pid = h->l_pid;
}
