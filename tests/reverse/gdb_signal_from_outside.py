# A signal sent to backstep from outside while gdb runs the program
# (programs/spin.c, which leaves SIGTERM at its default): gdb reports it as
# gdbserver would, "Program received signal SIGTERM", at a count in
# history; going back and forth over that point meets it again at the same
# count, and passing it on ends the program: "Program terminated with signal
# SIGTERM".
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
pid = gdb.selected_thread().ptid[1]  # the thread id: backstep's own pid for the first thread
check(pid > 0 and pid != os.getpid(), "the program's pid: %d" % pid)
timer = threading.Timer(1.0, os.kill, (pid, signal.SIGTERM))
timer.start()
try:
    out = run("continue")
finally:
    timer.cancel()
check("Program received signal SIGTERM" in out, "continue stops at the signal: %r" % out[-200:])
at = when()
check(at > 0, "at instruction %d" % at)
run("reverse-stepi")
check(when() == at - 1, "reverse-stepi goes back one instruction: %d" % when())
out = run("continue")
check("Program received signal SIGTERM" in out and when() == at,
      "continue meets the signal again at %d: %r, at %d" % (at, out[-200:], when()))
out = run("continue")
check("Program terminated with signal SIGTERM" in out, "passed on, it ends the program: %r" % out[-200:])
