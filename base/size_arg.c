/* See size_arg.h. */
#include "base/size_arg.h"

#include <stdlib.h>

bool parse_size_arg(const char *s, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    default: break;
    }
    if (shift) {
        end++;
        if (end[0] == 'i' && end[1] == 'B')
            end += 2;
        else if (end[0] == 'B')
            end++;
    }
    while (*end == ' ')
        end++;
    if (*end || v > (1ull << 40) >> shift)
        return false;
    *out = (uint64_t)v << shift;
    return true;
}
