# Ctrl-C on programs/spinblock.c: every signal blocked, two threads spinning.
# gdb's interrupt is not a guest signal, so it stops the program all the
# same, in one of the two loops; stepping works there; a second Ctrl-C after
# continuing stops it again further on.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403


def interrupted_continue(how):
    out = run_interrupted()
    check("received signal SIGINT" in out, "%s: gdb reports SIGINT" % how)
    check(func() in ("spin_forever", "spin_other"), "%s: stopped in a spin loop (%s)" % (how, func()))
    return when()


connect()
w1 = interrupted_continue("first Ctrl-C")
out = run("info threads")
check(out.count("Thread ") >= 2, "info threads lists both threads")
before = regs()
run("stepi")
run("reverse-stepi")
check(regs() == before, "stepi + reverse-stepi round trip after the interrupt")
w2 = interrupted_continue("second Ctrl-C")
check(w2 > w1, "the program went on (%d > %d)" % (w2, w1))
out = run("kill")
check("killed" in out, "kill")
