# Output while going back and forth, on programs/printer.c (line-buffered
# stdout: one write(2) per printf). Each "line N" must reach the guest's
# stdout exactly once: not again when replaying the writes after going
# back, and not lost.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()


def output():
    with open(os.environ["BS_GUEST_OUT"]) as f:
        return f.read()


def lines(n):
    return "".join("line %d\n" % k for k in range(1, n + 1))


run("break %d" % m["print"])
for k in range(1, 7):
    out = run("continue")
    check("Breakpoint 1, main ()" in out and val("i") == k, "at the printf of line %d" % k)
check(output() == lines(5), "lines 1-5 printed: %r" % output())

out = run("reverse-continue")
check(val("i") == 5 and frame_line() == m["print"], "reverse-continue: back before line 5 is printed")
out = run("reverse-continue")
check(val("i") == 4, "reverse-continue: back before line 4 is printed")
run("reverse-step")
run("reverse-step")
check(val("i") == 3, "reverse-step x2: into iteration 3 (i = %d, line %d)" % (val("i"), frame_line()))
check(output() == lines(5), "going back does not change the output")



def through_write(n, printed, how):
    """From a stop before a printf's write(2): stepi n times over the
    system call, back, and over it again."""
    run("tbreak write")
    out = run("continue")
    check("Temporary breakpoint" in out and func() == "write", "%s: in write()" % how)
    for _ in range(n):
        run("stepi")
    check(output() == lines(printed), "%s: stepped over the system call: output %r" % (how, output()))
    for _ in range(n):
        run("reverse-stepi")
    check(func() == "write" and output() == lines(printed), "%s: stepped back" % how)
    for _ in range(n):
        run("stepi")
    check(output() == lines(printed), "%s: stepped over it again: output %r" % (how, output()))
    for _ in range(10):  # out of write, the stdio internals and printf
        if func() == "main":
            break
        run("finish")
    check(func() == "main", "%s: finished back into main" % how)


# Forward over the printfs again, replaying their writes: line 3's write
# by stepping through it, then nexts over lines 4 and 5.
run("delete")
through_write(20, 5, "replayed write of line 3")
check(val("i") == 3, "back in main, iteration 3")
while val("i") < 6:
    run("next")
check(val("i") == 6 and output() == lines(5), "next up to iteration 6: nothing printed again: %r" % output())
# On into the live part: line 6 is printed when its write runs.
run("next")
check(output() == lines(6), "next over the live printf of line 6 prints it: %r" % output())
run("break %d" % m["print"])
while True:
    out = run("continue")
    if "Breakpoint" not in out:
        break
    if val("i") == 8:
        through_write(20, 8, "live write of line 8")
check(at_exit_stop(out), "no more breakpoint hits: stopped before the exit SVC")
out = run("continue")
check("exited normally" in out, "the program ends")
check(output() == lines(10) + "end\n", "each line exactly once: %r" % output())
