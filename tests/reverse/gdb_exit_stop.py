# The end of the program is not the end of history: `continue` stops before
# the exit SVC (SIGTRAP), and from there reverse-continue with a watchpoint,
# reverse-step and stepi work; the next `continue` (or `kill`, `detach`:
# EXIT_HOW) really ends it with its status (run_gdb.sh checks backstep's).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
out = run("continue")
check(at_exit_stop(out), "continue from the start stops before the exit SVC")
exit_pc = pc()
# (armhf's dynamic libc.so.6 is stripped: its __libc_do_syscall has no
# symbol, and gdb names no function there; at_exit_stop's r7 check stands.)
if syscall_func() is not None or elf_interp() is None:
    check("exit" in (syscall_func() or ""), "the exit stop is in an exit function (%s)" % syscall_func())
check(val("total") == 42, "the program's last state: total = 42")
out = run("watch -l total")
out = run("reverse-continue")
# In reverse gdb prints the values in the direction of travel.
check("Hardware watchpoint" in out and "Old value = 42" in out and "New value = 10" in out,
      "reverse-continue from the exit finds the last write of total (10 -> 42, seen backwards)")
check(func() == "main" and frame_line() == m["last_write"] and val("total") == 10,
      "stopped on MARK:last_write, before the store (total = 10)")
out = run("reverse-continue")
check("Old value = 10" in out and "New value = 6" in out and func() == "add",
      "the write before it: in add(), 6 -> 10")
run("delete")
run("reverse-step")
check(func() == "add" and frame_line() == m["add_write"], "reverse-step: back on MARK:add_write")
check(val("total") == 6 and val("x") == 4, "total = 6 before the write, x = 4")
run("stepi")
run("reverse-stepi")
check(func() == "add" and val("total") == 6, "stepi / reverse-stepi there")
out = run("continue")
check(at_exit_stop(out) and pc() == exit_pc, "continue: the exit stop again, same pc")
how = os.environ.get("EXIT_HOW", "continue")
if how == "continue":
    out = run("continue")
    check("exited with code 05" in out, "the second continue exits with status 5")
elif how == "kill":
    run("kill")
elif how == "detach":
    run("detach")
