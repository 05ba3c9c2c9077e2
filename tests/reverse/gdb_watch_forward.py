# Write watchpoints going forward, at the end of history (live execution),
# on programs/watch.c: `watch -l buf[3]` set at the entry point must stop
# right after fill() writes buf[3] ('a' + 3, at MARK:fill_store, with the
# loop counter i = 3), then right after MARK:store3 writes 'Q' (the stop is
# at the next line, MARK:after3), with gdb's Old/New values.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
if os.environ.get("WATCH_REPLAY") == "1":
    run("break %d" % m["end"])
    run("continue")
    check(frame_line() == m["end"], "at line %d, the end of history" % m["end"])
    run("delete")
    out = run("reverse-continue")
    check(no_history(out) and pc() == entry_point(), "back at the entry point")


def stopped_after_write(out, old, new, store_line, how):
    check("Hardware watchpoint" in out and "buf[3]" in out, "%s: watchpoint reported" % how)
    check("Old value = %s\n" % old in out, "%s: Old value = %s" % (how, old))
    check("New value = %s\n" % new in out, "%s: New value = %s" % (how, new))
    check(line_of(pc() - 4) == store_line, "%s: the last instruction (0x%x) belongs to line %d (got %d)"
          % (how, pc() - 4, store_line, line_of(pc() - 4)))
    check(val("buf[3]") == ord(new.split("'")[1]), "%s: buf[3] now holds %s" % (how, new))


out = run("watch -l buf[3]")
check(re.search(r"Hardware watchpoint \d+: -location buf\[3\]", out), "hardware watchpoint set")
out = run("continue")
stopped_after_write(out, "0 '\\000'", "100 'd'", m["fill_store"], "first write (fill)")
check(func() == "fill" and val("i") == 3, "in fill() at iteration i = 3")
out = run("continue")
stopped_after_write(out, "100 'd'", "81 'Q'", m["store3"], "second write (MARK:store3)")
check(func() == "main" and frame_line() == m["after3"], "stopped at the next line, %d (got %d)" % (m["after3"], frame_line()))
out = continue_to_exit()
check("exited normally" in out, "no more writes of buf[3]: the program ends")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "abXQYZWhijklmnop\n", "output: %r" % text)
