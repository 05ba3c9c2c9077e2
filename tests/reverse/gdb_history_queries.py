# `monitor writes`, `monitor last` and bookmarks on programs/writes.c,
# checked against a reference computed independently in the same session:
# from MARK:begin to MARK:loop every instruction is single-stepped and buf
# read after each one (every count at which its bytes change, old -> new);
# from MARK:loop to MARK:end two write watchpoints on buf[0..8) and
# `continue`. The `monitor writes` listing must show exactly those changes
# (plus the stores of MARK:same, which write a byte as it was, and nothing
# else), the read(2) marked as a syscall write at an SVC. `monitor last`
# must land where reverse-continue onto a write watchpoint lands (count, pc),
# three times in a row. With a 16M undo log and a long loop (QUERY_LOOP),
# the writes before the loop lie before the log's reach: the
# snapshot-and-replay path answers. Bookmarks: set, moved, goto (count and
# registers), unknown names; bad input: one line of refusal, nothing moves.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
inf = gdb.selected_inferior()
buf = val("(unsigned)&buf")


def mem(n=8):
    return inf.read_memory(buf, n).tobytes()


def monitor(cmd):
    return gdb.execute("monitor " + cmd, to_string=True)


def refresh():
    gdb.execute("maintenance flush register-cache")


def one_line_refusal(cmd):
    text = run_error("monitor " + cmd)
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith(">>> ") and not l.startswith("(error")
             and "Protocol error" not in l and "remote failure" not in l]
    check(len(lines) == 1, "`monitor %s`: one line of refusal: %r" % (cmd, lines))
    return lines[0]


run("break %d" % m["begin"])
run("continue")
begin = when()

# The reference, part 1: every instruction from MARK:begin to MARK:loop.
run("break %d" % m["loop"])
ref = []  # (count of the writing instruction, bytes before, bytes after)
before = mem()
steps = 0
while frame_line() != m["loop"] or func() != "main":
    c = when()
    gdb.execute("stepi", to_string=True)
    steps += 1
    after = mem()
    if after != before:
        ref.append((c, before, after))
    before = after
    if steps > 20000:
        fail("MARK:loop not reached in 20000 instructions")
print("reference: %d instructions stepped, %d changes of buf[0..8)" % (steps, len(ref)))
run("delete")

# Part 2: write watchpoints over the loop to MARK:end (reported after the
# write: the writing instruction's count is one less).
run("watch -l *(unsigned int *)&buf[0]")
run("watch -l *(unsigned int *)&buf[4]")
run("break %d" % m["end"])
while True:
    out = run("continue")
    # The last store is the last instruction before MARK:end: its watchpoint
    # and the breakpoint are reported together.
    check("atchpoint" in out or "Breakpoint" in out, "a watchpoint or breakpoint stop")
    after = mem()
    if "atchpoint" in out and after != before:
        ref.append((when() - 1, before, after))
    before = after
    if "Breakpoint" in out and frame_line() == m["end"]:
        break
end = when()
run("delete")
check(len(ref) >= 30, "the reference has the program's %d changes of buf[0..8)" % len(ref))

# The listing over [begin, end).
text = monitor("writes 0x%x 8 %d %d" % (buf, begin, end))
rows = []
for l in text.splitlines():
    mm = WRITE_LINE.match(l)
    if mm:
        rows.append((int(mm.group(1)), int(mm.group(2), 16), int(mm.group(4), 16), bytes.fromhex(mm.group(5)),
                     bytes.fromhex(mm.group(6)), mm.group(7)))
summary = text.strip().splitlines()[-1]
check(summary.startswith("%d write" % len(rows)), "the summary counts the %d lines: %r" % (len(rows), summary))
changing = [r for r in rows if r[3] != r[4]]
same = [r for r in rows if r[3] == r[4]]
listed, seen = [r[0] for r in changing], [c for c, _, _ in ref]
check(listed == seen, "the counts of the writes that change buf are the reference's (%d); only listed: %r, only in "
      "the reference: %r" % (len(ref), sorted(set(listed) - set(seen)), sorted(set(seen) - set(listed))))
for (c, old, new), (_, _, addr, o, n, _) in zip(ref, changing):
    k = addr - buf
    if not (old[k:k + len(o)] == o and new[k:k + len(n)] == n and old[:k] == new[:k]
            and old[k + len(n):] == new[k + len(n):]):
        fail("at %d: listed %s -> %s at buf+%d, the reference saw %s -> %s" % (c, o.hex(), n.hex(), k, old.hex(),
                                                                            new.hex()))
