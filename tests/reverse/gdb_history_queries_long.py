# `monitor writes` and `monitor last` over a long history of many snapshot
# intervals (programs/progress.c; BS_OPTS sets a small -snapshot-interval and
# undo log, so most of the history lies before the log's reach), checked
# against what the program does: `progress` is set to 0, 64, 128, ... in
# that order, each by the store at MARK:progress, and nothing else writes
# it; `midpoint` and `marker` are written once, where reverse-continue onto
# a write watchpoint finds them. The same queries run the fast way
# (translated stores note writes into the range) and, with
# BACKSTEP_QUERY_SLOW=1, the slow way (every undo record scanned).
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
continue_to_mark(m, "end")
end = when()
n = val("n")
progress, midpoint, marker = (val("(unsigned)&" + v) for v in ("progress", "midpoint", "marker"))


def monitor(cmd):
    return gdb.execute("monitor " + cmd, to_string=True)


def rows_of(text):
    out = []
    for l in text.splitlines():
        mm = WRITE_LINE.match(l)
        if mm:
            out.append((int(mm.group(1)), int(mm.group(2), 16), int(mm.group(4), 16),
                        int.from_bytes(bytes.fromhex(mm.group(5)), "little"),
                        int.from_bytes(bytes.fromhex(mm.group(6)), "little"), mm.group(7)))
    return out


hist = monitor("history")
snaps = int(re.search(r"Snapshots: (\d+)", hist).group(1))
floor = int(re.search(r"Undo log reaches back to instruction (\d+)", hist).group(1))
check(snaps >= 8 and floor > end // 3, "a history of %d instructions over %d snapshots, the undo log from %d only"
      % (end, snaps, floor))

# Every write of progress, in order, from the program's own rule.
want = list(range(0, n, 64))
text = monitor("writes 0x%x 4" % progress)
rows = rows_of(text)
check(len(rows) == len(want), "%d writes of progress listed, the program makes %d: %r" % (len(rows), len(want),
                                                                                        text.splitlines()[-1]))
check([r[4] for r in rows] == want, "the new values are 0, 64, 128, ... %d" % want[-1])
check([r[3] for r in rows] == [0] + want[:-1], "each old value is the one before")
check(all(a[0] < b[0] for a, b in zip(rows, rows[1:])), "the counts go up")
check(all(line_of(r[1]) == m["progress"] and r[2] == progress and r[5] is None for r in rows),
      "each is the store at MARK:progress")
check(when() == end, "after the listing, still at %d" % end)

# A slice of it: FROM/TO select by count.
lo, hi = rows[len(rows) // 3][0], rows[2 * len(rows) // 3][0]
part = rows_of(monitor("writes 0x%x 4 %d %d" % (progress, lo, hi)))
check(part == [r for r in rows if lo <= r[0] < hi], "writes FROM TO lists the %d of [%d, %d)" % (len(part), lo, hi))


def via_last(addr):
    out = monitor("last 0x%x 4" % addr)
    gdb.execute("maintenance flush register-cache")
    rr = rows_of(out)
    check(len(rr) == 1 and rr[0][0] == when(), "monitor last: %r" % out.splitlines()[:2])
    return when(), pc(), rr[0][4]


def via_watch(expr):
    run("monitor seek %d" % end)
    gdb.execute("maintenance flush register-cache")
    run("watch -l " + expr)
    out = run("reverse-continue")
    run("delete")
    check("atchpoint" in out, "reverse-continue stopped at a watchpoint on %s" % expr)
    return when(), pc()


for name, addr, line, value in (("midpoint", midpoint, m["midpoint"], n // 2 + 1),
                                ("marker", marker, m["marker"], 0x11223344)):
    run("monitor seek %d" % end)
    gdb.execute("maintenance flush register-cache")
    c, p, v = via_last(addr)
    check(line_of(p) == line and v == value, "monitor last %s: at MARK:%s, writing %#x (%d)" % (name, name, v, c))
    check((c, p) == via_watch(name), "monitor last %s lands where reverse-continue does" % name)

run("kill")
