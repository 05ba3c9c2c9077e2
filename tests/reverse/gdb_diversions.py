# Function calls and writes made by gdb leave history alone (issue 14,
# diversions): at the end of history and in the past, `print f(x)` returns
# f's result while `monitor when` and `monitor state-hash` stay as they were
# and no reverse command lands inside the call; `set var` in the past lives
# in a diversion that a reverse command ends; `set var` at the end of
# history changes the live program and is recorded (going back and forth
# keeps it). Program: programs/divert.c.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403


def mon(cmd):
    return gdb.execute("monitor " + cmd, to_string=True).strip().split()[-1]


def point():
    return mon("when"), mon("state-hash")


connect()
m = markers()
run("break %d" % m["end"])
run("continue")
check(frame_line() == m["end"], "stopped at MARK:end")
at_end = point()
g_end = val("g")

# Calls at the end of history: pure, writing a global, making a syscall.
check(val("pure(7)") == 7 * 7 + 3, "print pure(7) at the end of history")
check(point() == at_end, "the call left count and state hash alone")
check(val("bump()") == g_end + 100, "bump() returns g + 100 inside the call")
check(val("g") == g_end and val("calls") == 0, "after the call g and calls are as before")
check(point() == at_end, "bump() left count and state hash alone")
check(val("say()") == 5, "say() made its write(2) inside the call")
check(point() == at_end, "say() left count and state hash alone")

# Back into history: never inside a call gdb made.
run("reverse-next")
check(func() == "main" and frame_line() == m["before_end"],
      "reverse-next after the calls lands in main at MARK:before_end (%s:%d)" % (func(), frame_line()))
past = point()
check(int(past[0]) < int(at_end[0]), "reverse-next went back (%s < %s)" % (past[0], at_end[0]))
check(val("pure(3)") == 12, "print pure(3) in the past")
check(val("bump()") == val("g") + 100, "bump() in the past")
check(point() == past, "calls in the past left count and state hash alone")
run("reverse-stepi")
run("stepi")
check(point() == past, "reverse-stepi / stepi after calls come back to the same state")

# set var in the past: a diversion until a reverse command.
g_past = val("g")
run("set var g = 12345")
check(val("g") == 12345, "set var in the past is visible")
run("reverse-stepi")
check(val("g") == g_past, "a reverse command ends the diversion: g is %d again" % g_past)
run("stepi")
check(point() == past, "history is unchanged after the diversion")

# set var at the end of history: recorded, kept across going back and forth.
run("monitor seek " + at_end[0])
run("maintenance flush register-cache")
check(point() == at_end, "back at the end of history")
run("set var g = 4242")
run("next")
check(val("g") == 4241, "set var at the end of history changed the live program (g - 1 = %d)" % val("g"))
run("reverse-next")
check(val("g") == 4242, "going back keeps the recorded write (%d)" % val("g"))
run("reverse-stepi")
check(val("g") == g_end, "before the write's count g is what the program had (%d)" % val("g"))
run("next")
run("next")
check(val("g") == 4241, "the recorded write is replayed")
run("continue")
out = open(os.environ["BS_GUEST_OUT"]).read()
check("g 4241 calls 0" in out, "the program printed the written g and no call of bump: %r" % out)
check("said" in out, "say()'s write reached stdout during the call")
