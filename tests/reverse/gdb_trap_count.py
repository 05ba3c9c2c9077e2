# A BKPT or UDF does not retire: after `mov; mov; TRAP` the stop is at
# instruction count 2 (programs/trap_count.S), with the pc at the trap.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

sig = os.environ["TRAP_SIGNAL"]
connect()
start = pc()
out = run("continue")
check("Program received signal %s" % sig in out, "continue: %s reported" % sig)
check(pc() == start + 8, "stopped at the trap, 0x%x (got 0x%x)" % (start + 8, pc()))
check(when() == 2, "two instructions retired before it (monitor when = %d)" % when())
check(val("$r0") == 1 and val("$r1") == 2, "both movs ran")
out = run("reverse-stepi")
check(when() == 1 and pc() == start + 4, "reverse-stepi: back to count 1 at the second mov")
