# A conditional BKPT on programs/cond_trap.S: `bkptne` with Z set (and
# `udfne` after it) are skipped and count as retired instructions; the
# `bkptne` with Z clear stops with SIGTRAP at count 6 (mov, cmp, the two
# skipped ones, mov, cmp). Stepping onto, over and back across the skipped
# ones moves one instruction each; a breakpoint on a skipped one is hit
# both ways.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
skip_bkpt = val("(unsigned)&skip_bkpt")
skip_udf = val("(unsigned)&skip_udf")
hit_bkpt = val("(unsigned)&hit_bkpt")

out = run("continue")
check("Program received signal SIGTRAP" in out, "continue: SIGTRAP reported")
check(pc() == hit_bkpt and when() == 6, "at the bkptne whose condition holds (0x%x), count 6 (got 0x%x, %d)"
      % (hit_bkpt, pc(), when()))
check(val("$r1") == 5, "the instructions after the skipped ones ran")

# Back over the skipped instructions, one at a time.
run("reverse-stepi")
run("reverse-stepi")
check(pc() == skip_udf + 4 and when() == 4, "two reverse-stepi: after the skipped udfne, count 4")
run("reverse-stepi")
check(pc() == skip_udf and when() == 3, "reverse-stepi: at the skipped udfne, count 3")
run("reverse-stepi")
check(pc() == skip_bkpt and when() == 2, "reverse-stepi: at the skipped bkptne, count 2")
out = run("stepi")
check("SIGTRAP" not in out and "SIGILL" not in out and pc() == skip_udf and when() == 3,
      "stepi over the skipped bkptne: no signal, at the udfne, count 3")
out = run("stepi")
check("SIGILL" not in out and pc() == skip_udf + 4 and when() == 4, "stepi over the skipped udfne, count 4")

# A breakpoint on a skipped instruction, found going back and forward.
run("break *0x%x" % skip_udf)
out = run("reverse-continue")
check("Breakpoint 1," in out and pc() == skip_udf and when() == 3, "reverse-continue: at the breakpoint on udfne")
run("reverse-stepi")
run("reverse-stepi")
run("reverse-stepi")
check(when() == 0, "back at the start")
out = run("continue")
check("Breakpoint 1," in out and pc() == skip_udf and when() == 3, "continue: at the breakpoint on udfne")
run("delete")
out = run("continue")
check("Program received signal SIGTRAP" in out and pc() == hit_bkpt and when() == 6, "continue: the same trap")
out = run("signal SIGTRAP")  # gdb does not pass SIGTRAP on `continue`
check("Program terminated with signal SIGTRAP" in out, "delivering it terminates the program")
