# Ctrl-C while the program blocks in read() on programs/blocked.c (a pipe
# nobody writes to): gdb must report SIGINT with the program inside read(),
# called from MARK:read, and the read must not have happened -- the state
# is the one before its SVC, which is where the pc is (gdb's frame 0 is
# read(), frame 1 main at MARK:read). A stepi onto the SVC and back works,
# the output so far is there once, then kill.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
out = run_interrupted()
check("Program received signal SIGINT" in out, "gdb reports SIGINT while the program blocks")
check(syscall_func() in ("read", "__libc_read", "__read"), "the program is inside read() (%s)" % syscall_func())
insn = gdb.execute("x/i $pc", to_string=True)
check("svc" in insn, "the pc is at the SVC, not past it: %s" % insn.strip())
caller = syscall_frame().older()
check(caller is not None and caller.name() == "main" and caller.find_sal().line == m["read"],
      "called from main at MARK:read (line %d)" % m["read"])
before = regs()
run("reverse-stepi")
run("stepi")
check(regs() == before, "reverse-stepi + stepi come back to the same registers")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "before read\n", "the output so far, once: %r" % text)
run("kill")
