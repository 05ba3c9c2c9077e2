/* Emitting a planned block into the code cache; see block_emit.c. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "translator/block_plan.h"
#include "translator/x86_emit.h"

/* Emits the planned block at pc into b. Returns false on overflow; sets
 * *failed_at when an instruction's semantic function refused it (the caller
 * then plans a shorter block). */
bool emit_block(const struct block_plan *pl, uint32_t pc, bool thumb, struct xbuf *b, unsigned *failed_at);
