# Signals gdb passes without stopping, on programs/sigpass.c:
# - `handle SIGUSR1/SIGALRM nostop noprint pass` makes gdb send QPassSignals
#   (gdb's numbers: SIGUSR1 is 0x1e, SIGALRM 0xe); the stub then delivers
#   them without a stop reply, as gdbserver does (checked on the packets with
#   `set debug remote`): three raised SIGUSR1s and five timer SIGALRMs;
# - SIGUSR2 (stop print) is still reported before delivery;
# - `queue-signal SIGUSR1` at a breakpoint: the next continue delivers it;
# - after the run, reverse-continue to a breakpoint in the SIGUSR1 handler
#   lands on the queued delivery's handler, and once more on the last
#   passed one (deliveries without stops are history like any other);
#   forward again in replay, only SIGUSR2 stops;
# - the program's own count (exit status 114: 4 SIGUSR1, 5 or more SIGALRM, 1 SIGUSR2).
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
run("handle SIGUSR1 nostop noprint pass")
run("handle SIGALRM nostop noprint pass")
out = run("show remote pass-signals-packet")
check("currently enabled" in out, "QPassSignals is supported: %r" % out.strip())
run("break %d" % m["queue"])
run("set debug remote 1")
out = run("continue")
run("set debug remote 0")
stops = re.findall(r"Packet received: [TS]([0-9a-f]{2})", out)
check("Program received signal SIGUSR2" in out, "SIGUSR2 (stop print) is reported")
check("1e" not in stops and "0e" not in stops,
      "no stop reply for SIGUSR1 or SIGALRM, only %s" % stops)
check(val("usr1") == 3 and val("alarms") >= 5, "3 SIGUSR1 and %d SIGALRM handled meanwhile" % val("alarms"))
out = run("continue")
check(frame_line() == m["queue"], "at MARK:queue (line %d)" % frame_line())
check(val("usr2") == 1, "the SIGUSR2 handler ran once")
run("queue-signal SIGUSR1")
run("break on_usr1")
out = run("continue")
check(val("usr1") == 3 and re.search(r"on_usr1", out) is not None,
      "continue after queue-signal: in the SIGUSR1 handler (usr1 still 3)")
queued_at = when()
run("delete")
out = run("continue")
check(at_exit_stop(out), "the program runs to its exit stop")
run("break on_usr1")
out = run("reverse-continue")
check(when() == queued_at, "reverse-continue: back on the queued delivery's handler (%d, %d)" % (when(), queued_at))
out = run("reverse-continue")
check(when() < queued_at and val("usr1") == 2,
      "reverse-continue again: the last passed SIGUSR1's handler (usr1 %d)" % val("usr1"))
run("delete")
out = run("continue")
check("Program received signal SIGUSR2" in out, "forward again (replay): SIGUSR2 is reported again, the others not")
out = run("continue")
check(at_exit_stop(out), "then to the exit stop (the queued SIGUSR1 replayed)")
out = run("continue")
check("exited with code 0162" in out, "exit status 114: %r" % out[-200:])
