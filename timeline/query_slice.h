/* The fast way through a slice of history for a query over one range of
 * guest memory (timeline/history_query.h): the slice is replayed with
 * translated stores noting the ones that touch the range (translate_set_query),
 * so a slice that wrote nothing there costs its replay alone -- no undo
 * record is read -- and one that did is answered from its few notes and the
 * records they point at. The replay writes no undo records at all (only
 * the noted stores' own), so it runs at nearly the speed of a plain run;
 * the log is forgotten after each slice (moving back restores a snapshot).
 * What the notes cannot answer exactly (a write from C into the range: a
 * syscall, a signal frame, the debugger; a guest fault, which cannot be
 * rewound without records; too many notes)
 * is left to the slow way: the slice is replayed again with records and
 * the caller scans them. */
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "timeline/history_query.h"

/* Translations note stores into [addr, +len) from here until qs_end. */
void qs_begin(uint32_t addr, uint32_t len);
void qs_end(void);

enum qs_result {
    QS_CLEAR, /* no instruction of the slice wrote the range */
    QS_HITS,  /* qs_writes() lists every write, oldest first */
    QS_SLOW,  /* not known this way: go back and scan the slice */
};

/* Runs forward from the current count to lim (less if history ends). On
 * QS_SLOW the position is back at the slice's start, recording. */
enum qs_result qs_slice(uint64_t lim);
/* Translations record again: before any move other than qs_slice. */
void qs_records(void);
/* The writes of the last QS_HITS slice, oldest first. */
const struct hq_write *qs_writes(size_t *n);
