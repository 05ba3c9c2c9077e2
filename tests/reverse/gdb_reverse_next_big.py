# reverse-next over a call of about 10^6 instructions on programs/calls.c:
# spin(100000) at MARK:big_call (a loop of ~10 instructions an iteration at
# -O0). From MARK:big_after, reverse-next must land at MARK:big_call with
# the state from before the call; next goes over it again (replay), then
# reverse-step enters spin() at its last line and reverse-finish returns to
# the call. No timing checks: only that it works.
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403


def spin(n):
    s = 0
    for i in range(n):
        s = (s * 31 + i) & 0xFFFFFFFF
    return s


connect()
m = markers()
expected = spin(100000)
run("break %d" % m["big_call"])
run("break %d" % m["big_after"])
run("continue")
check(frame_line() == m["big_call"], "at MARK:big_call")
n_call = when()
run("continue")
check(frame_line() == m["big_after"], "at MARK:big_after")
n_after = when()
print("the call took %d instructions" % (n_after - n_call))
check(n_after - n_call > 500000, "the call is long (%d instructions)" % (n_after - n_call))
check(val("s") == expected and val("v") == 11, "s = spin(100000) = %d, v = 11" % expected)
run("delete")

t = time.time()
run("reverse-next")
print("reverse-next took %.2f s" % (time.time() - t))
check(func() == "main" and frame_line() == m["big_call"], "reverse-next: at MARK:big_call, line %d (got %s:%d)"
      % (m["big_call"], func(), frame_line()))
check(val("v") == 11 and val("s") != expected, "state before the call: v = 11, s not yet set")
t = time.time()
run("next")
print("next took %.2f s" % (time.time() - t))
check(frame_line() == m["big_after"] and val("s") == expected, "next: at MARK:big_after, s = %d again" % expected)
run("reverse-step")
check(func() == "spin" and frame_line() == m["spin_end"] and val("n") == 100000 and val("s") == expected,
      "reverse-step: in spin() at its last line, MARK:spin_end, after the loop (s = %d)" % expected)
ret = gdb.selected_frame().older().pc()
t = time.time()
run("reverse-finish")
print("reverse-finish took %.2f s" % (time.time() - t))
check(func() == "main" and frame_line() == m["big_call"] and pc() == ret - 4,
      "reverse-finish: at the call instruction in MARK:big_call")
out = continue_to_exit()
check("exited normally" in out, "the program ends")
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "v 11 s %d\n" % (expected ^ 11), "output once: %r" % text)
