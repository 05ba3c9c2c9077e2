# QProgramSignals at detach, on programs/sigpass.c: with SIGUSR2 `nopass`
# gdb's list leaves it out; detaching while stopped before its delivery
# (gdb was told about it, the program has not got it) drops it, as
# gdbserver does for signals not in the list: the program ends with 13
# (its SIGUSR2 handler never ran; 113 if it had). run_gdb.sh checks it.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
run("handle SIGUSR1 nostop noprint pass")
run("handle SIGALRM nostop noprint pass")
run("handle SIGUSR2 stop print nopass")
out = run("show remote program-signals-packet")
check("currently enabled" in out, "QProgramSignals is supported: %r" % out.strip())
out = run("continue")
check("Program received signal SIGUSR2" in out, "stopped before SIGUSR2 is delivered")
check(val("usr2") == 0, "its handler has not run")
run("detach")
