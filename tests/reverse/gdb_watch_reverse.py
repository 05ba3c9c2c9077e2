# Write watchpoints going backwards on programs/watch.c: from MARK:end,
# `watch -l buf[3]` + reverse-continue stops at the last write of buf[3]
# before (MARK:store3, 'd' -> 'Q': gdb shows Old = 'Q', New = 'd', the value
# before the write), then at the one before (fill(), iteration i = 3,
# 0 -> 'd'), then at the start of history. Going forward again from there
# replays the same writes (stopped after each, as forward watchpoints do).
# Read and access watchpoints work forwards and backwards.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
entry = entry_point()


def watch_report(out, old, new, how):
    check("Hardware watchpoint 2: -location buf[3]" in out, "%s: watchpoint 2 reported" % how)
    check("Old value = %s\n" % old in out, "%s: Old value = %s" % (how, old))
    check("New value = %s\n" % new in out, "%s: New value = %s" % (how, new))


def char(v):
    return ord(v.split("'")[1]) if "'" in v else int(v.split()[0])


run("break %d" % m["end"])
out = run("continue")
check(frame_line() == m["end"], "at line %d" % m["end"])
expected = [ord("a") + i for i in range(16)]
for i, c in [(2, "X"), (4, "Y"), (3, "Q"), (5, "Z"), (6, "W")]:
    expected[i] = ord(c)
check([val("buf[%d]" % i) for i in range(16)] == expected, "buf as the program wrote it")

out = run("watch -l buf[3]")
check("Hardware watchpoint 2: -location buf[3]" in out, "hardware watchpoint set")

# Backwards: the stop is at the writing instruction, before it ran.
out = run("reverse-continue")
watch_report(out, "81 'Q'", "100 'd'", "reverse to MARK:store3")
check(func() == "main" and frame_line() == m["store3"], "at line %d (got %d)" % (m["store3"], frame_line()))
check(val("buf[3]") == ord("d") and val("buf[4]") == ord("Y") and val("buf[5]") == ord("f"),
      "memory as before the store: buf[3] 'd', buf[4] 'Y' (written before), buf[5] 'f' (written after)")
out = run("x/i $pc")
check(re.search(r"\bstr", out), "the instruction at pc is a store: %r" % out.strip())

out = run("reverse-continue")
watch_report(out, "100 'd'", "0 '\\000'", "reverse to fill()")
check(func() == "fill" and frame_line() == m["fill_store"], "in fill() at line %d (got %s:%d)"
      % (m["fill_store"], func(), frame_line()))
check(val("i") == 3 and val("buf[3]") == 0 and val("buf[2]") == ord("c"), "iteration i = 3: buf[2] 'c', buf[3] 0")

out = run("reverse-continue")
check(no_history(out) and pc() == entry, "then no more history, at the entry point")

# Forwards again (replay): stops after each write.
out = run("continue")
watch_report(out, "0 '\\000'", "100 'd'", "forward to fill()'s write")
check(func() == "fill" and line_of(pc() - 4) == m["fill_store"] and val("i") == 3,
      "stopped right after the store in line %d (i = 3)" % m["fill_store"])
out = run("continue")
watch_report(out, "100 'd'", "81 'Q'", "forward to MARK:store3")
check(frame_line() == m["after3"] and line_of(pc() - 4) == m["store3"],
      "stopped right after line %d, at line %d" % (m["store3"], m["after3"]))
out = run("continue")
check("Breakpoint 1, main (" in out and frame_line() == m["end"], "then at the breakpoint at the end")

# Read and access watchpoints. From MARK:end, the first read of buf[3] is
# printf's (inside libc); going back from just after it with an access
# watchpoint, the first access met is that read itself, the next one the
# write at MARK:store3.
run("delete")
run("rwatch buf[3]")
out = run("continue")
check(re.search(r"Hardware read watchpoint \d+: buf\[3\]", out) and "Value = 81 'Q'" in out,
      "rwatch: printf's read of buf[3] ('Q')")
check(func() != "main", "the read is in printf's machinery (%s)" % func())
run("delete")
run("awatch buf[3]")
read_pc = pc()
out = run("reverse-continue")
check(re.search(r"Hardware access \(read/write\) watchpoint \d+: buf\[3\]", out) and "Value = 81 'Q'" in out
      and func() == "strnlen" and pc() < read_pc, "awatch backwards: first the read just done (at 0x%x)" % pc())
out = run("reverse-continue")
check(re.search(r"Hardware access \(read/write\) watchpoint \d+: buf\[3\]", out) and
      "Old value = 81 'Q'" in out and "New value = 100 'd'" in out,
      "awatch backwards: the write at MARK:store3 (undone: 'Q' back to 'd', as gdb shows it in reverse)")
check(func() == "main" and frame_line() == m["store3"], "at line %d (got %d)" % (m["store3"], frame_line()))
run("delete")

out = continue_to_exit()
check("exited normally" in out, "the program ends")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == bytes(expected).decode() + "\n", "output once: %r" % text)
