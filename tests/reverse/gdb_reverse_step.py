# reverse-next, reverse-step and reverse-finish on programs/calls.c, where
# main calls mid(1), which calls leaf(1) = 3 (MARK:mid_call1) and
# leaf(3) = 7 (MARK:mid_call2). Lines are checked against the MARK comments.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()


def at(fn, line, how):
    check(func() == fn and frame_line() == m[line], "%s: in %s at MARK:%s, line %d (got %s:%d)"
          % (how, fn, line, m[line], func(), frame_line()))


run("break %d" % m["mid_ret"])
out = run("continue")
at("mid", "mid_ret", "continue")
check(val("a") == 3 and val("b") == 7, "a = leaf(1) = 3, b = leaf(3) = 7")

# reverse-next: over the calls, line by line, then out to the caller.
run("reverse-next")
at("mid", "mid_call2", "reverse-next over leaf(a)")
check(val("a") == 3, "a = 3 (set on the line before)")
run("reverse-next")
at("mid", "mid_call1", "reverse-next over leaf(x)")
check(val("x") == 1, "x = 1")
run("reverse-next")
at("main", "main_call", "reverse-next at mid's first line: back in the caller")
check(val("v") == 1, "v = 1 before the call")

# Forward again (replay) to the breakpoint, then reverse-step into the
# calls: they are entered at their last line.
out = run("next")
check("Breakpoint 1, mid" in out, "next over mid() stops at the breakpoint inside it")
at("mid", "mid_ret", "next")
run("reverse-step")
at("leaf", "leaf_end", "reverse-step into leaf(a)")
check(val("x") == 3 and val("y") == 6, "in the second call: x = 3, y = 6")
run("reverse-step")
at("leaf", "leaf_ret", "reverse-step in leaf")
run("reverse-step")
at("leaf", "leaf_first", "reverse-step in leaf")
run("reverse-step")
at("mid", "mid_call2", "reverse-step out of leaf, to its call")

# reverse-finish: back to the call instruction of the current function.
run("reverse-step")
at("leaf", "leaf_end", "reverse-step into leaf(x)")
check(val("x") == 1 and val("y") == 2, "in the first call: x = 1, y = 2")
ret = gdb.selected_frame().older().pc()
out = run("reverse-finish")
at("mid", "mid_call1", "reverse-finish")
check(pc() == ret - 4, "at the call instruction 0x%x, before the return address 0x%x" % (pc(), ret))
out = run("x/i $pc")
check(re.search(r"\sbl\s", out), "pc is a bl: %r" % out.strip())

# Forward from the middle of a line: step enters leaf again.
run("step")
at("leaf", "leaf_first", "step into leaf(x)")
run("finish")
check(func() == "mid" and frame_line() == m["mid_call1"], "finish returns into MARK:mid_call1")
check(gdb.parse_and_eval("$") == 3, "finish: value returned 3")

# From main's next line, reverse-step enters mid() at its last line;
# reverse-finish from there goes back to main's call instruction.
run("delete")
run("tbreak %d" % m["main_after"])
run("continue")
at("main", "main_after", "continue")
check(val("v") == 10, "v = mid(1) = 3 + 7 = 10")
run("reverse-step")
at("mid", "mid_end", "reverse-step into mid()")
ret = gdb.selected_frame().older().pc()
run("reverse-finish")
at("main", "main_call", "reverse-finish out of mid()")
check(pc() == ret - 4, "at the call instruction 0x%x, before the return address 0x%x" % (pc(), ret))
check(val("v") == 1, "v = 1 again")
run("delete")
out = continue_to_exit()
check("exited normally" in out, "the program ends")
