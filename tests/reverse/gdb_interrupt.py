# Ctrl-C on programs/spin.c (a loop of 10^10 iterations): a timer thread
# sends SIGINT to gdb itself after 1 s of `continue`, as a terminal would;
# gdb interrupts the target (0x03) and must report SIGINT with the pc inside
# the loop function. Stepping works there, a second continue + Ctrl-C goes
# on (the counter grew), Ctrl-C also stops a reverse-continue, then kill.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403


def interrupted_continue(how, cmd="continue", after=1.0):
    out = run_interrupted(cmd, after)
    check("Program received signal SIGINT" in out, "%s: gdb reports SIGINT" % how)
    fn = gdb.lookup_global_symbol("spin_forever") or gdb.lookup_static_symbol("spin_forever")
    block = gdb.block_for_pc(int(fn.value().address))
    while block.function is None:
        block = block.superblock
    start, end = block.start, block.end
    check(start <= pc() < end and func() == "spin_forever",
          "%s: pc 0x%x inside spin_forever [0x%x, 0x%x)" % (how, pc(), start, end))
    return val("counter")


connect()
m = markers()
c1 = interrupted_continue("first Ctrl-C")
i1 = val("i")
check(c1 > 0, "the loop ran (counter %d, i = %d)" % (c1, i1))
before = regs()
run("stepi")
run("reverse-stepi")
check(regs() == before, "stepi + reverse-stepi round trip after the interrupt")
run("break %d" % m["spin_body"])
out = run("continue")
check("Breakpoint 1" in out and frame_line() == m["spin_body"], "continue to a breakpoint in the loop body")
i = val("i")
check(i in (i1, i1 + 1), "the breakpoint stops in the iteration after the interrupt (i = %d, interrupted at %d)"
      % (i, i1))
check(val("counter") == i * (i - 1) // 2, "counter = 0 + 1 + ... + (i - 1), i = %d" % i)
out = run("reverse-continue")
check("Breakpoint 1" in out and frame_line() == m["spin_body"], "reverse-continue to it")
check(val("i") == i - 1 and val("counter") == (i - 1) * (i - 2) // 2, "the previous iteration, i = %d" % (i - 1))
run("delete")
c2 = interrupted_continue("second Ctrl-C")
check(c2 > c1, "the loop went on: counter %d > %d" % (c2, c1))
# Ctrl-C during a reverse-continue over a second or so of history (without
# breakpoints it would go back to the start).
i2 = val("i")
c3 = interrupted_continue("Ctrl-C during reverse-continue", "reverse-continue", 0.3)
check(val("i") < i2 and c3 < c2, "reverse-continue went back (i = %d < %d)" % (val("i"), i2))
out = run("kill")
check("killed" in out, "kill")
