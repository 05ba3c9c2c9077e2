# reverse-continue on programs/loop.c: to a breakpoint in a loop body (the
# previous iteration: counter one less, the accumulator as it was then),
# forward again through replayed iterations into live ones, and with no
# breakpoints back to the start of history ("No more reverse-execution
# history.", at the entry point). The output must still be right.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403


def acc_before(i):
    """acc when iteration i starts: the sum of 3k + 1 for k < i."""
    return sum(3 * k + 1 for k in range(i))


def at_body(i, out, how):
    check("Breakpoint 1, main ()" in out, "%s: reports breakpoint 1" % how)
    check(frame_line() == m["body"], "%s: at line %d (got %d)" % (how, m["body"], frame_line()))
    check(val("i") == i, "%s: i = %d (got %d)" % (how, i, val("i")))
    check(val("acc") == acc_before(i), "%s: acc = %d (got %d)" % (how, acc_before(i), val("acc")))


connect()
m = markers()
entry = entry_point()
run("break %d" % m["body"])
at_body(0, run("continue"), "first continue")
for i in range(1, 6):
    at_body(i, run("continue"), "continue %d" % i)
at_body(4, run("reverse-continue"), "reverse-continue")
at_body(3, run("reverse-continue"), "second reverse-continue")
at_body(4, run("continue"), "continue (replay)")
at_body(5, run("continue"), "continue (replay to the end of history)")
at_body(6, run("continue"), "continue (live)")
at_body(5, run("reverse-continue"), "reverse-continue after going live again")

run("delete")
out = run("reverse-continue")
check(no_history(out), "reverse-continue without breakpoints: 'No more reverse-execution history.'")
check(pc() == entry, "at the entry point 0x%x (pc 0x%x)" % (entry, pc()))
out = run("reverse-continue")
check(no_history(out) and pc() == entry, "again at the start: no more history, pc unchanged")
out = run("reverse-stepi")
check(no_history(out) and pc() == entry, "reverse-stepi at the start: no more history, pc unchanged")
out = continue_to_exit()
check("exited normally" in out, "continue runs to the end: %r" % out.strip())
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "acc %d\n" % acc_before(20), "output once: %r" % text)
