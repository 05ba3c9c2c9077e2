# `monitor writes` on programs/writes_mixed.c, whose `shared` is written by
# stores in main, in a SIGSEGV handler and in three threads, and by read(2),
# against an independent reference: a write watchpoint and reverse-continue
# from the end back to the start of history, one stop per write (the
# engine's own backward search). Every write must be listed once, with the
# count, pc and thread of the stop; the read(2) as a syscall write.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
run("handle SIGSEGV nostop noprint pass")
m = markers()
continue_to_mark(m, "end")
end = when()
shared = val("(unsigned)&shared")

text = gdb.execute("monitor writes 0x%x 4" % shared, to_string=True)
rows = []
for l in text.splitlines():
    mm = WRITE_LINE.match(l)
    if mm:
        rows.append((int(mm.group(1)), int(mm.group(2), 16), int(mm.group(3)), mm.group(7)))
print("listed %d writes: %s" % (len(rows), text.strip().splitlines()[-1]))

# The reference, newest first.
run("delete")
run("watch -l shared")
ref = []
while True:
    out = run("reverse-continue")
    if no_history(out):
        break
    if "atchpoint" not in out:
        fail("reverse-continue did not stop at the watchpoint: %r" % out[-200:])
    ref.append((when(), pc(), gdb.selected_thread().ptid[1]))
    if len(ref) > 400:
        fail("more than 400 writes")
ref.reverse()
print("reference: %d writes" % len(ref))

lines = {line_of(r[1]) for r in rows}
check(len(ref) >= 120 and {m["first"], m["handler"], m["worker"], m["last"]} <= lines,
      "the program's writes are there (stores at %r)" % sorted(lines))
check([(c, p) for c, p, _, _ in rows] == [(c, p) for c, p, _ in ref],
      "the listing's counts and pcs are the reference's: only listed %r, only in the reference %r"
      % (sorted({(c, p) for c, p, _, _ in rows} - {(c, p) for c, p, _ in ref})[:5],
         sorted({(c, p) for c, p, _ in ref} - {(c, p) for c, p, _, _ in rows})[:5]))
check([t for _, _, t, _ in rows] == [t for _, _, t in ref], "each write's thread is the stop's")
sys_rows = [r for r in rows if r[3] == "syscall"]
check(len(sys_rows) == 1 and line_of(sys_rows[0][1]) != m["worker"], "read(2) is listed once as a syscall write")
check(all(r[3] is None for r in rows if r is not sys_rows[0]), "every other write is a store")
run("kill")
