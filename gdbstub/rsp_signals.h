/* Signal numbers on the wire: the remote protocol carries gdb's own
 * target-independent numbering (gdb's include/gdb/signals.def), not Linux's
 * (SIGUSR1 is 30 there, Linux's 10 is gdb's SIGBUS). The target side speaks
 * Linux numbers; the server converts at the edge. */
#pragma once
#include <stdint.h>

uint8_t rsp_signal_to_gdb(int linux_sig);
int rsp_signal_from_gdb(uint8_t gdb_sig);
