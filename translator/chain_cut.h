/* Asynchronous signals in plain runs, at no cost while none arrives: the
 * dispatcher notes every chaining patch it makes; when a signal arrives
 * while translated code runs, the host handler puts every noted jump back
 * on its exit and empties the indirect-branch table, so the guest comes
 * back to the dispatcher at its next block boundary (where the signal is
 * delivered) and chains again afterwards. No check is added to any block. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Before patching the rel32 jump at site to chain it: notes where it goes
 * now. False if it cannot be noted (the table is full): do not chain. */
bool chain_cut_note(uint8_t *site);
/* Around cc.enter: only then may the handler cut (the dispatcher's own
 * patching, filling and flushing happen outside). */
void chain_cut_guest_running(bool on);
/* From the host signal handler: cuts every chain if translated code (or a
 * helper it called) was running. Async-signal-safe. */
void chain_cut_now(void);
