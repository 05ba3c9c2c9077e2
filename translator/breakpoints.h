/* The breakpoint addresses the translator builds into blocks: a block never
 * runs past one of them, and a block starting at one leaves with
 * EXIT_BREAKPOINT unless cpu->bp_pass says "resuming from here". Guest memory
 * is never patched. Changing the set drops every translation. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

bool tr_breakpoint_insert(uint32_t pc); /* false: table full */
void tr_breakpoint_remove(uint32_t pc);
bool tr_breakpoint_at(uint32_t pc);
/* Every breakpoint address, ascending; returns the count. */
unsigned tr_breakpoint_list(const uint32_t **pcs);
