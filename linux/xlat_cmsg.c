/* Socket control messages between the guest's compat layout (12-byte
 * header, 4-byte alignment) and the host's (16-byte header, 8-byte
 * alignment), following net/compat.c (cmsghdr_from_user_compat_to_kern,
 * put_cmsg_compat). Payloads are copied unchanged except the old socket
 * timestamps, whose struct timeval/timespec shrink to 32-bit fields. */
#include <string.h>
#include <sys/socket.h>

#include "linux/xlat.h"

#define G_SO_TIMESTAMP_OLD 29   /* asm-generic/socket.h, same on x86-64 */
#define G_SO_TIMESTAMPNS_OLD 35
#define G_SO_TIMESTAMPING_OLD 37

int64_t xlat_cmsg_to_host(void *host, size_t host_cap, const uint8_t *guest, uint32_t glen)
{
    size_t hoff = 0;
    uint32_t off = 0;
    while (off + sizeof(struct guest_cmsghdr) <= glen) {
        struct guest_cmsghdr g;
        memcpy(&g, guest + off, sizeof(g));
        if (g.cmsg_len < sizeof(g) || g.cmsg_len > glen - off)
            return -EINVAL;
        uint32_t dlen = g.cmsg_len - (uint32_t)sizeof(g);
        if (hoff + CMSG_SPACE(dlen) > host_cap)
            return -ENOBUFS;
        struct cmsghdr *h = (struct cmsghdr *)((char *)host + hoff);
        memset(h, 0, CMSG_SPACE(dlen));
        h->cmsg_len = CMSG_LEN(dlen);
        h->cmsg_level = g.cmsg_level;
        h->cmsg_type = g.cmsg_type;
        memcpy(CMSG_DATA(h), guest + off + sizeof(g), dlen);
        hoff += CMSG_SPACE(dlen);
        off += guest_cmsg_align(g.cmsg_len);
    }
    return (int64_t)hoff;
}

/* Narrows n consecutive {int64, int64} pairs to {int32, int32}. */
static uint32_t narrow_pairs(uint8_t *out, const uint8_t *in, size_t in_len)
{
    uint32_t n = 0;
    for (size_t i = 0; i + 16 <= in_len; i += 16) {
        int64_t a, b;
        memcpy(&a, in + i, 8);
        memcpy(&b, in + i + 8, 8);
        int32_t a32 = (int32_t)a, b32 = (int32_t)b;
        memcpy(out + n, &a32, 4);
        memcpy(out + n + 4, &b32, 4);
        n += 8;
    }
    return n;
}

uint32_t xlat_cmsg_from_host(uint8_t *guest, uint32_t gcap, const void *host, size_t hlen, bool *truncated)
{
    struct msghdr m;
    memset(&m, 0, sizeof(m));
    m.msg_control = (void *)host;
    m.msg_controllen = hlen;
    uint32_t off = 0;
    *truncated = false;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h)) {
        size_t dlen = h->cmsg_len - CMSG_LEN(0);
        uint8_t data[256];
        uint32_t glen;
        bool ts = h->cmsg_level == SOL_SOCKET &&
                  (h->cmsg_type == G_SO_TIMESTAMP_OLD || h->cmsg_type == G_SO_TIMESTAMPNS_OLD ||
                   h->cmsg_type == G_SO_TIMESTAMPING_OLD);
        if (ts && dlen <= 2 * sizeof(data)) {
            glen = narrow_pairs(data, CMSG_DATA(h), dlen);
        } else {
            glen = (uint32_t)dlen;
        }
        uint32_t need = (uint32_t)sizeof(struct guest_cmsghdr) + glen;
        if (off + need > gcap) {
            *truncated = true;
            break;
        }
        struct guest_cmsghdr g = {need, h->cmsg_level, h->cmsg_type};
        memcpy(guest + off, &g, sizeof(g));
        memcpy(guest + off + sizeof(g), ts ? data : CMSG_DATA(h), glen);
        off += guest_cmsg_align(need);
        if (off > gcap)
            off = gcap;
    }
    return off;
}
