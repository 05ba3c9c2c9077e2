# A crash on programs/crash.c: use() dereferences node.ptr, which clear()
# set to NULL earlier (MARK:set_null). `continue` must report SIGSEGV with
# the pc at the faulting load (line MARK:deref, its base register 0);
# reverse-stepi/stepi work there; `watch -l node.ptr` + reverse-continue
# finds the line that stored NULL, then the one that stored &target_val.
# Forward again, the crash repeats; continuing past it ends the program by
# SIGSEGV (run_gdb.sh checks backstep's status, 128 + 11).
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
target = val("&target_val")

out = run("continue")
check("Program received signal SIGSEGV" in out, "continue: SIGSEGV reported")
check(func() == "use" and frame_line() == m["deref"], "in use() at MARK:deref, line %d (got %s:%d)"
      % (m["deref"], func(), frame_line()))
fault_pc = pc()
insn = run("x/i $pc")
mm = re.search(r"\bldr\s+\w+, \[(\w+)(?:, #0)?\]", insn)  # Thumb shows the #0
check(mm is not None, "the instruction at pc is a load: %r" % insn.strip())
check(val("$" + mm.group(1)) == 0, "its base register %s is 0" % mm.group(1))
check(val("$_siginfo.si_signo") == 11 and val("$_siginfo.si_code") == 1 and
      val("(unsigned)$_siginfo._sifields._sigfault.si_addr") == 0,
      "siginfo: SIGSEGV, SEGV_MAPERR, si_addr 0 (the address loaded from)")
check(val("p->ptr") == 0 and val("node.value") == sum(range(100)), "node.ptr is NULL, node.value = %d"
      % sum(range(100)))
at_fault = regs()

size = 2 if val("$cpsr") & 0x20 else 4  # a -mthumb build: 16-bit instructions
out = run("reverse-stepi")
check(pc() == fault_pc - size and frame_line() == m["deref"], "reverse-stepi: one instruction back, same line")
out = run("stepi")
check(regs() == at_fault, "stepi: back at the faulting instruction, registers as at the fault")
check("SIGSEGV" not in out, "stepping onto it does not fault")

out = run("watch -l node.ptr")
check(re.search(r"Hardware watchpoint \d+: -location node.ptr", out), "watch -l node.ptr")
out = run("reverse-continue")
check("Old value = (int *) 0x0\n" in out, "Old value = NULL (the value now)")
check(re.search(r"New value = \(int \*\) 0x%x <target_val>\n" % target, out), "New value = &target_val")
check(func() == "clear" and frame_line() == m["set_null"], "found the NULL store: clear(), MARK:set_null, line %d"
      % m["set_null"])
out = run("reverse-continue")
check(re.search(r"Old value = \(int \*\) 0x%x <target_val>\n" % target, out), "Old value = &target_val")
check("New value = (int *) 0x0\n" in out, "New value = 0 (before setup())")
check(func() == "setup" and frame_line() == m["set_good"], "then the store of &target_val: setup(), line %d"
      % m["set_good"])

run("delete")
out = run("continue")
check("Program received signal SIGSEGV" in out and pc() == fault_pc and regs() == at_fault,
      "forward again: the same SIGSEGV at the same state")
out = run("continue")
check("Program terminated with signal SIGSEGV" in out, "continuing delivers it: the program is terminated")
