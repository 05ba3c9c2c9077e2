/* See guest_ident.h. */
#include "linux/guest_ident.h"

#include <stdbool.h>
#include <unistd.h>

static struct guest_ident cur;
static bool have;

const struct guest_ident *guest_ident(void)
{
    if (!have) {
        cur = (struct guest_ident){(int32_t)getpid(), (uint32_t)getuid(), (uint32_t)geteuid(), (uint32_t)getgid(),
                                   (uint32_t)getegid()};
        have = true;
    }
    return &cur;
}

int32_t guest_pid(void) { return guest_ident()->pid; }

void guest_ident_set(const struct guest_ident *id)
{
    cur = *id;
    have = true;
}

void guest_ident_after_fork(void)
{
    guest_ident();
    cur.pid = (int32_t)getpid();
}