check(True, "each listed write's old -> new bytes are the reference's, nothing else changed")
check(len(same) == 5 and all(line_of(r[1]) == m["same"] for r in same),
      "the 5 stores of MARK:same (a byte written as it was) are listed too: %r" % [line_of(r[1]) for r in same])
sys_rows = [r for r in rows if r[5] == "syscall"]
check(len(sys_rows) == 1 and sys_rows[0][4] == b"\x7fELF" and sys_rows[0][2] == buf + 2,
      "read(2) is listed once as a syscall write of the ELF magic at buf+2")
insn = gdb.execute("x/i 0x%x" % sys_rows[0][1], to_string=True)
check(re.search(r"\bsvc\b", insn), "its pc is an SVC: %r" % insn.strip())
check(all(r[5] is None for r in rows if r is not sys_rows[0]), "every other write is a store")
check(when() == end, "after the listing, still at %d" % end)

hist = monitor("history")
floor = int(re.search(r"Undo log reaches back to instruction (\d+)", hist).group(1))
if os.environ.get("HQ_BEYOND_LOG"):
    check(floor > sys_rows[0][0], "the undo log reaches back to %d only: read(2) at %d lies before it" % (floor,
                                                                                                   sys_rows[0][0]))

# FROM/TO select by count: the changes in the middle third.
lo, hi = ref[len(ref) // 3][0], ref[2 * len(ref) // 3][0]
text = monitor("writes 0x%x 8 %d %d" % (buf, lo, hi))
counts = [int(WRITE_LINE.match(l).group(1)) for l in text.splitlines() if WRITE_LINE.match(l)]
check([c for c in counts if c not in {r[0] for r in same}] == [c for c, _, _ in ref if lo <= c < hi],
      "writes FROM TO lists the changes in [%d, %d)" % (lo, hi))

# `monitor last` against reverse-continue onto a write watchpoint on buf[0..4).
via_last = []
for _ in range(3):
    out = monitor("last 0x%x 4" % buf)
    refresh()
    mm = re.search(r"At instruction (\d+)", out)
    check(mm and int(mm.group(1)) == when(), "monitor last: %r" % out.splitlines()[0])
    via_last.append((when(), pc()))
run("monitor seek %d" % end)
refresh()
run("watch -l *(unsigned int *)&buf[0]")
via_rc = []
for _ in range(3):
    out = run("reverse-continue")
    check("atchpoint" in out, "reverse-continue stopped at a watchpoint")
    via_rc.append((when(), pc()))
run("delete")
check(via_last == via_rc, "monitor last x3 lands where reverse-continue x3 does: %r / %r" % (via_last, via_rc))
check(via_last[0][0] == max(c for c, o, n in ref if o[:4] != n[:4]),
      "the first is the reference's last change of buf[0..4)")
line = one_line_refusal("last 0x%x 4" % (buf + 12))
check(line.startswith("no write") and when() == via_rc[-1][0], "no write to buf[12..16), still here: %r" % line)

# Bookmarks.
run("monitor seek %d" % end)
refresh()
at_end = regs()
out = monitor("bookmark finish")
check("finish" in out and str(end) in out, "bookmark at the end: %r" % out.strip())
run("monitor bookmark there")
monitor("last 0x%x 4" % buf)
refresh()
there = (when(), regs())
out = monitor("bookmark there")
check("moved" in out and str(there[0]) in out, "bookmark moved: %r" % out.strip())
run("reverse-stepi")
run("monitor goto finish")
refresh()
check(when() == end and regs() == at_end, "goto finish: count %d and registers as at the end" % end)
run("monitor goto there")
refresh()
check((when(), regs()) == there, "goto there: the moved bookmark's count and registers")
listing = monitor("bookmarks")
check("finish" in listing and "there" in listing, "bookmarks lists both: %r" % listing)
line = one_line_refusal("goto nosuch")
check("nosuch" in line, "goto an unknown name names it: %r" % line)
run("monitor delete-bookmark there")
one_line_refusal("goto there")
one_line_refusal("delete-bookmark there")
one_line_refusal("bookmark 9lives")

# Bad input: one line, nothing moves.
now = when()
for cmd in ["writes zz", "writes 0x%x 0" % buf, "writes 0x%x 4 %d %d" % (buf, end, begin), "writes",
            "writes 0x%x 4 1 2 3" % buf, "last", "last 12abc", "last 0x%x 0" % buf, "writes -5"]:
    one_line_refusal(cmd)
    check(when() == now, "`monitor %s`: still at %d" % (cmd, now))

run("kill")
