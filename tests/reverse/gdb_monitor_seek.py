# `monitor seek` with an argument that is not an instruction count (a
# negative number, letters, nothing, digits followed by letters, a sign):
# one line of refusal, the command fails, and nothing moves: the count, the
# end of history and the program's output (BS_GUEST_OUT) stay as they were.
# (strtoull read "-5" as 2^64 - 5 and ran the program live to its exit.)
# A well-formed count still seeks, back and forth.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()
run("break %d" % m["scaled"])
run("continue")
check(frame_line() == m["scaled"], "stopped at line %d, before the first printf" % m["scaled"])


def history_end():
    text = gdb.execute("monitor history", to_string=True)
    return int(text.split("Reachable instruction counts: ")[1].split()[2])


def guest_output():
    with open(os.environ["BS_GUEST_OUT"], "rb") as f:
        return f.read()


now = when()
end = history_end()
out0 = guest_output()
for arg in ["-5", "abc", "", "12abc", "+5", "-0", "99999999999999999999999"]:
    text = run_error("monitor seek " + arg)
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith(">>> ") and not l.startswith("(error")]
    # What backstep printed, then gdb's own error line for the failed qRcmd.
    backstep_lines = [l for l in lines if "Protocol error" not in l and "remote failure" not in l]
    check(len(backstep_lines) == 1, "seek %r: one line of refusal: %r" % (arg, backstep_lines))
    check(when() == now, "seek %r: still at instruction %d (at %d)" % (arg, now, when()))
    check(history_end() == end, "seek %r: history still ends at %d" % (arg, end))
    check(guest_output() == out0, "seek %r: the program printed nothing more" % arg)

back = now - 10
run("monitor seek %d" % back)
check(when() == back, "seek %d (10 back) is at %d" % (back, when()))
run("monitor seek  %d " % now)
check(when() == now, "seek %d (spaces around it) is back at %d" % (now, when()))
