/* Guest code -> host code, one block at a time; see translate.c. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "translator/code_cache.h"

void translate_init(void);
/* True if the guest may fetch instructions at addr: a mapped page with
 * PROT_EXEC (a readable page is not executable, as under qemu-arm). */
bool tr_fetchable(uint32_t addr);
/* Translates the A32 block at pc (which must be fetchable) into the code
 * cache; kind TB_SINGLE: just the one instruction. May flush the cache first
 * when it is full. */
struct tblock *translate_block(uint32_t pc, unsigned kind);
/* Recording on: blocks write undo records (drops every translation when it
 * changes). */
void translate_set_recording(bool on);
/* Loads write LOAD undo records too (for read/access watchpoints). */
void translate_set_load_records(bool on);
bool translate_recording(void);
/* Blocks check cpu->budget at entry in plain runs too (recording always
 * does): on once the guest has several threads, whose turns end by count. */
void translate_set_budget_checks(bool on);
bool translate_budget_checks(void);
/* Stores check cpu->query_lo/query_span and note the ones into that range
 * (struct query_hit, arm/cpu.h): history queries replay with it on instead
 * of scanning every undo record -- with recording, or without it (then a
 * store writes its undo record only if it may touch the range, blocks
 * write no BLOCK record, and a guest fault cannot be rewound: the run
 * stops with RUN_ABANDONED). */
void translate_set_query(bool on);
bool translate_query(void);
/* -d out_asm: the host code of a block, via Zydis' formatter. */
void log_out_asm(const struct tblock *tb);
