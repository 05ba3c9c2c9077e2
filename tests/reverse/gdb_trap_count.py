# A BKPT or UDF does not retire: after `mov; mov; TRAP` the stop is at
# instruction count 2 (programs/trap_count.S), with the pc at the trap.
# INSN_SIZE=2: the Thumb build (16-bit instructions, T set throughout).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

sig = os.environ["TRAP_SIGNAL"]
size = int(os.environ.get("INSN_SIZE", "4"))
connect()
start = pc()
check(bool(val("$cpsr") & 0x20) == (size == 2), "starts in %s state" % ("Thumb" if size == 2 else "ARM"))
out = run("continue")
check("Program received signal %s" % sig in out, "continue: %s reported" % sig)
check(pc() == start + 2 * size, "stopped at the trap, 0x%x (got 0x%x)" % (start + 2 * size, pc()))
check(when() == 2, "two instructions retired before it (monitor when = %d)" % when())
check(val("$r0") == 1 and val("$r1") == 2, "both movs ran")
# The kernel's siginfo (arch/arm/kernel: do_undefinstr -> SIGILL ILL_ILLOPC,
# ptrace_break -> SIGTRAP TRAP_BRKPT; both 1), si_addr the trap's address.
check(val("$_siginfo.si_signo") == (4 if sig == "SIGILL" else 5) and val("$_siginfo.si_code") == 1 and
      val("(unsigned)$_siginfo._sifields._sigfault.si_addr") == start + 2 * size,
      "siginfo: %s, si_code 1, si_addr = the trap" % sig)
out = run("reverse-stepi")
check(when() == 1 and pc() == start + size, "reverse-stepi: back to count 1 at the second mov")
