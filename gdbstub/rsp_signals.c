/* See rsp_signals.h. Linux numbers of ARM and x86-64 (the same) against
 * gdb's: 1-6, 8, 9, 11, 13-15, 21, 22, 24-28 coincide. Real-time signals:
 * gdb names 33 and 34-63 REALTIME_33 (45) and REALTIME_34.. (46..75), 32
 * REALTIME_32 (77), 64 REALTIME_64 (78). 143 is gdb's "unknown". */
#include "gdbstub/rsp_signals.h"

#define GDB_UNKNOWN 143

static const uint8_t to_gdb[32] = {
    0,  1,  2,  3,  4,  5,  6,  10 /* BUS */, 8,  9,  30 /* USR1 */, 11, 31 /* USR2 */, 13, 14, 15,
    GDB_UNKNOWN /* STKFLT */, 20 /* CHLD */, 19 /* CONT */, 17 /* STOP */, 18 /* TSTP */, 21, 22,
    16 /* URG */, 24, 25, 26, 27, 28, 23 /* IO */, 32 /* PWR */, 12 /* SYS */,
};

uint8_t rsp_signal_to_gdb(int s)
{
    if (s >= 0 && s < 32)
        return to_gdb[s];
    if (s == 32)
        return 77;
    if (s == 33)
        return 45;
    if (s >= 34 && s <= 63)
        return (uint8_t)(46 + (s - 34));
    if (s == 64)
        return 78;
    return GDB_UNKNOWN;
}

int rsp_signal_from_gdb(uint8_t g)
{
    for (int s = 0; s <= 64; s++)
        if (rsp_signal_to_gdb(s) == g && (g != GDB_UNKNOWN))
            return s;
    return 0;
}
