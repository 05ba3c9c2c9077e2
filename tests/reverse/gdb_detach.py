# detach on programs/basics.c: stop at MARK:scaled, go DETACH_BACK (env,
# default 0) instructions back into history, detach. The program must then
# run to its end without the debugger: run_gdb.sh checks its complete output
# (BS_EXPECT_STDOUT, each line once) and backstep's exit status, which must
# be the program's (BS_EXPECT_STATUS).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
run("break %d" % m["scaled"])
out = run("continue")
check(frame_line() == m["scaled"], "stopped at line %d" % m["scaled"])
back = int(os.environ.get("DETACH_BACK", "0"))
start = regs()
for _ in range(back):
    run("reverse-stepi")
if back:
    check(regs()["pc"] != start["pc"], "%d instructions back in history" % back)
out = run("detach")
check("detached" in out, "detach: %r" % out.strip())
